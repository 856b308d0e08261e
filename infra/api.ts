import * as pulumi from '@pulumi/pulumi';
import * as applicationinsights from '@pulumi/azure-native/applicationinsights';
import * as authorization from '@pulumi/azure-native/authorization';
import * as operationalinsights from '@pulumi/azure-native/operationalinsights';
import * as web from '@pulumi/azure-native/web';
import { OneDeploy } from './onedeploy';
import type { AppStorage } from './storage';

/** Built-in Azure role ids (the same in every tenant). */
export const ROLE_IDS = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276b7c1b3b',
} as const;

/** Node major version the app runs on in Azure. */
export const NODE_RUNTIME_VERSION = '22';
/** App setting the Flex deployment container's connection is read from (by the platform, not our code). */
const DEPLOYMENT_CONNECTION_SETTING = 'DEPLOYMENT_STORAGE_CONNECTION_STRING';

export interface FunctionAppArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: string;
  readonly subscriptionId: string;
  readonly names: { readonly functionApp: string; readonly plan: string; readonly insights: string; readonly logs: string };
  readonly storage: AppStorage;
  /** The settings the functions read (functions/src/config.ts), secrets as secret Outputs. */
  readonly appSettings: Readonly<Record<string, pulumi.Input<string>>>;
  /** https://<functionApp>.azurewebsites.net, which the pages and app settings were built with. */
  readonly expectedPublicBaseUrl: string;
  /** The only origin browsers may call the API from. */
  readonly frontendOrigin: string;
  /** The zip `packageFunctions()` built, and its SHA-256 (a new hash redeploys). */
  readonly packagePath: string;
  readonly packageSha256: string;
  readonly maximumInstanceCount: number;
  readonly instanceMemoryMB: number;
}

/** https://<host>, if it is the URL everything was built for; otherwise an error naming both. */
export function checkedPublicBaseUrl(defaultHostName: string, expected: string): string {
  const actual = `https://${defaultHostName}`;
  if (actual !== expected) {
    throw new Error(`the function app's host is ${actual}, not ${expected} as the pages and app settings were built for; please report this with the app's name`);
  }
  return actual;
}

function roleDefinition(subscriptionId: string, roleId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}

/**
 * The Function App on the Flex Consumption plan (Linux, Node 22), its monitoring, its identity's
 * roles, and the deployment of the bundled code, all in one `pulumi up`.
 */
export class FunctionApi extends pulumi.ComponentResource {
  public readonly app: web.WebApp;
  public readonly appName: pulumi.Output<string>;
  /** https://<app>.azurewebsites.net */
  public readonly publicBaseUrl: pulumi.Output<string>;
  public readonly principalId: pulumi.Output<string>;
  public readonly insights: applicationinsights.Component;
  public readonly deployment: OneDeploy;

