// The Pulumi program under pulumi.runtime.setMocks: every resource it declares, with the
// properties that make the deployment work and keep it safe. (The Pulumi CLI and its provider
// plugins are downloads CI cannot fetch; these tests and `tsc` over infra/ are what runs here.)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { loadConfig } from '../../functions/src/config';
import { TABLE_KINDS } from '../../functions/src/store/tables';
import {
  installPulumiMocks,
  MOCK_APP_PRINCIPAL_ID,
  MOCK_CLOUDFLARE_ACCOUNT_ID,
  MOCK_OPERATOR_OBJECT_ID,
  MOCK_SUBSCRIPTION_ID,
  settled,
  stackConfig,
  valueOf,
  type DeclaredResource,
} from '../helpers/pulumi-mocks';
import type { StackOutputs } from '../../infra/program';

let declared: DeclaredResource[];
let outputs: StackOutputs;

function resourcesOf(type: string): DeclaredResource[] {
  return declared.filter((resource) => resource.type === type);
}

function only(type: string, name?: string): DeclaredResource {
  const matches = resourcesOf(type).filter((resource) => name === undefined || resource.name === name);
  if (matches.length !== 1) throw new Error(`expected one ${type}${name ? ` named ${name}` : ''}, found ${matches.length}`);
  return matches[0] as DeclaredResource;
}

interface NameValue {
  readonly name: string;
  readonly value: string;
}

function appSettings(): Record<string, string> {
  const siteConfig = only('azure-native:web:WebApp').inputs.siteConfig as { appSettings: NameValue[] };
  return Object.fromEntries(siteConfig.appSettings.map((setting) => [setting.name, setting.value]));
}

beforeAll(async () => {
  declared = await installPulumiMocks();
  const { values, secretKeys } = stackConfig({ 'sms2fa:providers': 'aql,twilio', 'sms2fa:twilioAuthToken': 'twilio-auth-token', 'sms2fa:location': 'northeurope' });
  pulumi.runtime.setAllConfig(values, [...secretKeys, 'sms2fa:twilioAuthToken']);
  const { deploySms2fa } = await import('../../infra/program');
  outputs = await deploySms2fa();
  await Promise.all([valueOf(outputs.apiBaseUrl), valueOf(outputs.webhookUrls), valueOf(outputs.registrationUrlCommand)]);
  await settled(declared);
}, 120_000);

test('a resource group in the configured location holds the Azure resources', () => {
  const group = only('azure-native:resources:ResourceGroup');
  expect(group.inputs).toMatchObject({ resourceGroupName: 'sms2fa-test', location: 'northeurope' });
  const regional = declared.filter((resource) => resource.type.startsWith('azure-native:') && 'location' in resource.inputs);
  expect(regional.length).toBeGreaterThanOrEqual(5);
  for (const resource of regional) expect(resource.inputs.location).toBe('northeurope');
});

test('the subscription is registered for every resource provider the stack uses, Flex Consumption\'s Microsoft.App included', () => {
  const registration = only('pulumi-nodejs:dynamic:ProviderRegistration');
  expect(registration.inputs).toMatchObject({ subscriptionId: MOCK_SUBSCRIPTION_ID, armEndpoint: 'https://management.azure.com' });
  expect(registration.inputs.namespaces).toEqual(expect.arrayContaining(['Microsoft.App', 'Microsoft.Web', 'Microsoft.Storage', 'Microsoft.Insights', 'Microsoft.OperationalInsights']));
});

test('the storage account is StorageV2, TLS 1.2, HTTPS only, with no anonymous blob access', () => {
  const account = only('azure-native:storage:StorageAccount');
  expect(account.inputs).toMatchObject({
    kind: 'StorageV2',
    minimumTlsVersion: 'TLS1_2',
    enableHttpsTrafficOnly: true,
    allowBlobPublicAccess: false,
  });
  expect(String(account.inputs.accountName)).toMatch(/^[a-z0-9]{3,24}$/);
  for (const container of resourcesOf('azure-native:storage:BlobContainer')) expect(container.inputs.publicAccess).toBe('None');
});

test('every table the app uses is declared with the app\'s prefix', () => {
  const tables = resourcesOf('azure-native:storage:Table').map((table) => table.inputs.tableName).sort();
  expect(tables).toEqual(TABLE_KINDS.map((kind) => `sms2fa${kind}`).sort());
});

test('the function app runs on Flex Consumption, Linux, Node 22, HTTPS only, with a system-assigned identity', () => {
  const plan = only('azure-native:web:AppServicePlan');
  expect(plan.inputs).toMatchObject({ sku: { name: 'FC1', tier: 'FlexConsumption' }, reserved: true });
  const app = only('azure-native:web:WebApp');
  expect(app.inputs).toMatchObject({
    kind: 'functionapp,linux',
    httpsOnly: true,
    identity: { type: 'SystemAssigned' },
    functionAppConfig: { runtime: { name: 'node', version: '22' } },
  });
  expect(app.inputs.serverFarmId).toBe(`${plan.name}-id`);
  const siteConfig = app.inputs.siteConfig as Record<string, unknown>;
  expect(siteConfig).toMatchObject({ minTlsVersion: '1.2', ftpsState: 'Disabled' });
});

