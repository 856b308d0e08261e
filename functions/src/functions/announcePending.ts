import type { InvocationContext, Timer } from '@azure/functions';
import { dependencies, intakeDependencies } from '../composition';
import { registerTimer } from '../registry';
import { announceUnannounced } from '../services/intake';

/**
 * Every minute: pushes what a failed push left unannounced. Providers that retry a 503 get
 * there first; for those that do not (Twilio by default) this is what keeps the promise that a
 * stored message is always announced while it can still be read.
 */
export async function announcePendingMessages(_timer: Timer, context: InvocationContext): Promise<void> {
  const deps = await dependencies();
  const result = await announceUnannounced(intakeDependencies(deps, (line) => context.log(line)));
  if (result.messages > 0) context.log(`announce: ${result.messages} message(s) pending, ${result.sent} push(es) sent, ${result.failed} failed`);
}

registerTimer('announcePending', {
  schedule: '0 * * * * *',
  handler: announcePendingMessages,
});
