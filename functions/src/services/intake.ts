import { announce, revealUrl } from '../core/announcement';
import { seal } from '../core/crypto';
import type { InboundSms } from '../core/inbound';
import { extractOtp } from '../core/otp';
import { routeRecipients } from '../core/routing';
import type { Notifier } from '../notify/types';
import type { MessageRecord, MessageStore } from '../store/messages';
import type { UserRecord, UserStore } from '../store/users';
import { pushRecipient } from './recipients';

/**
 * A push claim older than this belongs to an invocation that died mid-push; it is taken over.
 * Longer than the notifier's own timeout, so a slow but live push is never pushed twice.
 */
const STALE_CLAIM_MS = 30_000;

export interface IntakeSettings {
  readonly encryptionKey: Buffer;
  readonly frontendOrigin: string;
  readonly messageTtlMinutes: number;
  readonly routing: ReadonlyMap<string, readonly string[]> | undefined;
  /** Used for users without a key of their own; required for the bootstrap owner. */
  readonly pushoverUserKey: string | undefined;
  readonly ownerUserId: string;
  /** True when the channel needs no Pushover key (the local outbox). */
  readonly keylessChannel: boolean;
}

export interface IntakeDependencies {
  readonly settings: IntakeSettings;
  readonly messages: MessageStore;
  readonly users: UserStore;
  readonly notifier: Notifier;
  /** Logs a line. Callers pass ids and counts only, never codes or text. */
  readonly log: (line: string) => void;
  readonly now?: () => Date;
}

export type IntakeResult =
  /** Stored (now or by an earlier delivery) and every recipient has been told. */
  | { readonly kind: 'delivered'; readonly messageId: string; readonly isNew: boolean }
  /** A repeat of a delivery whose message has expired and been purged: nothing to do. */
  | { readonly kind: 'expired-repeat' }
  /** Stored, but some pushes failed or are still in flight elsewhere: ask the provider to retry. */
  | { readonly kind: 'retry-later'; readonly messageId: string; readonly failed: number; readonly inFlight: number };

/** The secret part of a message, sealed as one value bound to the row id. */
export interface MessageSecret {
  readonly code: string | null;
  readonly text: string;
  /** The site an origin-bound code is for (`@example.com #123456`); absent in older rows. */
  readonly origin?: string | null;
}

/**
 * Accepts one authenticated SMS: extracts the code, stores the message once, and pushes a
 * link to each recipient once. Safe to call again with the same SMS (provider retries): it
 * finishes whatever an earlier call left undone and repeats nothing that succeeded.
 */
export async function acceptInboundSms(sms: InboundSms, deps: IntakeDependencies): Promise<IntakeResult> {
  const { settings } = deps;
  const users = await usersWithBootstrapOwner(deps);
  const stored = await deps.messages.storeDelivery(sms, (messageId, receivedAt) => {
    const extraction = extractOtp(sms.text, { sender: sms.from });
    const secret: MessageSecret = { code: extraction.code, text: sms.text, origin: extraction.origin };
    const recipients = routeRecipients(sms.to, users.map((user) => user.id), settings.routing);
    return {
      provider: sms.provider,
      providerMessageId: sms.providerMessageId,
      sender: sms.from,
      destination: sms.to,
      service: extraction.service,
      hasCode: extraction.code !== null,
      sealedSecret: seal(JSON.stringify(secret), settings.encryptionKey, messageId),
      recipients,
      // The invocation that creates the row claims its pushes in the same write.
      pushClaims: Object.fromEntries(recipients.map((userId) => [userId, receivedAt.toISOString()])),
    };
  });
  if (!stored.message) return { kind: 'expired-repeat' };

  const message = stored.message;
  if (stored.isNew) deps.log(`stored message ${message.id} from provider ${message.provider} for ${message.recipients.length} recipient(s)`);
  if (message.recipients.length === 0) deps.log(`message ${message.id} has no recipients: add a user or set PUSHOVER_USER_KEY`);

  const { failed, inFlight } = await notifyPendingRecipients(message, stored.isNew, users, deps);
  if (failed > 0 || inFlight > 0) return { kind: 'retry-later', messageId: message.id, failed, inFlight };
  return { kind: 'delivered', messageId: message.id, isNew: stored.isNew };
}

/**
 * The safety net for providers that do not retry (Twilio by default): a timer calls this every
 * minute and pushes whatever an earlier push failure left unannounced, until the message expires.
 */
export async function announceUnannounced(deps: IntakeDependencies): Promise<{ readonly messages: number; readonly sent: number; readonly failed: number }> {
  const pending = await deps.messages.listUnannounced();
  if (pending.length === 0) return { messages: 0, sent: 0, failed: 0 };
  const users = await deps.users.list();
  let sent = 0;
  let failed = 0;
  for (const message of pending) {
    const outcome = await notifyPendingRecipients(message, false, users, deps);
    sent += outcome.sent;
    failed += outcome.failed;
  }
  return { messages: pending.length, sent, failed };
}

