import crypto from 'node:crypto';
import { HttpRequest, type HttpRequestInit } from '@azure/functions';
import { aqlProvider } from '../../functions/src/providers/aql';
import { decodeWebhookRequest } from '../../functions/src/providers/request';
import type { ParseResult, SmsProvider, WebhookRejection, WebhookRequest } from '../../functions/src/providers/types';

const WEBHOOK_KEY = 'k3y-Vq9xP2mZ7rT4wL8n';
const HOST_URL = 'https://sms2fa-func.azurewebsites.net/api/sms/aql';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

const DELIVERY = { gwNumber: '447700900123', originator: '+447700900456', message: 'Your code is 483920', id: 'aql-msg-0001' } as const;
const EXPECTED_SMS = { provider: 'aql', providerMessageId: 'aql-msg-0001', from: '+447700900456', to: '447700900123', text: 'Your code is 483920' };

const provider: SmsProvider = aqlProvider.create(new Map([['AQL_WEBHOOK_KEY', WEBHOOK_KEY]]));

function query(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

async function decoded(init: HttpRequestInit): Promise<WebhookRequest> {
  const result = await decodeWebhookRequest(new HttpRequest(init), 'https://fn.example.com');
  if (!result.ok) {
    throw new Error(`test request did not decode: ${result.rejection.error}`);
  }
  return result.request;
}

function getWith(fields: Record<string, string>): Promise<WebhookRequest> {
  return decoded({ method: 'GET', url: `${HOST_URL}?${query(fields)}` });
}

function postWith(urlQuery: string, body: string, headers: Record<string, string>): Promise<WebhookRequest> {
  return decoded({ method: 'POST', url: `${HOST_URL}?${urlQuery}`, headers, body: { bytes: Buffer.from(body, 'utf8') } });
}

/** Authenticates, then parses, as the webhook does. */
function receive(request: WebhookRequest): WebhookRejection | ParseResult {
  return provider.authenticate(request) ?? provider.parse(request);
}

function expectRejection(outcome: WebhookRejection | ParseResult, status: number, error: string | RegExp): void {
  const rejection = 'status' in outcome ? outcome : outcome.ok ? undefined : outcome.rejection;
  expect(rejection?.status).toBe(status);
  expect(rejection?.error).toMatch(error);
}

describe('AQL provider: webhook key', () => {
  it('accepts a GET with the right key and maps the fields', async () => {
    expect(receive(await getWith({ key: WEBHOOK_KEY, ...DELIVERY }))).toEqual({ ok: true, sms: EXPECTED_SMS });
  });

  it('accepts a form POST with the key in the URL', async () => {
    const request = await postWith(query({ key: WEBHOOK_KEY }), query(DELIVERY), FORM);
    expect(receive(request)).toEqual({ ok: true, sms: EXPECTED_SMS });
  });

  it('accepts a JSON POST, reading a numeric id as text', async () => {
    const request = await postWith(query({ key: WEBHOOK_KEY }), JSON.stringify({ ...DELIVERY, id: 987654321 }), JSON_TYPE);
    expect(receive(request)).toEqual({ ok: true, sms: { ...EXPECTED_SMS, providerMessageId: '987654321' } });
  });

  it.each([
    ['a wrong key of the same length', { key: WEBHOOK_KEY.replace(/.$/, 'X') }],
    ['a shorter key (a prefix of the right one)', { key: WEBHOOK_KEY.slice(0, -1) }],
    ['a longer key (the right one plus more)', { key: `${WEBHOOK_KEY}0` }],
    ['the key in another case', { key: WEBHOOK_KEY.toUpperCase() }],
    ['an empty key', { key: '' }],
    ['no key', {}],
  ])('rejects %s with 403', async (_description, keyField) => {
    const outcome = receive(await getWith({ ...keyField, ...DELIVERY }));
    expect(outcome).toEqual({ status: 403, error: 'invalid or missing webhook key' });
  });

  it('rejects the right key given alongside a wrong one', async () => {
    const request = await decoded({ method: 'GET', url: `${HOST_URL}?key=${WEBHOOK_KEY}&key=guess&${query(DELIVERY)}` });
    expectRejection(receive(request), 403, 'invalid or missing webhook key');
  });

  it('accepts the key only from the URL, not from a POST body', async () => {
    const request = await postWith('', query({ key: WEBHOOK_KEY, ...DELIVERY }), FORM);
    expectRejection(receive(request), 403, 'invalid or missing webhook key');
  });

  it('compares fixed-length digests in constant time, whatever the length of the key given', async () => {
    const comparison = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      expect(provider.authenticate(await getWith({ key: 'x' }))).toBeDefined();
      expect(comparison).toHaveBeenCalledTimes(1);
      const [given, expected] = comparison.mock.calls[0] ?? [];
      expect([given?.byteLength, expected?.byteLength]).toEqual([32, 32]);
    } finally {
      comparison.mockRestore();
    }
  });
});

