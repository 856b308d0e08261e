import { openTables, type Tables } from '../../functions/src/store/tables';
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

/**
 * Reads TABLES_CONNECTION_STRING, TABLE_NAME_PREFIX and FRONTEND_ORIGIN; without them, the local
 * stack of `npm start` (its ports from API_PORT / WEB_PORT / AZURITE_TABLE_PORT, as it uses).
 */
export async function openTargetStack(env: NodeJS.ProcessEnv = process.env): Promise<TargetStack> {
  const local = localStackSettings();
  const connectionString = env.TABLES_CONNECTION_STRING || azuriteConnectionString(local.azuriteTablePort);
  const description = env.TABLES_CONNECTION_STRING ? (/TableEndpoint=([^;]+)/.exec(connectionString)?.[1] ?? 'the configured stack') : 'the local stack';
  let tables: Tables;
  try {
    tables = await openTables(connectionString, env.TABLE_NAME_PREFIX || 'sms2fa');
  } catch (error) {
    const hint = env.TABLES_CONNECTION_STRING ? 'check TABLES_CONNECTION_STRING' : 'is `npm start` running?';
    throw new Error(`cannot reach the tables of ${description} (${hint}): ${error instanceof Error ? error.message : String(error)}`);
  }
  return { tables, frontendOrigin: (env.FRONTEND_ORIGIN || local.frontendUrl).replace(/\/+$/, ''), description };
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "15m", "2h", "30s", "7d" → milliseconds; throws with the accepted forms otherwise. */
export function parseDuration(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  const unit = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
  if (!match || unit === undefined || Number(match[1]) <= 0) throw new Error(`"${text}" is not a duration: use a number and s, m, h or d, e.g. 15m`);
  return Number(match[1]) * unit;
}
