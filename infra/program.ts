import path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization';
import * as resources from '@pulumi/azure-native/resources';
import * as random from '@pulumi/random';
import { buildFrontend } from '../scripts/build-frontend';
import { packageFunctions } from '../scripts/build-functions';
import { FunctionApi, ROLE_IDS } from './api';
import { readDeploymentConfig } from './config';
import { AuthHost } from './dns';
import { buildPagesProxy } from './edge/build';
import { Frontend } from './frontend';
import { resourceNames } from './names';
import { ProviderRegistration } from './provider-registration';
import { checkSettingsWithApp, functionAppSettings } from './settings';
import { AppStorage } from './storage';

/** Where `pulumi up` builds the artifacts it ships; dist/ is never committed. */
const DEPLOY_BUILD_ROOT = path.resolve(__dirname, '../dist/deploy');
const TABLE_NAME_PREFIX = 'sms2fa';
/** The resource providers the stack's resources need; Microsoft.App is Flex Consumption's hidden one. */
const RESOURCE_PROVIDERS = ['Microsoft.App', 'Microsoft.Web', 'Microsoft.Storage', 'Microsoft.Insights', 'Microsoft.OperationalInsights'];

/** The stack outputs: everything the operator needs after `pulumi up`. */
export interface StackOutputs {
  readonly frontendUrl: string;
  readonly apiBaseUrl: pulumi.Output<string>;
  /** Provider → webhook URL to paste at the provider, key included; secret. */
  readonly webhookUrls: pulumi.Output<Record<string, string>>;
  readonly registrationUrlCommand: pulumi.Output<string>;
  readonly resourceGroupName: pulumi.Output<string>;
  readonly functionAppName: pulumi.Output<string>;
  readonly storageAccountName: pulumi.Output<string>;
  readonly tablesEndpoint: pulumi.Output<string>;
}

/** The whole deployment; infra/index.ts hands it to Pulumi, the unit tests call it under mocks. */
export async function deploySms2fa(): Promise<StackOutputs> {
  const config = readDeploymentConfig();
  const client = await authorization.getClientConfig();
  const names = resourceNames(client.subscriptionId, pulumi.getProject(), pulumi.getStack());
  const frontendOrigin = `https://${config.authHost}`;
  // The app's default host name is <name>.azurewebsites.net; the pages and the app's own
  // PUBLIC_API_BASE_URL need it before Azure has created the app.
  const publicApiBaseUrl = `https://${names.functionApp}.azurewebsites.net`;
  const apiBaseUrl = `${publicApiBaseUrl}/api`;

  const buildDir = path.join(DEPLOY_BUILD_ROOT, pulumi.getStack());
  const [functionsPackage, frontendBuild, pagesProxy] = await Promise.all([
    packageFunctions({ outDir: path.join(buildDir, 'functions'), zipPath: path.join(buildDir, 'functions.zip') }),
    buildFrontend({ outDir: path.join(buildDir, 'frontend'), apiBaseUrl, rpId: config.rpId }),
    buildPagesProxy(),
  ]);

  // Generated once and kept in the stack's state (encrypted); replaced only when asked to
  // (README: "Rotating secrets").
  const codeEncryptionKey = pulumi.secret(new random.RandomBytes('code-encryption-key', { length: 32 }).base64);
  const aqlWebhookKey = config.providers.includes('aql')
    ? pulumi.secret(new random.RandomPassword('aql-webhook-key', { length: 40, special: false }).result)
    : undefined;

  // Everything Azure is created inside the group, so waiting here makes it all wait.
  const registration = new ProviderRegistration('resource-providers', { subscriptionId: client.subscriptionId, namespaces: RESOURCE_PROVIDERS });
  const group = new resources.ResourceGroup('group', { resourceGroupName: names.resourceGroup, location: config.location }, { dependsOn: [registration] });
  const appStorage = new AppStorage('storage', {
    resourceGroupName: group.name,
    location: config.location,
    accountName: names.storageAccount,
    tableNamePrefix: TABLE_NAME_PREFIX,
  });

  const appSettings = functionAppSettings({
    config,
    secrets: { codeEncryptionKey, aqlWebhookKey },
    tablesEndpoint: appStorage.tableEndpoint,
    tableNamePrefix: TABLE_NAME_PREFIX,
    publicApiBaseUrl,
    frontendOrigin,
  });
  checkSettingsWithApp(appSettings);

  const api = new FunctionApi('api', {
    resourceGroupName: group.name,
    location: config.location,
    subscriptionId: client.subscriptionId,
    names,
    storage: appStorage,
    appSettings,
    expectedPublicBaseUrl: publicApiBaseUrl,
    frontendOrigin,
    packagePath: functionsPackage.zipPath,
    packageSha256: functionsPackage.sha256,
    maximumInstanceCount: config.maximumInstanceCount,
    instanceMemoryMB: config.instanceMemoryMB,
  });
  new Frontend('frontend', { storage: appStorage, builtDir: frontendBuild.outDir });
  new AuthHost('auth-host', {
    zoneId: config.cloudflareZoneId,
    authHost: config.authHost,
    webHost: appStorage.webHost,
    workerSource: pagesProxy,
    workerName: `${names.functionApp}-pages`,
  });

  if (config.grantOperatorTableAccess) {
    // Whoever runs `pulumi up` may also run the operator scripts (registration-url, users,
    // passkeys, audit) against these tables with their own Azure login.
    new authorization.RoleAssignment('operator-tables', {
      principalId: client.objectId,
      roleDefinitionId: `/subscriptions/${client.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.storageTableDataContributor}`,
      scope: appStorage.accountId,
    });
  }

  const webhookUrls = pulumi.secret(pulumi.all({ aqlKey: aqlWebhookKey ?? '' }).apply(({ aqlKey }) => {
    const urls: Record<string, string> = {};
    if (config.providers.includes('aql')) urls.aql = `${apiBaseUrl}/sms/aql?key=${aqlKey}`;
    if (config.providers.includes('twilio')) urls.twilio = `${apiBaseUrl}/sms/twilio`;
    return urls;
  }));

  return {
    frontendUrl: `${frontendOrigin}/`,
    apiBaseUrl: pulumi.interpolate`${api.publicBaseUrl}/api`,
    webhookUrls,
    registrationUrlCommand: pulumi.interpolate`TABLES_ENDPOINT=${appStorage.tableEndpoint} TABLE_NAME_PREFIX=${TABLE_NAME_PREFIX} FRONTEND_ORIGIN=${frontendOrigin} npm run registration-url -- --user ${config.ownerUserId}`,
    resourceGroupName: group.name,
    functionAppName: api.appName,
    storageAccountName: appStorage.accountName,
    tablesEndpoint: appStorage.tableEndpoint,
  };
}
