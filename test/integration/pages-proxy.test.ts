// The Worker in front of the auth host, run in Node (same fetch/Request/Response APIs as the
// Workers runtime) against a local origin standing in for the storage static website, which
// Azurite does not serve.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildPagesProxy } from '../../infra/edge/build';
import { SECURITY_HEADERS, serveFromOrigin } from '../../infra/edge/pages-proxy';

interface OriginRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

const PAGE = '<!doctype html><title>sms2fa</title>';
const ETAG = '"0x8DC0FFEE"';
let server: Server;
let origin: string;
let received: OriginRequest[];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const common = { etag: ETAG, 'x-ms-request-id': 'abc', 'x-ms-version': '2021-08-06', server: 'Windows-Azure-Web/1.0' };
    if (request.headers['if-none-match'] === ETAG) {
      response.writeHead(304, common).end();
      return;
    }
    response.writeHead(200, { ...common, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(request.method === 'HEAD' ? undefined : PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
});

test('a page comes from the origin with its own headers, Azure\'s left out, and the security headers added', async () => {
  const response = await serveFromOrigin(
    new Request('https://auth.example.com/?m=Xk3abc', { headers: { cookie: 'session=1', authorization: 'Bearer x', 'accept-language': 'de', 'x-forwarded-for': '203.0.113.9' } }),
    origin,
  );
  expect(response.status).toBe(200);
  expect(await response.text()).toBe(PAGE);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-cache');
  expect(response.headers.get('etag')).toBe(ETAG);
  for (const name of ['x-ms-request-id', 'x-ms-version', 'server']) expect(response.headers.get(name)).toBeNull();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);

  expect(received).toHaveLength(1);
  expect(received[0]?.method).toBe('GET');
  expect(received[0]?.url).toBe('/?m=Xk3abc');
  expect(received[0]?.headers['accept-language']).toBe('de');
  for (const name of ['cookie', 'authorization', 'x-forwarded-for']) expect(received[0]?.headers[name]).toBeUndefined();
});

test('revalidation passes through: If-None-Match goes to the origin and its 304 comes back without a body', async () => {
  const response = await serveFromOrigin(new Request('https://auth.example.com/reveal.js', { headers: { 'if-none-match': ETAG } }), origin);
  expect(response.status).toBe(304);
  expect(await response.text()).toBe('');
  expect(received[0]?.headers['if-none-match']).toBe(ETAG);
});

test('HEAD answers without a body; other methods are refused without reaching the origin', async () => {
  const head = await serveFromOrigin(new Request('https://auth.example.com/', { method: 'HEAD' }), origin);
  expect(head.status).toBe(200);
  expect(await head.text()).toBe('');
  const post = await serveFromOrigin(new Request('https://auth.example.com/', { method: 'POST', body: 'x' }), origin);
  expect(post.status).toBe(405);
  expect(post.headers.get('allow')).toBe('GET, HEAD');
  expect(received.map((request) => request.method)).toEqual(['HEAD']);
});

test('a path that looks like another host stays a path on the origin', async () => {
  await serveFromOrigin(new Request('https://auth.example.com//evil.example/x.js'), origin);
  expect(received[0]?.url).toBe('//evil.example/x.js');
});

test('an unreachable origin is a 502 with the security headers, not an exception', async () => {
  const response = await serveFromOrigin(new Request('https://auth.example.com/'), 'http://127.0.0.1:9');
  expect(response.status).toBe(502);
  expect(response.headers.get('strict-transport-security')).toBe(SECURITY_HEADERS['strict-transport-security']);
});

test('the bundle that ships is an ES module whose default fetch handler serves from env.ORIGIN', async () => {
  const source = await buildPagesProxy();
  const dir = mkdtempSync(path.join(tmpdir(), 'sms2fa-worker-'));
  try {
    const modulePath = path.join(dir, 'pages-proxy.mjs');
    writeFileSync(modulePath, source);
    const script = `
      const { default: worker } = await import(${JSON.stringify(modulePath)});
      const response = await worker.fetch(new Request('https://auth.example.com/'), { ORIGIN: ${JSON.stringify(origin)} });
      process.stdout.write(JSON.stringify({ status: response.status, body: await response.text(), frame: response.headers.get('content-security-policy') }));
    `;
    // A child process, so the module is loaded as the Workers runtime loads it: ESM, nothing else in
    // scope. Asynchronously: the origin it fetches from is served by this process.
    const child = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ status: 200, body: PAGE, frame: "frame-ancestors 'none'" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
