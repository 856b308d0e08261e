import { HttpRequest, type HttpRequestInit } from '@azure/functions';
import { aqlProvider } from '../../functions/src/providers/aql';
import { createEnabledProviders, providerDefinitions } from '../../functions/src/providers/index';
import { MAX_WEBHOOK_BODY_BYTES, decodeWebhookRequest, type DecodeResult } from '../../functions/src/providers/request';
import type { WebhookRequest } from '../../functions/src/providers/types';

const PUBLIC_BASE_URL = 'https://fn.example.com';
/** What the Functions host hands us: its own host name, which is not what providers call. */
const HOST_URL = 'https://sms2fa-func.azurewebsites.net/api/sms/aql';
const FORM = 'application/x-www-form-urlencoded';

function decode(init: HttpRequestInit, publicBaseUrl = PUBLIC_BASE_URL): Promise<DecodeResult> {
  return decodeWebhookRequest(new HttpRequest(init), publicBaseUrl);
}

function post(body: string | Uint8Array, headers: Record<string, string>, url = HOST_URL): Promise<DecodeResult> {
  return decode({ method: 'POST', url, headers, body: typeof body === 'string' ? { bytes: Buffer.from(body, 'utf8') } : { bytes: body } });
}

async function expectDecoded(result: Promise<DecodeResult>): Promise<WebhookRequest> {
  const decoded = await result;
  if (!decoded.ok) {
    throw new Error(`expected the request to decode, got ${decoded.rejection.status} ${decoded.rejection.error}`);
  }
  return decoded.request;
}

async function expectRejected(result: Promise<DecodeResult>, error: RegExp): Promise<string> {
  const decoded = await result;
  if (decoded.ok) {
    throw new Error('expected a 400 rejection, but the request decoded');
  }
  expect(decoded.rejection.status).toBe(400);
  expect(decoded.rejection.error).toMatch(error);
  return decoded.rejection.error;
}

function fieldsOf(map: ReadonlyMap<string, readonly string[]>): Record<string, readonly string[]> {
  return Object.fromEntries(map);
}

describe('decodeWebhookRequest: method and URL', () => {
  it('decodes a GET query, reading "+" as a space and repeated names in order', async () => {
    const request = await expectDecoded(decode({ method: 'GET', url: `${HOST_URL}?message=Code+is+1%2B2&id=a&id=b&flag` }));
    expect(request.method).toBe('GET');
    expect(fieldsOf(request.query)).toEqual({ message: ['Code is 1+2'], id: ['a', 'b'], flag: [''] });
    expect(request.body.size).toBe(0);
  });

  it.each(['PUT', 'DELETE', 'PATCH'])('rejects %s, naming the method', async (method) => {
    await expectRejected(decode({ method, url: HOST_URL }), new RegExp(`method "${method}" is not allowed`));
  });

  it('builds publicUrl from the configured base, the path and the raw query, ignoring Host and X-Forwarded-*', async () => {
    const request = await expectDecoded(
      decode({
        method: 'GET',
        url: `${HOST_URL}?key=a%2Bb&x=%7E+y`,
        headers: { host: 'attacker.example', 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'http', 'x-original-url': '/evil' },
      }),
    );
    expect(request.publicUrl).toBe('https://fn.example.com/api/sms/aql?key=a%2Bb&x=%7E+y');
  });

  it('tolerates one trailing slash on the base and keeps a bare trailing "?"', async () => {
    const request = await expectDecoded(decode({ method: 'GET', url: `${HOST_URL}?` }, 'https://fn.example.com/'));
    expect(request.publicUrl).toBe('https://fn.example.com/api/sms/aql?');
  });

  it.each([
    ['a malformed escape', 'id=%ZZ'],
    ['a lone percent sign', 'id=50%'],
    ['a truncated escape', 'id=%4'],
    ['an escaped byte that is not UTF-8', 'id=%FF'],
    ['a truncated UTF-8 sequence', 'id=%E2%82'],
    ['an overlong UTF-8 encoding', 'id=%C0%AF'],
    ['an encoded surrogate', 'id=%ED%A0%80'],
    ['a malformed name', '%ZZ=1'],
  ])('rejects a query with %s', async (_description, query) => {
    await expectRejected(decode({ method: 'GET', url: `${HOST_URL}?${query}` }), /^query string is not valid UTF-8 \/ percent-encoding$/);
  });

  it('never echoes field values in an error', async () => {
    const error = await expectRejected(decode({ method: 'GET', url: `${HOST_URL}?message=code+483920&x=%FF` }), /query string/);
    expect(error).not.toContain('483920');
  });

  it('ignores a body sent with GET', async () => {
    // HttpRequest itself drops a GET body, but a streamed request (nativeRequest) keeps it.
    const request = {
      method: 'GET',
      url: `${HOST_URL}?a=1`,
      headers: new Headers({ 'content-type': 'text/plain' }),
      body: new Blob([new Uint8Array([0xff, 0xfe])]).stream(),
    } as unknown as HttpRequest;
    const decoded = await expectDecoded(decodeWebhookRequest(request, PUBLIC_BASE_URL));
    expect(fieldsOf(decoded.query)).toEqual({ a: ['1'] });
    expect(decoded.body.size).toBe(0);
  });
});

