import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildFrontend, FRONTEND_SOURCE, type BuiltFrontend } from '../../scripts/build-frontend';
import { freePort } from '../../scripts/lib/ports';
import { startStaticServer } from '../../scripts/lib/static-server';

let outDir: string;
let built: BuiltFrontend;
beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'sms2fa-frontend-build-'));
  built = await buildFrontend({ outDir, apiBaseUrl: 'https://api.example.com/api/', rpId: 'Example.com' });
}, 30_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const read = (name: string): string => readFileSync(path.join(outDir, name), 'utf8');

test('the build holds both pages, their bundles, the style and icon, and a generated config.json', () => {
  expect(readdirSync(outDir).sort()).toEqual(['config.json', 'icon.svg', 'index.html', 'register.html', 'register.js', 'reveal.js', 'styles.css']);
  expect(JSON.parse(read('config.json'))).toEqual({ apiBaseUrl: 'https://api.example.com/api', rpId: 'example.com' });
  expect(built.config).toEqual({ apiBaseUrl: 'https://api.example.com/api', rpId: 'example.com' });
});

test("each page's CSP names the API origin and nothing inline; scripts come from the page's own origin", () => {
  const policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' https://api.example.com; base-uri 'none'; form-action 'none'";
  expect(built.contentSecurityPolicy).toBe(policy);
  for (const page of ['index.html', 'register.html']) {
    const html = read(page);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy}">`);
    expect(html).not.toContain('__CONTENT_SECURITY_POLICY__');
    // Inline script or style would be refused by the policy; none is there to refuse.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  }
  expect(read('index.html')).toContain('<script src="reveal.js" defer></script>');
  expect(read('register.html')).toContain('<script src="register.js" defer></script>');
});

test('the bundles carry @simplewebauthn/browser inside and load nothing from elsewhere', () => {
  for (const bundle of ['reveal.js', 'register.js']) {
    const source = read(bundle);
    expect(source).toContain('navigator.credentials');
    expect(source).not.toMatch(/\b(import|require)\s*\(/);
    expect(source).not.toMatch(/unpkg|jsdelivr|cdnjs/);
    // API values reach the page through textContent only.
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  }
});

test('only https APIs, or http on this machine, only host names as RP IDs, and never into the sources', async () => {
  const elsewhere = path.join(outDir, 'never');
  await expect(buildFrontend({ outDir: elsewhere, apiBaseUrl: 'http://api.example.com/api', rpId: 'example.com' })).rejects.toThrow('must use https');
  await expect(buildFrontend({ outDir: elsewhere, apiBaseUrl: 'api.example.com', rpId: 'example.com' })).rejects.toThrow('absolute URL');
  await expect(buildFrontend({ outDir: elsewhere, apiBaseUrl: 'https://api.example.com/api', rpId: 'https://example.com' })).rejects.toThrow('host name');
  // The folder is emptied before the build: the sources (or the repository) must never be it.
  for (const sources of [FRONTEND_SOURCE, path.dirname(FRONTEND_SOURCE)]) {
    await expect(buildFrontend({ outDir: sources, apiBaseUrl: 'https://api.example.com/api', rpId: 'example.com' })).rejects.toThrow('would hold the frontend sources');
  }
  expect(readdirSync(FRONTEND_SOURCE)).toContain('index.html');
});

describe('the static server', () => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await startStaticServer(outDir, await freePort(), { contentSecurityPolicy: built.contentSecurityPolicy });
  });
  afterAll(() => server.close());

  function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      request(`${server.url}${pathname}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });
  }

  test('sends the pages with their policy as a header, plus framing, sniffing and referrer protection', async () => {
    const page = await get('/?m=abc');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(`${built.contentSecurityPolicy}; frame-ancestors 'none'`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body.toString()).toBe(read('index.html'));
  });

  test('compresses with gzip when the client accepts it, and only then', async () => {
    const compressed = await get('/reveal.js', { 'Accept-Encoding': 'br, gzip;q=0.8' });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.vary).toBe('Accept-Encoding');
    expect(Number(compressed.headers['content-length'])).toBe(compressed.body.length);
    expect(gunzipSync(compressed.body).toString()).toBe(read('reveal.js'));
    expect(compressed.body.length).toBeLessThan(read('reveal.js').length / 2);

    const refused = await get('/reveal.js', { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(read('reveal.js'));
  });

  test('serves nothing outside its folder, and answers malformed paths with 400', async () => {
    // The URL parser folds "/../" and "/%2e%2e/"; an encoded slash survives it to be decoded here.
    expect((await get('/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/..%2f..%2fpackage.json')).status).toBe(403);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/missing.js')).status).toBe(404);
  });
});
