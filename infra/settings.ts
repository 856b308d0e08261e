import * as pulumi from '@pulumi/pulumi';
import { loadConfig } from '../functions/src/config';
import { createEnabledProviders } from '../functions/src/providers';
import type { DeploymentConfig } from './config';
import { DeploymentConfigError } from './config';

export interface GeneratedSecrets {
  readonly codeEncryptionKey: pulumi.Output<string>;
  /** Only when aql is enabled. */
  readonly aqlWebhookKey: pulumi.Output<string> | undefined;
}

export interface SettingsContext {
  readonly config: DeploymentConfig;
  readonly secrets: GeneratedSecrets;
  readonly tablesEndpoint: pulumi.Input<string>;
  readonly tableNamePrefix: string;
  /** https://<function app>.azurewebsites.net */
  readonly publicApiBaseUrl: string;
  readonly frontendOrigin: string;
}

/**
 * Every app setting the functions read (functions/src/config.ts and the provider modules), from
 * the stack's configuration. Values only known to Azure or kept secret are Outputs.
 */
export function functionAppSettings(context: SettingsContext): Record<string, pulumi.Input<string>> {
  const { config, secrets } = context;
  const settings: Record<string, pulumi.Input<string>> = {
    TABLES_ENDPOINT: context.tablesEndpoint,
    TABLE_NAME_PREFIX: context.tableNamePrefix,
    CODE_ENCRYPTION_KEY: secrets.codeEncryptionKey,
    PUBLIC_API_BASE_URL: context.publicApiBaseUrl,
    FRONTEND_ORIGIN: context.frontendOrigin,
    RP_ID: config.rpId,
    RP_NAME: config.rpName,
    REVEAL_POLICY: config.revealPolicy,
    MESSAGE_TTL_MINUTES: String(config.messageTtlMinutes),
    SMS_PROVIDERS: config.providers.join(','),
    NOTIFY_CHANNEL: 'pushover',
    PUSHOVER_APP_TOKEN: config.pushoverAppToken,
    PUSHOVER_USER_KEY: config.pushoverUserKey,
    OWNER_USER_ID: config.ownerUserId,
    // Node's own switch for production behaviour in libraries.
    NODE_ENV: 'production',
  };
  if (config.routing !== undefined) settings.ROUTING = config.routing;
  if (secrets.aqlWebhookKey !== undefined) settings.AQL_WEBHOOK_KEY = secrets.aqlWebhookKey;
  if (config.twilioAuthToken !== undefined) settings.TWILIO_AUTH_TOKEN = config.twilioAuthToken;
  return settings;
}

/** Stand-ins of the right shape for values not known while the program runs. */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  TABLES_ENDPOINT: 'https://placeholder.table.core.windows.net',
  CODE_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
  PUSHOVER_APP_TOKEN: 'placeholder-app-token',
  PUSHOVER_USER_KEY: 'placeholder-user-key',
  AQL_WEBHOOK_KEY: 'placeholder-webhook-key-of-40-characters',
  TWILIO_AUTH_TOKEN: 'placeholder-auth-token',
};

/**
 * Runs the app's own configuration parser and provider registry over the settings, before any
 * resource exists: a setting the app would refuse at its first cold start fails `pulumi up`
 * instead, with the app's own message.
 */
export function checkSettingsWithApp(settings: Readonly<Record<string, pulumi.Input<string>>>): void {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value === 'string') {
      env[name] = value;
      continue;
    }
    const placeholder = PLACEHOLDERS[name];
    if (placeholder === undefined) throw new Error(`app setting ${name} is not known while the program runs and has no placeholder to check it with`);
    env[name] = placeholder;
  }
  try {
    const appConfig = loadConfig(env);
    createEnabledProviders(env, appConfig.enabledProviders);
  } catch (error) {
    // ConfigError for settings, a plain Error from the provider registry; both name the setting.
    if (error instanceof Error) throw new DeploymentConfigError(`the function app would refuse these settings: ${error.message}`);
    throw error;
  }
}
