import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { loadTablesTarget, type TablesTarget } from '../../functions/src/config';
import { openTables, type Tables, type TablesAccess } from '../../functions/src/store/tables';
import { azuriteConnectionString } from './azurite';
import { localStackSettings } from './local-settings';

/** The stack an operator script works on: the local one by default, or the one the environment names. */
export interface TargetStack {
  readonly tables: Tables;
  /** Where registration links point. */
  readonly frontendOrigin: string;
  /** For messages: "the local stack" or the table endpoint's host. */
  readonly description: string;
}

export interface TargetStackOptions {
  /** Replaces the operator's own Azure login for a TABLES_ENDPOINT stack (tests mint their tokens). */
  readonly credential?: TokenCredential;
  readonly tlsOptions?: TablesAccess['tlsOptions'];
}

/**
 * Reads TABLES_CONNECTION_STRING or TABLES_ENDPOINT, TABLE_NAME_PREFIX and FRONTEND_ORIGIN;
 * without either table setting, the local stack of `npm start` (its ports from API_PORT /
 * WEB_PORT / AZURITE_TABLE_PORT, as it uses). A TABLES_ENDPOINT stack is reached as whoever
 * the operator is signed in as (`az login`), so no account key ever sits on their machine.
 */
export async function openTargetStack(env: NodeJS.ProcessEnv = process.env, options: TargetStackOptions = {}): Promise<TargetStack> {
  const local = localStackSettings();
  const configured = Boolean(env.TABLES_CONNECTION_STRING?.trim() || env.TABLES_ENDPOINT?.trim());
  // The app's own rules (exactly one of the two, https endpoint), so a script never accepts a
  // stack description the deployed app would refuse.
  const target: TablesTarget = configured ? loadTablesTarget(env) : { kind: 'connection-string', connectionString: azuriteConnectionString(local.azuriteTablePort) };
  const description = !configured ? 'the local stack' : describeTarget(target);
  let tables: Tables;
  try {
    tables = await openTables(target, env.TABLE_NAME_PREFIX || 'sms2fa', {
      // Built only for an endpoint: DefaultAzureCredential tries the Azure CLI login among others.
      credential: target.kind === 'identity' ? (options.credential ?? new DefaultAzureCredential()) : undefined,
      tlsOptions: options.tlsOptions,
    });
  } catch (error) {
    throw new Error(`cannot reach the tables of ${description} (${failureHint(target, configured)}): ${error instanceof Error ? error.message : String(error)}`);
  }
  return { tables, frontendOrigin: (env.FRONTEND_ORIGIN || local.frontendUrl).replace(/\/+$/, ''), description };
}

function describeTarget(target: TablesTarget): string {
  if (target.kind === 'identity') return new URL(target.endpoint).host;
  return /TableEndpoint=([^;]+)/.exec(target.connectionString)?.[1] ?? 'the configured stack';
}

function failureHint(target: TablesTarget, configured: boolean): string {
  if (!configured) return 'is `npm start` running?';
  if (target.kind === 'connection-string') return 'check TABLES_CONNECTION_STRING';
  // Both failures look alike from here: no login at all, or a login without data-plane rights
  // (being Owner of the subscription does not let you read table rows).
  return 'run `az login`; the signed-in account needs the "Storage Table Data Contributor" role on the storage account, which the Pulumi program grants to whoever runs `pulumi up`';
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "15m", "2h", "30s", "7d" → milliseconds; throws with the accepted forms otherwise. */
export function parseDuration(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  const unit = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
  if (!match || unit === undefined || Number(match[1]) <= 0) throw new Error(`"${text}" is not a duration: use a number and s, m, h or d, e.g. 15m`);
  return Number(match[1]) * unit;
}
