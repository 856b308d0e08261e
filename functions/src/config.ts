import { parseEncryptionKey } from './core/crypto';
import { normalizePhoneNumber } from './core/routing';

/**
 * Every setting the functions read, parsed once from the environment (Azure app settings in
 * production, the local stack's environment locally). README's configuration reference lists
 * the same names; keep the two in step.
 */
export interface AppConfig {
  readonly tables: TablesTarget;
  readonly tableNamePrefix: string;
  readonly encryptionKey: Buffer;
  /** Public base URL of the function app; Twilio signs URLs under it. */
  readonly publicApiBaseUrl: string;
  /** Origin of the reveal page; push links point here, and WebAuthn responses must come from it. */
  readonly frontendOrigin: string;
  /**
   * WebAuthn relying-party id: the domain passkeys are scoped to. It must be the frontend's
   * host or a parent of it; a passkey made for one RP ID never works for another.
   */
  readonly rpId: string;
  /** The name the passkey prompt shows. */
  readonly rpName: string;
  /** `once`: a message's secret is wiped at its first reveal; `until-expiry`: revealable until it expires. */
  readonly revealPolicy: RevealPolicy;
  readonly messageTtlMinutes: number;
  /** Provider names to enable; undefined = every provider whose settings are present. */
  readonly enabledProviders: readonly string[] | undefined;
  readonly notifyChannel: 'pushover' | 'outbox';
  readonly pushoverAppToken: string | undefined;
  /** Pushover user key of users that have none of their own, and of the bootstrap owner. */
  readonly pushoverUserKey: string | undefined;
  /** Id of the user created automatically when the users table is empty. */
  readonly ownerUserId: string;
  /** Destination number → user ids; "*" is the fallback. Undefined = every user. */
  readonly routing: ReadonlyMap<string, readonly string[]> | undefined;
  /** The raw environment, for provider modules that read their own settings. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type RevealPolicy = 'once' | 'until-expiry';

/**
 * Where the tables live and how to prove who we are to them. A connection string carries the
 * account key (Azurite, local runs); an identity target carries no secret at all: Azure AD
 * tokens authorise every request, so a leaked app setting grants nothing.
 */
export type TablesTarget =
  | { readonly kind: 'connection-string'; readonly connectionString: string }
  | { readonly kind: 'identity'; readonly endpoint: string };

export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string, hint: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`missing setting ${name}: ${hint}`);
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function httpOrigin(env: Env, name: string, hint: string): string {
  const raw = required(env, name, hint);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${name} must use https (or http for localhost), got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** Reads TABLES_CONNECTION_STRING / TABLES_ENDPOINT alone; the operator scripts need no other setting. */
export function loadTablesTarget(env: Env): TablesTarget {
  const connectionString = optional(env, 'TABLES_CONNECTION_STRING');
  const endpoint = optional(env, 'TABLES_ENDPOINT');
  if (connectionString !== undefined && endpoint !== undefined) {
    // Silently preferring one would leave the operator unsure which credentials the app uses.
    throw new ConfigError('set only one of TABLES_CONNECTION_STRING (account key) and TABLES_ENDPOINT (Azure AD identity), not both');
  }
  if (connectionString !== undefined) return { kind: 'connection-string', connectionString };
  if (endpoint === undefined) {
    throw new ConfigError(
      'missing setting TABLES_CONNECTION_STRING or TABLES_ENDPOINT: a Table Storage connection string, or the table endpoint (https://<account>.table.core.windows.net) to reach with the app\'s Azure AD identity',
    );
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigError(`TABLES_ENDPOINT must be an absolute https URL such as https://<account>.table.core.windows.net, got "${endpoint}"`);
  }
  // The Azure SDK refuses to send a bearer token over plain http (even to loopback), and Azurite
  // only accepts one over https, so an http endpoint could never work: say so now, not per request.
  if (url.protocol !== 'https:') {
    throw new ConfigError(`TABLES_ENDPOINT must use https: Azure AD tokens are never sent over plain http, got "${endpoint}"`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(`TABLES_ENDPOINT must be the bare table endpoint URL, without query, fragment or credentials, got "${endpoint}"`);
  }
  return { kind: 'identity', endpoint: endpoint.replace(/\/+$/, '') };
}

function positiveNumber(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function parseRouting(raw: string | undefined): ReadonlyMap<string, readonly string[]> | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('ROUTING must be JSON such as {"+447700900000": ["alice", "bob"], "*": ["alice"]}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('ROUTING must be a JSON object mapping numbers to arrays of user ids');
  }
  const routing = new Map<string, readonly string[]>();
  for (const [number, users] of Object.entries(parsed)) {
    if (!Array.isArray(users) || users.length === 0 || !users.every((user) => typeof user === 'string' && user !== '')) {
      throw new ConfigError(`ROUTING entry "${number}" must be a non-empty array of user ids`);
    }
    routing.set(number === '*' ? '*' : normalizePhoneNumber(number), users);
  }
  return routing;
}

function encryptionKey(env: Env): Buffer {
  const hint = 'generate one with: openssl rand -base64 32';
  try {
    return parseEncryptionKey(required(env, 'CODE_ENCRYPTION_KEY', hint));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`CODE_ENCRYPTION_KEY must be 32 bytes, base64-encoded: ${hint}`);
  }
}

function relyingPartyId(env: Env, frontendOrigin: string): string {
  const host = new URL(frontendOrigin).hostname;
  const rpId = (optional(env, 'RP_ID') ?? host).toLowerCase();
  // Browsers refuse an RP ID that is not the page's host or a registrable parent of it;
  // failing here names the setting instead of failing every ceremony later.
  if (host !== rpId && !host.endsWith(`.${rpId}`)) {
    throw new ConfigError(`RP_ID "${rpId}" must be the host of FRONTEND_ORIGIN (${host}) or a parent domain of it`);
  }
  return rpId;
}

function revealPolicy(env: Env): RevealPolicy {
  const policy = optional(env, 'REVEAL_POLICY') ?? 'once';
  if (policy !== 'once' && policy !== 'until-expiry') {
    throw new ConfigError(`REVEAL_POLICY must be "once" or "until-expiry", got "${policy}"`);
  }
  return policy;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const notifyChannel = optional(env, 'NOTIFY_CHANNEL') ?? 'pushover';
  if (notifyChannel !== 'pushover' && notifyChannel !== 'outbox') {
    throw new ConfigError(`NOTIFY_CHANNEL must be "pushover" or "outbox", got "${notifyChannel}"`);
  }
  const pushoverAppToken = optional(env, 'PUSHOVER_APP_TOKEN');
  if (notifyChannel === 'pushover' && pushoverAppToken === undefined) {
    throw new ConfigError('missing setting PUSHOVER_APP_TOKEN: the API token of your Pushover application');
  }
  const tableNamePrefix = optional(env, 'TABLE_NAME_PREFIX') ?? 'sms2fa';
  if (!/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(tableNamePrefix)) {
    throw new ConfigError('TABLE_NAME_PREFIX must be letters and digits, starting with a letter, at most 40 characters');
  }
  const providers = optional(env, 'SMS_PROVIDERS');
  const frontendOrigin = httpOrigin(env, 'FRONTEND_ORIGIN', 'the https origin of the reveal page');
  // Browsers report the bare origin in WebAuthn responses and CORS; a path would never match.
  if (new URL(frontendOrigin).origin !== frontendOrigin) {
    throw new ConfigError(`FRONTEND_ORIGIN must be an origin only (scheme, host and port, no path), got "${frontendOrigin}"`);
  }
  return {
    tables: loadTablesTarget(env),
    tableNamePrefix,
    encryptionKey: encryptionKey(env),
    publicApiBaseUrl: httpOrigin(env, 'PUBLIC_API_BASE_URL', 'the public https URL of the function app'),
    frontendOrigin,
    rpId: relyingPartyId(env, frontendOrigin),
    rpName: optional(env, 'RP_NAME') ?? 'sms2fa',
    revealPolicy: revealPolicy(env),
    messageTtlMinutes: positiveNumber(env, 'MESSAGE_TTL_MINUTES', 10),
    enabledProviders: providers?.split(',').map((name) => name.trim()).filter((name) => name !== ''),
    notifyChannel,
    pushoverAppToken,
    pushoverUserKey: optional(env, 'PUSHOVER_USER_KEY'),
    ownerUserId: optional(env, 'OWNER_USER_ID') ?? 'owner',
    routing: parseRouting(optional(env, 'ROUTING')),
    env,
  };
}