describe('AQL provider: fields', () => {
  async function parseFields(fields: Record<string, string>): Promise<ParseResult> {
    return provider.parse(await getWith({ key: WEBHOOK_KEY, ...fields }));
  }

  it.each(['gwNumber', 'originator', 'message', 'id'] as const)('rejects a delivery without %s, naming it', async (missing) => {
    const { [missing]: _omitted, ...rest } = DELIVERY;
    expectRejection(await parseFields(rest), 400, `missing field "${missing}"`);
    expectRejection(await parseFields({ ...DELIVERY, [missing]: '' }), 400, `missing field "${missing}"`);
  });

  it('does not read the key as a field', async () => {
    const parsed = await parseFields(DELIVERY);
    expect(parsed.ok && Object.values(parsed.sms)).not.toContain(WEBHOOK_KEY);
  });

  it('rejects a field given in body and query with different values, quoting neither', async () => {
    const request = await postWith(query({ key: WEBHOOK_KEY, message: 'code 111111' }), query(DELIVERY), FORM);
    const outcome = receive(request);
    expectRejection(outcome, 400, 'field "message" is given more than once with different values');
    expect(JSON.stringify(outcome)).not.toMatch(/111111|483920/);
  });

  it('accepts the same value given twice', async () => {
    const request = await postWith(query({ key: WEBHOOK_KEY, id: DELIVERY.id }), query(DELIVERY), FORM);
    expect(receive(request)).toEqual({ ok: true, sms: EXPECTED_SMS });
  });

  it('reads the optional metadata when it is sensible', async () => {
    const parsed = await parseFields({ ...DELIVERY, smsTime: '2024-05-01 10:11:12', timeZone: 'Europe/London', time: '1714558272', coding: 'UCS2' });
    expect(parsed).toEqual({ ok: true, sms: EXPECTED_SMS });
  });

  it.each([
    ['id', 'i'.repeat(129), /field "id" is longer than 128 characters/],
    ['id', 'line\nbreak', /field "id" is not printable text/],
    ['gwNumber', '4'.repeat(33), /field "gwNumber" is longer than 32 characters/],
    ['gwNumber', 'GitHub', /field "gwNumber" is not a phone number/],
    ['gwNumber', '+44 7700 900123', /field "gwNumber" is not a phone number/],
    ['gwNumber', '4'.repeat(16), /field "gwNumber" is not a phone number/],
    ['originator', 'ThisSenderIsTooLong', /field "originator" is not a phone number or an alphanumeric sender id/],
    ['originator', 'Bank<script>', /field "originator" is not a phone number or an alphanumeric sender id/],
    ['message', 'm'.repeat(2001), /field "message" is longer than 2000 characters/],
    ['smsTime', 't'.repeat(65), /field "smsTime" is longer than 64 characters/],
    ['timeZone', 'UTC\r\nX-Injected: 1', /field "timeZone" is not printable text/],
    ['coding', 'c'.repeat(65), /field "coding" is longer than 64 characters/],
  ])('rejects %s = %j', async (name, value, error) => {
    expectRejection(await parseFields({ ...DELIVERY, [name]: value }), 400, error);
  });

  it.each(['GitHub', 'HMRC', 'My Bank', 'A&B Co.', '32665', '+14155550100'])('accepts the sender %j', async (originator) => {
    const parsed = await parseFields({ ...DELIVERY, originator });
    expect(parsed.ok && parsed.sms.from).toBe(originator);
  });

  it('measures the message in characters, so 2,000 emoji fit', async () => {
    const message = '🔐'.repeat(2000);
    const request = await postWith(query({ key: WEBHOOK_KEY }), JSON.stringify({ ...DELIVERY, message }), JSON_TYPE);
    const parsed = provider.parse(request);
    expect(parsed.ok && parsed.sms.text).toBe(message);
  });
});

describe('AQL provider: acknowledgement', () => {
  it('answers 200 with a JSON status', () => {
    expect(provider.acknowledge()).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' });
  });
});

test('a short AQL webhook key is refused at start-up: it is the only protection', () => {
  expect(() => aqlProvider.create(new Map([['AQL_WEBHOOK_KEY', 'short-key-15chr']]))).toThrow(/at least 16 characters/);
  expect(() => aqlProvider.create(new Map([['AQL_WEBHOOK_KEY', 'long-enough-16ch']]))).not.toThrow();
});
