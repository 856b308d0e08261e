import { expectRefusal, PasskeyHarness, TEXT } from '../helpers/passkey-api';

/*
 * What the passkey endpoints promise every caller, whatever the ceremony: only the frontend's
 * origin is served (CORS and the Origin check), malformed bodies are a 400 that writes nothing.
 */

const ENDPOINTS = ['registration/options', 'registration/verify', 'reveal/options', 'reveal/verify'] as const;
const EVIL_ORIGIN = 'https://evil.example';

let harness: PasskeyHarness;

// A stack per test, so one test's leftovers can never pass or fail another's "nothing written".
beforeEach(async () => {
  harness = await PasskeyHarness.start();
  await harness.createUser('alice', 'Alice');
});
afterEach(() => harness.checkAndStop());

function preflight(path: string, origin: string): Promise<Response> {
  return fetch(`${harness.stack.apiUrl}/api/${path}`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
  });
}

/** Nothing any refused request may leave behind. */
async function expectNothingWritten(): Promise<void> {
  expect(await harness.stack.rows('passkeys')).toEqual([]);
  expect(await harness.stack.rows('challenges')).toEqual([]);
  expect(await harness.stack.rows('audit')).toEqual([]);
  for (const row of await harness.stack.rows('registrations')) expect(row.usedAt).toBe('');
  for (const row of await harness.stack.rows('messages')) expect(row.revealedAt ?? '').toBe('');
}

describe('CORS: the frontend origin only', () => {
  test.each(ENDPOINTS)('preflight of %s from the frontend origin is allowed', async (path) => {
    const response = await preflight(path, harness.stack.frontendUrl);
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe(harness.stack.frontendUrl);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
  });

  test.each(ENDPOINTS)('preflight of %s from another site gets no Access-Control-Allow-Origin', async (path) => {
    const response = await preflight(path, EVIL_ORIGIN);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('the real responses carry the frontend origin too, refusals included', async () => {
    const reply = await harness.post('reveal/options', { messageId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expectRefusal(reply, 404, 'not-found');
    expect(reply.headers.get('access-control-allow-origin')).toBe(harness.stack.frontendUrl);
  });

  test('a localhost page on another port is another origin', async () => {
    const otherPort = harness.stack.frontendUrl.replace(/:(\d+)$/, (_match, port: string) => `:${Number(port) + 1}`);
    expectRefusal(await harness.post('reveal/options', { messageId: 'AAAAAAAAAAAAAAAAAAAAAA' }, { origin: otherPort }), 403, 'forbidden-origin');
  });
});

describe('an Origin header of another site → 403 forbidden-origin, nothing written', () => {
  afterEach(expectNothingWritten);

  test.each(ENDPOINTS)('%s', async (path) => {
    const { token } = await harness.issueToken('alice');
    const messageId = await harness.receiveSms();
    const reply = await harness.post(path, { token, messageId, response: {} }, { origin: EVIL_ORIGIN });
    expectRefusal(reply, 403, 'forbidden-origin');
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('"null" (a sandboxed iframe or a file: page) is another site too', async () => {
    const { token } = await harness.issueToken('alice');
    expectRefusal(await harness.post('registration/options', { token }, { origin: 'null' }), 403, 'forbidden-origin');
  });
});

describe('malformed bodies → 400 bad-request, nothing written', () => {
  afterEach(expectNothingWritten);

  const tokenLike = 'A'.repeat(43);
  const messageLike = 'AAAAAAAAAAAAAAAAAAAAAA';
  const cases: [string, (typeof ENDPOINTS)[number], { body?: unknown; rawBody?: string | Uint8Array }][] = [
    ['not JSON', 'registration/options', { rawBody: '{"token": ' }],
    ['a JSON array', 'registration/options', { body: [tokenLike] }],
    ['a JSON string', 'reveal/options', { body: messageLike }],
    ['JSON null', 'reveal/options', { rawBody: 'null' }],
    ['an empty body', 'reveal/verify', { rawBody: '' }],
    ['no token', 'registration/options', { body: {} }],
    ['a numeric token', 'registration/options', { body: { token: 12345 } }],
    ['an empty token', 'registration/verify', { body: { token: '', response: {} } }],
    ['a token of 10 000 characters', 'registration/options', { body: { token: 'A'.repeat(10_000) } }],
    ['no response', 'registration/verify', { body: { token: tokenLike } }],
    ['a response that is a string', 'registration/verify', { body: { token: tokenLike, response: 'eyJpZCI6IngifQ' } }],
    ['a response without attestationObject', 'registration/verify', { body: { token: tokenLike, response: { id: 'x', rawId: 'x', type: 'public-key', response: { clientDataJSON: 'e30' } } } }],
    ['no messageId', 'reveal/options', { body: { message: messageLike } }],
    ['a messageId that is an object', 'reveal/verify', { body: { messageId: { $ne: null }, response: {} } }],
    ['a messageId of 1 000 characters', 'reveal/options', { body: { messageId: 'A'.repeat(1_000) } }],
    ['no assertion', 'reveal/verify', { body: { messageId: messageLike } }],
    ['an assertion without a signature', 'reveal/verify', { body: { messageId: messageLike, response: { id: 'x', rawId: 'x', type: 'public-key', response: { clientDataJSON: 'e30', authenticatorData: 'AA' } } } }],
    ['a body over 64 KiB', 'reveal/verify', { body: { messageId: messageLike, padding: 'x'.repeat(70 * 1024) } }],
    ['invalid UTF-8', 'reveal/options', { rawBody: Buffer.concat([Buffer.from('{"messageId": "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]) }],
  ];

  test.each(cases)('%s (%s)', async (_name, path, { body, rawBody }) => {
    const reply = await harness.post(path, body, rawBody === undefined ? {} : { rawBody });
    expectRefusal(reply, 400, 'bad-request');
  });

  test('valid fields but a wrong content type', async () => {
    const { token } = await harness.issueToken('alice');
    const response = await fetch(`${harness.stack.apiUrl}/api/registration/options`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: harness.stack.frontendUrl },
      body: JSON.stringify({ token }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ reason: 'bad-request' });
  });
});

test('a message text never appears in an error, whatever the request', async () => {
  const messageId = await harness.receiveSms();
  const replies = await Promise.all([
    harness.post('reveal/verify', { messageId, response: { id: 'x', rawId: 'x', type: 'public-key', response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' } } }),
    harness.post('reveal/options', { messageId: `${messageId}x` }),
  ]);
  for (const reply of replies) {
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.text).not.toContain(TEXT);
  }
});
