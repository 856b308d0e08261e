import type { TokenCredential } from '@azure/identity';
import { RestError, TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TablesTarget } from '../config';

/** The tables this app owns. */
export const TABLE_KINDS = ['messages', 'deliveries', 'users', 'passkeys', 'challenges', 'registrations', 'audit'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];
export type Tables = Readonly<Record<TableKind, TableClient>>;

export interface TablesAccess {
  /** Who the app is to Azure AD; required for an identity target, unused with a connection string. */
  readonly credential?: TokenCredential;
  /**
   * Extra TLS trust, e.g. the CA of a test Azurite's self-signed certificate, given per client
   * so that nothing weakens certificate checks for the rest of the process.
   */
  readonly tlsOptions?: TableServiceClientOptions['tlsOptions'];
}

/**
 * Opens the app's tables and creates any that are missing. Creation runs once per process:
 * a cold start pays one round trip per table, warm invocations pay nothing.
 */
export async function openTables(target: TablesTarget, namePrefix: string, access: TablesAccess = {}): Promise<Tables> {
  const open = tableOpener(target, access);
  const clients = Object.fromEntries(TABLE_KINDS.map((kind) => [kind, open(`${namePrefix}${kind}`)])) as Record<TableKind, TableClient>;
  await Promise.all(Object.values(clients).map((client) => client.createTable()));
  return clients;
}

function tableOpener(target: TablesTarget, access: TablesAccess): (tableName: string) => TableClient {
  const tlsOptions = access.tlsOptions === undefined ? {} : { tlsOptions: access.tlsOptions };
  if (target.kind === 'connection-string') {
    const { connectionString } = target;
    // Azurite speaks plain http on loopback; production connection strings are https.
    const allowInsecureConnection = connectionString.includes('http://') || connectionString.includes('UseDevelopmentStorage=true');
    return (tableName) => TableClient.fromConnectionString(connectionString, tableName, { allowInsecureConnection, ...tlsOptions });
  }
  const { credential } = access;
  // A programming error, not a setting: the composition root always supplies one for identity.
  if (credential === undefined) throw new Error(`a credential is needed to reach ${target.endpoint} with an Azure AD identity`);
  // No allowInsecureConnection: loadConfig only admits https endpoints, and the SDK never sends a token over http.
  return (tableName) => new TableClient(target.endpoint, tableName, credential, tlsOptions);
}

export function isStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}

/** Describes a storage failure for logs without quoting request content. */
export function describeStorageError(error: unknown): string {
  if (error instanceof RestError) return `RestError ${error.statusCode ?? '?'} ${error.code ?? ''}`.trim();
  return error instanceof Error ? error.name : 'unknown error';
}
