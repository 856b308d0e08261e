import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import type { MockResourceArgs } from '@pulumi/pulumi/runtime';
import {
  StaticFiles,
  buildManifest,
  diffStaticFiles,
  planUpload,
  type Manifest,
  type StaticFilesInputs,
  type StaticFilesState,
} from '../../infra/static-files';

// Importing the module above creates no resources, so setting the mocks in beforeAll, before
// any StaticFiles is constructed, is early enough. Jest gives this file its own module registry,
// so these mocks are this file's alone.
const ACCOUNT_KEY = 'dGhpcy1pcy1hLXRlc3Qta2V5LW5vdC1hLXJlYWwtb25l';
const registered: MockResourceArgs[] = [];
let sourceDir: string;

beforeAll(async () => {
  await pulumi.runtime.setMocks({
    newResource: (args) => {
      registered.push(args);
      // As the provider's create would answer: the inputs back, plus files.
      const inputs = args.inputs as { manifest: Manifest };
      const files = Object.fromEntries(Object.entries(inputs.manifest).map(([name, entry]) => [name, entry.sha256]));
      return { id: `${args.name}-id`, state: { ...args.inputs, files } };
    },
    call: (args) => args.inputs,
  });
});

beforeEach(() => {
  registered.length = 0;
  sourceDir = mkdtempSync(path.join(tmpdir(), 'static-files-unit-'));
});

afterEach(() => {
  rmSync(sourceDir, { recursive: true, force: true });
});