async function notifyPendingRecipients(message: MessageRecord, claimedAtCreation: boolean, users: readonly UserRecord[], deps: IntakeDependencies): Promise<{ sent: number; failed: number; inFlight: number }> {
  const outcomes = await Promise.all(
    message.recipients
      .filter((userId) => !message.notifiedUserIds.includes(userId))
      .map((userId) => notifyOnce(message, userId, claimedAtCreation, users, deps)),
  );
  const count = (wanted: PushOutcome): number => outcomes.filter((outcome) => outcome === wanted).length;
  return { sent: count('sent'), failed: count('failed'), inFlight: count('in-flight') };
}

type PushOutcome = 'sent' | 'already-sent' | 'in-flight' | 'failed' | 'unreachable';

/**
 * Pushes to one recipient at most once across concurrent and repeated deliveries: a claim on
 * the row (an ETag-conditional write) says "I am pushing to this user"; success turns it into
 * "notified", failure releases it so the provider's retry pushes again.
 */
async function notifyOnce(stored: MessageRecord, userId: string, claimedAtCreation: boolean, users: readonly UserRecord[], deps: IntakeDependencies): Promise<PushOutcome> {
  const recipient = pushRecipient(userId, users, deps.settings);
  if (!recipient) {
    deps.log(`message ${stored.id}: user ${userId} has no Pushover key and PUSHOVER_USER_KEY is unset; not notified`);
    return 'unreachable';
  }
  const now = deps.now ?? (() => new Date());
  const claim = claimedAtCreation ? { state: 'taken' as const, message: stored } : await claimPush(stored, userId, now, deps.messages);
  if (claim.state === 'done') return 'already-sent';
  if (claim.state === 'held-elsewhere') return 'in-flight';
  const message = claim.message;

  const words = announce({ service: message.service, sender: message.sender, hasCode: message.hasCode, ttlMinutes: deps.settings.messageTtlMinutes });
  try {
    await deps.notifier.send(recipient, {
      ...words,
      url: revealUrl(deps.settings.frontendOrigin, message.id),
      sentFor: message.receivedAt,
      ttlSeconds: Math.max(60, Math.round((message.expiresAt.getTime() - now().getTime()) / 1000)),
    });
  } catch (error) {
    deps.log(`message ${message.id}: push to user ${userId} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    await deps.messages.update(message, (current) => ({ pushClaims: withoutKey(current.pushClaims, userId) }));
    return 'failed';
  }
  await deps.messages.update(message, (current) => ({
    notifiedUserIds: current.notifiedUserIds.includes(userId) ? current.notifiedUserIds : [...current.notifiedUserIds, userId],
    pushClaims: withoutKey(current.pushClaims, userId),
  }));
  deps.log(`message ${message.id}: pushed to user ${userId}`);
  return 'sent';
}

type ClaimState = 'taken' | 'done' | 'held-elsewhere';

/** Records "pushing to userId now" on the row unless the push is done or freshly claimed by another invocation. */
async function claimPush(message: MessageRecord, userId: string, now: () => Date, messages: MessageStore): Promise<{ state: ClaimState; message: MessageRecord }> {
  // Assigned inside the update callback, which runs again after each lost race.
  let state: ClaimState = 'taken';
  const updated = await messages.update(message, (current) => {
    const existing = current.pushClaims[userId];
    if (current.notifiedUserIds.includes(userId)) state = 'done';
    else if (existing !== undefined && now().getTime() - Date.parse(existing) < STALE_CLAIM_MS) state = 'held-elsewhere';
    else state = 'taken';
    return state === 'taken' ? { pushClaims: { ...current.pushClaims, [userId]: now().toISOString() } } : undefined;
  });
  return { state, message: updated };
}

/**
 * A single-user deployment needs no user management: while the users table is empty, the
 * owner named by OWNER_USER_ID is created with the app-wide PUSHOVER_USER_KEY.
 */
async function usersWithBootstrapOwner(deps: IntakeDependencies): Promise<UserRecord[]> {
  const users = await deps.users.list();
  const { settings } = deps;
  if (users.length > 0 || (settings.pushoverUserKey === undefined && !settings.keylessChannel)) return users;
  await deps.users.createIfAbsent({ id: settings.ownerUserId, displayName: 'Owner', pushoverUserKey: '' });
  deps.log(`created the owner user "${settings.ownerUserId}" because the users table was empty`);
  return deps.users.list();
}

function withoutKey(record: Readonly<Record<string, string>>, key: string): Record<string, string> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
