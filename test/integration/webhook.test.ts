import { randomBytes } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { open } from '../../functions/src/core/crypto';
import { registeredTimerFunctions } from '../../functions/src/registry';
import { invokeTimer } from '../../scripts/lib/local-stack';
import { FakePushover } from '../helpers/fake-pushover';
import { startTestStack, type TestStack } from '../helpers/stack';

const OUR_NUMBER = '+447700900000';
const CODE = '493817';
const TEXT = `Your GitHub verification code is ${CODE}. Don't share it.`;

let pushover: FakePushover;
let stack: TestStack;

beforeAll(async () => {
  pushover = new FakePushover();
  await pushover.start();
});
afterAll(async () => {
  await pushover.stop();
});
beforeEach(async () => {
  pushover.received.length = 0;
  pushover.failNext = 0;
  stack = await startTestStack({ notifier: pushover.notifier() });
});
afterEach(async () => {
  await stack.stop();
});

function aqlFields(overrides: Record<string, string> = {}): Record<string, string> {
  return { gwNumber: OUR_NUMBER, originator: 'GitHub', message: TEXT, id: `aql-${randomBytes(6).toString('hex')}`, smsTime: '2026-11-23 10:00:00', ...overrides };
}

function postAql(fields: Record<string, string>, key = stack.secrets.aqlWebhookKey): Promise<Response> {
  return fetch(`${stack.apiUrl}/api/sms/aql?key=${encodeURIComponent(key)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

function postTwilio(fields: Record<string, string>, signWith = stack.secrets.twilioAuthToken): Promise<Response> {
  const url = `${stack.apiUrl}/api/sms/twilio`;
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      // The provider's own SDK computes the signature: our verifier must agree with it.
      'X-Twilio-Signature': getExpectedTwilioSignature(signWith, url, fields),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

function twilioFields(): Record<string, string> {
  return { MessageSid: `SM${randomBytes(16).toString('hex')}`, AccountSid: `AC${randomBytes(16).toString('hex')}`, From: '+15005550006', To: OUR_NUMBER, Body: 'G-271828 is your Google verification code.', NumMedia: '0' };
}

describe('SMS webhook → Table Storage → Pushover', () => {
  test('an AQL message is stored sealed and announced with a link but never the code', async () => {
    const response = await postAql(aqlFields());
    expect(response.status).toBe(200);

    const [row] = await stack.rows('messages');
    expect(row).toBeDefined();
    const raw = JSON.stringify(row);
    expect(raw).not.toContain(CODE);
    expect(raw).not.toContain('verification code');
    const secret = JSON.parse(open(String(row.sealedSecret), Buffer.from(stack.secrets.codeEncryptionKey, 'base64'), String(row.rowKey)));
    expect(secret).toEqual({ code: CODE, text: TEXT, origin: null });
    expect(row).toMatchObject({ sender: 'GitHub', destination: OUR_NUMBER, provider: 'aql', hasCode: true });
    expect(String(row.rowKey)).toMatch(/^[A-Za-z0-9_-]{22}$/);

    expect(pushover.received).toHaveLength(1);
    const push = pushover.received[0].fields;
    expect(push.title).toBe('Code from GitHub');
    expect(push.url).toBe(`${stack.frontendUrl}/?m=${String(row.rowKey)}`);
    expect(push.user).toBe('uQiRzpo4DXghDmr9QzzfQu27cmVRsG');
    expect(JSON.stringify(push)).not.toContain(CODE);
    expect(stack.logs.join('\n')).not.toContain(CODE);
  });

  test('a Twilio message with the SDK-computed signature is accepted with empty TwiML', async () => {
    const response = await postTwilio(twilioFields());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/xml');
    expect(await response.text()).toContain('<Response></Response>');
    const rows = await stack.rows('messages');
    expect(rows).toHaveLength(1);
    expect(pushover.received[0].fields.title).toBe('Code from Google');
  });

  test('AQL over GET with the fields in the query string works too', async () => {
    const query = new URLSearchParams({ key: stack.secrets.aqlWebhookKey, ...aqlFields() });
    const response = await fetch(`${stack.apiUrl}/api/sms/aql?${query.toString()}`);
    expect(response.status).toBe(200);
    expect(await stack.rows('messages')).toHaveLength(1);
  });

  test('a message without a code is stored and announced without its text', async () => {
    const text = 'Your parcel 1Z999AA10123456784 arrives tomorrow between 10:00 and 12:00.';
    expect((await postAql(aqlFields({ originator: '+447700900555', message: text }))).status).toBe(200);
    const [row] = await stack.rows('messages');
    expect(row.hasCode).toBe(false);
    expect(JSON.stringify(row)).not.toContain('parcel');
    expect(pushover.received[0].fields.title).toBe('New message from +447700900555');
    expect(JSON.stringify(pushover.received)).not.toContain('parcel');
  });

  test('the same delivery twice gives one row and one push', async () => {
    const fields = aqlFields();
    expect((await postAql(fields)).status).toBe(200);
    expect((await postAql(fields)).status).toBe(200);
    expect(await stack.rows('messages')).toHaveLength(1);
    expect(pushover.received).toHaveLength(1);
  });

  test('ten concurrent copies of one delivery give one row and one push', async () => {
    const fields = aqlFields();
    const statuses = await Promise.all(Array.from({ length: 10 }, () => postAql(fields).then((r) => r.status)));
    // A copy that finds another copy mid-push asks for a retry rather than claiming success.
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(statuses).toContain(200);
    expect(await stack.rows('messages')).toHaveLength(1);
    expect(pushover.received).toHaveLength(1);
  });

  test('Pushover failing → 503 and the message kept; the retry pushes once and stores nothing new', async () => {
    pushover.failNext = 1;
    const fields = aqlFields();
    const first = await postAql(fields);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('30');
    expect(await stack.rows('messages')).toHaveLength(1);
    expect(pushover.received).toHaveLength(0);

    const retry = await postAql(fields);
    expect(retry.status).toBe(200);
    expect(await stack.rows('messages')).toHaveLength(1);
    expect(pushover.received).toHaveLength(1);

    expect((await postAql(fields)).status).toBe(200);
    expect(pushover.received).toHaveLength(1);
  });

  test('routing sends a number to its users only', async () => {
    await stack.stop();
    stack = await startTestStack({ notifier: pushover.notifier(), settings: { ROUTING: JSON.stringify({ [OUR_NUMBER]: ['owner'], '+447700900111': ['nobody-here'] }) } });
    expect((await postAql(aqlFields())).status).toBe(200);
    expect((await postAql(aqlFields({ gwNumber: '+447700900111' }))).status).toBe(200);
    const rows = await stack.rows('messages');
    expect(rows.map((row) => JSON.parse(String(row.recipients))).sort()).toEqual([['nobody-here'], ['owner']]);
    // "nobody-here" is not a user, so only the owner's message is pushed.
    expect(pushover.received).toHaveLength(1);
  });
});

describe('bad input: a clear 4xx, nothing stored, nothing pushed', () => {
  afterEach(async () => {
    expect(await stack.rows('messages')).toHaveLength(0);
    expect(pushover.received).toHaveLength(0);
  });

  async function expectError(response: Response, status: number, mentions: string | RegExp): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(mentions);
    expect(body.error).not.toContain(CODE);
  }

  test('wrong AQL key', async () => {
    await expectError(await postAql(aqlFields(), 'not-the-key'), 403, /key/);
  });

  test('missing AQL key', async () => {
    const response = await fetch(`${stack.apiUrl}/api/sms/aql`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(aqlFields()).toString() });
    await expectError(response, 403, /key/);
  });

  test('Twilio signature by another token', async () => {
    await expectError(await postTwilio(twilioFields(), 'someone-elses-token'), 403, /signature/i);
  });

  test('Twilio without a signature', async () => {
    const response = await fetch(`${stack.apiUrl}/api/sms/twilio`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(twilioFields()).toString() });
    await expectError(response, 403, /signature/i);
  });

  test('a missing field is named', async () => {
    const { originator: _dropped, ...fields } = aqlFields();
    await expectError(await postAql(fields), 400, /originator/);
  });

  test('a body over 16 KiB', async () => {
    await expectError(await postAql(aqlFields({ message: 'x'.repeat(17 * 1024) })), 400, /16|large|size/i);
  });

  test('invalid UTF-8', async () => {
    const response = await fetch(`${stack.apiUrl}/api/sms/aql?key=${stack.secrets.aqlWebhookKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: Buffer.concat([Buffer.from('gwNumber=447700900000&originator=x&id=1&message='), Buffer.from([0xff, 0xfe, 0xc3])]),
    });
    await expectError(response, 400, /UTF-8/i);
  });

  test('a wrong content type', async () => {
    const response = await fetch(`${stack.apiUrl}/api/sms/aql?key=${stack.secrets.aqlWebhookKey}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    await expectError(response, 400, /content type/i);
  });

  test('an unknown provider', async () => {
    await expectError(await fetch(`${stack.apiUrl}/api/sms/nexmo`, { method: 'POST' }), 404, /provider/);
  });

  test('garbage JSON', async () => {
    const response = await fetch(`${stack.apiUrl}/api/sms/aql?key=${stack.secrets.aqlWebhookKey}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"gwNumber": ' });
    await expectError(response, 400, /JSON/);
  });
});

