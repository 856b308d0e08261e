import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import {
  buildFunctions,
  installFunctionsCoreStandIn,
  packageFunctions,
  type PackagedFunctions,
  type RecordedRegistration,
} from '../../scripts/build-functions';

const ALL_FUNCTIONS = ['announcePending', 'purgeExpired', 'registrationOptions', 'registrationVerify', 'revealOptions', 'revealVerify', 'smsWebhook'];

let workDir: string;
let outDir: string;
let packaged: PackagedFunctions;
beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'sms2fa-bundle-'));
  outDir = path.join(workDir, 'functions');
  await buildFunctions(outDir);
  packaged = await packageFunctions({ outDir: path.join(workDir, 'package'), zipPath: path.join(workDir, 'functions.zip') });
}, 60_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Loads index.js in a fresh Node, as the Functions host loads it, and returns what it registered. */
function loadAsTheHostDoes(appDir: string): RecordedRegistration[] {
  // The host injects @azure/functions-core; the stand-in records what the app registers.
  installFunctionsCoreStandIn(appDir);
  const loaded = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(appDir, 'index.js'))})`], { encoding: 'utf8', env: {} });
  expect(loaded.stderr).toBe('');
  expect(loaded.status).toBe(0);
  return JSON.parse(loaded.stdout) as RecordedRegistration[];
}

function unzipInto(zipPath: string, dir: string): void {
  const files = unzipSync(readFileSync(zipPath));
  for (const [name, bytes] of Object.entries(files)) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}

test('the bundle holds host.json, a package.json naming the entry, and the entry', () => {
  expect(JSON.parse(readFileSync(path.join(outDir, 'host.json'), 'utf8')).version).toBe('2.0');
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'package.json'), 'utf8')) as { main: string };
  expect(statSync(path.join(outDir, manifest.main)).size).toBeGreaterThan(0);
});

test('loaded in Node as the Functions host loads it, the bundle registers every function', () => {
  const registered = loadAsTheHostDoes(outDir);
  const byName = new Map(registered.map((fn) => [fn.name, fn]));
  expect([...byName.keys()].sort()).toEqual(ALL_FUNCTIONS);

  const webhookTrigger = Object.values(byName.get('smsWebhook')?.bindings ?? {}).find((binding) => binding.type === 'httpTrigger');
  expect(webhookTrigger).toMatchObject({ route: 'sms/{provider}', methods: ['GET', 'POST'], authLevel: 'anonymous' });
  const timerTrigger = Object.values(byName.get('purgeExpired')?.bindings ?? {}).find((binding) => binding.type === 'timerTrigger');
  expect(timerTrigger).toMatchObject({ schedule: '0 */5 * * * *' });
  expect(byName.get('smsWebhook')?.handler).toBe('function');
});

test('the zip holds, at its root, host.json, a package.json whose main is in the zip, and nothing else the host does not need', () => {
  const files = unzipSync(readFileSync(packaged.zipPath));
  const names = Object.keys(files);
  expect(names).toEqual(packaged.entries);
  expect(statSync(packaged.zipPath).size).toBe(packaged.bytes);

  const host = JSON.parse(Buffer.from(files['host.json']).toString('utf8')) as { version: string; logging: { logLevel: Record<string, string> } };
  expect(host.version).toBe('2.0');
  // Request telemetry records URLs, and the AQL webhook's URL carries its key (and, over GET, the
  // text): the shipped host keeps per-request rows out of Application Insights.
  expect(host.logging.logLevel['Host.Results']).toBe('None');
  const manifest = JSON.parse(Buffer.from(files['package.json']).toString('utf8')) as { main: string };
  expect(files[manifest.main]?.byteLength).toBeGreaterThan(0);

  // Exactly these: a source map or node_modules here would only grow what every instance fetches.
  // esbuild writes the licence file only when bundled code carries legal comments.
  const expected = ['host.json', manifest.main, 'package.json', ...(names.includes('index.js.LEGAL.txt') ? ['index.js.LEGAL.txt'] : [])];
  expect([...names].sort()).toEqual([...expected].sort());
});

test('unzipped, the package loads as the Functions host loads it and registers every function', () => {
  const unzipped = path.join(workDir, 'unzipped');
  mkdirSync(unzipped);
  unzipInto(packaged.zipPath, unzipped);
  const registered = loadAsTheHostDoes(unzipped);
  expect(registered.map((fn) => fn.name).sort()).toEqual(ALL_FUNCTIONS);
});

test('packaging an unchanged app again gives the same bytes, even in another process and time zone', () => {
  // ZIP stores local times, so the second build runs where the clock reads differently. A child
  // process, because Jest hands each test a copy of process.env and Node would never see a TZ set here.
  const zipPath = path.join(workDir, 'again', 'functions.zip');
  const script = `require(${JSON.stringify(path.resolve(__dirname, '../../scripts/build-functions.ts'))})
    .packageFunctions({ outDir: ${JSON.stringify(path.join(workDir, 'package-again'))}, zipPath: ${JSON.stringify(zipPath)} })
    .then((packaged) => process.stdout.write(packaged.sha256));`;
  const zone = new Date().getTimezoneOffset() === -840 ? 'America/Los_Angeles' : 'Pacific/Kiritimati';
  const again = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: zone } });
  expect(again.stderr).toBe('');
  expect(again.stdout).toBe(packaged.sha256);
  expect(readFileSync(zipPath).equals(readFileSync(packaged.zipPath))).toBe(true);
}, 60_000);
