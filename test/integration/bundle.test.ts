import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';

let outDir: string;
beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'sms2fa-bundle-'));
  await buildFunctions(outDir);
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('the bundle holds host.json, a package.json naming the entry, and the entry', () => {
  expect(JSON.parse(readFileSync(path.join(outDir, 'host.json'), 'utf8')).version).toBe('2.0');
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'package.json'), 'utf8')) as { main: string };
  expect(statSync(path.join(outDir, manifest.main)).size).toBeGreaterThan(0);
});

test('loaded in Node as the Functions host loads it, the bundle registers every function', () => {
  // The host injects @azure/functions-core; this stand-in records what the app registers.
  const core = path.join(outDir, 'node_modules/@azure/functions-core');
  mkdirSync(core, { recursive: true });
  writeFileSync(path.join(core, 'index.js'), `
    const registered = [];
    module.exports = {
      setProgrammingModel() {},
      registerHook() { return { dispose() {} }; },
      log() {},
      registerFunction(metadata, handler) { registered.push({ name: metadata.name, bindings: metadata.bindings, handler: typeof handler }); return { dispose() {} }; },
    };
    process.on('exit', () => process.stdout.write(JSON.stringify(registered)));
  `);
  const loaded = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(outDir, 'index.js'))})`], { encoding: 'utf8', env: {} });
  expect(loaded.stderr).toBe('');
  expect(loaded.status).toBe(0);
  const registered = JSON.parse(loaded.stdout) as { name: string; bindings: Record<string, Record<string, unknown>>; handler: string }[];
  const byName = new Map(registered.map((fn) => [fn.name, fn]));
  expect([...byName.keys()].sort()).toEqual(['announcePending', 'purgeExpired', 'registrationOptions', 'registrationVerify', 'revealOptions', 'revealVerify', 'smsWebhook']);

  const webhookTrigger = Object.values(byName.get('smsWebhook')?.bindings ?? {}).find((binding) => binding.type === 'httpTrigger');
  expect(webhookTrigger).toMatchObject({ route: 'sms/{provider}', methods: ['GET', 'POST'], authLevel: 'anonymous' });
  const timerTrigger = Object.values(byName.get('purgeExpired')?.bindings ?? {}).find((binding) => binding.type === 'timerTrigger');
  expect(timerTrigger).toMatchObject({ schedule: '0 */5 * * * *' });
  expect(byName.get('smsWebhook')?.handler).toBe('function');
});
