import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffOneDeploy, oneDeployProvider, publishPackage, type OneDeployInputs, type OneDeployState } from '../../infra/onedeploy';
import { freePort } from '../../scripts/lib/ports';

// The real Kudu runs only inside Azure, so these tests talk to a stand-in for its publish API on
// loopback (node:http): it records every request byte for byte and answers as a script tells it,
// the way Kudu answers `az functionapp deploy` on Flex Consumption (200, or 202 + Location and a
// deployment record to poll). What it cannot prove is that Azure's Kudu still answers that way.
//
// publishPackage is driven with an injected token and a fake clock, so ten minutes of backoff take
// no time. The provider is driven as Pulumi's dynamic-provider host drives it, with its real
// DefaultAzureCredential (see the note above the provider tests).

interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

type Answer = (request: RecordedRequest, response: ServerResponse) => void;

interface FakeKudu {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Answers for POST /api/publish, in order; the last one repeats. */
  publish: Answer[];
  /** Answers for GET /api/deployments/..., in order; the last one repeats. */
  deployments: Answer[];
  close(): Promise<void>;
}

const running: FakeKudu[] = [];

async function startFakeKudu(port = 0): Promise<FakeKudu> {
  const requests: RecordedRequest[] = [];
  let publishCount = 0;
  let pollCount = 0;
  const kudu: FakeKudu = {
    baseUrl: '',
    requests,
    publish: [],
    deployments: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
      requests.push(recorded);
      const pick = (answers: Answer[], index: number): Answer | undefined => answers[Math.min(index, answers.length - 1)];
      const answer = recorded.url.startsWith('/api/publish')
        ? pick(kudu.publish, publishCount++)
        : recorded.url.startsWith('/api/deployments/')
          ? pick(kudu.deployments, pollCount++)
          : undefined;
      if (answer) answer(recorded, response);
      else response.writeHead(404).end('no such route in the fake Kudu');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  (kudu as { baseUrl: string }).baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  running.push(kudu);
  return kudu;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((kudu) => kudu.close()));
});

const status = (code: number, body = ''): Answer => (_request, response) => response.writeHead(code, { 'Content-Type': 'text/plain' }).end(body);
const accepted = (location: string, id = 'dep-1'): Answer => (_request, response) =>
  response.writeHead(202, { Location: location, 'Content-Type': 'application/json' }).end(JSON.stringify(id));
const record = (fields: Record<string, unknown>): Answer => (_request, response) =>
  response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 'dep-1', ...fields }));

/** A clock that sleeps instantly: each sleep advances it and is remembered. */
function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let time = Date.parse('2025-01-01T00:00:00Z');
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms) => {
      sleeps.push(ms);
      time += ms;
    },
    sleeps,
  };
}

const TOKEN = 'arm-token-for-tests';
const zip = randomBytes(256 * 1024);

function publishTo(kudu: FakeKudu | string, clock = fakeClock(), extra: { timeoutMs?: number } = {}): Promise<unknown> {
  const scmBaseUrl = typeof kudu === 'string' ? kudu : kudu.baseUrl;
  return publishPackage({ scmBaseUrl, zip, getToken: async () => TOKEN, now: clock.now, sleep: clock.sleep, ...extra });
}

const posts = (kudu: FakeKudu): RecordedRequest[] => kudu.requests.filter((request) => request.method === 'POST');
const polls = (kudu: FakeKudu): RecordedRequest[] => kudu.requests.filter((request) => request.method === 'GET');

