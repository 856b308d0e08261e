import { RestError, TableClient } from '@azure/data-tables';

/** The tables this app owns. */
export const TABLE_KINDS = ['messages', 'deliveries', 'users', 'passkeys', 'challenges', 'registrations', 'audit'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];
export type Tables = Readonly<Record<TableKind, TableClient>>;

/**
 * Opens the app's tables and creates any that are missing. Creation runs once per process:
 * a cold start pays one round trip per table, warm invocations pay nothing.
 */
export async function openTables(connectionString: string, namePrefix: string): Promise<Tables> {
  const clients = Object.fromEntries(
    TABLE_KINDS.map((kind) => [
      kind,
      TableClient.fromConnectionString(connectionString, `${namePrefix}${kind}`, {
        // Azurite speaks plain http on loopback; production connection strings are https.
        allowInsecureConnection: connectionString.includes('http://') || connectionString.includes('UseDevelopmentStorage=true'),
      }),
    ]),
  ) as Record<TableKind, TableClient>;
  await Promise.all(Object.values(clients).map((client) => client.createTable()));
  return clients;
}

export function isStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}

/** Describes a storage failure for logs without quoting request content. */
export function describeStorageError(error: unknown): string {
  if (error instanceof RestError) return `RestError ${error.statusCode ?? '?'} ${error.code ?? ''}`.trim();
  return error instanceof Error ? error.name : 'unknown error';
}
