import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { PasskeyStore } from '../../functions/src/store/passkeys';
import type { SoftwareAuthenticator } from '../helpers/software-authenticator';
import { azuriteConnectionString } from '../helpers/stack';
import { CLIENT_IP, CODE, expectRefusal, field, PasskeyHarness, stringField, TEXT, timeOf, USER_AGENT } from '../helpers/passkey-api';

/*
 * The reveal ceremony over HTTP against the real local stack on Azurite: a code comes back only
 * to a recipient's verified passkey, once per challenge, and per the configured reveal policy.
 * Every refusal is followed by a check that the code was not handed out and is still there.
 */

let harness: PasskeyHarness;
let alicesPhone: SoftwareAuthenticator;

async function startWith(settings: Record<string, string> = {}): Promise<void> {
  harness = await PasskeyHarness.start({ settings });
  await harness.createUser('alice', 'Alice');
  alicesPhone = harness.authenticator();
  await harness.register('alice', alicesPhone);
}

afterEach(() => harness.checkAndStop());

/** The message is untouched: nobody revealed it, and with `once` its sealed secret is still there. */
async function expectStillSealed(messageId: string): Promise<void> {
  const row = await harness.messageRow(messageId);
  expect({ revealedAt: row.revealedAt ?? '', revealedBy: row.revealedBy ?? '' }).toEqual({ revealedAt: '', revealedBy: '' });
  expect(String(row.sealedSecret)).not.toBe('');
}

const REPO_ROOT = path.resolve(__dirname, '../..');

/** An operator command against this test's tables, the way `npm run` would start it. */
function runOperatorScript(script: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TABLES_CONNECTION_STRING: azuriteConnectionString(), TABLE_NAME_PREFIX: harness.stack.tablePrefix },
    timeout: 20_000,
  });
}

async function revealAudit(): Promise<Record<string, unknown>[]> {
  return (await harness.stack.rows('audit')).filter((row) => row.action === 'reveal');
}

