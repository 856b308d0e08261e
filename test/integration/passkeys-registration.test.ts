import { randomBytes } from 'node:crypto';
import { registrationTokenDigest } from '../../functions/src/store/registrations';
import { CLIENT_IP, expectRefusal, field, isRecord, PasskeyHarness, stringField, USER_AGENT } from '../helpers/passkey-api';

/*
 * The registration ceremony over HTTP against the real local stack on Azurite: the single-use
 * link, the passkey it adds, the notice it sends, and every way a link or a response can be bad.
 */

let harness: PasskeyHarness;

beforeEach(async () => {
  harness = await PasskeyHarness.start();
  await harness.createUser('alice', 'Alice');
});
afterEach(() => harness.checkAndStop());

function tokenRow(rows: Record<string, unknown>[], token: string): Record<string, unknown> | undefined {
  return rows.find((row) => row.rowKey === registrationTokenDigest(token));
}

/** Nothing a refused registration may leave behind: no passkey, no used token, no notice. */
async function expectNothingRegistered(token: string): Promise<void> {
  expect(await harness.stack.rows('passkeys')).toEqual([]);
  const row = tokenRow(await harness.stack.rows('registrations'), token);
  if (row) expect({ usedAt: row.usedAt, credentialId: row.credentialId }).toEqual({ usedAt: '', credentialId: '' });
  expect(await harness.outbox()).toEqual([]);
}

describe('registration: the happy path', () => {
  test('options, a passkey, verify → the passkey row, the token consumed, the notice sent, the audit row', async () => {
    const { token } = await harness.issueToken('alice');
    const { reply, options } = await harness.registrationOptions(token);
    expect(reply.status).toBe(200);
    expect(field(reply.body, 'user')).toEqual({ id: 'alice', displayName: 'Alice' });
    // What the issue asks of the options: our RP, no attestation, discoverable if possible, UV required.
    expect(options.rp).toEqual({ id: 'localhost', name: 'sms2fa' });
    expect(options.attestation).toBe('none');
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'preferred', userVerification: 'required' });
    expect(options.excludeCredentials).toEqual([]);
    expect(options.pubKeyCredParams.map((param) => param.alg)).toContain(-7);
    expect(options.user.name).toBe('alice');
    // The challenge is remembered server-side, bound to this ceremony.
    const challenges = await harness.stack.rows('challenges');
    expect(challenges.map((row) => row.rowKey)).toEqual([options.challenge]);
    expect(Buffer.from(options.challenge, 'base64url').length).toBeGreaterThanOrEqual(16);

    const device = harness.authenticator();
    const registration = device.createCredential(options);
    const verified = await harness.registrationVerify(token, registration);
    expect(verified.status).toBe(201);
    expect(verified.body).toEqual({ credentialId: registration.id, user: { id: 'alice', displayName: 'Alice' } });

    const passkeys = await harness.stack.rows('passkeys');
    expect(passkeys).toHaveLength(1);
    expect(passkeys[0]).toMatchObject({ rowKey: registration.id, userId: 'alice', counter: 0, publicKey: device.credentials[0].cosePublicKey.toString('base64url') });

    const usedToken = tokenRow(await harness.stack.rows('registrations'), token);
    expect(usedToken).toMatchObject({ userId: 'alice', credentialId: registration.id });
    expect(String(usedToken?.usedAt)).not.toBe('');
    // Only the digest is stored: the table never yields a usable link.
    expect(JSON.stringify(await harness.stack.rows('registrations'))).not.toContain(token);

    expect(await harness.stack.rows('challenges')).toEqual([]);

    const notices = await harness.outbox();
    expect(notices).toHaveLength(1);
    expect(stringField(notices[0], 'title')).toBe('New passkey registered for alice');
    expect(field(notices[0], 'user')).toBe('alice');

    const audit = await harness.stack.rows('audit');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'registration', outcome: 'ok', userId: 'alice', credentialId: registration.id, userAgent: USER_AGENT });
    expect(String(audit[0].clientIp)).toContain(CLIENT_IP);
  });

  test('a second passkey for the same user adds a row; its options exclude the first; the user handle stays', async () => {
    const phone = harness.authenticator();
    const laptop = harness.authenticator();
    const first = await harness.register('alice', phone);

    const { token } = await harness.issueToken('alice');
    const { options } = await harness.registrationOptions(token);
    expect(options.excludeCredentials?.map((descriptor) => descriptor.id)).toEqual([first]);
    // The phone already holds one of alice's passkeys, so it refuses (as a real authenticator does).
    expect(() => phone.createCredential(options)).toThrow(/InvalidStateError/);
    // The same account on every device: a passkey manager recognises the user by this handle.
    expect(options.user.id).toBe(phone.credentials[0].userHandle);

    const second = await harness.registrationVerify(token, laptop.createCredential(options));
    expect(second.status).toBe(201);
    const rows = await harness.stack.rows('passkeys');
    expect(rows.map((row) => [row.rowKey, row.userId]).sort()).toEqual([[first, 'alice'], [laptop.credentials[0].id, 'alice']].sort());
    expect(await harness.outbox()).toHaveLength(2);
  });

  test('a failed ceremony leaves the link usable: a retry with the same token succeeds', async () => {
    const { token } = await harness.issueToken('alice');
    const device = harness.authenticator();
    const failed = await harness.registrationVerify(token, device.createCredential((await harness.registrationOptions(token)).options, { userVerified: false }));
    expectRefusal(failed, 401, 'verification-failed');
    await expectNothingRegistered(token);

    const retry = await harness.registrationVerify(token, harness.authenticator().createCredential((await harness.registrationOptions(token)).options));
    expect(retry.status).toBe(201);
    expect(await harness.stack.rows('passkeys')).toHaveLength(1);
  });
});

