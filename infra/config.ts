import * as pulumi from '@pulumi/pulumi';
import { providerDefinitions } from '../functions/src/providers';

/**
 * The stack's configuration, read once and checked before any resource is declared: a typo
 * found here costs nothing, one found by Azure halfway through `pulumi up` leaves half a stack.
 * README's "Deployment configuration" table lists the same keys; keep the two in step.
 */
export interface DeploymentConfig {
  /** Azure region of every Azure resource; Flex Consumption must be offered there. */
  readonly location: string;
  /** Host name of the pages, e.g. auth.example.com; a Cloudflare-proxied record in the zone. */
  readonly authHost: string;
  /** WebAuthn RP ID: authHost or a parent domain of it. */
  readonly rpId: string;
  readonly rpName: string;
  readonly cloudflareZoneId: string;
  readonly pushoverAppToken: pulumi.Output<string>;
  readonly pushoverUserKey: pulumi.Output<string>;
  readonly providers: readonly string[];
  /** Only when twilio is enabled. */
  readonly twilioAuthToken: pulumi.Output<string> | undefined;
  readonly messageTtlMinutes: number;
  readonly revealPolicy: 'once' | 'until-expiry';
  /** JSON text of the ROUTING app setting, or undefined for "every user gets every message". */
  readonly routing: string | undefined;
  readonly ownerUserId: string;
  /** Grant whoever runs `pulumi up` table access, so `npm run registration-url` works with their login. */
  readonly grantOperatorTableAccess: boolean;
  readonly maximumInstanceCount: number;
  readonly instanceMemoryMB: number;
}

interface MissingKey {
  readonly key: string;
  readonly example: string;
  readonly secret: boolean;
  readonly why: string;
}

/** Raised for configuration mistakes; Pulumi prints a RunError's message without a stack trace. */
export class DeploymentConfigError extends pulumi.RunError {}

const INSTANCE_MEMORY_SIZES = [512, 2048, 4096] as const;

function setCommand(missing: MissingKey): string {
  return `pulumi config set ${missing.secret ? '--secret ' : ''}sms2fa:${missing.key} ${missing.example}`;
}

function positiveInteger(config: pulumi.Config, key: string, fallback: number): number {
  const value = config.getNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value <= 0) throw new DeploymentConfigError(`sms2fa:${key} must be a positive whole number, got ${value}`);
  return value;
}

function hostName(key: string, value: string): string {
  const host = value.trim().toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(host)) {
    throw new DeploymentConfigError(`sms2fa:${key} must be a host name such as auth.example.com (no scheme, port or path), got "${value}"`);
  }
  return host;
}

function routingJson(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new DeploymentConfigError('sms2fa:routing must be JSON such as {"+447700900000": ["alice"], "*": ["alice"]}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DeploymentConfigError('sms2fa:routing must be a JSON object mapping numbers to arrays of user ids');
  }
  return JSON.stringify(parsed);
}

/**
 * Reads `sms2fa:*` (and checks `cloudflare:apiToken`). Every missing required key is reported at
 * once, each with the exact command that sets it.
 */