test('CORS admits exactly the frontend origin', () => {
  const siteConfig = only('azure-native:web:WebApp').inputs.siteConfig as { cors: unknown };
  expect(siteConfig.cors).toEqual({ allowedOrigins: ['https://auth.example.com'], supportCredentials: false });
});

test('the app reaches its tables by identity: TABLES_ENDPOINT, never a connection string, and a role on the account', () => {
  const settings = appSettings();
  const account = only('azure-native:storage:StorageAccount');
  expect(settings.TABLES_ENDPOINT).toBe(`https://${String(account.inputs.accountName)}.table.core.windows.net`);
  expect(settings.TABLES_CONNECTION_STRING).toBeUndefined();
  expect(settings.AzureWebJobsStorage__accountName).toBe(account.inputs.accountName);
  expect(settings.AzureWebJobsStorage).toBeUndefined();

  const appRoles = resourcesOf('azure-native:authorization:RoleAssignment').filter((role) => role.inputs.principalId === MOCK_APP_PRINCIPAL_ID);
  const roleIds = appRoles.map((role) => String(role.inputs.roleDefinitionId).split('/').pop());
  expect(roleIds).toEqual(expect.arrayContaining(['0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', 'b7e6dc6d-f1e8-4753-8033-0f276b7c1b3b']));
  for (const role of appRoles) {
    expect(role.inputs.scope).toBe(`${account.name}-id`);
    expect(role.inputs.principalType).toBe('ServicePrincipal');
    expect(String(role.inputs.roleDefinitionId)).toMatch(new RegExp(`^/subscriptions/${MOCK_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/`));
  }
});

test('the operator who runs pulumi up may read and write the tables with their own login', () => {
  const operator = resourcesOf('azure-native:authorization:RoleAssignment').filter((role) => role.inputs.principalId === MOCK_OPERATOR_OBJECT_ID);
  expect(operator).toHaveLength(1);
  expect(String(operator[0]?.inputs.roleDefinitionId)).toMatch(/0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3$/);
});

test('the app settings are everything the app needs: its own config parser and provider registry accept them', () => {
  const settings = appSettings();
  const config = loadConfig(settings);
  expect(config.tables).toEqual({ kind: 'identity', endpoint: settings.TABLES_ENDPOINT });
  expect(config.frontendOrigin).toBe('https://auth.example.com');
  expect(config.rpId).toBe('auth.example.com');
  expect(config.publicApiBaseUrl).toBe(`https://${String(only('azure-native:web:WebApp').inputs.name)}.azurewebsites.net`);
  expect(config.enabledProviders).toEqual(['aql', 'twilio']);
  expect(config.notifyChannel).toBe('pushover');
  expect(Buffer.from(settings.CODE_ENCRYPTION_KEY ?? '', 'base64')).toHaveLength(32);
  expect(settings.AQL_WEBHOOK_KEY).toHaveLength(40);
  expect(settings.TWILIO_AUTH_TOKEN).toBe('twilio-auth-token');
  expect(settings.APPLICATIONINSIGHTS_CONNECTION_STRING).toMatch(/^InstrumentationKey=/);
  // Flex Consumption rejects these: the runtime is set in functionAppConfig, code comes by OneDeploy.
  for (const refused of ['FUNCTIONS_WORKER_RUNTIME', 'FUNCTIONS_EXTENSION_VERSION', 'WEBSITE_RUN_FROM_PACKAGE', 'WEBSITE_NODE_DEFAULT_VERSION']) {
    expect(settings[refused]).toBeUndefined();
  }
});

test('Application Insights is workspace-based', () => {
  const insights = only('azure-native:applicationinsights:Component');
  const workspace = only('azure-native:operationalinsights:Workspace');
  expect(insights.inputs).toMatchObject({ applicationType: 'web', workspaceResourceId: `${workspace.name}-id` });
});

test('the code ships by OneDeploy inside pulumi up: the package zip published to the app\'s SCM endpoint', () => {
  const app = only('azure-native:web:WebApp');
  const deploy = only('pulumi-nodejs:dynamic:OneDeploy', 'deploy');
  expect(deploy.inputs.scmBaseUrl).toBe(`https://${String(app.inputs.name)}.scm.azurewebsites.net`);
  expect(String(deploy.inputs.packageSha256)).toMatch(/^[0-9a-f]{64}$/);
  const zip = readFileSync(String(deploy.inputs.packagePath));
  expect(createHash('sha256').update(zip).digest('hex')).toBe(deploy.inputs.packageSha256);
  // Flex keeps the package it runs in a private container of the app's storage account.
  const account = String(only('azure-native:storage:StorageAccount').inputs.accountName);
  const functionAppConfig = app.inputs.functionAppConfig as { deployment: { storage: { type: string; value: string; authentication: { type: string; storageAccountConnectionStringName: string } } } };
  expect(functionAppConfig.deployment.storage.type).toBe('blobContainer');
  expect(functionAppConfig.deployment.storage.value).toBe(`https://${account}.blob.core.windows.net/app-package`);
  expect(only('azure-native:storage:BlobContainer', 'deployment').inputs).toMatchObject({ containerName: 'app-package', publicAccess: 'None' });
  expect(appSettings()[functionAppConfig.deployment.storage.authentication.storageAccountConnectionStringName]).toMatch(new RegExp(`^DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=`));
});

