// The deployment's configuration: what a missing or wrong key says, which settings are secret,
// and the optional parts switched off. Runs the program under pulumi.runtime.setMocks.
import * as pulumi from '@pulumi/pulumi';
import { installPulumiMocks, MOCK_OPERATOR_OBJECT_ID, settled, stackConfig, valueOf, type DeclaredResource } from '../helpers/pulumi-mocks';

let declared: DeclaredResource[];
beforeAll(async () => {
  declared = await installPulumiMocks();
});

function configure(overrides: Record<string, string | undefined> = {}, extraSecretKeys: string[] = []): void {
  const { values, secretKeys } = stackConfig(overrides);
  pulumi.runtime.setAllConfig(values, [...secretKeys, ...extraSecretKeys]);
}

async function configError(overrides: Record<string, string | undefined>, env: NodeJS.ProcessEnv = {}): Promise<string> {
  configure(overrides);
  const { readDeploymentConfig } = await import('../../infra/config');
  try {
    readDeploymentConfig(env);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('readDeploymentConfig accepted the configuration');
}

test('every missing required key is named at once, with the exact command that sets it', async () => {
  const message = await configError({
    'sms2fa:authHost': undefined,
    'sms2fa:cloudflareZoneId': undefined,
    'sms2fa:pushoverAppToken': undefined,
    'sms2fa:pushoverUserKey': undefined,
    'cloudflare:apiToken': undefined,
  });
  expect(message).toContain('pulumi config set sms2fa:authHost auth.example.com');
  expect(message).toContain('pulumi config set sms2fa:cloudflareZoneId <zone id>');
  expect(message).toContain('pulumi config set --secret sms2fa:pushoverAppToken <application API token>');
  expect(message).toContain('pulumi config set --secret sms2fa:pushoverUserKey <user or group key>');
  expect(message).toContain('pulumi config set --secret cloudflare:apiToken');
});

test('one missing key is named alone', async () => {
  const message = await configError({ 'sms2fa:pushoverUserKey': undefined });
  expect(message).toContain('sms2fa:pushoverUserKey');
  expect(message).not.toContain('sms2fa:authHost');
});

test('the Cloudflare token may come from CLOUDFLARE_API_TOKEN instead of config', async () => {
  configure({ 'cloudflare:apiToken': undefined });
  const { readDeploymentConfig } = await import('../../infra/config');
  expect(readDeploymentConfig({ CLOUDFLARE_API_TOKEN: 'from-env' }).authHost).toBe('auth.example.com');
  expect(() => readDeploymentConfig({})).toThrow('pulumi config set --secret cloudflare:apiToken');
});

test('twilio enabled without its auth token fails naming twilioAuthToken', async () => {
  const message = await configError({ 'sms2fa:providers': 'aql,twilio' });
  expect(message).toContain('pulumi config set --secret sms2fa:twilioAuthToken <auth token>');
});

test.each([
  [{ 'sms2fa:providers': 'aql,nexmo' }, 'sms2fa:providers must list one or more of aql, twilio'],
  [{ 'sms2fa:authHost': 'https://auth.example.com' }, 'sms2fa:authHost must be a host name'],
  [{ 'sms2fa:rpId': 'other.org' }, 'sms2fa:rpId "other.org" must be sms2fa:authHost (auth.example.com) or a parent domain of it'],
  [{ 'sms2fa:revealPolicy': 'twice' }, 'sms2fa:revealPolicy must be "once" or "until-expiry"'],
  [{ 'sms2fa:messageTtlMinutes': '0' }, 'sms2fa:messageTtlMinutes must be a positive whole number'],
  [{ 'sms2fa:instanceMemoryMB': '1024' }, 'sms2fa:instanceMemoryMB must be one of 512, 2048, 4096'],
  [{ 'sms2fa:routing': '["alice"]' }, 'sms2fa:routing must be a JSON object'],
])('a wrong value is refused before anything is created: %j', async (overrides, expected) => {
  expect(await configError(overrides)).toContain(expected);
});

test('defaults: northeurope, aql only, 10 minutes, once, rpId = authHost, operator granted', async () => {
  configure();
  const { readDeploymentConfig } = await import('../../infra/config');
  const config = readDeploymentConfig({});
  expect(config).toMatchObject({
    location: 'northeurope',
    providers: ['aql'],
    messageTtlMinutes: 10,
    revealPolicy: 'once',
    rpId: 'auth.example.com',
    rpName: 'sms2fa',
    grantOperatorTableAccess: true,
    ownerUserId: 'owner',
    maximumInstanceCount: 100,
    instanceMemoryMB: 2048,
  });
  expect(config.twilioAuthToken).toBeUndefined();
  expect(config.routing).toBeUndefined();
});

test('each secret app setting is a Pulumi secret on its own; the plain ones are not', async () => {
  configure({ 'sms2fa:providers': 'aql,twilio', 'sms2fa:twilioAuthToken': 'twilio-auth-token' }, ['sms2fa:twilioAuthToken']);
  const { readDeploymentConfig } = await import('../../infra/config');
  const { functionAppSettings } = await import('../../infra/settings');
  const settings = functionAppSettings({
    config: readDeploymentConfig({}),
    secrets: { codeEncryptionKey: pulumi.secret('key'), aqlWebhookKey: pulumi.secret('webhook-key') },
    tablesEndpoint: 'https://account.table.core.windows.net',
    tableNamePrefix: 'sms2fa',
    publicApiBaseUrl: 'https://app.azurewebsites.net',
    frontendOrigin: 'https://auth.example.com',
  });
  const secret: string[] = [];
  for (const [name, value] of Object.entries(settings)) {
    if (pulumi.Output.isInstance<string>(value) && (await pulumi.isSecret(pulumi.output(value)))) secret.push(name);
  }
  expect(secret.sort()).toEqual(['AQL_WEBHOOK_KEY', 'CODE_ENCRYPTION_KEY', 'PUSHOVER_APP_TOKEN', 'PUSHOVER_USER_KEY', 'TWILIO_AUTH_TOKEN']);
  expect(settings.FRONTEND_ORIGIN).toBe('https://auth.example.com');
});

test('a setting the app itself would refuse fails the program with the app\'s message', async () => {
  const { checkSettingsWithApp } = await import('../../infra/settings');
  const valid = {
    TABLES_ENDPOINT: pulumi.output('https://account.table.core.windows.net'),
    CODE_ENCRYPTION_KEY: pulumi.secret('x'),
    PUBLIC_API_BASE_URL: 'https://app.azurewebsites.net',
    FRONTEND_ORIGIN: 'https://auth.example.com',
    PUSHOVER_APP_TOKEN: pulumi.secret('token'),
    SMS_PROVIDERS: 'aql',
    AQL_WEBHOOK_KEY: pulumi.secret('key'),
  };
  expect(() => checkSettingsWithApp(valid)).not.toThrow();
  expect(() => checkSettingsWithApp({ ...valid, FRONTEND_ORIGIN: 'https://auth.example.com/reveal' })).toThrow('the function app would refuse these settings: FRONTEND_ORIGIN must be an origin only');
  const { AQL_WEBHOOK_KEY: _omitted, ...withoutKey } = valid;
  expect(() => checkSettingsWithApp(withoutKey)).toThrow('AQL_WEBHOOK_KEY');
  expect(() => checkSettingsWithApp({ ...valid, UNKNOWN_SECRET: pulumi.secret('?') })).toThrow('UNKNOWN_SECRET');
});

test('with the optional parts off: no operator role, no twilio', async () => {
  configure({ 'sms2fa:grantOperatorTableAccess': 'false' });
  const { deploySms2fa } = await import('../../infra/program');
  const outputs = await deploySms2fa();
  const webhooks = await valueOf(outputs.webhookUrls);
  await settled(declared);
  expect(Object.keys(webhooks)).toEqual(['aql']);
  expect(declared.filter((resource) => resource.type === 'cloudflare:index/dnsRecord:DnsRecord')).toHaveLength(1);
  expect(declared.filter((resource) => resource.type === 'azure-native:authorization:RoleAssignment' && resource.inputs.principalId === MOCK_OPERATOR_OBJECT_ID)).toHaveLength(0);
  const app = declared.find((resource) => resource.type === 'azure-native:web:WebApp');
  const settings = (app?.inputs.siteConfig as { appSettings: { name: string }[] }).appSettings.map((setting) => setting.name);
  expect(settings).not.toContain('TWILIO_AUTH_TOKEN');
  expect(settings).toContain('AQL_WEBHOOK_KEY');
}, 120_000);

test('the auth host must lie in the Cloudflare zone the config names', async () => {
  const { isInZone } = await import('../../infra/dns');
  expect(isInZone('auth.example.com', 'example.com')).toBe(true);
  expect(isInZone('example.com', 'example.com')).toBe(true);
  expect(isInZone('Auth.Example.com.', 'example.com')).toBe(true);
  expect(isInZone('auth.badexample.com', 'example.com')).toBe(false);
  expect(isInZone('auth.example.com.evil.org', 'example.com')).toBe(false);
});

test('an app Azure named otherwise than the pages and settings expect stops the deployment with both names', async () => {
  const { checkedPublicBaseUrl } = await import('../../infra/api');
  expect(checkedPublicBaseUrl('sms2fa-prod-1a2b3c4d.azurewebsites.net', 'https://sms2fa-prod-1a2b3c4d.azurewebsites.net')).toBe('https://sms2fa-prod-1a2b3c4d.azurewebsites.net');
  expect(() => checkedPublicBaseUrl('sms2fa-prod-1a2b3c4d-h4g2.northeurope-01.azurewebsites.net', 'https://sms2fa-prod-1a2b3c4d.azurewebsites.net'))
    .toThrow("the function app's host is https://sms2fa-prod-1a2b3c4d-h4g2.northeurope-01.azurewebsites.net, not https://sms2fa-prod-1a2b3c4d.azurewebsites.net");
});
