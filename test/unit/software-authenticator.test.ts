import { createHash, createPublicKey, verify } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import { decodeAttestationObject, isoBase64URL, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { AuthenticatorError, encodeCbor, SoftwareAuthenticator, type CreationTweaks, type AssertionTweaks } from '../helpers/software-authenticator';

/*
 * The oracle is @simplewebauthn/server itself, called directly: if it accepts our genuine responses
 * and rejects each tweaked one for the intended reason, the authenticator is fit to test our server.
 */

const RP_ID = 'localhost';
const ORIGIN = 'http://localhost:8080';

function registrationOptions(excludeCredentials: { id: string }[] = []): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: 'sms2fa',
    rpID: RP_ID,
    userName: 'alice',
    userDisplayName: 'Alice',
    attestationType: 'none',
    excludeCredentials,
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
}

async function register(authenticator: SoftwareAuthenticator, tweaks: CreationTweaks = {}) {
  const options = await registrationOptions();
  const response = authenticator.createCredential(options, tweaks);
  return { options, response, verification: await verifyRegistrationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: ORIGIN, expectedRPID: RP_ID, requireUserVerification: true }) };
}

/** Registers a credential the oracle accepted and returns what a server would store for it. */
async function registeredCredential(authenticator: SoftwareAuthenticator): Promise<WebAuthnCredential> {
  const { verification } = await register(authenticator);
  if (!verification.verified) throw new Error('registration did not verify');
  return verification.registrationInfo.credential;
}

async function authenticate(authenticator: SoftwareAuthenticator, credential: WebAuthnCredential, tweaks: AssertionTweaks = {}) {
  const options = await generateAuthenticationOptions({ rpID: RP_ID, userVerification: 'required', allowCredentials: [] });
  const response = authenticator.getAssertion(options, tweaks);
  const verification = await verifyAuthenticationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: ORIGIN, expectedRPID: RP_ID, credential, requireUserVerification: true });
  return { options, response, verification };
}

describe('CBOR encoder', () => {
  // Expected bytes from RFC 8949 Appendix A.
  test.each<[Parameters<typeof encodeCbor>[0], string]>([
    [0, '00'],
    [23, '17'],
    [24, '1818'],
    [255, '18ff'],
    [256, '190100'],
    [65536, '1a00010000'],
    [4294967296, '1b0000000100000000'],
    [-1, '20'],
    [-7, '26'],
    [-1000, '3903e7'],
    ['', '60'],
    ['IETF', '6449455446'],
    ['ü', '62c3bc'],
    [Buffer.from([1, 2, 3, 4]), '4401020304'],
    [new Map(), 'a0'],
    [new Map<number | string, number>([[1, 2], [3, 4]]), 'a201020304'],
    [new Map<string, string>([['a', 'A']]), 'a161616141'],
  ])('%p → %s', (value, hex) => {
    expect(encodeCbor(value).toString('hex')).toBe(hex);
  });

  test('refuses what WebAuthn never needs', () => {
    expect(() => encodeCbor(1.5)).toThrow(RangeError);
  });
});

