import * as pulumi from '@pulumi/pulumi';

/** A resource the program declared, as the Pulumi engine would have received it. */
export interface DeclaredResource {
  readonly type: string;
  readonly name: string;
  // Pulumi hands mocks the resource's inputs as deserialised JSON; secrets are unwrapped here.
  readonly inputs: Record<string, unknown>;
  /** Dotted paths of the inputs that arrived as secrets, e.g. "siteConfig.appSettings.3.value". */
  readonly secretPaths: readonly string[];
}

/** Pulumi's wire marker of a secret value (sdk/nodejs/runtime/rpc.ts: specialSigKey, specialSecretSig). */
const SPECIAL_SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

function unwrapSecrets(value: unknown, at: string, secretPaths: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, index) => unwrapSecrets(item, at ? `${at}.${index}` : String(index), secretPaths));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (record[SPECIAL_SIG_KEY] === SECRET_SIG) {
    secretPaths.push(at);
    return unwrapSecrets(record.value, at, secretPaths);
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, unwrapSecrets(item, at ? `${at}.${key}` : key, secretPaths)]));
}

export const MOCK_SUBSCRIPTION_ID = '11111111-2222-3333-4444-555555555555';
export const MOCK_OPERATOR_OBJECT_ID = 'operator-object-id';
export const MOCK_APP_PRINCIPAL_ID = 'app-principal-id';
export const MOCK_ZONE_NAME = 'example.com';
export const MOCK_CLOUDFLARE_ACCOUNT_ID = 'cloudflare-account-id';
export const MOCK_ACCOUNT_KEY = Buffer.from('mock-account-key').toString('base64');

/** What Azure, Cloudflare and random would compute for a resource, given its inputs. */
function computedState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'azure-native:resources:ResourceGroup':
      return { ...inputs, name: inputs.resourceGroupName };
    case 'azure-native:storage:StorageAccount': {
      const account = String(inputs.accountName);
      return {
        ...inputs,
        name: account,
        primaryEndpoints: {
          blob: `https://${account}.blob.core.windows.net/`,
          table: `https://${account}.table.core.windows.net/`,
          web: `https://${account}.z6.web.core.windows.net/`,
        },
      };
    }
    case 'azure-native:storage:BlobContainer':
      return { ...inputs, name: inputs.containerName };
    case 'azure-native:web:WebApp':
      return {
        ...inputs,
        defaultHostName: `${String(inputs.name)}.azurewebsites.net`,
        hostNameSslStates: [
          { name: `${String(inputs.name)}.azurewebsites.net`, hostType: 'Standard' },
          { name: `${String(inputs.name)}.scm.azurewebsites.net`, hostType: 'Repository' },
        ],
        identity: { type: 'SystemAssigned', principalId: MOCK_APP_PRINCIPAL_ID },
      };
    case 'azure-native:applicationinsights:Component':
      return { ...inputs, connectionString: 'InstrumentationKey=00000000-0000-0000-0000-000000000000' };
    case 'random:index/randomBytes:RandomBytes':
      return { ...inputs, base64: Buffer.alloc(32, 7).toString('base64'), hex: Buffer.alloc(32, 7).toString('hex') };
    case 'random:index/randomPassword:RandomPassword':
      return { ...inputs, result: 'A'.repeat(Number(inputs.length)) };
    default:
      return { ...inputs, name: inputs.name ?? name };
  }
}

/** Installs mocks that record every declared resource, and answers the invokes the program makes. */
export async function installPulumiMocks(): Promise<DeclaredResource[]> {
  const declared: DeclaredResource[] = [];
  await pulumi.runtime.setMocks({
    newResource(args) {
      const secretPaths: string[] = [];
      const inputs = unwrapSecrets(args.inputs, '', secretPaths) as Record<string, unknown>;
      declared.push({ type: args.type, name: args.name, inputs, secretPaths });
      return { id: `${args.name}-id`, state: computedState(args.type, args.name, inputs) };
    },
    call(args) {
      switch (args.token) {
        case 'azure-native:authorization:getClientConfig':
          return { subscriptionId: MOCK_SUBSCRIPTION_ID, objectId: MOCK_OPERATOR_OBJECT_ID, tenantId: 'tenant-id', clientId: 'client-id' };
        case 'cloudflare:index/getZone:getZone':
          return { id: args.inputs.zoneId, name: MOCK_ZONE_NAME, account: { id: MOCK_CLOUDFLARE_ACCOUNT_ID, name: 'account' } };
        case 'azure-native:storage:listStorageAccountKeys':
          return { keys: [{ keyName: 'key1', value: MOCK_ACCOUNT_KEY, permissions: 'Full' }] };
        default:
          throw new Error(`the program called ${args.token}, which these mocks do not answer`);
      }
    },
  }, 'sms2fa', 'test');
  return declared;
}

/** Resolves an Output's value (mocks resolve everything, including secrets). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Waits until no new resource has been declared for a few event-loop turns. */
export async function settled(declared: readonly DeclaredResource[]): Promise<void> {
  let stableRounds = 0;
  let count = -1;
  while (stableRounds < 5) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    stableRounds = declared.length === count ? stableRounds + 1 : 0;
    count = declared.length;
  }
}

/** The full configuration of a working stack; tests delete or change keys from it. */
export function stackConfig(overrides: Record<string, string | undefined> = {}): { values: Record<string, string>; secretKeys: string[] } {
  const base: Record<string, string | undefined> = {
    'sms2fa:authHost': 'auth.example.com',
    'sms2fa:cloudflareZoneId': 'zone-0123456789abcdef',
    'sms2fa:pushoverAppToken': 'pushover-app-token',
    'sms2fa:pushoverUserKey': 'pushover-user-key',
    'cloudflare:apiToken': 'cloudflare-api-token',
    ...overrides,
  };
  const values = Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const secretKeys = ['sms2fa:pushoverAppToken', 'sms2fa:pushoverUserKey', 'sms2fa:twilioAuthToken', 'cloudflare:apiToken'].filter((key) => key in values);
  return { values, secretKeys };
}
