import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/ports';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let env: NodeJS.ProcessEnv;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'sms2fa-stack-'));
  env = {
    ...process.env,
    API_PORT: String(await freePort()),
    WEB_PORT: String(await freePort()),
    AZURITE_TABLE_PORT: String(await freePort()),
    DATA_DIR: dataDir,
  };
  for (const name of ['PUSHOVER_APP_TOKEN', 'PUSHOVER_USER_KEY', 'ROUTING', 'TABLE_NAME_PREFIX']) delete env[name];
});
const running = new Set<ChildProcess>();
afterAll(async () => {
  // A failed assertion leaves a stack running; stop it so Jest can exit.
  await Promise.all([...running].map(stopStack));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `npm start`'s script and resolves once it printed its banner. */
function startStack(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(TSX, ['scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no banner:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ctrl-C stops everything')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

function stopStack(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

function runScript(script: string, args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(TSX, [script, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout + result.stderr };
}

interface OutboxEntry {
  title: string;
  message: string;
  url: string;
  user: string;
  sentAt: string;
}

async function outbox(): Promise<OutboxEntry[]> {
  return (await (await fetch(`http://localhost:${env.API_PORT}/api/dev/outbox`)).json()) as OutboxEntry[];
}

test('npm start: banner, the printed curl, npm run sms for both providers, the outbox, Ctrl-C, and data kept across restarts', async () => {
  const first = await startStack();
  const banner = first.output();
  expect(banner).toContain(`http://localhost:${env.WEB_PORT}`);
  expect(banner).toMatch(/aql +http:\/\/localhost:\d+\/api\/sms\/aql\?key=\S+/);
  expect(banner).toContain('/api/sms/twilio');

  // The ready-to-paste curl, run by a shell exactly as printed.
  const curl = /(curl -sS -X POST[\s\S]*?493817\.')/.exec(banner)?.[1];
  expect(curl).toBeDefined();
  const pasted = spawnSync('bash', ['-c', curl ?? 'false'], { encoding: 'utf8' });
  expect(pasted.stdout).toContain('"status":"ok"');

  expect(runScript('scripts/sms.ts', ['--id', 'kept-across-restarts', 'Your Revolut code is 112233.']).status).toBe(0);
  expect(runScript('scripts/sms.ts', ['--provider', 'twilio', '--from', '+15005550006', 'G-271828 is your Google verification code.']).status).toBe(0);

  const entries = await outbox();
  expect(entries.map((entry) => entry.title)).toEqual(['Code from Google', 'Code from Revolut', 'Code from GitHub']);
  for (const entry of entries) {
    expect(entry.url).toMatch(new RegExp(`^http://localhost:${env.WEB_PORT}/\\?m=[A-Za-z0-9_-]{22}$`));
    expect(entry.user).toBe('owner');
    expect(Date.parse(entry.sentAt)).not.toBeNaN();
    expect(JSON.stringify(entry)).not.toMatch(/493817|112233|271828/);
  }
  // The reveal link opens a page on the frontend server.
  expect((await fetch(entries[0].url)).status).toBe(200);
  // Neither the terminal output nor the outbox print codes.
  expect(first.output()).not.toMatch(/112233|271828/);

  expect(await stopStack(first.child)).toBe(0);

  // A second start finds the same data and keys: a repeat of an old delivery is recognised.
  const second = await startStack();
  const repeat = runScript('scripts/sms.ts', ['--id', 'kept-across-restarts', 'Your Revolut code is 112233.']);
  expect(repeat.status).toBe(0);
  expect(await outbox()).toEqual([]);
  const users = runScript('scripts/users.ts', ['list']);
  expect(users.stdout).toMatch(/^owner\t/m);
  expect(await stopStack(second.child)).toBe(0);
}, 90_000);

test('npm run sms fails clearly when the stack is not running', () => {
  const result = runScript('scripts/sms.ts', ['Your code is 1234.']);
  expect(result.status).toBe(1);
  expect(result.stdout).toContain('is `npm start` running?');
});
