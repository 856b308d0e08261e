// ProviderRegistration against a stand-in for Azure Resource Manager's provider API on loopback
// (the real one needs an Azure subscription): register, wait, and the failures an operator meets.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerProviders } from '../../infra/provider-registration';

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
}

let server: Server;
let endpoint: string;
let seen: Seen[];
/** namespace → the states successive GETs report after a POST /register. */
let states: Map<string, string[]>;
let refuse: number | undefined;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    seen.push({ method: request.method ?? '', path: `${url.pathname}?${url.searchParams.toString()}`, authorization: request.headers.authorization });
    if (refuse !== undefined) {
      response.writeHead(refuse).end('{}');
      return;
    }
    const match = /^\/subscriptions\/sub-1\/providers\/([^/]+)(\/register)?$/.exec(url.pathname);
    const namespace = match?.[1] ?? '';
    const queue = states.get(namespace) ?? ['Registered'];
    const state = match?.[2] ? 'Registering' : queue.length > 1 ? (queue.shift() as string) : (queue[0] as string);
    response.writeHead(match ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify({ namespace, registrationState: state }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  states = new Map();
  refuse = undefined;
});

const noWait = (): Promise<void> => Promise.resolve();

test('an unregistered namespace is registered and waited for; a registered one is only read', async () => {
  states.set('Microsoft.App', ['NotRegistered', 'Registering', 'Registering', 'Registered']);
  await registerProviders({ armEndpoint: endpoint, subscriptionId: 'sub-1', namespaces: ['Microsoft.App', 'Microsoft.Web'], getToken: async () => 'token-1', sleep: noWait });
  expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual([
    'GET /subscriptions/sub-1/providers/Microsoft.App?api-version=2021-04-01',
    'POST /subscriptions/sub-1/providers/Microsoft.App/register?api-version=2021-04-01',
    // Registering, Registering, Registered.
    'GET /subscriptions/sub-1/providers/Microsoft.App?api-version=2021-04-01',
    'GET /subscriptions/sub-1/providers/Microsoft.App?api-version=2021-04-01',
    'GET /subscriptions/sub-1/providers/Microsoft.App?api-version=2021-04-01',
    'GET /subscriptions/sub-1/providers/Microsoft.Web?api-version=2021-04-01',
  ]);
  expect(new Set(seen.map((request) => request.authorization))).toEqual(new Set(['Bearer token-1']));
});

test('a registration that never finishes fails with the az command to try', async () => {
  states.set('Microsoft.App', ['NotRegistered', 'Registering']);
  let now = 0;
  const sleep = async (ms: number): Promise<void> => {
    now += ms;
  };
  const realNow = Date.now;
  Date.now = () => realNow.call(Date) + now;
  try {
    await expect(registerProviders({ armEndpoint: endpoint, subscriptionId: 'sub-1', namespaces: ['Microsoft.App'], getToken: async () => 't', sleep, timeoutMs: 60_000 }))
      .rejects.toThrow('Microsoft.App is still "Registering" after waiting; try `az provider register --namespace Microsoft.App --wait`');
  } finally {
    Date.now = realNow;
  }
});

test('a refused login says to run az login with enough rights', async () => {
  refuse = 403;
  await expect(registerProviders({ armEndpoint: endpoint, subscriptionId: 'sub-1', namespaces: ['Microsoft.App'], getToken: async () => 't', sleep: noWait }))
    .rejects.toThrow('run `az login` with an account that may register resource providers');
});

test('the token never travels over plain http except to this machine', async () => {
  await expect(registerProviders({ armEndpoint: 'http://management.example.com', subscriptionId: 'sub-1', namespaces: ['Microsoft.App'], getToken: async () => 't', sleep: noWait }))
    .rejects.toThrow('must use https');
  expect(seen).toHaveLength(0);
});