describe('registration against @simplewebauthn/server', () => {
  test('a genuine response verifies, with the public key and credential id the authenticator keeps', async () => {
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const { options, response, verification } = await register(authenticator);
    expect(verification.verified).toBe(true);
    if (!verification.verified) return;
    const info = verification.registrationInfo;
    expect(info.fmt).toBe('none');
    expect(info.userVerified).toBe(true);
    expect(info.aaguid).toBe('00000000-0000-0000-0000-000000000000');
    expect(info.credential.id).toBe(response.id);
    expect(info.credential.counter).toBe(0);
    expect(info.credentialDeviceType).toBe('singleDevice');
    expect(info.credentialBackedUp).toBe(false);
    expect(info.origin).toBe(ORIGIN);
    expect(info.rpID).toBe(RP_ID);

    const [stored] = authenticator.credentials;
    expect(stored.id).toBe(response.id);
    expect(stored.userHandle).toBe(options.user.id);
    expect(stored.rpId).toBe(RP_ID);
    expect(Buffer.from(info.credential.publicKey).equals(stored.cosePublicKey)).toBe(true);
    // The SPKI copy the browser exposes describes the same key.
    const spki = createPublicKey({ key: Buffer.from(response.response.publicKey ?? '', 'base64url'), format: 'der', type: 'spki' });
    expect(spki.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  test('backup flags are reported as the server will read them', async () => {
    const { verification } = await register(new SoftwareAuthenticator(ORIGIN), { backup: 'backed-up' });
    expect(verification.registrationInfo?.credentialDeviceType).toBe('multiDevice');
    expect(verification.registrationInfo?.credentialBackedUp).toBe(true);
  });

  test('credProps is answered when asked, as browsers do', async () => {
    const options = await registrationOptions();
    options.extensions = { credProps: true };
    expect(new SoftwareAuthenticator(ORIGIN).createCredential(options).clientExtensionResults).toEqual({ credProps: { rk: true } });
  });

  test.each<[string, CreationTweaks, RegExp]>([
    ['another origin', { origin: 'https://evil.example' }, /origin/i],
    ['another RP ID', { rpId: 'evil.example' }, /RP ID/i],
    ['no user verification', { userVerified: false }, /user.*verif/i],
    ['another challenge', { challenge: 'c29tZXRoaW5nLWVsc2U' }, /challenge/i],
    ['an assertion type', { clientDataType: 'webauthn.get' }, /type/i],
  ])('%s is rejected', async (_name, tweaks, reason) => {
    await expect(register(new SoftwareAuthenticator(ORIGIN), tweaks)).rejects.toThrow(reason);
  });

  test('the attestation object is the CBOR a browser sends for attestation "none"', async () => {
    const options = await registrationOptions();
    const response = new SoftwareAuthenticator(ORIGIN).createCredential(options);
    const decoded = decodeAttestationObject(isoBase64URL.toBuffer(response.response.attestationObject));
    expect(decoded.get('fmt')).toBe('none');
    expect(decoded.get('attStmt').size).toBe(0);
    const authData = parseAuthenticatorData(decoded.get('authData'));
    expect(authData.flags).toMatchObject({ up: true, uv: true, at: true, be: false, bs: false, ed: false });
    expect(Buffer.from(authData.rpIdHash).equals(createHash('sha256').update(RP_ID).digest())).toBe(true);
    expect(Buffer.from(authData.credentialID ?? []).toString('base64url')).toBe(response.id);
    expect(Buffer.from(decoded.get('authData')).toString('base64url')).toBe(response.response.authenticatorData);
    expect(JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8'))).toEqual({ type: 'webauthn.create', challenge: options.challenge, origin: ORIGIN, crossOrigin: false });
  });

  test('an excluded credential makes the authenticator refuse, as the spec demands', async () => {
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const first = await registeredCredential(authenticator);
    const options = await registrationOptions([{ id: first.id }]);
    expect(() => authenticator.createCredential(options)).toThrow(AuthenticatorError);
    // Another authenticator (another device) is free to register.
    expect(() => new SoftwareAuthenticator(ORIGIN).createCredential(options)).not.toThrow();
  });

  test('options without ES256 are refused', async () => {
    const options = await registrationOptions();
    options.pubKeyCredParams = [{ type: 'public-key', alg: -257 }];
    expect(() => new SoftwareAuthenticator(ORIGIN).createCredential(options)).toThrow(/ES256/);
  });
});

describe('authentication against @simplewebauthn/server', () => {
  let authenticator: SoftwareAuthenticator;
  let credential: WebAuthnCredential;

  beforeEach(async () => {
    authenticator = new SoftwareAuthenticator(ORIGIN);
    credential = await registeredCredential(authenticator);
  });

  test('a genuine assertion verifies and the counter goes up by one each time', async () => {
    const first = await authenticate(authenticator, credential);
    expect(first.verification.verified).toBe(true);
    expect(first.verification.authenticationInfo.newCounter).toBe(1);
    expect(first.verification.authenticationInfo.userVerified).toBe(true);
    expect(first.response.id).toBe(credential.id);
    expect(first.response.response.userHandle).toBe(authenticator.credentials[0].userHandle);

    const second = await authenticate(authenticator, { ...credential, counter: 1 });
    expect(second.verification.authenticationInfo.newCounter).toBe(2);
  });

  test('the signature is DER ECDSA over authData || SHA-256(clientDataJSON)', async () => {
    const { response } = await authenticate(authenticator, credential);
    const authData = Buffer.from(response.response.authenticatorData, 'base64url');
    const clientData = Buffer.from(response.response.clientDataJSON, 'base64url');
    const signature = Buffer.from(response.response.signature, 'base64url');
    expect(signature[0]).toBe(0x30); // DER SEQUENCE, not the 64-byte raw r||s form
    // The key the authenticator holds, checked independently of SimpleWebAuthn's own verifier.
    const publicKey = createPublicKey(authenticator.credentials[0].privateKey);
    const clientDataHash = createHash('sha256').update(clientData).digest();
    expect(verify('sha256', Buffer.concat([authData, clientDataHash]), publicKey, signature)).toBe(true);
    expect(JSON.parse(clientData.toString('utf8'))).toEqual({ type: 'webauthn.get', challenge: expect.any(String), origin: ORIGIN, crossOrigin: false });
  });

  test('with several credentials for the RP and an empty allow list, the picked one answers', async () => {
    const second = await registeredCredential(authenticator);
    const viaDefault = await authenticate(authenticator, second);
    expect(viaDefault.response.id).toBe(second.id);
    const viaPicker = await authenticate(authenticator, credential, { credentialId: credential.id });
    expect(viaPicker.verification.verified).toBe(true);
  });

  test('an allow list restricts the choice', async () => {
    await registeredCredential(authenticator);
    const options = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials: [{ id: credential.id }] });
    expect(authenticator.getAssertion(options).id).toBe(credential.id);
  });

  test('no credential for the RP → NotAllowedError, as a browser would report', async () => {
    const options = await generateAuthenticationOptions({ rpID: 'example.com' });
    expect(() => authenticator.getAssertion(options)).toThrow(/NotAllowedError/);
  });

  test.each<[string, AssertionTweaks, RegExp]>([
    ['another origin', { origin: 'https://evil.example' }, /origin/i],
    ['another RP ID', { rpId: 'evil.example' }, /RP ID/i],
    ['no user verification', { userVerified: false }, /user verification/i],
    ['another challenge', { challenge: 'c29tZXRoaW5nLWVsc2U' }, /challenge/i],
    ['a registration type', { clientDataType: 'webauthn.create' }, /type/i],
  ])('%s is rejected', async (_name, tweaks, reason) => {
    await expect(authenticate(authenticator, credential, tweaks)).rejects.toThrow(reason);
  });

  test('a tampered signature does not verify', async () => {
    // A bad signature is not an exception in SimpleWebAuthn: it comes back as verified: false.
    const { response, verification } = await authenticate(authenticator, credential, { tamperSignature: true });
    expect(verification.verified).toBe(false);
    expect(Buffer.from(response.response.signature, 'base64url')[0]).toBe(0x30);
  });

  test('a counter set back (a cloned authenticator) is rejected, and the real counter carries on', async () => {
    const first = await authenticate(authenticator, credential);
    const after = { ...credential, counter: first.verification.authenticationInfo.newCounter };
    await authenticate(authenticator, after);
    const stored = { ...credential, counter: 2 };
    await expect(authenticate(authenticator, stored, { counter: 1 })).rejects.toThrow(/counter/i);
    await expect(authenticate(authenticator, stored, { counter: 2 })).rejects.toThrow(/counter/i);
    // The override did not disturb the authenticator's own counter.
    const next = await authenticate(authenticator, stored);
    expect(next.verification.authenticationInfo.newCounter).toBe(3);
  });

  test('a counter that stays at zero is accepted, as synced passkeys report', async () => {
    const { verification } = await authenticate(authenticator, credential, { counter: 0 });
    expect(verification.verified).toBe(true);
    expect(verification.authenticationInfo.newCounter).toBe(0);
  });
});
