import { HttpRequest } from '@azure/functions';
import twilio from 'twilio';
import { twilioProvider } from '../../functions/src/providers/twilio';
import { decodeWebhookRequest } from '../../functions/src/providers/request';
import type { ParseResult, SmsProvider, WebhookRequest } from '../../functions/src/providers/types';

/**
 * Signatures come from Twilio's own SDK (getExpectedTwilioSignature), and acceptance is
 * cross-checked against its validateRequest, so this suite tests against Twilio's definition of
 * the algorithm rather than against a copy of ours.
 */

const AUTH_TOKEN = '9f1c2b3a4d5e6f708192a3b4c5d6e7f8';
const OTHER_TOKEN = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const PUBLIC_BASE_URL = 'https://fn.example.com';
const PATH = '/api/sms/twilio';
/** The Functions host's own name: requests reach us here, but Twilio called PUBLIC_BASE_URL. */
const HOST_ORIGIN = 'https://sms2fa-func.azurewebsites.net';

type Params = Record<string, string | string[]>;

const MESSAGE: Params = {
  MessageSid: 'SM0123456789abcdef0123456789abcdef',
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  From: '+14155550100',
  To: '+447700900123',
  Body: 'Dein Code: 483920 — ünïcødé 🎉 a+b&c=d %41',
  NumMedia: '0',
  FromCountry: 'US',
};

const provider: SmsProvider = twilioProvider.create(new Map([['TWILIO_AUTH_TOKEN', AUTH_TOKEN]]));