describe('publishPackage against a stand-in for Kudu', () => {
  test('POSTs the zip byte for byte to /api/publish with the bearer token, and a 200 completes', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [status(200)];
    // A trailing slash on the base URL does not double up in the path.
    await expect(publishTo(`${kudu.baseUrl}/`)).resolves.toEqual({});
    expect(kudu.requests).toHaveLength(1);
    const [request] = kudu.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/publish?RemoteBuild=false');
    expect(request.headers['content-type']).toBe('application/zip');
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.body.equals(zip)).toBe(true);
  });

  test('follows a 202 to its Location, with the same token, until Kudu reports status 4', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [accepted(`${kudu.baseUrl}/api/deployments/dep-1`)];
    kudu.deployments = [
      record({ status: 0, complete: false }),
      record({ status: 1, complete: false }),
      record({ status: 2, complete: false }),
      // Not yet complete: success is only taken once Kudu says the deployment has finished.
      record({ status: 4, complete: false }),
      record({ status: 4, complete: true, status_text: '' }),
    ];
    const clock = fakeClock();
    await expect(publishTo(kudu, clock)).resolves.toEqual({ deploymentId: 'dep-1' });
    expect(posts(kudu)).toHaveLength(1);
    expect(polls(kudu)).toHaveLength(5);
    for (const poll of polls(kudu)) {
      expect(poll.url).toBe('/api/deployments/dep-1');
      expect(poll.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
    expect(clock.sleeps.every((ms) => ms > 0)).toBe(true);
  });

  test('resolves a relative Location against the SCM site', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [accepted('/api/deployments/dep-rel')];
    kudu.deployments = [record({ id: 'dep-rel', status: 4, complete: true })];
    await expect(publishTo(kudu)).resolves.toEqual({ deploymentId: 'dep-rel' });
    expect(polls(kudu).map((poll) => poll.url)).toEqual(['/api/deployments/dep-rel']);
  });

  test('without a Location, polls the deployment the 202 body names', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [(_request, response) => response.writeHead(202, { 'Content-Type': 'application/json' }).end('"7f3c-42"')];
    kudu.deployments = [record({ id: '7f3c-42', status: 4, complete: true })];
    await expect(publishTo(kudu)).resolves.toEqual({ deploymentId: '7f3c-42' });
    expect(polls(kudu).map((poll) => poll.url)).toEqual(['/api/deployments/7f3c-42']);
  });

  test('fails with Kudu\'s own words when the deployment reports status 3', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [accepted('/api/deployments/dep-1')];
    kudu.deployments = [
      record({ status: 1, complete: false }),
      record({ status: 3, complete: true, status_text: 'Package deployment failed: zip is corrupt', log_url: `${kudu.baseUrl}/api/deployments/dep-1/log` }),
    ];
    await expect(publishTo(kudu)).rejects.toThrow(/failed \(status 3\): "Package deployment failed: zip is corrupt"; log: http:\/\/127\.0\.0\.1:\d+\/api\/deployments\/dep-1\/log/);
    expect(posts(kudu)).toHaveLength(1);
  });

  test('fails when Kudu calls the deployment complete with another status (cancelled, partial success)', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [accepted('/api/deployments/dep-1')];
    kudu.deployments = [record({ status: 6, complete: true, status_text: 'Sync triggers failed' })];
    await expect(publishTo(kudu)).rejects.toThrow('only partly successful (status 6): "Sync triggers failed"');
  });

  test('keeps polling through a poll the restarting site answers with 502', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [accepted('/api/deployments/dep-1')];
    kudu.deployments = [status(502, 'Bad Gateway'), status(502, 'Bad Gateway'), record({ status: 4, complete: true })];
    await expect(publishTo(kudu)).resolves.toEqual({ deploymentId: 'dep-1' });
    expect(polls(kudu)).toHaveLength(3);
  });

  test('retries 503s and a 409 with growing waits, sending the whole zip each time, then succeeds', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [status(503, 'Service Unavailable'), status(503), status(409, 'There is a deployment currently in progress'), status(200)];
    const clock = fakeClock();
    await expect(publishTo(kudu, clock)).resolves.toEqual({});
    expect(posts(kudu)).toHaveLength(4);
    for (const post of posts(kudu)) expect(post.body.equals(zip)).toBe(true);
    expect(clock.sleeps).toHaveLength(3);
    expect(clock.sleeps[1]).toBeGreaterThan(clock.sleeps[0]);
    expect(clock.sleeps[2]).toBeGreaterThan(clock.sleeps[1]);
  });

  test('retries a refused connection until the SCM site listens', async () => {
    const port = await freePort();
    const clock = fakeClock();
    let kudu: FakeKudu | undefined;
    const sleep = async (ms: number): Promise<void> => {
      await clock.sleep(ms);
      // Two refusals, then the site comes up on the port the first attempts could not reach.
      if (clock.sleeps.length === 2) {
        kudu = await startFakeKudu(port);
        kudu.publish = [status(200)];
      }
    };
    await expect(publishTo(`http://127.0.0.1:${port}`, { ...clock, sleep })).resolves.toEqual({});
    expect(clock.sleeps).toHaveLength(2);
    expect(kudu?.requests).toHaveLength(1);
    expect(kudu?.requests[0].body.equals(zip)).toBe(true);
  });

  test('fails at once on 401 and 403 with the az login hint, without retrying', async () => {
    for (const code of [401, 403]) {
      const kudu = await startFakeKudu();
      kudu.publish = [status(code, 'Unauthorized')];
      const clock = fakeClock();
      const failure = publishTo(kudu, clock);
      await expect(failure).rejects.toThrow(`answered HTTP ${code}`);
      await expect(failure).rejects.toThrow(/az login.*Contributor or Website Contributor/);
      expect(kudu.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
    }
  });

  test('fails at once on 404 and 400 with what to check', async () => {
    const notFound = await startFakeKudu();
    notFound.publish = [status(404)];
    await expect(publishTo(notFound)).rejects.toThrow(/HTTP 404\. Check scmBaseUrl/);
    expect(notFound.requests).toHaveLength(1);

    const badRequest = await startFakeKudu();
    badRequest.publish = [status(400, 'Invalid zip')];
    await expect(publishTo(badRequest)).rejects.toThrow(/HTTP 400 "Invalid zip"\. Kudu rejected the request/);
    expect(badRequest.requests).toHaveLength(1);
  });

  test('gives up after the timeout, naming the last answer', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [status(503, 'The site is starting')];
    const clock = fakeClock();
    const started = clock.now();
    await expect(publishTo(kudu, clock)).rejects.toThrow(/gave up publishing to http:\/\/127\.0\.0\.1:\d+ after 600 s; the last answer was HTTP 503 "The site is starting"/);
    // It kept trying for most of the ten minutes, and did not wait past them.
    expect(posts(kudu).length).toBeGreaterThan(10);
    expect(clock.now() - started).toBeGreaterThan(9 * 60_000);
    expect(clock.now() - started).toBeLessThanOrEqual(10 * 60_000);
  });

  test('gives up polling after the timeout, naming the status it last saw', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [accepted('/api/deployments/dep-1')];
    kudu.deployments = [record({ status: 1, complete: false, status_text: 'Building' })];
    await expect(publishTo(kudu, fakeClock(), { timeoutMs: 60_000 })).rejects.toThrow(/gave up waiting for the deployment at .*dep-1 after 60 s; the last answer was deployment status 1 "Building", not complete/);
  });

  test('does not send the token to another origin a Location points to', async () => {
    const kudu = await startFakeKudu();
    const elsewhere = await startFakeKudu();
    kudu.publish = [accepted(`${elsewhere.baseUrl}/api/deployments/dep-1`)];
    await expect(publishTo(kudu)).rejects.toThrow(/the Azure token is sent only to http:\/\/127\.0\.0\.1:\d+/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test('does not follow a redirect, which would carry the token along', async () => {
    const kudu = await startFakeKudu();
    const elsewhere = await startFakeKudu();
    elsewhere.publish = [status(200)];
    kudu.publish = [(_request, response) => response.writeHead(307, { Location: `${elsewhere.baseUrl}/api/publish?RemoteBuild=false` }).end()];
    await expect(publishTo(kudu)).rejects.toThrow('answered HTTP 307');
    expect(elsewhere.requests).toHaveLength(0);
  });

  test('refuses plain http to anything but loopback before any request', async () => {
    let asked = 0;
    const failure = publishPackage({ scmBaseUrl: 'http://sms2fa.scm.azurewebsites.net', zip, getToken: async () => `${++asked}` });
    await expect(failure).rejects.toThrow('scmBaseUrl must use https');
    expect(asked).toBe(0);
  });
});

// ---------- the provider, as Pulumi's dynamic-provider host drives it ----------

// DefaultAzureCredential runs for real here. AZURE_TOKEN_CREDENTIALS narrows its chain to the
// managed-identity credential, and IDENTITY_ENDPOINT/IDENTITY_HEADER point that at a stand-in for
// the App Service identity endpoint on loopback (what a deployment from an Azure-hosted runner
// would use). A fake `az` on PATH cannot be used: Jest gives each test file a copy of process.env,
// which the child processes AzureCliCredential starts never see. The SDK caches a token for the
// whole process, so the endpoint is asked once per test file.
const MI_TOKEN = `mi-token-${randomBytes(8).toString('hex')}`;
const IDENTITY_HEADER = 'identity-header-for-tests';
const identityCalls: { readonly url: URL; readonly header: string | undefined }[] = [];
let identity: Server;
let packageDir: string;
const CREDENTIAL_ENV = ['AZURE_TOKEN_CREDENTIALS', 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_TENANT_ID'];
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  identity = createServer((request, response) => {
    const header = request.headers['x-identity-header'];
    identityCalls.push({ url: new URL(request.url ?? '/', 'http://identity'), header: typeof header === 'string' ? header : undefined });
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({ access_token: MI_TOKEN, expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: 'https://management.core.windows.net/', token_type: 'Bearer', client_id: 'test-client' }),
    );
  });
  await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
  for (const name of CREDENTIAL_ENV) {
    savedEnv[name] = process.env[name];
    delete process.env[name];
  }
  process.env.AZURE_TOKEN_CREDENTIALS = 'ManagedIdentityCredential';
  process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`;
  process.env.IDENTITY_HEADER = IDENTITY_HEADER;
});

afterAll(async () => {
  for (const name of CREDENTIAL_ENV) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  await new Promise<void>((resolve) => identity.close(() => resolve()));
});

beforeEach(() => {
  packageDir = mkdtempSync(path.join(tmpdir(), 'onedeploy-package-'));
});

afterEach(() => {
  rmSync(packageDir, { recursive: true, force: true });
});

/** Writes a package as packageFunctions() would, and returns the provider's inputs for it. */
function packageInputs(kudu: FakeKudu, content: Buffer, name = 'functions.zip'): OneDeployInputs {
  const packagePath = path.join(packageDir, name);
  writeFileSync(packagePath, content);
  return { scmBaseUrl: kudu.baseUrl, packagePath, packageSha256: createHash('sha256').update(content).digest('hex') };
}

describe('oneDeployProvider', () => {
  test('create publishes the package with the DefaultAzureCredential login and keeps no token in the state', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [accepted('/api/deployments/dep-1')];
    kudu.deployments = [record({ status: 4, complete: true })];
    const content = randomBytes(64 * 1024);
    const inputs = packageInputs(kudu, content);

    const result = await oneDeployProvider.create(inputs);

    expect(result.outs).toEqual({ ...inputs, deployedSha256: inputs.packageSha256 });
    expect(result.id).toBe(new URL(kudu.baseUrl).host);
    expect(JSON.stringify(result)).not.toContain(MI_TOKEN);
    const [post] = posts(kudu);
    expect(post.body.equals(content)).toBe(true);
    expect(post.headers.authorization).toBe(`Bearer ${MI_TOKEN}`);
    expect(polls(kudu)[0]?.headers.authorization).toBe(`Bearer ${MI_TOKEN}`);
    // DefaultAzureCredential asked for a Resource Manager token (this is the file's first deployment).
    expect(identityCalls).toHaveLength(1);
    expect(identityCalls[0].url.searchParams.get('resource')).toBe('https://management.core.windows.net');
    expect(identityCalls[0].header).toBe(IDENTITY_HEADER);
  });

  test('diff: a new hash or site changes in place; the same hash, even at another path, changes nothing', async () => {
    const kudu = await startFakeKudu();
    const inputs = packageInputs(kudu, Buffer.from('build 1'));
    const olds: OneDeployState = { ...inputs, deployedSha256: inputs.packageSha256 };
    const diff = oneDeployProvider.diff;
    if (!diff) throw new Error('the provider has no diff');
    await expect(diff('id', olds, { ...inputs })).resolves.toEqual({ changes: false, replaces: [] });
    await expect(diff('id', olds, { ...inputs, scmBaseUrl: `${inputs.scmBaseUrl}/` })).resolves.toEqual({ changes: false, replaces: [] });
    await expect(diff('id', olds, { ...inputs, packagePath: '/elsewhere/functions.zip' })).resolves.toEqual({ changes: false, replaces: [] });
    await expect(diff('id', olds, { ...inputs, packageSha256: 'f'.repeat(64) })).resolves.toEqual({ changes: true, replaces: [] });
    await expect(diff('id', olds, { ...inputs, scmBaseUrl: 'https://other.scm.azurewebsites.net' })).resolves.toEqual({ changes: true, replaces: [] });
    // The provider's diff is the exported pure function, not a copy of it.
    expect(diffOneDeploy(olds, { ...inputs, packageSha256: 'f'.repeat(64) })).toEqual({ changes: true, replaces: [] });
  });

  test('update deploys the new package again', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [status(200)];
    const first = packageInputs(kudu, Buffer.from('build 1'), 'one.zip');
    const olds: OneDeployState = { ...first, deployedSha256: first.packageSha256 };
    const next = packageInputs(kudu, Buffer.from('build 2'), 'two.zip');
    const update = oneDeployProvider.update;
    if (!update) throw new Error('the provider has no update');

    const result = await update('id', olds, next);

    expect(result.outs).toEqual({ ...next, deployedSha256: next.packageSha256 });
    expect(posts(kudu)).toHaveLength(1);
    expect(posts(kudu)[0].body.toString()).toBe('build 2');
  });

  test('delete sends nothing: a deployment cannot be taken back', async () => {
    const kudu = await startFakeKudu();
    const inputs = packageInputs(kudu, Buffer.from('build 1'));
    const remove = oneDeployProvider.delete;
    if (!remove) throw new Error('the provider has no delete');
    await expect(remove('id', { ...inputs, deployedSha256: inputs.packageSha256 })).resolves.toBeUndefined();
    expect(kudu.requests).toHaveLength(0);
  });

  test('a package changed since the program hashed it fails before any request', async () => {
    const kudu = await startFakeKudu();
    kudu.publish = [status(200)];
    const inputs = packageInputs(kudu, Buffer.from('build 1'));
    writeFileSync(inputs.packagePath, 'build 1, rebuilt');
    await expect(oneDeployProvider.create(inputs)).rejects.toThrow(/functions\.zip changed after the program hashed it/);
    const update = oneDeployProvider.update;
    if (!update) throw new Error('the provider has no update');
    await expect(update('id', { ...inputs, deployedSha256: 'e'.repeat(64) }, inputs)).rejects.toThrow(/changed after the program hashed it/);
    expect(kudu.requests).toHaveLength(0);
  });

  test('a missing package fails clearly', async () => {
    const kudu = await startFakeKudu();
    const inputs = { ...packageInputs(kudu, Buffer.from('x')), packagePath: path.join(packageDir, 'gone.zip') };
    await expect(oneDeployProvider.create(inputs)).rejects.toThrow(/cannot read the package .*gone\.zip/);
    expect(kudu.requests).toHaveLength(0);
  });

  test('without an Azure login it fails at once saying to run az login, before any request', async () => {
    // The environment credential with none of its variables set: what a machine without a login has.
    // (Not the Azure CLI credential: on a developer's machine that would find a real login.)
    process.env.AZURE_TOKEN_CREDENTIALS = 'EnvironmentCredential';
    try {
      const kudu = await startFakeKudu();
      kudu.publish = [status(200)];
      const inputs = packageInputs(kudu, Buffer.from('build 1'));
      await expect(oneDeployProvider.create(inputs)).rejects.toThrow(/no Azure login to deploy with .*run `az login` or set the AZURE_\* service-principal variables/s);
      expect(kudu.requests).toHaveLength(0);
    } finally {
      process.env.AZURE_TOKEN_CREDENTIALS = 'ManagedIdentityCredential';
    }
  });
});