describe('decodeWebhookRequest: form bodies', () => {
  it('decodes non-ASCII, emoji, "+" and "&" in values', async () => {
    const body = new URLSearchParams({ message: 'Código: 123 456 🎉 a+b&c=d' }).toString();
    const request = await expectDecoded(post(body, { 'content-type': FORM }));
    expect(fieldsOf(request.body)).toEqual({ message: ['Código: 123 456 🎉 a+b&c=d'] });
  });

  it('accepts raw (unescaped) UTF-8 in a form body', async () => {
    const request = await expectDecoded(post('message=Grüße', { 'content-type': FORM }));
    expect(fieldsOf(request.body)).toEqual({ message: ['Grüße'] });
  });

  it('ignores content-type case and an explicit utf-8 charset, quoted or not', async () => {
    for (const contentType of ['Application/X-WWW-Form-Urlencoded; charset=UTF-8', `${FORM}; charset="utf-8"`]) {
      const request = await expectDecoded(post('a=1', { 'content-type': contentType }));
      expect(fieldsOf(request.body)).toEqual({ a: ['1'] });
    }
  });

  it.each(['charset=latin1', 'charset=iso-8859-1', 'charset=utf-16', 'charset=utf-8; charset=latin1'])('rejects %s', async (parameter) => {
    await expectRejected(post('a=1', { 'content-type': `${FORM}; ${parameter}` }), /only the utf-8 charset is accepted/);
  });

  it.each(['id=%ZZ', 'id=%FF', 'id=%C3', 'message=ok&%E0%80%80=1'])('rejects the malformed form body %s', async (body) => {
    await expectRejected(post(body, { 'content-type': FORM }), /^form body is not valid UTF-8 \/ percent-encoding$/);
  });

  it('rejects bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('message=code '), Buffer.from([0xff, 0xfe]), Buffer.from(' 123456')]);
    const error = await expectRejected(post(bytes, { 'content-type': FORM }), /^body is not valid UTF-8$/);
    expect(error).not.toContain('123456');
  });

  it('accepts an empty POST body without a content type; the fields may be in the query', async () => {
    const request = await expectDecoded(post(new Uint8Array(0), {}, `${HOST_URL}?id=7`));
    expect(fieldsOf(request.query)).toEqual({ id: ['7'] });
    expect(request.body.size).toBe(0);
  });

  it('rejects a non-empty body without a content type', async () => {
    await expectRejected(post('a=1', {}), /content-type header is missing/);
  });

  it.each(['text/plain', 'multipart/form-data; boundary=xyz', 'application/xml'])('rejects content type %s, naming it', async (contentType) => {
    const essence = contentType.split(';')[0] ?? '';
    await expectRejected(post('a=1', { 'content-type': contentType }), new RegExp(`content type "${essence}" is not accepted`));
  });
});