describe('hostile input never produces a 500', () => {
  /** Deterministic pseudo-random numbers so a failure can be replayed. */
  function prng(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state / 0x7fffffff;
    };
  }

  test('300 malformed requests: every answer a 4xx, nothing stored or pushed', async () => {
    const random = prng(20261123);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const contentTypes = ['application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded; charset=latin1', ''];
    const bodies = [
      () => randomBytes(Math.floor(random() * 400)),
      () => Buffer.from('%'.repeat(Math.floor(random() * 50)) + '=%E0%80'),
      () => Buffer.from(JSON.stringify({ gwNumber: [1, 2], originator: { a: 1 }, message: null, id: 1e400 })),
      () => Buffer.from(`gwNumber=${'9'.repeat(200)}&originator=&message=&id=`),
      () => Buffer.from('{"__proto__": {"polluted": true}, "constructor": "x"}'),
      () => Buffer.from('a=1&a=2&a=3&gwNumber=+447700900000&gwNumber=+447700900001'),
      () => Buffer.alloc(20_000, 0x41),
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const provider = pick(['aql', 'twilio', 'unknown', '%00', '..%2F..']);
      const withKey = random() < 0.5 ? `?key=${random() < 0.5 ? stack.secrets.aqlWebhookKey : 'x'}` : pick(['', '?%zz', '?key=%FF']);
      const contentType = pick(contentTypes);
      const method = pick(['POST', 'POST', 'GET', 'PUT']);
      const response = await fetch(`${stack.apiUrl}/api/sms/${provider}${withKey}`, {
        method,
        headers: { ...(contentType ? { 'Content-Type': contentType } : {}), 'X-Twilio-Signature': random() < 0.5 ? 'bm90IGEgc2lnbmF0dXJl' : '' },
        ...(method === 'GET' ? {} : { body: pick(bodies)() }),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    // The generator really reached several distinct rejections.
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    expect(await stack.rows('messages')).toHaveLength(0);
    expect(pushover.received).toHaveLength(0);
  });
});

describe('the announce timer: a safety net for providers that never retry', () => {
  async function runAnnounceTimer(): Promise<string[]> {
    const timer = registeredTimerFunctions().find((fn) => fn.name === 'announcePending');
    if (!timer) throw new Error('announcePending is not registered');
    expect(timer.schedule).toBe('0 * * * * *');
    const logs: string[] = [];
    await invokeTimer(timer, (line) => logs.push(line));
    return logs;
  }

  test('a push that failed while Twilio (which does not retry) got a 503 is sent by the timer, once', async () => {
    pushover.failNext = 1;
    expect((await postTwilio(twilioFields())).status).toBe(503);
    expect(pushover.received).toHaveLength(0);

    const logs = await runAnnounceTimer();
    expect(pushover.received).toHaveLength(1);
    expect(pushover.received[0].fields.title).toBe('Code from Google');
    expect(logs.join('\n')).toMatch(/1 message\(s\) pending, 1 push\(es\) sent/);
    expect(logs.join('\n')).not.toContain('271828');

    await runAnnounceTimer();
    expect(pushover.received).toHaveLength(1);
    const [row] = await stack.rows('messages');
    expect(JSON.parse(String(row.notifiedUserIds))).toEqual(['owner']);
  });

  test('announced and expired messages are left alone', async () => {
    expect((await postAql(aqlFields())).status).toBe(200);
    await runAnnounceTimer();
    expect(pushover.received).toHaveLength(1);
    pushover.received.length = 0;

    await stack.stop();
    stack = await startTestStack({ notifier: pushover.notifier(), settings: { MESSAGE_TTL_MINUTES: '0.001' } });
    pushover.failNext = 1;
    expect((await postAql(aqlFields())).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 100)); // past its 60 ms lifetime
    await runAnnounceTimer();
    expect(pushover.received).toHaveLength(0);
  });
});