describe('policy once (the default)', () => {
  beforeEach(() => startWith());

  test('the exact code and text come back, then the message is gone: 410 revealed', async () => {
    const messageId = await harness.receiveSms();
    const { reply: optionsReply, options } = await harness.revealOptions(messageId);
    expect(optionsReply.status).toBe(200);
    // Discoverable passkeys: no allow list, and the prompt must verify the user.
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe('required');
    expect(options.rpId).toBe('localhost');
    // expiresAt is the message's, so the page can count down before the prompt.
    const messageExpiry = timeOf((await harness.messageRow(messageId)).expiresAt);
    expect(new Date(stringField(optionsReply.body, 'expiresAt')).getTime()).toBe(messageExpiry);
    // The challenge is remembered for this message, for two minutes.
    const [challenge] = await harness.stack.rows('challenges');
    expect(challenge).toMatchObject({ partitionKey: 'reveal', rowKey: options.challenge, subject: messageId });
    const challengeLifetime = timeOf(challenge.expiresAt) - Date.now();
    expect(challengeLifetime).toBeGreaterThan(60_000);
    expect(challengeLifetime).toBeLessThanOrEqual(2 * 60_000);

    const reply = await harness.revealVerify(messageId, alicesPhone.getAssertion(options));
    expect(reply.status).toBe(200);
    expect(field(reply.body, 'message')).toEqual({
      code: CODE,
      text: TEXT,
      service: 'GitHub',
      sender: 'GitHub',
      origin: null,
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      policy: 'once',
    });
    expect(reply.headers.get('cache-control')).toContain('no-store');

    const row = await harness.messageRow(messageId);
    expect(row.revealedBy).toBe('alice');
    expect(row.sealedSecret ?? '').toBe('');
    // The counter the authenticator reported is stored, so a clone replaying an older one is caught.
    expect((await harness.stack.rows('passkeys'))[0].counter).toBe(1);

    expectRefusal((await harness.revealOptions(messageId)).reply, 410, 'revealed');
    const audit = await revealAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'ok', userId: 'alice', credentialId: alicesPhone.credentials[0].id, messageId, userAgent: USER_AGENT });
    expect(String(audit[0].clientIp)).toContain(CLIENT_IP);
  });

  test('two devices revealing at once: one gets the code, the other 410 revealed', async () => {
    const laptop = harness.authenticator();
    await harness.register('alice', laptop);
    const messageId = await harness.receiveSms();
    const [phoneOptions, laptopOptions] = await Promise.all([harness.revealOptions(messageId), harness.revealOptions(messageId)]);
    const replies = await Promise.all([
      harness.revealVerify(messageId, alicesPhone.getAssertion(phoneOptions.options)),
      harness.revealVerify(messageId, laptop.getAssertion(laptopOptions.options)),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 410]);
    const loser = replies.find((reply) => reply.status === 410);
    if (loser) expectRefusal(loser, 410, 'revealed');
  });

  test('an origin-bound code (@example.com #123456) reports its origin', async () => {
    const messageId = await harness.receiveSms('123456 is your example code.\n\n@example.com #123456');
    const reply = await harness.reveal(messageId, alicesPhone);
    expect(reply.status).toBe(200);
    expect(field(reply.body, 'message')).toMatchObject({ code: '123456', origin: 'example.com' });
  });

  test('a message without a code reveals its full text and code null', async () => {
    const text = 'Your parcel 1Z999AA10123456784 arrives tomorrow between 10:00 and 12:00.';
    const messageId = await harness.receiveSms(text);
    const reply = await harness.reveal(messageId, alicesPhone);
    expect(field(reply.body, 'message')).toMatchObject({ code: null, text });
  });

  test('an unknown message → 404 not-found before any prompt, no challenge issued', async () => {
    expectRefusal((await harness.revealOptions(randomBytes(16).toString('base64url'))).reply, 404, 'not-found');
    expect(await harness.stack.rows('challenges')).toEqual([]);
  });

  test('an expired message → 410 expired, before the prompt and after it, and the code is not returned', async () => {
    const messageId = await harness.receiveSms();
    const { options } = await harness.revealOptions(messageId);
    await harness.expireRow('messages', 'message', messageId);
    const reply = await harness.revealVerify(messageId, alicesPhone.getAssertion(options));
    expectRefusal(reply, 410, 'expired');
    expectRefusal((await harness.revealOptions(messageId)).reply, 410, 'expired');
  });

  test('an expired challenge → 410 challenge-expired; nothing revealed; a fresh attempt works', async () => {
    const messageId = await harness.receiveSms();
    const { options } = await harness.revealOptions(messageId);
    await harness.expireRow('challenges', 'reveal', options.challenge);
    expectRefusal(await harness.revealVerify(messageId, alicesPhone.getAssertion(options)), 410, 'challenge-expired');
    await expectStillSealed(messageId);
    expect((await harness.reveal(messageId, alicesPhone)).status).toBe(200);
  });

  test('a challenge issued for another message does not serve this one', async () => {
    const first = await harness.receiveSms();
    const second = await harness.receiveSms('Your Acme code is 112233');
    const { options } = await harness.revealOptions(first);
    const reply = await harness.revealVerify(second, alicesPhone.getAssertion(options));
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.text).not.toContain('112233');
    await expectStillSealed(second);
  });

  test('a response to a challenge we never issued → 410 challenge-expired', async () => {
    const messageId = await harness.receiveSms();
    const { options } = await harness.revealOptions(messageId);
    const forged = alicesPhone.getAssertion(options, { challenge: randomBytes(32).toString('base64url') });
    expectRefusal(await harness.revealVerify(messageId, forged), 410, 'challenge-expired');
    await expectStillSealed(messageId);
  });

  test.each([
    ['another origin', { origin: 'http://localhost:1' }],
    ['another RP ID', { rpId: 'example.com' }],
    ['no user verification (UV flag clear)', { userVerified: false }],
    ['a tampered signature', { tamperSignature: true }],
    ['a registration instead of an assertion', { clientDataType: 'webauthn.create' }],
  ])('%s → 401 verification-failed, audited, nothing revealed', async (_name, tweaks) => {
    const messageId = await harness.receiveSms();
    expectRefusal(await harness.reveal(messageId, alicesPhone, tweaks), 401, 'verification-failed');
    await expectStillSealed(messageId);
    const audit = await revealAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ credentialId: alicesPhone.credentials[0].id, messageId });
    expect(audit[0].outcome).not.toBe('ok');
    // The refusal did not burn the message: the real passkey still reveals it.
    expect((await harness.reveal(messageId, alicesPhone)).status).toBe(200);
  });

  test('a passkey revoked in the store → 401 verification-failed, nothing revealed', async () => {
    const messageId = await harness.receiveSms();
    expect(await new PasskeyStore(harness.tables).revoke(alicesPhone.credentials[0].id)).toBe(true);
    expectRefusal(await harness.reveal(messageId, alicesPhone), 401, 'verification-failed');
    await expectStillSealed(messageId);
    const [audit] = await revealAudit();
    expect(audit).toMatchObject({ credentialId: alicesPhone.credentials[0].id, messageId });
    expect(audit.outcome).not.toBe('ok');
  });

  test('`npm run passkeys -- revoke` removes exactly that passkey and audits it; it no longer reveals', async () => {
    const laptop = harness.authenticator();
    await harness.register('alice', laptop);
    const revokedId = alicesPhone.credentials[0].id;
    const { stdout } = await runOperatorScript('scripts/passkeys.ts', ['revoke', revokedId]);
    expect(stdout).toContain(revokedId);
    expect((await harness.stack.rows('passkeys')).map((row) => row.rowKey)).toEqual([laptop.credentials[0].id]);
    const revocations = (await harness.stack.rows('audit')).filter((row) => row.action === 'revocation');
    expect(revocations).toEqual([expect.objectContaining({ outcome: 'ok', userId: 'alice', credentialId: revokedId })]);

    const messageId = await harness.receiveSms();
    expectRefusal(await harness.reveal(messageId, alicesPhone), 401, 'verification-failed');
    await expectStillSealed(messageId);
    // The user's other passkey is untouched.
    expect((await harness.reveal(messageId, laptop)).status).toBe(200);
  });

  test('a passkey the server never registered → 401 verification-failed', async () => {
    const messageId = await harness.receiveSms();
    const stranger = harness.authenticator();
    // Made with genuine options (so it is well formed) but never sent to registration/verify.
    const { token } = await harness.issueToken('alice');
    stranger.createCredential((await harness.registrationOptions(token)).options);
    expectRefusal(await harness.reveal(messageId, stranger), 401, 'verification-failed');
    await expectStillSealed(messageId);
  });
});

