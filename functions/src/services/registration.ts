import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type VerifiedRegistrationResponse,
} from '@simplewebauthn/server';
import type { Notifier } from '../notify/types';
import type { AuditLog } from '../store/audit';
import type { ChallengeStore } from '../store/challenges';
import type { PasskeyStore } from '../store/passkeys';
import type { RegistrationTokenState, RegistrationTokenStore } from '../store/registrations';
import type { UserStore } from '../store/users';
import { accepted, refused, type Outcome, type RequestOrigin } from './outcome';
import { pushRecipient, type RecipientSettings } from './recipients';
import { challengeOf, describeVerificationFailure, isRegistrationResponse, REGISTRATION_CHALLENGE_TTL_MS, type RelyingParty } from './webauthn';

export interface RegistrationDependencies {
  readonly relyingParty: RelyingParty;
  readonly recipients: RecipientSettings;
  readonly users: UserStore;
  readonly passkeys: PasskeyStore;
  readonly tokens: RegistrationTokenStore;
  readonly challenges: ChallengeStore;
  readonly audit: AuditLog;
  readonly notifier: Notifier;
  /** Ids and outcomes only. */
  readonly log: (line: string) => void;
}

export interface RegisteringUser {
  readonly id: string;
  readonly displayName: string;
}

export interface RegistrationOptions {
  readonly options: PublicKeyCredentialCreationOptionsJSON;
  readonly user: RegisteringUser;
}

export interface RegisteredPasskey {
  readonly credentialId: string;
  readonly user: RegisteringUser;
}

/**
 * Step one of registration: the token is checked (not consumed: a cancelled prompt may be
 * retried with the same link), and the browser gets options whose challenge is remembered
 * server-side and bound to this token.
 */