describe('decodeWebhookRequest: body size', () => {
  /** A form body of exactly `size` bytes. */
  function formBodyOfSize(size: number): string {
    return `message=${'a'.repeat(size - 'message='.length)}`;
  }

  it('accepts exactly 16 KiB', async () => {
    const body = formBodyOfSize(MAX_WEBHOOK_BODY_BYTES);
    expect(Buffer.byteLength(body)).toBe(16 * 1024);
    const request = await expectDecoded(post(body, { 'content-type': FORM }));
    expect(request.body.get('message')?.[0]).toHaveLength(MAX_WEBHOOK_BODY_BYTES - 'message='.length);
  });

  it('rejects 16 KiB + 1 byte', async () => {
    await expectRejected(post(formBodyOfSize(MAX_WEBHOOK_BODY_BYTES + 1), { 'content-type': FORM }), /body is larger than 16384 bytes/);
  });

  it('counts the bytes actually sent when content-length understates them', async () => {
    const body = formBodyOfSize(MAX_WEBHOOK_BODY_BYTES + 1);
    await expectRejected(post(body, { 'content-type': FORM, 'content-length': '10' }), /body is larger than/);
  });

  it('refuses a declared oversized content-length without reading the body', async () => {
    await expectRejected(post('a=1', { 'content-type': FORM, 'content-length': String(MAX_WEBHOOK_BODY_BYTES + 1) }), /body is larger than/);
  });

  it('counts bytes, not characters', async () => {
    // "m=" and 5,461 three-byte characters: 16,385 bytes but only 5,463 characters.
    await expectRejected(post(`m=${'€'.repeat(5461)}`, { 'content-type': FORM }), /body is larger than/);
  });
});

describe('decodeWebhookRequest: JSON bodies', () => {
  const JSON_TYPE = { 'content-type': 'application/json' };

  it('reads a flat object, turning numbers and booleans into strings', async () => {
    const body = JSON.stringify({ id: 12345, gwNumber: '447700900123', flag: true, ratio: 0.5, message: 'Code 🎉 ü' });
    const request = await expectDecoded(post(body, JSON_TYPE));
    expect(fieldsOf(request.body)).toEqual({ id: ['12345'], gwNumber: ['447700900123'], flag: ['true'], ratio: ['0.5'], message: ['Code 🎉 ü'] });
  });

  it.each([
    ['an array', '[{"id":"1"}]', /JSON body must be an object of fields/],
    ['a bare string', '"id"', /JSON body must be an object of fields/],
    ['null', 'null', /JSON body must be an object of fields/],
    ['a nested object', '{"id":{"x":"1"}}', /JSON field "id" must be a string, number or boolean/],
    ['a nested array', '{"id":["1"]}', /JSON field "id" must be a string, number or boolean/],
    ['a null field', '{"id":null}', /JSON field "id" must be a string, number or boolean/],
    ['invalid JSON', '{"id":"1",}', /body is not valid JSON/],
    ['truncated JSON', '{"id":"1"', /body is not valid JSON/],
    ['an integer beyond 2^53', '{"id":12345678901234567890}', /JSON field "id" is a number too large to read exactly/],
  ])('rejects %s', async (_description, body, error) => {
    await expectRejected(post(body, JSON_TYPE), error);
  });

  it('rejects JSON that is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"message":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    await expectRejected(post(bytes, JSON_TYPE), /^body is not valid UTF-8$/);
  });

  it('bounds a hostile field name quoted in an error', async () => {
    const error = await expectRejected(post(JSON.stringify({ ['n'.repeat(10_000)]: [] }), JSON_TYPE), /must be a string/);
    expect(error.length).toBeLessThan(200);
  });
});