test('the pages go to the static website, built for this stack\'s API and RP ID', () => {
  const website = only('azure-native:storage:StorageAccountStaticWebsite');
  expect(website.inputs.indexDocument).toBe('index.html');
  const pages = only('pulumi-nodejs:dynamic:StaticFiles', 'pages');
  expect(pages.inputs.containerName).toBe('$web');
  const manifest = pages.inputs.manifest as Record<string, { contentType: string; cacheControl: string }>;
  expect(Object.keys(manifest)).toEqual(expect.arrayContaining(['index.html', 'register.html', 'reveal.js', 'register.js', 'styles.css', 'config.json']));
  expect(manifest['index.html']?.contentType).toBe('text/html; charset=utf-8');
  const app = String(only('azure-native:web:WebApp').inputs.name);
  const config = JSON.parse(readFileSync(path.join(String(pages.inputs.sourceDir), 'config.json'), 'utf8')) as unknown;
  expect(config).toEqual({ apiBaseUrl: `https://${app}.azurewebsites.net/api`, rpId: 'auth.example.com' });
});

test('Cloudflare serves the auth host: a proxied record and a Worker on its route that fetches from the website endpoint', () => {
  const account = String(only('azure-native:storage:StorageAccount').inputs.accountName);
  const webHost = `${account}.z6.web.core.windows.net`;
  const record = only('cloudflare:index/dnsRecord:DnsRecord');
  expect(record.inputs).toMatchObject({ zoneId: 'zone-0123456789abcdef', name: 'auth.example.com', type: 'CNAME', content: webHost, proxied: true, ttl: 1 });
  const worker = only('cloudflare:index/workersScript:WorkersScript');
  expect(worker.inputs).toMatchObject({
    accountId: MOCK_CLOUDFLARE_ACCOUNT_ID,
    mainModule: 'pages-proxy.js',
    bindings: [{ name: 'ORIGIN', type: 'plain_text', text: `https://${webHost}` }],
  });
  // The uploaded module is the bundled pages-proxy.ts: an ES module with a default fetch handler.
  expect(String(worker.inputs.content)).toMatch(/export\s*\{[^}]*as default/);
  expect(String(worker.inputs.content)).toContain('serveFromOrigin');
  const route = only('cloudflare:index/workersRoute:WorkersRoute');
  expect(route.inputs).toMatchObject({ zoneId: 'zone-0123456789abcdef', pattern: 'auth.example.com/*', script: worker.inputs.scriptName });
  expect(resourcesOf('cloudflare:index/ruleset:Ruleset')).toHaveLength(0);
});

test('basic-auth publishing is switched off', () => {
  expect(only('azure-native:web:WebAppScmAllowed').inputs).toMatchObject({ allow: false, name: only('azure-native:web:WebApp').inputs.name });
});

test('the outputs tell the operator everything, with the webhook keys secret', async () => {
  const app = String(only('azure-native:web:WebApp').inputs.name);
  expect(outputs.frontendUrl).toBe('https://auth.example.com/');
  expect(await valueOf(outputs.apiBaseUrl)).toBe(`https://${app}.azurewebsites.net/api`);
  const webhooks = await valueOf(outputs.webhookUrls);
  expect(webhooks).toEqual({ aql: `https://${app}.azurewebsites.net/api/sms/aql?key=${'A'.repeat(40)}`, twilio: `https://${app}.azurewebsites.net/api/sms/twilio` });
  expect(await pulumi.isSecret(outputs.webhookUrls)).toBe(true);
  const account = String(only('azure-native:storage:StorageAccount').inputs.accountName);
  expect(await valueOf(outputs.registrationUrlCommand)).toBe(
    `TABLES_ENDPOINT=https://${account}.table.core.windows.net TABLE_NAME_PREFIX=sms2fa FRONTEND_ORIGIN=https://auth.example.com npm run registration-url -- --user owner`,
  );
  expect(await pulumi.isSecret(outputs.registrationUrlCommand)).toBe(false);
});


test('secrets reach Azure as Pulumi secrets: the app settings and the account key', () => {
  // Pulumi marks the whole settings list secret once any setting in it is; which settings are
  // secret one by one is checked in infra-config.test.ts.
  const app = only('azure-native:web:WebApp');
  expect(app.secretPaths.some((secretPath) => secretPath === 'siteConfig' || secretPath.startsWith('siteConfig.appSettings'))).toBe(true);
  const pages = only('pulumi-nodejs:dynamic:StaticFiles', 'pages');
  expect(pages.secretPaths).toContain('accountKey');
  expect(only('random:index/randomBytes:RandomBytes').inputs.length).toBe(32);
});