export async function startRegistration(token: string, deps: RegistrationDependencies): Promise<Outcome<RegistrationOptions>> {
  const state = await deps.tokens.inspect(token);
  if (state.kind !== 'valid') return refuseToken(state);
  const user = await deps.users.get(state.userId);
  // The user was removed after the link was made: the link is as good as unknown.
  const userHandle = user ? await deps.users.webauthnUserId(user.id) : undefined;
  if (!user || !userHandle) return refused(404, 'unknown-token', 'this registration link belongs to a user who no longer exists');

  const existing = await deps.passkeys.listForUser(user.id);
  const { challenge } = await deps.challenges.issue('registration', state.digest, REGISTRATION_CHALLENGE_TTL_MS);
  const options = await generateRegistrationOptions({
    rpName: deps.relyingParty.rpName,
    rpID: deps.relyingParty.rpId,
    userName: user.id,
    userDisplayName: user.displayName,
    userID: Buffer.from(userHandle, 'base64url'),
    challenge: Buffer.from(challenge, 'base64url'),
    timeout: REGISTRATION_CHALLENGE_TTL_MS,
    // We verify people, not authenticator models; asking for attestation only adds a privacy prompt.
    attestationType: 'none',
    // The user's passkeys already on this authenticator: the browser says so instead of making a twin.
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: [...passkey.transports] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
  return accepted({ options, user: { id: user.id, displayName: user.displayName } });
}

/**
 * Step two: verify the new passkey against the challenge we issued for this token, then
 * consume the token and add the passkey. The token is consumed only after the response has
 * verified, so a forged response cannot burn someone's link, and it is consumed with an
 * ETag-conditional write before the passkey is stored, so one token adds one passkey however
 * many verified responses race for it.
 */
export async function finishRegistration(token: string, body: unknown, origin: RequestOrigin, deps: RegistrationDependencies): Promise<Outcome<RegisteredPasskey>> {
  if (!isRegistrationResponse(body)) return refused(400, 'bad-request', '"response" must be the JSON of a WebAuthn registration (startRegistration\'s result)');
  const challenge = challengeOf(body);
  if (challenge === undefined) return refused(400, 'bad-request', 'the registration response has no readable challenge');

  const issued = await deps.challenges.consume('registration', challenge);
  const state = await deps.tokens.inspect(token);
  if (state.kind !== 'valid') return refuseToken(state);
  if (!issued || issued.subject !== state.digest) {
    return refused(410, 'challenge-expired', 'this registration attempt is too old or was already used; start again from the link');
  }

  let verification: VerifiedRegistrationResponse;
  try {
    verification = await verifyRegistrationResponse({
      response: body,
      expectedChallenge: issued.challenge,
      expectedOrigin: deps.relyingParty.expectedOrigin,
      expectedRPID: deps.relyingParty.rpId,
      requireUserVerification: true,
    });
  } catch (error) {
    return failVerification(state.userId, body.id, describeVerificationFailure(error), origin, deps);
  }
  if (!verification.verified) return failVerification(state.userId, body.id, 'not verified', origin, deps);
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;

  const consumed = await deps.tokens.consume(token, credential.id);
  if (consumed.kind !== 'valid') {
    await deps.audit.record({ action: 'registration', outcome: `token-${consumed.kind}`, userId: state.userId, credentialId: credential.id, ...origin });
    return refuseToken(consumed);
  }
  const added = await deps.passkeys.add({
    id: credential.id,
    userId: consumed.userId,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: credential.transports ?? [],
    deviceType: credentialDeviceType,
    backedUp: credentialBackedUp,
    createdAt: new Date(),
    lastUsedAt: null,
  });
  if (!added) {
    await deps.audit.record({ action: 'registration', outcome: 'already-registered', userId: consumed.userId, credentialId: credential.id, ...origin });
    return refused(409, 'already-registered', 'this passkey is already registered');
  }
  await deps.audit.record({ action: 'registration', outcome: 'ok', userId: consumed.userId, credentialId: credential.id, ...origin });
  deps.log(`registered passkey ${credential.id} for user ${consumed.userId}`);
  const user = await deps.users.get(consumed.userId);
  const registering = { id: consumed.userId, displayName: user?.displayName ?? consumed.userId };
  await sendRegistrationNotice(registering, deps);
  return accepted({ credentialId: credential.id, user: registering });
}

/**
 * "New passkey registered for alice" to alice and to the app-wide key (the owner): a passkey
 * nobody expected is the first sign of a leaked registration link. A failed notice does not
 * undo the registration; it is logged.
 */
async function sendRegistrationNotice(user: RegisteringUser, deps: RegistrationDependencies): Promise<void> {
  const recipients = [pushRecipient(user.id, await deps.users.list(), deps.recipients)];
  const ownerKey = deps.recipients.pushoverUserKey;
  if (ownerKey !== undefined && recipients[0]?.pushoverUserKey !== ownerKey) recipients.push({ userId: user.id, pushoverUserKey: ownerKey });
  const notice = {
    title: `New passkey registered for ${user.id}`,
    message: `A passkey was added to ${user.id}. If nobody expected it, revoke it: npm run passkeys -- list --user ${user.id}`,
    sentFor: new Date(),
  };
  for (const recipient of recipients) {
    if (!recipient) continue;
    try {
      await deps.notifier.send(recipient, notice);
    } catch (error) {
      deps.log(`registration notice for user ${user.id} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }
}

async function failVerification(userId: string, credentialId: string, why: string, origin: RequestOrigin, deps: RegistrationDependencies): Promise<Outcome<never>> {
  await deps.audit.record({ action: 'registration', outcome: 'verification-failed', userId, credentialId: credentialId.slice(0, 700), ...origin });
  deps.log(`registration for user ${userId} failed verification: ${why}`);
  return refused(401, 'verification-failed', 'the passkey could not be verified; try again from the link');
}

function refuseToken<T>(state: Exclude<RegistrationTokenState, { kind: 'valid' }>): Outcome<T> {
  switch (state.kind) {
    case 'unknown':
      return refused(404, 'unknown-token', 'this registration link is not valid; ask for a new one');
    case 'expired':
      return refused(410, 'expired-token', 'this registration link has expired; ask for a new one');
    case 'used':
      return refused(410, 'used-token', 'this registration link was already used; ask for a new one');
  }
}
