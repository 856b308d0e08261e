import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BlobServiceClient, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import * as pulumi from '@pulumi/pulumi';
import { buildFrontend } from '../../scripts/build-frontend';
import { buildManifest, staticFilesProvider, type StaticFilesInputs, type StaticFilesState } from '../../infra/static-files';
import { startAzuriteBlob, type RunningAzuriteBlob } from '../helpers/azurite-blob';

// The provider is driven directly, as Pulumi's dynamic-provider host drives it, against a real
// Azurite blob service; each test uploads into a container of its own.
let azurite: RunningAzuriteBlob;
let service: BlobServiceClient;
let container: ContainerClient;
let sourceDir: string;

beforeAll(async () => {
  azurite = await startAzuriteBlob();
  service = new BlobServiceClient(azurite.blobEndpoint, new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey));
});

afterAll(async () => {
  await azurite?.stop();
});

beforeEach(async () => {
  container = service.getContainerClient(`web${randomBytes(6).toString('hex')}`);
  await container.create();
  sourceDir = mkdtempSync(path.join(tmpdir(), 'static-files-'));
});

afterEach(() => {
  rmSync(sourceDir, { recursive: true, force: true });
});

function write(name: string, content: string): void {
  const file = path.join(sourceDir, ...name.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function remove(name: string): void {
  rmSync(path.join(sourceDir, ...name.split('/')));
}

/** What the program would hand the provider for sourceDir as it is now. */
function inputs(overrides: Partial<StaticFilesInputs> = {}): StaticFilesInputs {
  return {
    blobEndpoint: azurite.blobEndpoint,
    accountName: azurite.accountName,
    accountKey: azurite.accountKey,
    containerName: container.containerName,
    sourceDir,
    manifest: buildManifest(sourceDir),
    ...overrides,
  };
}

interface StoredBlob {
  readonly content: string;
  readonly contentType: string | undefined;
  readonly cacheControl: string | undefined;
  readonly etag: string | undefined;
}

/** Every blob in the container, as Azurite serves it on download. */
async function stored(target: ContainerClient = container): Promise<Record<string, StoredBlob>> {
  const blobs: Record<string, StoredBlob> = {};
  for await (const item of target.listBlobsFlat()) {
    const response = await target.getBlobClient(item.name).download();
    const chunks: Buffer[] = [];
    for await (const chunk of response.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
    blobs[item.name] = {
      content: Buffer.concat(chunks).toString('utf8'),
      contentType: response.contentType,
      cacheControl: response.cacheControl,
      etag: response.etag,
    };
  }
  return blobs;
}

async function uploadForeign(name: string, content: string): Promise<void> {
  await container.getBlockBlobClient(name).upload(content, Buffer.byteLength(content), { blobHTTPHeaders: { blobContentType: 'text/plain' } });
}

const sha256 = (content: string): string => createHash('sha256').update(content).digest('hex');

async function create(news: StaticFilesInputs): Promise<{ id: string; outs: StaticFilesState }> {
  const result = await staticFilesProvider.create(news);
  if (!result.outs) throw new Error('create returned no outputs');
  return { id: result.id, outs: result.outs };
}

async function update(id: string, olds: StaticFilesState, news: StaticFilesInputs): Promise<StaticFilesState> {
  if (!staticFilesProvider.update) throw new Error('the provider has no update');
  const result = await staticFilesProvider.update(id, olds, news);
  if (!result.outs) throw new Error('update returned no outputs');
  return result.outs;
}

async function destroy(id: string, props: StaticFilesState): Promise<void> {
  if (!staticFilesProvider.delete) throw new Error('the provider has no delete');
  await staticFilesProvider.delete(id, props);
}

test('create uploads every file, nested ones too, with the content type and cache control Azurite then serves', async () => {
  write('index.html', '<!doctype html><title>reveal</title>');
  write('reveal.js', 'console.log("reveal")');
  write('styles.css', 'body{margin:0}');
  write('config.json', '{"rpId":"localhost"}');
  write('icon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write('legal/THIRD-PARTY.txt', 'MIT');

  const { id, outs } = await create(inputs());

  expect(await stored()).toEqual({
    'config.json': expect.objectContaining({ content: '{"rpId":"localhost"}', contentType: 'application/json; charset=utf-8', cacheControl: 'no-cache' }),
    'icon.svg': expect.objectContaining({ content: '<svg xmlns="http://www.w3.org/2000/svg"/>', contentType: 'image/svg+xml', cacheControl: 'no-cache' }),
    'index.html': expect.objectContaining({ content: '<!doctype html><title>reveal</title>', contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' }),
    'legal/THIRD-PARTY.txt': expect.objectContaining({ content: 'MIT', contentType: 'text/plain; charset=utf-8', cacheControl: 'no-cache' }),
    'reveal.js': expect.objectContaining({ content: 'console.log("reveal")', contentType: 'text/javascript; charset=utf-8', cacheControl: 'no-cache' }),
    'styles.css': expect.objectContaining({ content: 'body{margin:0}', contentType: 'text/css; charset=utf-8', cacheControl: 'no-cache' }),
  });
  expect(outs.files).toEqual({
    'config.json': sha256('{"rpId":"localhost"}'),
    'icon.svg': sha256('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    'index.html': sha256('<!doctype html><title>reveal</title>'),
    'legal/THIRD-PARTY.txt': sha256('MIT'),
    'reveal.js': sha256('console.log("reveal")'),
    'styles.css': sha256('body{margin:0}'),
  });
  expect(id).toContain(container.containerName);
});

test('update uploads the changed and new files, deletes the removed one, and leaves the rest and foreign blobs alone', async () => {
  write('index.html', 'v1 page');
  write('reveal.js', 'v1 script');
  write('styles.css', 'v1 style');
  write('old.txt', 'going away');
  await uploadForeign('robots.txt', 'someone else put this here');
  const { id, outs } = await create(inputs());
  const before = await stored();

  write('reveal.js', 'v2 script');
  write('img/new.png', 'not really a png');
  remove('old.txt');
  const news = inputs();
  expect(await staticFilesProvider.diff?.(id, outs, news)).toEqual({ changes: true, replaces: [] });
  const updated = await update(id, outs, news);

  const after = await stored();
  expect(Object.keys(after).sort()).toEqual(['img/new.png', 'index.html', 'reveal.js', 'robots.txt', 'styles.css']);
  expect(after['reveal.js']).toMatchObject({ content: 'v2 script', contentType: 'text/javascript; charset=utf-8', cacheControl: 'no-cache' });
  expect(after['img/new.png']).toMatchObject({ content: 'not really a png', contentType: 'image/png', cacheControl: 'no-cache' });
  // Unchanged files are not rewritten (same ETag), and the foreign blob keeps its content and headers.
  expect(after['index.html']).toEqual(before['index.html']);
  expect(after['styles.css']).toEqual(before['styles.css']);
  expect(after['robots.txt']).toEqual(before['robots.txt']);
  expect(updated.files).toEqual({
    'img/new.png': sha256('not really a png'),
    'index.html': sha256('v1 page'),
    'reveal.js': sha256('v2 script'),
    'styles.css': sha256('v1 style'),
  });
  // Once applied, the same folder is no change at all.
  expect(await staticFilesProvider.diff?.(id, updated, inputs())).toEqual({ changes: false, replaces: [] });
});

test('update does not delete a removed file that someone else has since overwritten', async () => {
  write('index.html', 'page');
  write('notes.txt', 'ours');
  const { id, outs } = await create(inputs());
  await uploadForeign('notes.txt', 'theirs now');

  remove('notes.txt');
  await update(id, outs, inputs());

  expect((await stored())['notes.txt']?.content).toBe('theirs now');
});

test('delete removes only the blobs it uploaded, and does not mind those already gone', async () => {
  write('index.html', 'page');
  write('reveal.js', 'script');
  await uploadForeign('robots.txt', 'foreign');
  const { id, outs } = await create(inputs());
  await container.getBlobClient('reveal.js').delete();

  await destroy(id, outs);

  expect(Object.keys(await stored())).toEqual(['robots.txt']);
  await expect(destroy(id, outs)).resolves.toBeUndefined();
});

test('deleting a replaced resource keeps the files its replacement wrote over the same names', async () => {
  // Pulumi replaces create-before-delete: the new resource uploads, then the old one is deleted.
  write('index.html', 'page');
  write('reveal.js', 'script');
  const old = await create(inputs());
  write('reveal.js', 'script v2');
  write('register.html', 'register');
  const replacement = await create(inputs());

  await destroy(old.id, old.outs);

  const after = await stored();
  expect(Object.keys(after).sort()).toEqual(['index.html', 'register.html', 'reveal.js']);
  expect(after['reveal.js']?.content).toBe('script v2');

  await destroy(replacement.id, replacement.outs);
  expect(await stored()).toEqual({});
});

test('create fails, and uploads nothing, when a file changed after the program hashed it', async () => {
  write('index.html', 'page');
  write('reveal.js', 'script as previewed');
  const news = inputs();
  write('reveal.js', 'script rebuilt meanwhile');

  await expect(create(news)).rejects.toThrow(/reveal\.js changed after the program read it/);
  expect(await stored()).toEqual({});
});

test('an unknown extension fails the program with the file named, rather than uploading it as octet-stream', () => {
  write('index.html', 'page');
  write('reveal.js.map', '{}');
  write('.DS_Store', 'junk');

  expect(() => buildManifest(sourceDir)).toThrow('StaticFiles: no content type known for ".DS_Store", "reveal.js.map"');
});

test('a plain-http endpoint is refused unless it is on loopback', async () => {
  write('index.html', 'page');
  await expect(create(inputs({ blobEndpoint: 'http://example.com/devstoreaccount1/' }))).rejects.toThrow(/must use https/);
});

test('create into a container that does not exist says to enable the static website first', async () => {
  write('index.html', 'page');
  await expect(create(inputs({ containerName: '$web' }))).rejects.toThrow(/container "\$web" not found/);
});

test('the real frontend build has a content type for every file, and uploads as the site needs it', async () => {
  const built = await buildFrontend({ outDir: path.join(sourceDir, 'site'), apiBaseUrl: 'https://sms2fa-api.example.com/api', rpId: 'example.com' });

  const { outs } = await create(inputs({ sourceDir: built.outDir, manifest: buildManifest(built.outDir) }));

  expect(Object.keys(outs.files).sort()).toEqual(built.files.map((file) => file.name).sort());
  const served = await stored();
  expect(served['index.html']?.contentType).toBe('text/html; charset=utf-8');
  expect(served['register.js']?.contentType).toBe('text/javascript; charset=utf-8');
  expect(JSON.parse(served['config.json']?.content ?? '')).toEqual({ apiBaseUrl: 'https://sms2fa-api.example.com/api', rpId: 'example.com' });
});

test('the provider as Pulumi serialises it into the state still uploads and deletes', async () => {
  write('index.html', 'page');
  const serialised = await pulumi.runtime.serializeFunction(() => staticFilesProvider, { allowSecrets: true });
  // What Pulumi's dynamic-provider host does with the text it finds in the state.
  const requireFromString = require(require.resolve('require-from-string', { paths: [require.resolve('@pulumi/pulumi')] })) as (code: string) => {
    handler: () => typeof staticFilesProvider;
  };
  const provider = requireFromString(serialised.text).handler();
  expect(provider).not.toBe(staticFilesProvider);

  const news = inputs();
  const result = await provider.create(news);
  expect(await stored()).toEqual({ 'index.html': expect.objectContaining({ content: 'page', contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' }) });
  await provider.delete?.(result.id, { ...news, files: {} });
  expect(await stored()).toEqual({});
});