describe('decodeWebhookRequest: adversarial input never throws', () => {
  /** Deterministic, so a failure reproduces. */
  function pseudoRandomBytes(seed: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    let state = seed;
    for (let index = 0; index < length; index += 1) {
      state = (state * 1103515245 + 12345) % 2147483648;
      bytes[index] = state % 256;
    }
    return bytes;
  }

  it('answers random bytes under every content type with a result, never an exception', async () => {
    const contentTypes = [FORM, 'application/json', 'text/plain', `${FORM}; charset`, ';;;', ''];
    for (let seed = 1; seed <= 120; seed += 1) {
      const contentType = contentTypes[seed % contentTypes.length] ?? FORM;
      const result = await post(pseudoRandomBytes(seed, seed * 7), contentType === '' ? {} : { 'content-type': contentType });
      expect(typeof result.ok).toBe('boolean');
    }
  });

  it('turns a failing body stream into a 400 instead of an exception', async () => {
    const failingStream = new ReadableStream({
      pull() {
        throw new Error('connection reset');
      },
    });
    // Only what decodeWebhookRequest reads; HttpRequest cannot be built around a failing stream.
    const request = { method: 'POST', url: HOST_URL, headers: new Headers({ 'content-type': FORM }), body: failingStream } as unknown as HttpRequest;
    await expectRejected(decodeWebhookRequest(request, PUBLIC_BASE_URL), /^request could not be decoded$/);
  });
});

describe('provider registry', () => {
  const AQL_KEY = 'aql-webhook-key-0123456789';
  const TWILIO_TOKEN = '0123456789abcdef0123456789abcdef';

  it('lists every provider with the settings it needs', () => {
    expect(providerDefinitions.map((definition) => [definition.name, definition.requiredSettings])).toEqual([
      ['aql', ['AQL_WEBHOOK_KEY']],
      ['twilio', ['TWILIO_AUTH_TOKEN']],
    ]);
  });

  it('enables, by default, exactly the providers whose settings are present and non-empty', () => {
    expect([...createEnabledProviders({}).keys()]).toEqual([]);
    expect([...createEnabledProviders({ AQL_WEBHOOK_KEY: AQL_KEY, TWILIO_AUTH_TOKEN: '' }).keys()]).toEqual(['aql']);
    expect([...createEnabledProviders({ AQL_WEBHOOK_KEY: AQL_KEY, TWILIO_AUTH_TOKEN: TWILIO_TOKEN }).keys()]).toEqual(['aql', 'twilio']);
  });

  it('enables only the providers named explicitly', () => {
    const providers = createEnabledProviders({ AQL_WEBHOOK_KEY: AQL_KEY, TWILIO_AUTH_TOKEN: TWILIO_TOKEN }, ['twilio']);
    expect([...providers.keys()]).toEqual(['twilio']);
    expect(providers.get('twilio')?.name).toBe('twilio');
  });

  it('hands each provider its setting', async () => {
    const aql = createEnabledProviders({ AQL_WEBHOOK_KEY: AQL_KEY }).get('aql');
    const decoded = await decode({ method: 'GET', url: `${HOST_URL}?key=${AQL_KEY}` });
    if (!decoded.ok || aql === undefined) {
      throw new Error('setup failed');
    }
    expect(aql.authenticate(decoded.request)).toBeUndefined();
  });

  it('throws naming the setting when an explicitly enabled provider lacks it', () => {
    expect(() => createEnabledProviders({ AQL_WEBHOOK_KEY: AQL_KEY }, ['aql', 'twilio'])).toThrow(/"twilio".*TWILIO_AUTH_TOKEN/);
    expect(() => createEnabledProviders({ AQL_WEBHOOK_KEY: '' }, ['aql'])).toThrow(/AQL_WEBHOOK_KEY/);
  });

  it('throws naming an unknown provider', () => {
    expect(() => createEnabledProviders({ AQL_WEBHOOK_KEY: AQL_KEY }, ['aql', 'nexmo'])).toThrow(/unknown SMS provider "nexmo"; known providers: aql, twilio/);
  });

  it('refuses to create a provider directly with an empty secret', () => {
    expect(() => aqlProvider.create(new Map([['AQL_WEBHOOK_KEY', '']]))).toThrow(/AQL_WEBHOOK_KEY/);
  });
});
