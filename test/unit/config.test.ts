import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../functions/src/config';

const base = {
  TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  CODE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  PUBLIC_API_BASE_URL: 'https://api.example.com/',
  FRONTEND_ORIGIN: 'https://auth.example.com',
  PUSHOVER_APP_TOKEN: 'azGDORePK8gMaC0QOYAMyEEuzJnyUi',
};

describe('configuration', () => {
  test('defaults', () => {
    const config = loadConfig(base);
    expect(config.messageTtlMinutes).toBe(10);
    expect(config.notifyChannel).toBe('pushover');
    expect(config.tableNamePrefix).toBe('sms2fa');
    expect(config.ownerUserId).toBe('owner');
    expect(config.routing).toBeUndefined();
    expect(config.enabledProviders).toBeUndefined();
    expect(config.publicApiBaseUrl).toBe('https://api.example.com');
  });

  test.each(['CODE_ENCRYPTION_KEY', 'PUBLIC_API_BASE_URL', 'FRONTEND_ORIGIN', 'PUSHOVER_APP_TOKEN'])('a missing %s is named', (name) => {
    expect(() => loadConfig({ ...base, [name]: '' })).toThrow(new RegExp(name));
  });

  test('a connection string is the account-key target, kept as given', () => {
    expect(loadConfig(base).tables).toEqual({ kind: 'connection-string', connectionString: 'UseDevelopmentStorage=true' });
  });

  test('TABLES_ENDPOINT instead of a connection string is the Azure AD identity target', () => {
    const config = loadConfig({ ...base, TABLES_CONNECTION_STRING: undefined, TABLES_ENDPOINT: ' https://sms2fa.table.core.windows.net/ ' });
    expect(config.tables).toEqual({ kind: 'identity', endpoint: 'https://sms2fa.table.core.windows.net' });
  });

  test('a path-style endpoint (Azurite over https) keeps its path', () => {
    const config = loadConfig({ ...base, TABLES_CONNECTION_STRING: undefined, TABLES_ENDPOINT: 'https://127.0.0.1:10002/devstoreaccount1' });
    expect(config.tables).toEqual({ kind: 'identity', endpoint: 'https://127.0.0.1:10002/devstoreaccount1' });
  });

  test('without either table setting, the error names both', () => {
    expect(() => loadConfig({ ...base, TABLES_CONNECTION_STRING: '' })).toThrow(/missing setting TABLES_CONNECTION_STRING or TABLES_ENDPOINT/);
    expect(() => loadConfig({ ...base, TABLES_CONNECTION_STRING: '  ', TABLES_ENDPOINT: ' ' })).toThrow(ConfigError);
  });

  test('both table settings are refused as ambiguous', () => {
    expect(() => loadConfig({ ...base, TABLES_ENDPOINT: 'https://sms2fa.table.core.windows.net' })).toThrow(/only one of TABLES_CONNECTION_STRING .* and TABLES_ENDPOINT/);
  });

  test.each([
    ['sms2fa.table.core.windows.net', /absolute https URL/],
    ['http://sms2fa.table.core.windows.net', /must use https/],
    // Even on loopback: the SDK never sends a bearer token over http, so this could never work.
    ['http://127.0.0.1:10002/devstoreaccount1', /must use https/],
    ['ftp://sms2fa.table.core.windows.net', /must use https/],
    ['https://sms2fa.table.core.windows.net/?sv=2024-01-01&sig=secret', /bare table endpoint/],
    ['https://user:pass@sms2fa.table.core.windows.net', /bare table endpoint/],
  ])('TABLES_ENDPOINT=%s is refused', (endpoint, message) => {
    const load = (): unknown => loadConfig({ ...base, TABLES_CONNECTION_STRING: undefined, TABLES_ENDPOINT: endpoint });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  test('the outbox channel needs no Pushover token', () => {
    expect(loadConfig({ ...base, PUSHOVER_APP_TOKEN: undefined, NOTIFY_CHANNEL: 'outbox' }).notifyChannel).toBe('outbox');
  });

  test.each([
    ['MESSAGE_TTL_MINUTES', '-5'],
    ['MESSAGE_TTL_MINUTES', 'ten'],
    ['NOTIFY_CHANNEL', 'sms'],
    ['TABLE_NAME_PREFIX', 'has-dash'],
    ['FRONTEND_ORIGIN', 'auth.example.com'],
    ['FRONTEND_ORIGIN', 'ftp://auth.example.com'],
    ['CODE_ENCRYPTION_KEY', randomBytes(16).toString('base64')],
    ['ROUTING', '{not json'],
    ['ROUTING', '["+447700900000"]'],
    ['ROUTING', '{"+447700900000": []}'],
    ['REVEAL_POLICY', 'twice'],
    ['RP_ID', 'example.org'],
    ['RP_ID', 'xauth.example.com'],
    ['FRONTEND_ORIGIN', 'https://auth.example.com/app'],
  ])('%s=%s is refused with a ConfigError', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
  });

  test('routing numbers are normalised and "*" kept', () => {
    const config = loadConfig({ ...base, ROUTING: '{"+44 7700 900000": ["alice"], "*": ["bob"]}' });
    expect([...(config.routing ?? new Map()).entries()]).toEqual([
      ['447700900000', ['alice']],
      ['*', ['bob']],
    ]);
  });

  test('passkey settings default from the frontend origin', () => {
    const config = loadConfig(base);
    expect(config.rpId).toBe('auth.example.com');
    expect(config.rpName).toBe('sms2fa');
    expect(config.revealPolicy).toBe('once');
  });

  test('RP_ID may be a parent domain of the frontend host, and the policy until-expiry', () => {
    const config = loadConfig({ ...base, RP_ID: 'Example.com', RP_NAME: 'Family codes', REVEAL_POLICY: 'until-expiry' });
    expect(config.rpId).toBe('example.com');
    expect(config.rpName).toBe('Family codes');
    expect(config.revealPolicy).toBe('until-expiry');
  });

  test('enabled providers are a trimmed list', () => {
    expect(loadConfig({ ...base, SMS_PROVIDERS: ' aql , twilio ,' }).enabledProviders).toEqual(['aql', 'twilio']);
  });
});
