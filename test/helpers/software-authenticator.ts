import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/*
 * A software passkey authenticator for tests: it does what a browser plus a platform authenticator
 * do between `navigator.credentials.create/get` and the JSON the page posts to the server, with
 * real P-256 keys, so the server's ceremonies are exercised against genuine signatures rather than
 * mocked verifiers. Tweaks break one thing at a time so each rejection path can be proven.
 */

// ───────────────────────────── CBOR (RFC 8949), the subset WebAuthn needs ─────────────────────────────

/** Maps keep insertion order, which lets callers write keys in CTAP2 canonical order. */
export type CborValue = number | string | Uint8Array | Map<number | string, CborValue>;

const MAJOR_UNSIGNED = 0;
const MAJOR_NEGATIVE = 1;
const MAJOR_BYTES = 2;
const MAJOR_TEXT = 3;
const MAJOR_MAP = 5;

function cborHead(major: number, argument: number): Buffer {
  if (!Number.isSafeInteger(argument) || argument < 0) throw new RangeError(`CBOR argument out of range: ${argument}`);
  const type = major << 5;
  if (argument < 24) return Buffer.from([type | argument]);
  if (argument < 0x100) return Buffer.from([type | 24, argument]);
  if (argument < 0x10000) {
    const head = Buffer.alloc(3);
    head[0] = type | 25;
    head.writeUInt16BE(argument, 1);
    return head;
  }
  if (argument < 0x100000000) {
    const head = Buffer.alloc(5);
    head[0] = type | 26;
    head.writeUInt32BE(argument, 1);
    return head;
  }
  const head = Buffer.alloc(9);
  head[0] = type | 27;
  head.writeBigUInt64BE(BigInt(argument), 1);
  return head;
}

export function encodeCbor(value: CborValue): Buffer {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`only integers are encodable, got ${value}`);
    // CBOR stores a negative n as -1 - argument.
    return value >= 0 ? cborHead(MAJOR_UNSIGNED, value) : cborHead(MAJOR_NEGATIVE, -1 - value);
  }
  if (typeof value === 'string') {
    const utf8 = Buffer.from(value, 'utf8');
    return Buffer.concat([cborHead(MAJOR_TEXT, utf8.length), utf8]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(MAJOR_BYTES, value.length), value]);
  const parts: Buffer[] = [cborHead(MAJOR_MAP, value.size)];
  for (const [key, entry] of value) parts.push(encodeCbor(key), encodeCbor(entry));
  return Buffer.concat(parts);
}

// ───────────────────────────── authenticator data ─────────────────────────────

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_BACKUP_ELIGIBLE = 0x08;
const FLAG_BACKED_UP = 0x10;
const FLAG_ATTESTED_CREDENTIAL_DATA = 0x40;

const COSE_ALG_ES256 = -7;
/** An all-zero AAGUID is what authenticators send when they do not reveal their model (attestation "none"). */
const ANONYMOUS_AAGUID = Buffer.alloc(16);

export type BackupState = 'single-device' | 'backup-eligible' | 'backed-up';

function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

function authenticatorData(params: {
  rpId: string;
  userVerified: boolean;
  backup: BackupState;
  counter: number;
  attestedCredential?: { id: Buffer; cosePublicKey: Buffer };
}): Buffer {
  let flags = FLAG_USER_PRESENT;
  if (params.userVerified) flags |= FLAG_USER_VERIFIED;
  if (params.backup !== 'single-device') flags |= FLAG_BACKUP_ELIGIBLE;
  if (params.backup === 'backed-up') flags |= FLAG_BACKED_UP;
  if (params.attestedCredential) flags |= FLAG_ATTESTED_CREDENTIAL_DATA;
  const counter = Buffer.alloc(4);
  // The counter is a 32-bit field; `>>> 0` lets a test push it to the wrap-around edge on purpose.
  counter.writeUInt32BE(params.counter >>> 0);
  const parts = [sha256(params.rpId), Buffer.from([flags]), counter];
  if (params.attestedCredential) {
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(params.attestedCredential.id.length);
    parts.push(ANONYMOUS_AAGUID, idLength, params.attestedCredential.id, params.attestedCredential.cosePublicKey);
  }
  return Buffer.concat(parts);
}