  constructor(name: string, args: FunctionAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super('sms2fa:infra:FunctionApi', name, {}, opts);
    const parent = { parent: this };
    const group = { resourceGroupName: args.resourceGroupName, location: args.location };

    const logs = new operationalinsights.Workspace('logs', {
      ...group,
      workspaceName: args.names.logs,
      sku: { name: operationalinsights.WorkspaceSkuNameEnum.PerGB2018 },
      retentionInDays: 30,
    }, parent);
    this.insights = new applicationinsights.Component('insights', {
      ...group,
      resourceName: args.names.insights,
      kind: 'web',
      applicationType: applicationinsights.ApplicationType.Web,
      workspaceResourceId: logs.id,
      ingestionMode: applicationinsights.IngestionMode.LogAnalytics,
    }, parent);

    const plan = new web.AppServicePlan('plan', {
      ...group,
      name: args.names.plan,
      kind: 'functionapp',
      // Linux.
      reserved: true,
      sku: { name: 'FC1', tier: 'FlexConsumption' },
    }, parent);

    const { storage: appStorage } = args;
    const deploymentConnection = pulumi.secret(
      pulumi.interpolate`DefaultEndpointsProtocol=https;AccountName=${appStorage.accountName};AccountKey=${appStorage.primaryKey};EndpointSuffix=core.windows.net`,
    );
    const settings: Record<string, pulumi.Input<string>> = {
      ...args.appSettings,
      // The Functions host's own state (timer locks, keys) through the identity, not a key.
      AzureWebJobsStorage__accountName: appStorage.accountName,
      APPLICATIONINSIGHTS_CONNECTION_STRING: this.insights.connectionString,
      [DEPLOYMENT_CONNECTION_SETTING]: deploymentConnection,
    };

    this.app = new web.WebApp('app', {
      ...group,
      name: args.names.functionApp,
      kind: 'functionapp,linux',
      serverFarmId: plan.id,
      httpsOnly: true,
      identity: { type: web.ManagedServiceIdentityType.SystemAssigned },
      siteConfig: {
        appSettings: Object.entries(settings).map(([settingName, value]) => ({ name: settingName, value })),
        // Only the reveal and register pages may call the API from a browser; the app refuses
        // other Origins too (browser-endpoint.ts), this stops them before any code runs.
        cors: { allowedOrigins: [args.frontendOrigin], supportCredentials: false },
        minTlsVersion: web.SupportedTlsVersions.SupportedTlsVersions_1_2,
        ftpsState: web.FtpsState.Disabled,
        http20Enabled: true,
      },
      functionAppConfig: {
        runtime: { name: web.RuntimeName.Node, version: NODE_RUNTIME_VERSION },
        scaleAndConcurrency: { maximumInstanceCount: args.maximumInstanceCount, instanceMemoryMB: args.instanceMemoryMB },
        deployment: {
          storage: {
            type: web.FunctionsDeploymentStorageType.BlobContainer,
            value: pulumi.interpolate`${appStorage.blobEndpoint}${appStorage.deploymentContainer.name}`,
            // A connection string rather than the app's identity: the identity's role is granted
            // after the app exists, and Azure role assignments take minutes to apply, so the very
            // first deployment could be refused. The platform reads this setting, our code never does.
            authentication: { type: web.AuthenticationType.StorageAccountConnectionString, storageAccountConnectionStringName: DEPLOYMENT_CONNECTION_SETTING },
          },
        },
      },
    }, parent);
    this.appName = this.app.name;
    // The pages, PUBLIC_API_BASE_URL (which Twilio signatures cover) and CORS were all built for
    // the name the program expected; an app Azure named otherwise (a "unique default host name")
    // would leave every one of them wrong, so stop here and say so.
    this.publicBaseUrl = this.app.defaultHostName.apply((host) => checkedPublicBaseUrl(host, args.expectedPublicBaseUrl));
    this.principalId = this.app.identity.apply((identity) => {
      if (!identity?.principalId) throw new Error('the function app has no system-assigned identity');
      return identity.principalId;
    });

    // Publishing with a user name and password stays off: OneDeploy authenticates to the SCM site
    // with the operator's Entra login. (Flex Consumption has no FTP at all.)
    new web.WebAppScmAllowed('no-basic-auth-scm', { resourceGroupName: args.resourceGroupName, name: this.app.name, allow: false }, parent);

    const roles = [
      // Tables: messages, passkeys, challenges… — the app's data, with no account key.
      new authorization.RoleAssignment('app-tables', {
        principalId: this.principalId,
        principalType: authorization.PrincipalType.ServicePrincipal,
        roleDefinitionId: roleDefinition(args.subscriptionId, ROLE_IDS.storageTableDataContributor),
        scope: appStorage.accountId,
      }, parent),
      // Blobs: the Functions host keeps timer locks and keys there (AzureWebJobsStorage__accountName).
      new authorization.RoleAssignment('app-host-blobs', {
        principalId: this.principalId,
        principalType: authorization.PrincipalType.ServicePrincipal,
        roleDefinitionId: roleDefinition(args.subscriptionId, ROLE_IDS.storageBlobDataOwner),
        scope: appStorage.accountId,
      }, parent),
    ];

    // Flex Consumption takes code only through OneDeploy: the zip is published to the app's SCM
    // endpoint with the operator's Azure login, as `az functionapp deploy` does. A new build has a
    // new hash, which is what makes the next `pulumi up` redeploy (and an unchanged one not).
    this.deployment = new OneDeploy('deploy', {
      scmBaseUrl: this.app.hostNameSslStates.apply((states) => {
        const scm = states?.find((state) => state.hostType === 'Repository')?.name;
        return `https://${scm ?? `${args.names.functionApp}.scm.azurewebsites.net`}`;
      }),
      packagePath: args.packagePath,
      packageSha256: args.packageSha256,
    }, {
      ...parent,
      // The settings (and the identity's roles) in place first, so the restarted app starts whole.
      dependsOn: [this.app, ...roles],
    });

    // publicBaseUrl is left out: it fails on purpose (above), and the stack output that uses it is
    // where that failure should surface, once.
    this.registerOutputs({ appName: this.appName });
  }
}