function write(name: string, content: string): void {
  const file = path.join(sourceDir, ...name.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const sha256 = (content: string): string => createHash('sha256').update(content).digest('hex');

function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

/** The shape in which the mock monitor hands over a secret input. */
interface SecretInput {
  readonly '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270';
  readonly value: unknown;
}

function isSecretInput(value: unknown): value is SecretInput {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)['4dabf18193072939515e22adb298388d'] === '1b47061264138c4ac30d75fd1eb44270';
}

describe('StaticFiles under Pulumi mocks', () => {
  test('registers the manifest as an input, the key only as a secret, and a provider that survives serialisation', async () => {
    write('index.html', '<!doctype html>');
    write('reveal.js', 'console.log(1)');
    write('legal/NOTICE.txt', 'MIT');

    const site = new StaticFiles('site', {
      blobEndpoint: 'https://sms2fa.blob.core.windows.net/',
      accountName: 'sms2fa',
      accountKey: ACCOUNT_KEY,
      sourceDir,
    });
    // Resolving the URN waits for the registration, and the registration for the serialised provider.
    await outputValue(site.urn);

    expect(registered).toHaveLength(1);
    const [resource] = registered;
    expect(resource.type).toBe('pulumi-nodejs:dynamic:StaticFiles');
    const inputs = resource.inputs as Record<string, unknown>;
    expect(inputs).toMatchObject({
      blobEndpoint: 'https://sms2fa.blob.core.windows.net/',
      accountName: 'sms2fa',
      containerName: '$web',
      sourceDir,
      manifest: {
        'index.html': { sha256: sha256('<!doctype html>'), contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' },
        'legal/NOTICE.txt': { sha256: sha256('MIT'), contentType: 'text/plain; charset=utf-8', cacheControl: 'no-cache' },
        'reveal.js': { sha256: sha256('console.log(1)'), contentType: 'text/javascript; charset=utf-8', cacheControl: 'no-cache' },
      },
    });
    expect(Object.keys(inputs.manifest as object)).toHaveLength(3);

    // The key was passed in clear and still arrives as a secret; it is nowhere else in the inputs.
    expect(isSecretInput(inputs.accountKey)).toBe(true);
    expect((inputs.accountKey as SecretInput).value).toBe(ACCOUNT_KEY);
    const { accountKey: _secret, ...others } = inputs;
    expect(JSON.stringify(others)).not.toContain(ACCOUNT_KEY);

    // Exactly what Pulumi's dynamic-provider host does with the __provider text from the state.
    const providerText = inputs.__provider;
    if (typeof providerText !== 'string') throw new Error('no serialised provider among the inputs');
    const requireFromString = require(require.resolve('require-from-string', { paths: [require.resolve('@pulumi/pulumi')] })) as (code: string) => {
      handler: () => pulumi.dynamic.ResourceProvider<StaticFilesInputs, StaticFilesState>;
    };
    const provider = requireFromString(providerText).handler();
    expect(Object.keys(provider).sort()).toEqual(['create', 'delete', 'diff', 'update']);
    const state: StaticFilesState = { ...target(), manifest: buildManifest(sourceDir), files: {} };
    await expect(provider.diff?.('id', state, { ...target(), manifest: buildManifest(sourceDir) })).resolves.toEqual({ changes: false, replaces: [] });

    // `files` is a real output (not reset by a class field), name → sha256, and not secret.
    expect(pulumi.Output.isInstance(site.files)).toBe(true);
    expect(await outputValue(site.files)).toEqual({
      'index.html': sha256('<!doctype html>'),
      'legal/NOTICE.txt': sha256('MIT'),
      'reveal.js': sha256('console.log(1)'),
    });
    expect(await pulumi.isSecret(site.files)).toBe(false);
  });

  test('keeps a container name it is given', async () => {
    write('index.html', 'page');
    const site = new StaticFiles('named', { ...target(), containerName: 'site', sourceDir });
    await outputValue(site.urn);
    expect(registered[0]?.inputs).toMatchObject({ containerName: 'site' });
  });

  test('fails the program, naming the files, when the folder holds one it has no content type for', () => {
    write('index.html', 'page');
    write('bundle/reveal.js.map', '{}');
    expect(() => new StaticFiles('bad', { ...target(), sourceDir })).toThrow('no content type known for "bundle/reveal.js.map"');
    expect(registered).toHaveLength(0);
  });

  test('fails the program on an empty folder or a relative path rather than deploying an empty site', () => {
    expect(() => new StaticFiles('empty', { ...target(), sourceDir })).toThrow(/holds no files; build the frontend first/);
    expect(() => new StaticFiles('relative', { ...target(), sourceDir: 'dist/frontend' })).toThrow(/sourceDir must be an absolute path/);
    expect(() => new StaticFiles('missing', { ...target(), sourceDir: path.join(sourceDir, 'nowhere') })).toThrow(/cannot list .*nowhere/);
  });
});

function target(): Omit<StaticFilesInputs, 'manifest' | 'sourceDir'> & { sourceDir: string } {
  return { blobEndpoint: 'https://sms2fa.blob.core.windows.net/', accountName: 'sms2fa', accountKey: ACCOUNT_KEY, containerName: '$web', sourceDir };
}

const entry = (content: string, contentType = 'text/html; charset=utf-8'): Manifest[string] => ({ sha256: sha256(content), contentType, cacheControl: 'no-cache' });

function inputsWith(manifest: Manifest, overrides: Partial<StaticFilesInputs> = {}): StaticFilesInputs {
  return { ...target(), manifest, ...overrides };
}

function stateWith(manifest: Manifest, overrides: Partial<StaticFilesInputs> = {}): StaticFilesState {
  const inputs = inputsWith(manifest, overrides);
  return { ...inputs, files: Object.fromEntries(Object.entries(manifest).map(([name, value]) => [name, value.sha256])) };
}

describe('diffStaticFiles', () => {
  const manifest = { 'index.html': entry('a'), 'reveal.js': entry('b', 'text/javascript; charset=utf-8') };

  test('reports no change for the same files and target', () => {
    expect(diffStaticFiles(stateWith(manifest), inputsWith({ ...manifest }))).toEqual({ changes: false, replaces: [] });
  });

  test.each([
    ['a changed file', { ...manifest, 'index.html': entry('a2') }],
    ['a new content type', { ...manifest, 'index.html': { ...manifest['index.html'], contentType: 'text/plain; charset=utf-8' } }],
    ['a new cache control', { ...manifest, 'index.html': { ...manifest['index.html'], cacheControl: 'max-age=60' } }],
    ['an added file', { ...manifest, 'styles.css': entry('c', 'text/css; charset=utf-8') }],
    ['a removed file', { 'index.html': manifest['index.html'] }],
  ])('updates in place for %s', (_what, news: Manifest) => {
    expect(diffStaticFiles(stateWith(manifest), inputsWith(news))).toEqual({ changes: true, replaces: [] });
  });

  test('updates in place for a new endpoint or key: the same account reached differently', () => {
    expect(diffStaticFiles(stateWith(manifest), inputsWith(manifest, { blobEndpoint: 'https://cdn-origin.example.com/' }))).toEqual({ changes: true, replaces: [] });
    expect(diffStaticFiles(stateWith(manifest), inputsWith(manifest, { accountKey: 'rotated' }))).toEqual({ changes: true, replaces: [] });
  });

  test('replaces for another account or container', () => {
    expect(diffStaticFiles(stateWith(manifest), inputsWith(manifest, { accountName: 'other' }))).toEqual({ changes: true, replaces: ['accountName'] });
    expect(diffStaticFiles(stateWith(manifest), inputsWith(manifest, { containerName: 'other' }))).toEqual({ changes: true, replaces: ['containerName'] });
  });
});

describe('planUpload', () => {
  const olds = { 'index.html': entry('a'), 'reveal.js': entry('b'), 'old.txt': entry('c') };

  test('on create uploads everything and removes nothing', () => {
    expect(planUpload(undefined, inputsWith(olds))).toEqual({ upload: ['index.html', 'old.txt', 'reveal.js'], remove: [] });
  });

  test('on update uploads changed and new files and removes the ones no longer there', () => {
    const news = { 'index.html': entry('a'), 'reveal.js': entry('b2'), 'img/icon.png': entry('d') };
    expect(planUpload(inputsWith(olds), inputsWith(news))).toEqual({ upload: ['img/icon.png', 'reveal.js'], remove: ['old.txt'] });
  });

  test('uploads everything again when the endpoint changed', () => {
    expect(planUpload(inputsWith(olds), inputsWith(olds, { blobEndpoint: 'https://elsewhere.example.com/' }))).toEqual({
      upload: ['index.html', 'old.txt', 'reveal.js'],
      remove: [],
    });
  });
});
