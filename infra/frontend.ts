import * as pulumi from '@pulumi/pulumi';
import type { AppStorage } from './storage';
import { StaticFiles } from './static-files';

export interface FrontendArgs {
  readonly storage: AppStorage;
  /** The folder `buildFrontend()` wrote for this stack (its config.json names the API and RP ID). */
  readonly builtDir: string;
}

/** The reveal and register pages, uploaded to the storage account's static website ($web). */
export class Frontend extends pulumi.ComponentResource {
  public readonly files: StaticFiles;

  constructor(name: string, args: FrontendArgs, opts?: pulumi.ComponentResourceOptions) {
    super('sms2fa:infra:Frontend', name, {}, opts);
    this.files = new StaticFiles('pages', {
      blobEndpoint: args.storage.blobEndpoint,
      accountName: args.storage.accountName,
      accountKey: args.storage.primaryKey,
      containerName: '$web',
      sourceDir: args.builtDir,
      // $web exists only once the static website is switched on.
    }, { parent: this, dependsOn: [args.storage.website] });
    this.registerOutputs({ files: this.files.files });
  }
}
