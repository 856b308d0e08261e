import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { isStatus, type TableKind, type Tables } from './tables';

/** Tables whose rows carry an `expiresAt` column and disappear after it. */
export const EXPIRING_TABLES: readonly TableKind[] = ['messages', 'deliveries', 'challenges', 'registrations'];
/** Table Storage's limit for one entity group transaction. */
const MAX_BATCH = 100;

export type PurgeCounts = Partial<Record<TableKind, number>>;

/** Deletes every row whose expiry is before `now`, in per-partition batches. Returns counts only. */
export async function purgeExpired(tables: Tables, now: Date): Promise<PurgeCounts> {
  const counts: PurgeCounts = {};
  for (const kind of EXPIRING_TABLES) {
    counts[kind] = await purgeTable(tables[kind], now);
  }
  return counts;
}

async function purgeTable(table: TableClient, now: Date): Promise<number> {
  const keysByPartition = new Map<string, string[]>();
  const expired = table.listEntities({
    queryOptions: { filter: odata`expiresAt lt ${now}`, select: ['PartitionKey', 'RowKey'] },
  });
  for await (const entity of expired) {
    if (entity.partitionKey === undefined || entity.rowKey === undefined) continue;
    const rowKeys = keysByPartition.get(entity.partitionKey) ?? [];
    rowKeys.push(entity.rowKey);
    keysByPartition.set(entity.partitionKey, rowKeys);
  }

  let deleted = 0;
  for (const [partitionKey, rowKeys] of keysByPartition) {
    for (let start = 0; start < rowKeys.length; start += MAX_BATCH) {
      deleted += await deleteBatch(table, partitionKey, rowKeys.slice(start, start + MAX_BATCH));
    }
  }
  return deleted;
}

async function deleteBatch(table: TableClient, partitionKey: string, rowKeys: string[]): Promise<number> {
  const actions: TransactionAction[] = rowKeys.map((rowKey) => ['delete', { partitionKey, rowKey }]);
  try {
    await table.submitTransaction(actions);
    return rowKeys.length;
  } catch {
    // A transaction fails whole if one row went away meanwhile (a concurrent purge or a
    // single-use consume); fall back to one-by-one so the rest still goes.
    let deleted = 0;
    for (const rowKey of rowKeys) {
      try {
        await table.deleteEntity(partitionKey, rowKey);
        deleted++;
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    }
    return deleted;
  }
}
