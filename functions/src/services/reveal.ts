import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type VerifiedAuthenticationResponse,
} from '@simplewebauthn/server';
import type { RevealPolicy } from '../config';
import { open } from '../core/crypto';
import type { AuditLog } from '../store/audit';
import type { ChallengeStore } from '../store/challenges';
import type { MessageRecord, MessageStore } from '../store/messages';
import type { PasskeyRecord, PasskeyStore } from '../store/passkeys';
import type { MessageSecret } from './intake';
import { accepted, refused, type Outcome, type RequestOrigin } from './outcome';
import { challengeOf, describeVerificationFailure, isAuthenticationResponse, REVEAL_CHALLENGE_TTL_MS, type RelyingParty } from './webauthn';

export interface RevealDependencies {
  readonly relyingParty: RelyingParty;
  readonly revealPolicy: RevealPolicy;
  readonly encryptionKey: Buffer;
  readonly messages: MessageStore;
  readonly passkeys: PasskeyStore;
  readonly challenges: ChallengeStore;
  readonly audit: AuditLog;
  /** Ids and outcomes only: never the code or the text. */
  readonly log: (line: string) => void;
  readonly now?: () => Date;
}

export interface RevealOptions {
  readonly options: PublicKeyCredentialRequestOptionsJSON;
  readonly expiresAt: Date;
}

/** What a verified recipient sees. */
export interface RevealedMessage {
  readonly code: string | null;
  readonly text: string;
  readonly service: string | null;
  readonly sender: string;
  /** The site an origin-bound code (`@example.com #123456`) is for; null otherwise. */
  readonly origin: string | null;
  readonly receivedAt: Date;
  readonly expiresAt: Date;
  readonly policy: RevealPolicy;
}

/**
 * Step one of a reveal: options whose challenge is bound to this message and expires in two
 * minutes. allowCredentials stays empty so the phone offers whichever discoverable passkey it
 * holds for this RP; who may see the message is decided after the signature is verified.
 */
export async function startReveal(messageId: string, deps: RevealDependencies): Promise<Outcome<RevealOptions>> {
  const state = await revealableMessage(messageId, deps);
  if (!state.ok) return state;
  const { challenge } = await deps.challenges.issue('reveal', messageId, REVEAL_CHALLENGE_TTL_MS);
  const options = await generateAuthenticationOptions({
    rpID: deps.relyingParty.rpId,
    challenge: Buffer.from(challenge, 'base64url'),
    timeout: REVEAL_CHALLENGE_TTL_MS,
    userVerification: 'required',
    allowCredentials: [],
  });
  return accepted({ options, expiresAt: state.value.expiresAt });
}

/**
 * Step two: consume the challenge (so a replayed assertion fails), verify the assertion with
 * user verification required, record the new counter, check the passkey's user is a recipient,
 * then decrypt. Under the `once` policy the secret is wiped from the row in the same
 * conditional write that marks it revealed, so two racing reveals cannot both read it.
 */
export async function finishReveal(messageId: string, body: unknown, origin: RequestOrigin, deps: RevealDependencies): Promise<Outcome<RevealedMessage>> {
  if (!isAuthenticationResponse(body)) return refused(400, 'bad-request', '"response" must be the JSON of a WebAuthn assertion (startAuthentication\'s result)');
  const challenge = challengeOf(body);
  if (challenge === undefined) return refused(400, 'bad-request', 'the assertion has no readable challenge');

  const issued = await deps.challenges.consume('reveal', challenge);
  const passkey = await deps.passkeys.get(body.id);
  if (!issued || issued.subject !== messageId) {
    // A replay with a registered passkey is worth a row; a made-up response is not, or anyone
    // could fill the audit table without holding a message id or a passkey.
    if (passkey) await deps.audit.record({ action: 'reveal', outcome: 'challenge-expired', credentialId: passkey.id, userId: passkey.userId, messageId: messageId.slice(0, 64), ...origin });
    return refused(410, 'challenge-expired', 'this reveal attempt is too old or was already used; reload the page to try again');
  }

  if (!passkey) return failVerification(messageId, body.id, undefined, 'unknown-credential', origin, deps);
  const verified = await verifyAssertion(body, issued.challenge, passkey, deps.relyingParty);
  if (!verified.ok) return failVerification(messageId, passkey.id, passkey.userId, verified.outcome, origin, deps);
  await deps.passkeys.recordUse(passkey.id, verified.newCounter, now(deps));

  const audit = { credentialId: passkey.id, userId: passkey.userId, messageId, ...origin };
  const state = await revealableMessage(messageId, deps);
  if (!state.ok) {
    await deps.audit.record({ action: 'reveal', outcome: state.refusal.reason, ...audit });
    return state;
  }
  if (!state.value.recipients.includes(passkey.userId)) {
    await deps.audit.record({ action: 'reveal', outcome: 'not-recipient', ...audit });
    deps.log(`reveal of message ${messageId} refused: user ${passkey.userId} is not a recipient`);
    return refused(403, 'not-recipient', 'this message was not sent to you');
  }

  const sealed = await markRevealed(state.value, passkey.userId, deps);
  if (sealed === undefined) {
    await deps.audit.record({ action: 'reveal', outcome: 'revealed', ...audit });
    return refused(410, 'revealed', 'this message was already revealed');
  }
  const secret = JSON.parse(open(sealed.secret, deps.encryptionKey, messageId)) as MessageSecret;
  await deps.audit.record({ action: 'reveal', outcome: 'ok', ...audit });
  deps.log(`message ${messageId} revealed to user ${passkey.userId}`);
  const message = sealed.message;
  return accepted({
    code: secret.code,
    text: secret.text,
    service: message.service,
    sender: message.sender,
    origin: secret.origin ?? null,
    receivedAt: message.receivedAt,
    expiresAt: message.expiresAt,
    policy: deps.revealPolicy,
  });
}

