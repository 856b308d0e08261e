import * as pulumi from '@pulumi/pulumi';
import * as storage from '@pulumi/azure-native/storage';
import { TABLE_KINDS } from '../functions/src/store/tables';

export interface AppStorageArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: string;
  readonly accountName: string;
  readonly tableNamePrefix: string;
}

/**
 * One StorageV2 account for everything: the app's tables, the Functions host's own state, the
 * deployed package and the static website. One account keeps the roles and the cost simple;
 * nothing in it is public except the website's files, which are public by nature.
 */
export class AppStorage extends pulumi.ComponentResource {
  public readonly account: storage.StorageAccount;
  public readonly accountName: pulumi.Output<string>;
  public readonly accountId: pulumi.Output<string>;
  /** e.g. https://<account>.table.core.windows.net (no trailing slash), the app's TABLES_ENDPOINT. */
  public readonly tableEndpoint: pulumi.Output<string>;
  /** e.g. https://<account>.blob.core.windows.net/ */
  public readonly blobEndpoint: pulumi.Output<string>;
  /** Host name of the static website, e.g. <account>.z6.web.core.windows.net. */
  public readonly webHost: pulumi.Output<string>;
  /** Where Flex Consumption keeps the deployed package (the platform writes it). */
  public readonly deploymentContainer: storage.BlobContainer;
  public readonly website: storage.StorageAccountStaticWebsite;
  /** Secret; the static-site upload and the deployment container's connection use it. */
  public readonly primaryKey: pulumi.Output<string>;

  constructor(name: string, args: AppStorageArgs, opts?: pulumi.ComponentResourceOptions) {
    super('sms2fa:infra:AppStorage', name, {}, opts);
    const parent = { parent: this };

    this.account = new storage.StorageAccount('account', {
      accountName: args.accountName,
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      kind: storage.Kind.StorageV2,
      sku: { name: storage.SkuName.Standard_LRS },
      minimumTlsVersion: storage.MinimumTlsVersion.TLS1_2,
      enableHttpsTrafficOnly: true,
      // The website is served from $web, which is public without this; every other container
      // (packages, the host's state) must never be readable anonymously.
      allowBlobPublicAccess: false,
      // Shared keys stay on for the platform's deployment container and `pulumi up`'s uploads;
      // the app itself reaches its tables with its managed identity.
      allowSharedKeyAccess: true,
    }, parent);
    this.accountName = this.account.name;
    this.accountId = this.account.id;
    this.tableEndpoint = this.account.primaryEndpoints.apply((endpoints) => endpoints.table.replace(/\/+$/, ''));
    this.blobEndpoint = this.account.primaryEndpoints.blob;
    this.webHost = this.account.primaryEndpoints.apply((endpoints) => new URL(endpoints.web).hostname);

    const account = { resourceGroupName: args.resourceGroupName, accountName: this.account.name };
    // The app creates missing tables at a cold start too; declaring them here means they exist
    // before the first message, and `pulumi destroy` takes them with it.
    for (const kind of TABLE_KINDS) {
      new storage.Table(`table-${kind}`, { ...account, tableName: `${args.tableNamePrefix}${kind}` }, parent);
    }
    this.deploymentContainer = new storage.BlobContainer('deployment', { ...account, containerName: 'app-package', publicAccess: storage.PublicAccess.None }, parent);
    this.website = new storage.StorageAccountStaticWebsite('website', {
      ...account,
      indexDocument: 'index.html',
    }, parent);

    this.primaryKey = pulumi.secret(
      storage.listStorageAccountKeysOutput(account).apply((result) => {
        const key = result.keys[0]?.value;
        if (!key) throw new Error(`storage account ${args.accountName} returned no keys`);
        return key;
      }),
    );
    this.registerOutputs({ accountName: this.accountName, tableEndpoint: this.tableEndpoint, webHost: this.webHost });
  }
}