describe('policy until-expiry', () => {
  beforeEach(() => startWith({ REVEAL_POLICY: 'until-expiry' }));

  test('two reveals both give the code', async () => {
    const messageId = await harness.receiveSms();
    for (let attempt = 0; attempt < 2; attempt++) {
      const reply = await harness.reveal(messageId, alicesPhone);
      expect(reply.status).toBe(200);
      expect(field(reply.body, 'message')).toMatchObject({ code: CODE, text: TEXT, policy: 'until-expiry' });
    }
    expect((await revealAudit()).map((row) => row.outcome)).toEqual(['ok', 'ok']);
  });

  test('a replayed assertion → 410 challenge-expired and the code is not returned twice', async () => {
    // With until-expiry the message stays revealable, so only the challenge can stop the replay.
    const messageId = await harness.receiveSms();
    const { options } = await harness.revealOptions(messageId);
    const assertion = alicesPhone.getAssertion(options);
    expect((await harness.revealVerify(messageId, assertion)).status).toBe(200);
    const replay = await harness.revealVerify(messageId, assertion);
    expectRefusal(replay, 410, 'challenge-expired');
  });

  test('the same assertion sent twice at once is honoured once', async () => {
    const messageId = await harness.receiveSms();
    const { options } = await harness.revealOptions(messageId);
    const assertion = alicesPhone.getAssertion(options);
    const replies = await Promise.all([harness.revealVerify(messageId, assertion), harness.revealVerify(messageId, assertion)]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 410]);
    expect(replies.filter((reply) => reply.text.includes(CODE))).toHaveLength(1);
  });

  test('a counter that goes backwards → 401, audited, and the stored counter is not lowered', async () => {
    const messageId = await harness.receiveSms();
    expect((await harness.reveal(messageId, alicesPhone)).status).toBe(200);
    expect((await harness.reveal(messageId, alicesPhone)).status).toBe(200);
    expect((await harness.stack.rows('passkeys'))[0].counter).toBe(2);

    // A clone of the authenticator taken after its first use reports 1 again.
    const cloned = await harness.reveal(messageId, alicesPhone, { counter: 1 });
    expectRefusal(cloned, 401, 'verification-failed');
    expect((await harness.stack.rows('passkeys'))[0].counter).toBe(2);
    const audit = await revealAudit();
    expect(audit.filter((row) => row.outcome === 'ok')).toHaveLength(2);
    expect(audit.filter((row) => row.outcome !== 'ok')).toEqual([expect.objectContaining({ outcome: expect.stringMatching(/counter/), credentialId: alicesPhone.credentials[0].id, messageId })]);
    // A counter that merely stands still is a regression as well.
    expectRefusal(await harness.reveal(messageId, alicesPhone, { counter: 2 }), 401, 'verification-failed');
  });
});

describe('recipients', () => {
  beforeEach(() => startWith({ ROUTING: JSON.stringify({ '*': ['alice'] }) }));

  test("bob's valid passkey on alice's message → 403 not-recipient, nothing revealed; alice still can", async () => {
    await harness.createUser('bob', 'Bob');
    const bobsPhone = harness.authenticator();
    await harness.register('bob', bobsPhone);
    const messageId = await harness.receiveSms();
    expect(JSON.parse(String((await harness.messageRow(messageId)).recipients))).toEqual(['alice']);

    expectRefusal(await harness.reveal(messageId, bobsPhone), 403, 'not-recipient');
    await expectStillSealed(messageId);
    const [refusal] = await revealAudit();
    expect(refusal).toMatchObject({ userId: 'bob', credentialId: bobsPhone.credentials[0].id, messageId, outcome: 'not-recipient' });

    const alices = await harness.reveal(messageId, alicesPhone);
    expect(alices.status).toBe(200);
    expect(field(alices.body, 'message', 'code')).toBe(CODE);
  });
});
