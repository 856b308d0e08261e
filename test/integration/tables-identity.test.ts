import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { ConfigError, type TablesTarget } from '../../functions/src/config';
import { openTables, TABLE_KINDS } from '../../functions/src/store/tables';
import { openTargetStack } from '../../scripts/lib/target-stack';
import { freePort } from '../../scripts/lib/ports';
import { MintingCredential, startOAuthAzurite, storageTokenClaims, type RunningOAuthAzurite, type TokenClaims } from '../helpers/azurite-oauth';

// The token path, against an Azurite that checks Azure AD bearer tokens (over https, as Azure
// does). Every table here is created with a token; the shared Azurite's account key plays no part.

const ROOT = path.resolve(__dirname, '../..');
const STORAGE_SCOPE = 'https://storage.azure.com/.default';

let azurite: RunningOAuthAzurite;
beforeAll(async () => {
  azurite = await startOAuthAzurite();
}, 30_000);
afterAll(async () => {
  await azurite?.stop();
});

function identityTarget(): TablesTarget {
  return { kind: 'identity', endpoint: azurite.endpoint };
}

function trustAzurite(): { ca: string } {
  return { ca: azurite.ca };
}

function newPrefix(): string {
  return `i${randomBytes(6).toString('hex')}`;
}

/** Table names under a prefix, listed with a valid token (so an empty list means "not created", not "not allowed"). */
async function tablesNamed(prefix: string): Promise<string[]> {
  const service = new TableServiceClient(azurite.endpoint, new MintingCredential(), { tlsOptions: trustAzurite() });
  const names: string[] = [];
  for await (const table of service.listTables()) if (table.name?.startsWith(prefix)) names.push(table.name);
  return names.sort();
}