type AssertionCheck = { readonly ok: true; readonly newCounter: number } | { readonly ok: false; readonly outcome: string };

async function verifyAssertion(response: AuthenticationResponseJSON, expectedChallenge: string, passkey: PasskeyRecord, relyingParty: RelyingParty): Promise<AssertionCheck> {
  const verify = (storedCounter: number): Promise<VerifiedAuthenticationResponse> =>
    verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: relyingParty.expectedOrigin,
      expectedRPID: relyingParty.rpId,
      credential: { id: passkey.id, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: storedCounter, transports: [...passkey.transports] },
      requireUserVerification: true,
    });
  try {
    const result = await verify(passkey.counter);
    return result.verified ? { ok: true, newCounter: result.authenticationInfo.newCounter } : { ok: false, outcome: 'bad-signature' };
  } catch (error) {
    const reason = describeVerificationFailure(error);
    if (!/counter/i.test(reason)) return { ok: false, outcome: 'verification-failed' };
    // The library compares counters before it checks the signature. Only a correctly signed
    // regression means a cloned authenticator; an unsigned one is an ordinary forgery.
    const signed = await verify(0).then((result) => result.verified, () => false);
    return { ok: false, outcome: signed ? 'counter-regression' : 'verification-failed' };
  }
}

async function failVerification(messageId: string, credentialId: string, userId: string | undefined, outcome: string, origin: RequestOrigin, deps: RevealDependencies): Promise<Outcome<never>> {
  await deps.audit.record({ action: 'reveal', outcome, credentialId: credentialId.slice(0, 700), userId, messageId, ...origin });
  deps.log(`reveal of message ${messageId} failed verification (${outcome})`);
  return refused(401, 'verification-failed', 'your passkey could not be verified for this site');
}

/** The message, if it exists, has not expired and (under `once`) has not been revealed yet. */
async function revealableMessage(messageId: string, deps: RevealDependencies): Promise<Outcome<MessageRecord>> {
  // Ids are 22 base64url characters (newUnguessableId); anything else cannot be a row we wrote.
  const message = /^[A-Za-z0-9_-]{16,64}$/.test(messageId) ? await deps.messages.get(messageId) : undefined;
  if (!message) return refused(404, 'not-found', 'there is no such message; it may have expired and been deleted');
  if (message.expiresAt <= now(deps)) return refused(410, 'expired', 'this message has expired');
  if (message.sealedSecret === '' || (deps.revealPolicy === 'once' && message.revealedAt !== null)) {
    return refused(410, 'revealed', 'this message was already revealed');
  }
  return accepted(message);
}

/**
 * Records the reveal and returns the sealed secret, or undefined when another reveal got there
 * first under `once`. The decision is made inside the conditional update, on the row as it is.
 */
async function markRevealed(message: MessageRecord, userId: string, deps: RevealDependencies): Promise<{ secret: string; message: MessageRecord } | undefined> {
  let secret: string | undefined;
  const updated = await deps.messages.update(message, (current) => {
    secret = current.sealedSecret === '' || (deps.revealPolicy === 'once' && current.revealedAt !== null) ? undefined : current.sealedSecret;
    if (secret === undefined || current.revealedAt !== null) return undefined;
    const firstReveal = { revealedAt: now(deps), revealedBy: userId };
    return deps.revealPolicy === 'once' ? { ...firstReveal, sealedSecret: '' } : firstReveal;
  });
  return secret === undefined ? undefined : { secret, message: updated };
}

function now(deps: RevealDependencies): Date {
  return (deps.now ?? (() => new Date()))();
}