/** Strict encoding: the WHATWG URL parser would re-encode a bare "'" in a query, changing the signed URL. */
function strictEncode(text: string): string {
  return encodeURIComponent(text).replace(/'/g, '%27');
}

function formEncode(params: Params): string {
  return Object.entries(params)
    .flatMap(([name, values]) => [values].flat().map((value) => `${strictEncode(name)}=${strictEncode(value)}`))
    .join('&');
}

interface Delivery {
  readonly method?: 'GET' | 'POST';
  /** Query string, without "?", as configured in the Twilio console. */
  readonly query?: string;
  readonly body?: Params;
  readonly signature?: string;
  readonly headers?: Record<string, string>;
}

/** The URL Twilio called, as the operator configured it. */
function publicUrl(query = ''): string {
  return `${PUBLIC_BASE_URL}${PATH}${query === '' ? '' : `?${query}`}`;
}

async function deliver({ method = 'POST', query = '', body = {}, signature, headers = {} }: Delivery): Promise<WebhookRequest> {
  const signatureHeader: Record<string, string> = signature === undefined ? {} : { 'x-twilio-signature': signature };
  const decoded = await decodeWebhookRequest(
    new HttpRequest({
      method,
      url: `${HOST_ORIGIN}${PATH}${query === '' ? '' : `?${query}`}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeader, ...headers },
      body: method === 'POST' ? { bytes: Buffer.from(formEncode(body), 'utf8') } : undefined,
    }),
    PUBLIC_BASE_URL,
  );
  if (!decoded.ok) {
    throw new Error(`test request did not decode: ${decoded.rejection.error}`);
  }
  return decoded.request;
}

function sign(url: string, params: Params, token = AUTH_TOKEN): string {
  return twilio.getExpectedTwilioSignature(token, url, params);
}

const INVALID_SIGNATURE = { status: 403, error: 'invalid Twilio signature' };

describe('Twilio provider: signature', () => {
  it('accepts a POST signed by Twilio, with non-ASCII, emoji, "+" and "&" in the fields', async () => {
    const request = await deliver({ body: MESSAGE, signature: sign(publicUrl(), MESSAGE) });
    expect(provider.authenticate(request)).toBeUndefined();
  });

  it('accepts a GET, where only the URL (with its query) is signed', async () => {
    const query = formEncode(MESSAGE);
    const request = await deliver({ method: 'GET', query, signature: sign(publicUrl(query), {}) });
    expect(provider.authenticate(request)).toBeUndefined();
    expect(provider.parse(request).ok).toBe(true);
  });

  it('accepts a POST to a URL with a query string, which is part of what is signed', async () => {
    const query = 'tenant=team%20a&v=2';
    const request = await deliver({ query, body: MESSAGE, signature: sign(publicUrl(query), MESSAGE) });
    expect(provider.authenticate(request)).toBeUndefined();
  });

  it('accepts repeated field names, signed value by value in sorted order', async () => {
    const body = { ...MESSAGE, MediaUrl: ['https://b.example/2', 'https://a.example/1'] };
    const request = await deliver({ body, signature: sign(publicUrl(), body) });
    expect(provider.authenticate(request)).toBeUndefined();
  });

  it('accepts a signature over the URL with the default port spelled out, as the SDK does', async () => {
    const request = await deliver({ body: MESSAGE, signature: sign(`https://fn.example.com:443${PATH}`, MESSAGE) });
    expect(provider.authenticate(request)).toBeUndefined();
  });

  it('accepts a signature without the port when the configured base URL has one', async () => {
    const decoded = await decodeWebhookRequest(
      new HttpRequest({
        method: 'POST',
        url: `${HOST_ORIGIN}${PATH}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(publicUrl(), MESSAGE) },
        body: { bytes: Buffer.from(formEncode(MESSAGE)) },
      }),
      'https://fn.example.com:443',
    );
    expect(decoded.ok && provider.authenticate(decoded.request)).toBeUndefined();
  });

  it.each([
    ['the signature header is missing', { body: MESSAGE }],
    ['a field was tampered with', { body: { ...MESSAGE, Body: 'Dein Code: 000000' }, signature: sign(publicUrl(), MESSAGE) }],
    ['a field was added', { body: { ...MESSAGE, Extra: '1' }, signature: sign(publicUrl(), MESSAGE) }],
    ['a field was removed', { body: { ...MESSAGE, FromCountry: [] }, signature: sign(publicUrl(), MESSAGE) }],
    ['a field name was changed', { body: { ...MESSAGE, FromCountry: [], FromCountrY: 'US' }, signature: sign(publicUrl(), MESSAGE) }],
    ['the signature was made for another host', { body: MESSAGE, signature: sign(`https://attacker.example${PATH}`, MESSAGE) }],
    ['the signature was made for another path', { body: MESSAGE, signature: sign(`${PUBLIC_BASE_URL}/api/sms/aql`, MESSAGE) }],
    ['the signature was made for another query', { query: 'tenant=b', body: MESSAGE, signature: sign(publicUrl('tenant=a'), MESSAGE) }],
    ['the query was dropped', { body: MESSAGE, signature: sign(publicUrl('tenant=a'), MESSAGE) }],
    ['the signature was made with another token', { body: MESSAGE, signature: sign(publicUrl(), MESSAGE, OTHER_TOKEN) }],
    ['the signature is a GET signature replayed with a body', { body: MESSAGE, signature: sign(publicUrl(), {}) }],
    ['the signature is empty', { body: MESSAGE, signature: '' }],
    ['the signature is truncated', { body: MESSAGE, signature: sign(publicUrl(), MESSAGE).slice(0, -2) }],
  ])('rejects the request when %s', async (_description, delivery: Delivery) => {
    expect(provider.authenticate(await deliver(delivery))).toEqual(INVALID_SIGNATURE);
  });

  it('does not trust Host or X-Forwarded-* headers to rebuild the signed URL', async () => {
    const attackerUrl = `https://attacker.example${PATH}`;
    const headers = { host: 'attacker.example', 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https' };
    const request = await deliver({ body: MESSAGE, headers, signature: sign(attackerUrl, MESSAGE) });
    expect(provider.authenticate(request)).toEqual(INVALID_SIGNATURE);
  });
});

describe('Twilio provider: agrees with twilio.validateRequest on generated requests', () => {
  /** mulberry32: deterministic, so any disagreement reproduces. */
  function seededRandom(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
      mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
  }

  const ALPHABET = ['a', 'Z', '0', ' ', '+', '&', '=', '%', '?', '#', '/', "'", 'é', 'ß', '€', '🎉', '中', '\n', '"'];

  it('accepts and rejects exactly what the SDK does across 50 requests', async () => {
    const random = seededRandom(20240501);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const text = (maxLength: number): string => Array.from({ length: Math.floor(random() * maxLength) }, () => pick(ALPHABET)).join('');

    const outcomes = { accepted: 0, rejected: 0 };
    for (let round = 0; round < 50; round += 1) {
      const params: Params = {};
      const fieldCount = 1 + Math.floor(random() * 6);
      for (let field = 0; field < fieldCount; field += 1) {
        const name = pick(['Body', 'From', 'To', 'MessageSid', 'Media', 'b', 'B']) + text(3);
        const value = text(12);
        // Some names repeat, sometimes with an identical value (the SDK signs distinct values).
        params[name] = random() < 0.2 ? [value, random() < 0.5 ? value : text(5)] : value;
      }
      const method = random() < 0.25 ? 'GET' : 'POST';
      const query = random() < 0.5 ? `q=${strictEncode(text(8))}` : '';
      const url = publicUrl(method === 'GET' ? [query, formEncode(params)].filter(Boolean).join('&') : query);
      const signedParams = method === 'GET' ? {} : params;

      const variant = pick(['valid', 'valid-with-port', 'other-token', 'tampered', 'other-url'] as const);
      const signature =
        variant === 'valid' ? sign(url, signedParams)
        : variant === 'valid-with-port' ? sign(url.replace('fn.example.com', 'fn.example.com:443'), signedParams)
        : variant === 'other-token' ? sign(url, signedParams, OTHER_TOKEN)
        : variant === 'tampered' ? sign(url, { ...signedParams, Body: text(4) })
        : sign(`${url}x`, signedParams);

      const request = await deliver({ method, query: url.slice(publicUrl().length + 1), body: method === 'POST' ? params : {}, signature });
      const oursAccepts = provider.authenticate(request) === undefined;
      const sdkAccepts = twilio.validateRequest(AUTH_TOKEN, signature, url, signedParams);
      expect({ round, variant, oursAccepts }).toEqual({ round, variant, oursAccepts: sdkAccepts });
      outcomes[sdkAccepts ? 'accepted' : 'rejected'] += 1;
    }
    // Both outcomes must occur, or agreement would prove little.
    expect(outcomes.accepted).toBeGreaterThan(5);
    expect(outcomes.rejected).toBeGreaterThan(5);
  });
});

describe('Twilio provider: fields', () => {
  async function parseBody(body: Params): Promise<ParseResult> {
    return provider.parse(await deliver({ body }));
  }

  function expectFieldRejection(parsed: ParseResult, error: string | RegExp): void {
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? undefined : parsed.rejection).toEqual({ status: 400, error: expect.stringMatching(error) });
  }

  it('maps a message to an InboundSms', async () => {
    expect(await parseBody(MESSAGE)).toEqual({
      ok: true,
      sms: { provider: 'twilio', providerMessageId: MESSAGE.MessageSid, from: '+14155550100', to: '+447700900123', text: MESSAGE.Body },
    });
  });

  it.each(['MessageSid', 'From', 'To', 'Body'])('rejects a message without %s, naming it', async (missing) => {
    expectFieldRejection(await parseBody({ ...MESSAGE, [missing]: [] }), `missing field "${missing}"`);
  });

  it('treats an empty Body as missing', async () => {
    expectFieldRejection(await parseBody({ ...MESSAGE, Body: '' }), 'missing field "Body"');
  });

  it('accepts an MMS sid and an alphanumeric sender', async () => {
    const parsed = await parseBody({ ...MESSAGE, MessageSid: 'MM0123456789ABCDEF0123456789abcdef', From: 'GitHub' });
    expect(parsed.ok && [parsed.sms.providerMessageId, parsed.sms.from]).toEqual(['MM0123456789ABCDEF0123456789abcdef', 'GitHub']);
  });

  it('accepts a message without the optional AccountSid', async () => {
    expect((await parseBody({ ...MESSAGE, AccountSid: [] })).ok).toBe(true);
  });

  it.each([
    ['MessageSid', 'SM0123', /field "MessageSid" is not a Twilio id \(SM or MM and 32 hex digits\)/],
    ['MessageSid', 'XX0123456789abcdef0123456789abcdef', /field "MessageSid" is not a Twilio id/],
    ['MessageSid', 'SM0123456789abcdef0123456789abcdeg', /field "MessageSid" is not a Twilio id/],
    ['AccountSid', 'SM0123456789abcdef0123456789abcdef', /field "AccountSid" is not a Twilio id \(AC and 32 hex digits\)/],
    ['To', 'whatsapp:+447700900123', /field "To" is not a phone number/],
    ['From', 'Sender\nInjected', /field "From" is not a phone number or an alphanumeric sender id/],
    ['Body', 'x'.repeat(2001), /field "Body" is longer than 2000 characters/],
  ])('rejects %s = %j', async (name, value, error) => {
    expectFieldRejection(await parseBody({ ...MESSAGE, [name]: value }), error);
  });

  it('rejects a Body given twice with different values, quoting neither', async () => {
    const parsed = await parseBody({ ...MESSAGE, Body: ['Code 111111', 'Code 222222'] });
    expectFieldRejection(parsed, 'field "Body" is given more than once with different values');
    expect(JSON.stringify(parsed)).not.toMatch(/111111|222222/);
  });
});

describe('Twilio provider: acknowledgement', () => {
  it('answers with empty TwiML, so Twilio sends no reply SMS', () => {
    expect(provider.acknowledge()).toEqual({
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
    });
  });
});
