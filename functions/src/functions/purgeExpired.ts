import type { InvocationContext, Timer } from '@azure/functions';
import { dependencies } from '../composition';
import { registerTimer } from '../registry';
import { purgeExpired } from '../store/purge';

/** Every five minutes: expired messages (and their delivery records) leave storage for good. */
export async function purgeExpiredRows(_timer: Timer, context: InvocationContext): Promise<void> {
  const deps = await dependencies();
  const counts = await purgeExpired(deps.tables, new Date());
  context.log(`purge: ${Object.entries(counts).map(([table, count]) => `${table}=${count}`).join(' ')}`);
}

registerTimer('purgeExpired', {
  schedule: '0 */5 * * * *',
  handler: purgeExpiredRows,
});
