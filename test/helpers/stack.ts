import { randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { freePort } from '../../scripts/lib/ports';
import { silenceFunctionsTestModeWarnings } from '../../scripts/lib/functions-test-mode';
import { startLocalStack, type LocalStackOptions, type RunningLocalStack } from '../../scripts/lib/local-stack';
import type { LocalSecrets } from '../../scripts/lib/local-settings';
import type { TableKind } from '../../functions/src/store/tables';

export function azuriteConnectionString(): string {
  const connectionString = process.env.TEST_TABLES_CONNECTION_STRING;
  if (!connectionString) throw new Error('TEST_TABLES_CONNECTION_STRING is unset: the Jest global setup starts Azurite');
  return connectionString;
}

export interface TestStack extends RunningLocalStack {
  readonly secrets: LocalSecrets;
  readonly tablePrefix: string;
  readonly logs: string[];
  /** Every raw row of one of the stack's tables, all columns as stored. */
  rows(kind: TableKind): Promise<Record<string, unknown>[]>;
}

/** The local stack on free ports, over the shared Azurite, in tables of its own. */
export async function startTestStack(overrides: Partial<Pick<LocalStackOptions, 'notifier' | 'settings'>> = {}): Promise<TestStack> {
  silenceFunctionsTestModeWarnings();
  const tablePrefix = `t${randomBytes(6).toString('hex')}`;
  const secrets: LocalSecrets = {
    codeEncryptionKey: randomBytes(32).toString('base64'),
    aqlWebhookKey: randomBytes(18).toString('base64url'),
    twilioAuthToken: randomBytes(16).toString('hex'),
  };
  const logs: string[] = [];
  const stack = await startLocalStack({
    apiPort: await freePort(),
    webPort: await freePort(),
    tablesConnectionString: azuriteConnectionString(),
    secrets,
    notifier: overrides.notifier,
    settings: { TABLE_NAME_PREFIX: tablePrefix, PUSHOVER_USER_KEY: 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG', ...overrides.settings },
    log: (line) => logs.push(line),
  });
  return {
    ...stack,
    secrets,
    tablePrefix,
    logs,
    rows: async (kind) => {
      const client = TableClient.fromConnectionString(azuriteConnectionString(), `${tablePrefix}${kind}`, { allowInsecureConnection: true });
      const rows: Record<string, unknown>[] = [];
      for await (const entity of client.listEntities()) rows.push(entity);
      return rows;
    },
  };
}