/** The credential public key as a COSE_Key (RFC 9053, EC2 on P-256), keys in CTAP2 canonical order. */
function coseEc2PublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw new Error('P-256 public key without x/y coordinates');
  return encodeCbor(
    new Map<number, CborValue>([
      [1, 2], // kty: EC2
      [3, COSE_ALG_ES256], // alg
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x, 'base64url')],
      [-3, Buffer.from(jwk.y, 'base64url')],
    ]),
  );
}

function clientDataJSON(type: string, challenge: string, origin: string): Buffer {
  // Same member order as browsers serialise CollectedClientData.
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
}

// ───────────────────────────── the authenticator ─────────────────────────────

export interface StoredCredential {
  /** base64url, as the server sees it in `id`/`rawId`. */
  readonly id: string;
  readonly rpId: string;
  /** base64url of the `user.id` from the creation options: a discoverable credential returns it. */
  readonly userHandle: string;
  readonly userName: string;
  readonly privateKey: KeyObject;
  readonly cosePublicKey: Buffer;
  /** The signature counter as the authenticator last reported it. */
  counter: number;
}

/** Things a hostile or broken client could change in a registration. */
export interface CreationTweaks {
  /** The origin written into clientDataJSON instead of the authenticator's page origin. */
  origin?: string;
  /** The RP ID hashed into authenticator data instead of `options.rp.id`. */
  rpId?: string;
  /** false clears the UV flag, as an authenticator without biometrics or PIN would. */
  userVerified?: boolean;
  /** `clientDataJSON.type`, normally "webauthn.create". */
  clientDataType?: string;
  /** The challenge written into clientDataJSON instead of the one in the options. */
  challenge?: string;
  /** Sets the BE/BS flags: synced passkeys are backed up, hardware keys are single-device. */
  backup?: BackupState;
  /** The initial signature counter (0 by default, as most passkey providers start). */
  counter?: number;
}

/** Things a hostile or broken client could change in an assertion. */
export interface AssertionTweaks {
  origin?: string;
  rpId?: string;
  userVerified?: boolean;
  /** `clientDataJSON.type`, normally "webauthn.get". */
  clientDataType?: string;
  challenge?: string;
  /**
   * The counter reported in this assertion instead of the next one. The stored counter is left
   * alone, the way a cloned authenticator would lag behind the original.
   */
  counter?: number;
  /** Corrupts the signature after signing, so everything else is genuine. */
  tamperSignature?: boolean;
  /** Which stored credential to use when several could answer (the browser's account picker). */
  credentialId?: string;
  backup?: BackupState;
}

export class AuthenticatorError extends Error {
  /** Named like the DOMException a browser would throw, so tests read like page code. */
  constructor(
    readonly domExceptionName: 'InvalidStateError' | 'NotAllowedError' | 'NotSupportedError',
    message: string,
  ) {
    super(`${domExceptionName}: ${message}`);
    this.name = 'AuthenticatorError';
  }
}

export class SoftwareAuthenticator {
  private readonly stored: StoredCredential[] = [];

  /** @param origin the page origin a browser would put in clientDataJSON (scheme://host[:port]). */
  constructor(readonly origin: string) {}

  get credentials(): readonly StoredCredential[] {
    return this.stored;
  }

