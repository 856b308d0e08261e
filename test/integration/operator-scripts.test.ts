import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AuditLog } from '../../functions/src/store/audit';
import { PasskeyStore, type PasskeyRecord } from '../../functions/src/store/passkeys';
import { RegistrationTokenStore } from '../../functions/src/store/registrations';
import { openTables, type Tables } from '../../functions/src/store/tables';
import { UserStore } from '../../functions/src/store/users';
import { azuriteConnectionString } from '../helpers/stack';

// The operator's scripts, run as the operator runs them, against tables of their own on the
// test Azurite (the environment variables README documents for pointing them at a stack).

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const FRONTEND = 'https://auth.example.com';

let prefix: string;
let tables: Tables;

beforeEach(async () => {
  prefix = `o${randomBytes(6).toString('hex')}`;
  tables = await openTables({ kind: 'connection-string', connectionString: azuriteConnectionString() }, prefix);
});

function run(script: string, args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, TABLES_CONNECTION_STRING: azuriteConnectionString(), TABLE_NAME_PREFIX: prefix, FRONTEND_ORIGIN: FRONTEND };
  const child = spawn(TSX, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

function passkey(id: string, userId: string): PasskeyRecord {
  return { id, userId, publicKey: 'cHVibGljLWtleQ', counter: 0, transports: ['internal'], deviceType: 'multiDevice', backedUp: true, createdAt: new Date(), lastUsedAt: null };
}

describe('npm run registration-url', () => {
  test('--json prints only the URL and expiry of a valid single-use token, and creates the user', async () => {
    const started = Date.now();
    const { status, stdout } = await run('registration-url.ts', ['--user', 'carol', '--name', 'Carol', '--json']);
    expect(status).toBe(0);
    const printed = JSON.parse(stdout) as { url: string; expiresAt: string };
    expect(Object.keys(printed)).toEqual(['url', 'expiresAt']);
    const url = new URL(printed.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${FRONTEND}/register.html`);
    const token = url.searchParams.get('t') ?? '';
    // 32 random bytes in base64url.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const lifetime = Date.parse(printed.expiresAt) - started;
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(16 * 60_000);

    const state = await new RegistrationTokenStore(tables).inspect(token);
    expect(state).toMatchObject({ kind: 'valid', userId: 'carol' });
    expect(await new UserStore(tables).get('carol')).toMatchObject({ displayName: 'Carol' });
    // Only the digest is stored: the token itself appears in no column of the row.
    for await (const row of tables.registrations.listEntities()) expect(JSON.stringify(row)).not.toContain(token);
  });

  test('--ttl sets the expiry, and the human output carries the URL and a terminal QR code', async () => {
    const started = Date.now();
    const { status, stdout } = await run('registration-url.ts', ['--user', 'dave', '--ttl', '2h']);
    expect(status).toBe(0);
    const url = /https:\/\/auth\.example\.com\/register\.html\?t=[A-Za-z0-9_-]+/.exec(stdout)?.[0] ?? '';
    expect(url).not.toBe('');
    // The small terminal QR code is drawn with half-block characters.
    expect(stdout).toMatch(/[▀▄█]/);
    const state = await new RegistrationTokenStore(tables).inspect(new URL(url).searchParams.get('t') ?? '');
    expect(state.kind).toBe('valid');
    if (state.kind === 'valid') expect(state.expiresAt.getTime() - started).toBeGreaterThan(119 * 60_000);
  });

  test.each([
    [['--json'], 2, /usage/],
    [['--user', 'Not Valid!'], 2, /invalid user id/],
    [['--user', 'erin', '--ttl', 'soon'], 1, /not a duration/],
    [['--user', 'erin', '--ttl', '30d'], 1, /at most 7d/],
  ])('%j is refused (exit %d) and issues nothing', async (args, exitCode, message) => {
    const { status, stderr } = await run('registration-url.ts', args);
    expect(status).toBe(exitCode);
    expect(stderr).toMatch(message);
    let rows = 0;
    for await (const _row of tables.registrations.listEntities()) rows++;
    expect(rows).toBe(0);
  });
});

describe('npm run passkeys', () => {
  test('list shows every passkey or one user\'s, never the public key; revoke removes one and audits it', async () => {
    const store = new PasskeyStore(tables);
    await store.add(passkey('credential-of-alice-0001', 'alice'));
    await store.add(passkey('credential-of-alice-0002', 'alice'));
    await store.add(passkey('credential-of-bob-000001', 'bob'));

    const all = await run('passkeys.ts', ['list', '--json']);
    expect(all.status).toBe(0);
    const listed = JSON.parse(all.stdout) as Record<string, unknown>[];
    expect(listed.map((entry) => entry.id).sort()).toEqual(['credential-of-alice-0001', 'credential-of-alice-0002', 'credential-of-bob-000001']);
    expect(listed.every((entry) => !('publicKey' in entry))).toBe(true);
    const bobs = await run('passkeys.ts', ['list', '--user', 'bob']);
    expect(bobs.stdout).toContain('credential-of-bob-000001');
    expect(bobs.stdout).not.toContain('alice');

    const revoked = await run('passkeys.ts', ['revoke', 'credential-of-alice-0001']);
    expect(revoked.status).toBe(0);
    expect((await store.listForUser('alice')).map((entry) => entry.id)).toEqual(['credential-of-alice-0002']);
    const [event] = await new AuditLog(tables).list(new Date(0));
    expect(event).toMatchObject({ action: 'revocation', outcome: 'ok', userId: 'alice', credentialId: 'credential-of-alice-0001' });

    const again = await run('passkeys.ts', ['revoke', 'credential-of-alice-0001']);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('no passkey');
  });

  test('a revoke without an id is a usage error', async () => {
    expect((await run('passkeys.ts', ['revoke'])).status).toBe(2);
  });
});

describe('npm run audit', () => {
  test('prints events newest first, honours --since, and --json gives whole rows', async () => {
    const hoursAgo = (hours: number) => () => new Date(Date.now() - hours * 3_600_000);
    await new AuditLog(tables, hoursAgo(30)).record({ action: 'registration', outcome: 'ok', userId: 'old-user' });
    await new AuditLog(tables, hoursAgo(2)).record({ action: 'reveal', outcome: 'not-recipient', userId: 'bob', messageId: 'message-1', clientIp: '203.0.113.7', userAgent: 'Phone' });
    await new AuditLog(tables, hoursAgo(1)).record({ action: 'reveal', outcome: 'ok', userId: 'alice', messageId: 'message-1' });

    const json = await run('audit.ts', ['--json']);
    expect(json.status).toBe(0);
    const events = JSON.parse(json.stdout) as { userId: string; outcome: string; clientIp: string }[];
    expect(events.map((event) => event.userId)).toEqual(['alice', 'bob']);
    expect(events[1]).toMatchObject({ outcome: 'not-recipient', clientIp: '203.0.113.7' });

    const week = await run('audit.ts', ['--since', '7d']);
    const lines = week.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^time \(UTC\)\s+action\s+outcome\s+user/);
    expect(lines.slice(2).map((line) => line.split(/\s{2,}/)[3])).toEqual(['alice', 'bob', 'old-user']);
  });
});