describe('registration: bad links, nothing written', () => {
  test('a used token → 410 used-token for options and for verify', async () => {
    const { token } = await harness.issueToken('alice');
    const { options } = await harness.registrationOptions(token);
    const late = harness.authenticator().createCredential(options);
    expect((await harness.registrationVerify(token, harness.authenticator().createCredential((await harness.registrationOptions(token)).options))).status).toBe(201);
    const before = await harness.stack.rows('passkeys');

    expectRefusal((await harness.registrationOptions(token)).reply, 410, 'used-token');
    expectRefusal(await harness.registrationVerify(token, late), 410, 'used-token');
    expect(await harness.stack.rows('passkeys')).toEqual(before);
    expect(await harness.outbox()).toHaveLength(1);
  });

  test('an expired token → 410 expired-token for options, and for verify after options', async () => {
    const { token } = await harness.issueToken('alice');
    const { options } = await harness.registrationOptions(token);
    await harness.expireRow('registrations', 'token', registrationTokenDigest(token));

    expectRefusal((await harness.registrationOptions(token)).reply, 410, 'expired-token');
    expectRefusal(await harness.registrationVerify(token, harness.authenticator().createCredential(options)), 410, 'expired-token');
    await expectNothingRegistered(token);
  });

  test('a token that really ran out (short TTL) is refused too', async () => {
    const { token } = await harness.issueToken('alice', 50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expectRefusal((await harness.registrationOptions(token)).reply, 410, 'expired-token');
    expect(await harness.stack.rows('challenges')).toEqual([]);
    await expectNothingRegistered(token);
  });

  test('an unknown token → 404 unknown-token, no challenge issued', async () => {
    const unknown = randomBytes(32).toString('base64url');
    expectRefusal((await harness.registrationOptions(unknown)).reply, 404, 'unknown-token');
    expect(await harness.stack.rows('challenges')).toEqual([]);

    // A genuine response to someone else's options, posted with a token we never issued.
    const { token } = await harness.issueToken('alice');
    const response = harness.authenticator().createCredential((await harness.registrationOptions(token)).options);
    expectRefusal(await harness.registrationVerify(unknown, response), 404, 'unknown-token');
    await expectNothingRegistered(token);
  });
});

describe('registration: responses that must not verify, nothing written', () => {
  test.each([
    ['another origin', { origin: 'http://localhost:1' }],
    ['another RP ID', { rpId: 'example.com' }],
    ['no user verification', { userVerified: false }],
    ['an assertion instead of a creation', { clientDataType: 'webauthn.get' }],
  ])('%s → 401 verification-failed, audited', async (_name, tweaks) => {
    const { token } = await harness.issueToken('alice');
    const response = harness.authenticator().createCredential((await harness.registrationOptions(token)).options, tweaks);
    expectRefusal(await harness.registrationVerify(token, response), 401, 'verification-failed');
    await expectNothingRegistered(token);
    const audit = await harness.stack.rows('audit');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'registration', userId: 'alice' });
    expect(audit[0].outcome).not.toBe('ok');
  });

  test('a response to a challenge we never issued → 410 challenge-expired', async () => {
    const { token } = await harness.issueToken('alice');
    const { options } = await harness.registrationOptions(token);
    const response = harness.authenticator().createCredential(options, { challenge: randomBytes(32).toString('base64url') });
    expectRefusal(await harness.registrationVerify(token, response), 410, 'challenge-expired');
    await expectNothingRegistered(token);
  });

  test("a challenge issued for another user's link does not serve this one", async () => {
    await harness.createUser('bob', 'Bob');
    const alices = await harness.issueToken('alice');
    const bobs = await harness.issueToken('bob');
    const forAlice = harness.authenticator().createCredential((await harness.registrationOptions(alices.token)).options);
    expectRefusal(await harness.registrationVerify(bobs.token, forAlice), 410, 'challenge-expired');
    expect(await harness.stack.rows('passkeys')).toEqual([]);
  });

  test('an expired registration challenge → 410 challenge-expired; the link still works after', async () => {
    const { token } = await harness.issueToken('alice');
    const { options } = await harness.registrationOptions(token);
    await harness.expireRow('challenges', 'registration', options.challenge);
    expectRefusal(await harness.registrationVerify(token, harness.authenticator().createCredential(options)), 410, 'challenge-expired');
    await expectNothingRegistered(token);
    expect((await harness.registrationVerify(token, harness.authenticator().createCredential((await harness.registrationOptions(token)).options))).status).toBe(201);
  });
});

test('options and verify replies are readable by the frontend (CORS on the real response)', async () => {
  const { token } = await harness.issueToken('alice');
  const { reply } = await harness.registrationOptions(token);
  expect(reply.headers.get('access-control-allow-origin')).toBe(harness.stack.frontendUrl);
  expect(isRecord(reply.body)).toBe(true);
});
