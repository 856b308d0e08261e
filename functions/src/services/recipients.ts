import type { PushRecipient } from '../notify/types';
import type { UserRecord } from '../store/users';

export interface RecipientSettings {
  /** Used for users without a key of their own. */
  readonly pushoverUserKey: string | undefined;
  /** True when the channel needs no Pushover key (the local outbox). */
  readonly keylessChannel: boolean;
}

/** Where a user's pushes go: their own Pushover key, else the app-wide one; undefined when neither. */
export function pushRecipient(userId: string, users: readonly UserRecord[], settings: RecipientSettings): PushRecipient | undefined {
  const user = users.find((candidate) => candidate.id === userId);
  if (!user) return undefined;
  const key = user.pushoverUserKey || settings.pushoverUserKey || '';
  if (key === '' && !settings.keylessChannel) return undefined;
  return { userId, pushoverUserKey: key };
}
