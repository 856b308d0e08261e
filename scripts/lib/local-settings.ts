import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The number the local stack pretends to have rented. */
export const LOCAL_VIRTUAL_NUMBER = '+447700900000';

export interface LocalStackSettings {
  readonly apiPort: number;
  readonly webPort: number;
  readonly azuriteTablePort: number;
  readonly dataDir: string;
  readonly apiUrl: string;
  readonly frontendUrl: string;
}

export interface LocalSecrets {
  readonly codeEncryptionKey: string;
  readonly aqlWebhookKey: string;
  readonly twilioAuthToken: string;
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

export function localStackSettings(): LocalStackSettings {
  const apiPort = port('API_PORT', 7071);
  const webPort = port('WEB_PORT', 4280);
  return {
    apiPort,
    webPort,
    azuriteTablePort: port('AZURITE_TABLE_PORT', 10002),
    dataDir: path.resolve(process.env.DATA_DIR || '.data'),
    apiUrl: `http://localhost:${apiPort}`,
    frontendUrl: `http://localhost:${webPort}`,
  };
}

/**
 * Keys for the local stack, made once and kept beside Azurite's data so a restart can still
 * decrypt what was stored. Environment variables of the same names win over the file.
 */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'local-secrets.json');
  let stored: Partial<LocalSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
  const secrets: LocalSecrets = {
    codeEncryptionKey: stored.codeEncryptionKey ?? randomBytes(32).toString('base64'),
    aqlWebhookKey: stored.aqlWebhookKey ?? randomBytes(18).toString('base64url'),
    twilioAuthToken: stored.twilioAuthToken ?? randomBytes(16).toString('hex'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return {
    codeEncryptionKey: process.env.CODE_ENCRYPTION_KEY || secrets.codeEncryptionKey,
    aqlWebhookKey: process.env.AQL_WEBHOOK_KEY || secrets.aqlWebhookKey,
    twilioAuthToken: process.env.TWILIO_AUTH_TOKEN || secrets.twilioAuthToken,
  };
}