  /** `navigator.credentials.create()` followed by `PublicKeyCredential.toJSON()`. */
  createCredential(options: PublicKeyCredentialCreationOptionsJSON, tweaks: CreationTweaks = {}): RegistrationResponseJSON {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    if (!options.pubKeyCredParams.some((param) => param.type === 'public-key' && param.alg === COSE_ALG_ES256)) {
      throw new AuthenticatorError('NotSupportedError', 'the options do not allow ES256');
    }
    // An authenticator must refuse to make a second credential for an account it already holds.
    const excluded = new Set((options.excludeCredentials ?? []).map((descriptor) => descriptor.id));
    if (this.stored.some((credential) => credential.rpId === rpId && excluded.has(credential.id))) {
      throw new AuthenticatorError('InvalidStateError', 'this authenticator already holds an excluded credential');
    }

    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const idBytes = randomBytes(32);
    const cosePublicKey = coseEc2PublicKey(publicKey);
    const credential: StoredCredential = {
      id: idBytes.toString('base64url'),
      rpId,
      userHandle: options.user.id,
      userName: options.user.name,
      privateKey,
      cosePublicKey,
      counter: tweaks.counter ?? 0,
    };

    const authData = authenticatorData({
      rpId: tweaks.rpId ?? rpId,
      userVerified: tweaks.userVerified ?? true,
      backup: tweaks.backup ?? 'single-device',
      counter: credential.counter,
      attestedCredential: { id: idBytes, cosePublicKey },
    });
    const attestationObject = encodeCbor(
      new Map<string, CborValue>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    this.stored.push(credential);

    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: clientDataJSON(tweaks.clientDataType ?? 'webauthn.create', tweaks.challenge ?? options.challenge, tweaks.origin ?? this.origin).toString('base64url'),
        attestationObject: attestationObject.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        transports: ['internal', 'hybrid'],
        publicKeyAlgorithm: COSE_ALG_ES256,
        publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
      },
      // Browsers answer credProps when asked; every credential made here is discoverable.
      clientExtensionResults: options.extensions?.credProps ? { credProps: { rk: true } } : {},
    };
  }

  /** `navigator.credentials.get()` followed by `PublicKeyCredential.toJSON()`. */
  getAssertion(options: PublicKeyCredentialRequestOptionsJSON, tweaks: AssertionTweaks = {}): AuthenticationResponseJSON {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const credential = this.pickCredential(rpId, options.allowCredentials ?? [], tweaks.credentialId);

    const counter = tweaks.counter ?? credential.counter + 1;
    if (tweaks.counter === undefined) credential.counter = counter;
    const authData = authenticatorData({
      rpId: tweaks.rpId ?? rpId,
      userVerified: tweaks.userVerified ?? true,
      backup: tweaks.backup ?? 'single-device',
      counter,
    });
    const clientData = clientDataJSON(tweaks.clientDataType ?? 'webauthn.get', tweaks.challenge ?? options.challenge, tweaks.origin ?? this.origin);
    // ES256 in WebAuthn is an ASN.1 DER ECDSA signature over authData || SHA-256(clientDataJSON).
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), { key: credential.privateKey, dsaEncoding: 'der' });
    if (tweaks.tamperSignature) {
      // Flipping a bit of s keeps the DER structure parseable, so only the maths can reject it.
      signature[signature.length - 1] ^= 0x01;
    }

    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: clientData.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
    };
  }

  /** Forgets a credential, as deleting a passkey from the phone's password manager does. */
  forget(credentialId: string): void {
    const index = this.stored.findIndex((credential) => credential.id === credentialId);
    if (index >= 0) this.stored.splice(index, 1);
  }

  private pickCredential(rpId: string, allowCredentials: readonly { id: string }[], preferredId: string | undefined): StoredCredential {
    const allowed = new Set(allowCredentials.map((descriptor) => descriptor.id));
    // An empty allow list asks for a discoverable credential of this RP: any of ours will do.
    const candidates = this.stored.filter((credential) => credential.rpId === rpId && (allowed.size === 0 || allowed.has(credential.id)));
    const chosen = preferredId === undefined ? candidates.at(-1) : candidates.find((credential) => credential.id === preferredId);
    if (!chosen) throw new AuthenticatorError('NotAllowedError', `no matching credential for RP ID "${rpId}"`);
    return chosen;
  }
}