describe('openTables with an Azure AD identity', () => {
  test('creates the missing tables and round-trips an entity, authorised by Azure Storage tokens', async () => {
    const prefix = newPrefix();
    const credential = new MintingCredential();
    const tables = await openTables(identityTarget(), prefix, { credential, tlsOptions: trustAzurite() });

    expect(await tablesNamed(prefix)).toEqual(TABLE_KINDS.map((kind) => `${prefix}${kind}`).sort());
    await tables.users.createEntity({ partitionKey: 'user', rowKey: 'alice', displayName: 'Alice' });
    expect(await tables.users.getEntity('user', 'alice')).toMatchObject({ displayName: 'Alice' });
    // The tokens were asked for Azure Storage, the audience the real service checks too.
    expect(credential.requestedScopes.length).toBeGreaterThan(0);
    expect(new Set(credential.requestedScopes.flat())).toEqual(new Set([STORAGE_SCOPE]));

    // A second process start (a new openTables) finds the tables and the data already there.
    const reopened = await openTables(identityTarget(), prefix, { credential, tlsOptions: trustAzurite() });
    expect(await reopened.users.getEntity('user', 'alice')).toMatchObject({ displayName: 'Alice' });
  });

  const now = (): number => Math.floor(Date.now() / 1000);
  test.each<[string, () => TokenClaims, string]>([
    ['for another audience (Key Vault)', () => ({ ...storageTokenClaims(), aud: 'https://vault.azure.net' }), 'Invalid token audience.'],
    ['that has expired', () => ({ ...storageTokenClaims(), nbf: now() - 7200, exp: now() - 600 }), 'Lifetime validation failed. The token is expired.'],
    ['from an issuer other than Azure AD', () => ({ ...storageTokenClaims(), iss: 'https://login.example.com/' }), 'Invalid token issuer.'],
  ])('a token %s is refused and no table is created', async (_case, claims, detail) => {
    const prefix = newPrefix();
    await expect(openTables(identityTarget(), prefix, { credential: new MintingCredential(claims), tlsOptions: trustAzurite() })).rejects.toMatchObject({
      statusCode: 403,
      details: { errorCode: 'AuthenticationFailed', AuthenticationErrorDetail: detail },
    });
    expect(await tablesNamed(prefix)).toEqual([]);
  });

  test('a request without a token is refused, so the token is what lets the app in', async () => {
    const anonymous = new TableClient(azurite.endpoint, `${newPrefix()}users`, { tlsOptions: trustAzurite() });
    await expect(anonymous.createTable()).rejects.toMatchObject({ statusCode: 403 });
  });

  test("the test certificate is trusted only by clients given its CA, not process-wide", async () => {
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    await expect(openTables(identityTarget(), newPrefix(), { credential: new MintingCredential() })).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  test('an identity target without a credential is refused before any request', async () => {
    await expect(openTables(identityTarget(), newPrefix())).rejects.toThrow(/credential/);
  });
});

describe('operator scripts against a TABLES_ENDPOINT stack', () => {
  const env = (prefix: string): NodeJS.ProcessEnv => ({ TABLES_ENDPOINT: azurite.endpoint, TABLE_NAME_PREFIX: prefix, FRONTEND_ORIGIN: 'https://auth.example.com/' });

  test('reach the tables with the signed-in identity and name the stack by its host', async () => {
    const prefix = newPrefix();
    const credential = new MintingCredential();
    const stack = await openTargetStack(env(prefix), { credential, tlsOptions: trustAzurite() });
    expect(stack.description).toBe(new URL(azurite.endpoint).host);
    expect(stack.frontendOrigin).toBe('https://auth.example.com');
    await stack.tables.passkeys.createEntity({ partitionKey: 'p', rowKey: 'r' });
    expect(await tablesNamed(prefix)).toContain(`${prefix}passkeys`);
    expect(credential.requestedScopes.flat()).toContain(STORAGE_SCOPE);
  });

  test('a refused login tells the operator to run az login and which role the account needs', async () => {
    const expired = new MintingCredential(() => ({ ...storageTokenClaims(), nbf: 1, exp: 2 }));
    const opening = openTargetStack(env(newPrefix()), { credential: expired, tlsOptions: trustAzurite() });
    await expect(opening).rejects.toThrow(new URL(azurite.endpoint).host);
    await expect(opening).rejects.toThrow(/run `az login`.*"Storage Table Data Contributor" role on the storage account/);
  });

  test('both TABLES_CONNECTION_STRING and TABLES_ENDPOINT are refused as ambiguous', async () => {
    const both = { ...env(newPrefix()), TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
    await expect(openTargetStack(both, { credential: new MintingCredential(), tlsOptions: trustAzurite() })).rejects.toThrow(ConfigError);
  });
});

/**
 * The App Service / Functions identity endpoint (IDENTITY_ENDPOINT + IDENTITY_HEADER) as the
 * platform serves it: ManagedIdentityCredential asks it for a token for a resource, and gets
 * one whose audience is that resource.
 */
interface FakeIdentityEndpoint {
  readonly url: string;
  readonly secret: string;
  readonly requests: { readonly query: URLSearchParams; readonly headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

async function startFakeIdentityEndpoint(): Promise<FakeIdentityEndpoint> {
  const secret = randomBytes(16).toString('hex');
  const requests: FakeIdentityEndpoint['requests'][number][] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ query: url.searchParams, headers: req.headers });
    if (req.headers['x-identity-header'] !== secret) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad identity header"}');
      return;
    }
    const resource = url.searchParams.get('resource') ?? '';
    const claims = { ...storageTokenClaims(), aud: resource };
    const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, iat: claims.nbf })}.`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ access_token: token, expires_on: String(claims.exp), resource, token_type: 'Bearer', client_id: url.searchParams.get('client_id') ?? 'system' }),
    );
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/msi/token`,
    secret,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the deployed app (composition root) with TABLES_ENDPOINT', () => {
  let identity: FakeIdentityEndpoint;
  let workDir: string;
  beforeAll(async () => {
    identity = await startFakeIdentityEndpoint();
    workDir = mkdtempSync(path.join(tmpdir(), 'sms2fa-identity-'));
  });
  afterAll(async () => {
    await identity?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  /**
   * Builds the production dependencies in a fresh Node process, from app settings alone, as the
   * Functions host does. NODE_EXTRA_CA_CERTS adds the test CA to that process's trust store only.
   */
  function startApp(prefix: string, extraEnv: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
    const script = path.join(workDir, `start-${prefix}.ts`);
    writeFileSync(
      script,
      `import { dependencies } from ${JSON.stringify(path.join(ROOT, 'functions/src/composition'))};
dependencies().then(() => console.log('dependencies built'), (error: unknown) => { console.error(error); process.exit(1); });
`,
    );
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_EXTRA_CA_CERTS: azurite.caPath,
      IDENTITY_ENDPOINT: identity.url,
      IDENTITY_HEADER: identity.secret,
      TABLES_ENDPOINT: azurite.endpoint,
      TABLE_NAME_PREFIX: prefix,
      CODE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PUBLIC_API_BASE_URL: 'https://api.example.com',
      FRONTEND_ORIGIN: 'https://auth.example.com',
      NOTIFY_CHANNEL: 'outbox',
      ...extraEnv,
    };
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((resolve) => child.once('close', (status) => resolve({ status, output })));
  }

  test("creates the tables with the Function App's system-assigned identity", async () => {
    const prefix = newPrefix();
    const before = identity.requests.length;
    const run = await startApp(prefix);
    expect(run.output).toContain('dependencies built');
    expect(run.status).toBe(0);
    expect(await tablesNamed(prefix)).toEqual(TABLE_KINDS.map((kind) => `${prefix}${kind}`).sort());
    const asked = identity.requests.slice(before);
    expect(asked.length).toBeGreaterThan(0);
    for (const request of asked) {
      expect(request.query.get('resource')).toMatch(/^https:\/\/storage\.azure\.com\/?$/);
      expect(request.query.has('client_id')).toBe(false);
    }
  }, 60_000);

  test('AZURE_CLIENT_ID selects a user-assigned identity', async () => {
    const prefix = newPrefix();
    const clientId = '11111111-2222-3333-4444-555555555555';
    const before = identity.requests.length;
    const run = await startApp(prefix, { AZURE_CLIENT_ID: clientId });
    expect(run.status).toBe(0);
    const asked = identity.requests.slice(before);
    expect(asked.length).toBeGreaterThan(0);
    for (const request of asked) expect(request.query.get('client_id')).toBe(clientId);
    expect(await tablesNamed(prefix)).toHaveLength(TABLE_KINDS.length);
  }, 60_000);
});