export function readDeploymentConfig(env: NodeJS.ProcessEnv = process.env): DeploymentConfig {
  const config = new pulumi.Config('sms2fa');
  const missing: MissingKey[] = [];
  const need = (key: string, example: string, why: string): string => {
    const value = config.get(key)?.trim();
    if (!value) missing.push({ key, example, secret: false, why });
    return value ?? '';
  };
  const needSecret = (key: string, example: string, why: string): pulumi.Output<string> => {
    const value = config.getSecret(key);
    if (value === undefined) missing.push({ key, example, secret: true, why });
    return value ?? pulumi.secret('');
  };

  const providers = (config.get('providers') ?? 'aql').split(',').map((name) => name.trim()).filter((name) => name !== '');
  const known = providerDefinitions.map((definition) => definition.name);
  const unknown = providers.filter((name) => !known.includes(name));
  if (providers.length === 0 || unknown.length > 0) {
    throw new DeploymentConfigError(`sms2fa:providers must list one or more of ${known.join(', ')} (comma-separated), got "${config.get('providers') ?? ''}"`);
  }

  const authHost = need('authHost', 'auth.example.com', 'the host name of the reveal page, in your Cloudflare zone');
  const cloudflareZoneId = need('cloudflareZoneId', '<zone id>', 'the Cloudflare zone holding authHost (dashboard → your domain → Overview → Zone ID)');
  const pushoverAppToken = needSecret('pushoverAppToken', '<application API token>', 'the API token of your Pushover application');
  const pushoverUserKey = needSecret('pushoverUserKey', '<user or group key>', 'who gets the pushes until you add users with their own keys');
  const twilioAuthToken = providers.includes('twilio')
    ? needSecret('twilioAuthToken', '<auth token>', 'your Twilio auth token, to verify X-Twilio-Signature')
    : undefined;
  // The Cloudflare provider reads its token from its own config or the environment; without it the
  // first DNS call fails deep inside the update, so ask for it here with the rest.
  if (!new pulumi.Config('cloudflare').get('apiToken') && !env.CLOUDFLARE_API_TOKEN) {
    missing.push({ key: 'apiToken', example: '<API token: Zone Read, DNS Edit, Workers Routes Edit on the zone; Workers Scripts Edit on the account>', secret: true, why: 'lets Pulumi write the DNS record and the Worker in front of the pages' });
  }
  if (missing.length > 0) {
    const lines = missing.map((item) => {
      const command = item.key === 'apiToken' ? `pulumi config set --secret cloudflare:apiToken ${item.example}` : setCommand(item);
      return `  ${item.key === 'apiToken' ? 'cloudflare' : 'sms2fa'}:${item.key} (${item.why}):\n    ${command}`;
    });
    throw new DeploymentConfigError(`missing required configuration:\n${lines.join('\n')}`);
  }

  const host = hostName('authHost', authHost);
  const rpId = hostName('rpId', config.get('rpId') ?? host);
  if (host !== rpId && !host.endsWith(`.${rpId}`)) {
    throw new DeploymentConfigError(`sms2fa:rpId "${rpId}" must be sms2fa:authHost (${host}) or a parent domain of it`);
  }
  const revealPolicy = config.get('revealPolicy') ?? 'once';
  if (revealPolicy !== 'once' && revealPolicy !== 'until-expiry') {
    throw new DeploymentConfigError(`sms2fa:revealPolicy must be "once" or "until-expiry", got "${revealPolicy}"`);
  }
  const instanceMemoryMB = positiveInteger(config, 'instanceMemoryMB', 2048);
  if (!(INSTANCE_MEMORY_SIZES as readonly number[]).includes(instanceMemoryMB)) {
    throw new DeploymentConfigError(`sms2fa:instanceMemoryMB must be one of ${INSTANCE_MEMORY_SIZES.join(', ')}, got ${instanceMemoryMB}`);
  }
  // A ceiling on scale-out, and so on cost if someone floods the webhook; Flex allows up to 1,000.
  const maximumInstanceCount = positiveInteger(config, 'maximumInstanceCount', 100);
  if (maximumInstanceCount > 1000) {
    throw new DeploymentConfigError(`sms2fa:maximumInstanceCount must be at most 1000, got ${maximumInstanceCount}`);
  }

  return {
    // Offered Flex Consumption from its first regions on; `az functionapp list-flexconsumption-locations` lists the rest.
    location: config.get('location') ?? 'northeurope',
    authHost: host,
    rpId,
    rpName: config.get('rpName') ?? 'sms2fa',
    cloudflareZoneId: cloudflareZoneId.trim(),
    pushoverAppToken,
    pushoverUserKey,
    providers,
    twilioAuthToken,
    messageTtlMinutes: positiveInteger(config, 'messageTtlMinutes', 10),
    revealPolicy,
    routing: routingJson(config.get('routing')),
    ownerUserId: config.get('ownerUserId') ?? 'owner',
    grantOperatorTableAccess: config.getBoolean('grantOperatorTableAccess') ?? true,
    maximumInstanceCount,
    instanceMemoryMB,
  };
}
