// ProviderRegistration: makes sure the subscription is registered for the Azure resource
// providers the stack uses. A fresh subscription is not registered for Microsoft.App, which
// Flex Consumption relies on behind the scenes without saying so, and creating the Function App
// then fails; azure-native has no resource for registration, so this small dynamic resource does
// what `az provider register --namespace … --wait` does, inside `pulumi up`.
//
// Pulumi serialises the provider object into the stack state and runs it later in another
// process, so the provider reaches only this file's functions and requires its modules inside
// them (see infra/static-files.ts for the same rule).
import * as pulumi from '@pulumi/pulumi';

export interface ProviderRegistrationArgs {
  readonly subscriptionId: pulumi.Input<string>;
  /** e.g. ['Microsoft.App', 'Microsoft.Web'] */
  readonly namespaces: readonly string[];
}

export interface RegistrationInputs {
  readonly subscriptionId: string;
  readonly namespaces: readonly string[];
  /** Azure Resource Manager's base URL; only tests change it. */
  readonly armEndpoint: string;
}

export interface RegistrationOptions extends RegistrationInputs {
  /** An Azure Resource Manager bearer token. */
  readonly getToken: () => Promise<string>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly timeoutMs?: number;
  readonly pollIntervalMs?: number;
}

const ARM_ENDPOINT = 'https://management.azure.com';
const API_VERSION = '2021-04-01';

/**
 * Registers each namespace (a no-op for one already registered) and waits until Azure reports
 * it Registered: registration takes from seconds to a few minutes, and a resource created before
 * it finishes is refused.
 */
export async function registerProviders(options: RegistrationOptions): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  const base = options.armEndpoint.replace(/\/+$/, '');
  const url = new URL(base);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  // The bearer token may only travel over TLS; plain http is for a stand-in on this machine.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error(`ProviderRegistration: ${base} must use https`);

  const call = async (method: 'GET' | 'POST', namespace: string, suffix: string): Promise<string> => {
    const response = await fetch(`${base}/subscriptions/${encodeURIComponent(options.subscriptionId)}/providers/${encodeURIComponent(namespace)}${suffix}?api-version=${API_VERSION}`, {
      method,
      headers: { authorization: `Bearer ${await options.getToken()}` },
    });
    const body = await response.text();
    if (response.status === 401 || response.status === 403) {
      throw new Error(`ProviderRegistration: Azure refused to ${method === 'POST' ? 'register' : 'read'} ${namespace} (${response.status}); run \`az login\` with an account that may register resource providers on the subscription (Contributor or Owner)`);
    }
    if (!response.ok) throw new Error(`ProviderRegistration: ${method} ${namespace} answered ${response.status}`);
    const parsed = JSON.parse(body) as { registrationState?: unknown };
    return typeof parsed.registrationState === 'string' ? parsed.registrationState : 'Unknown';
  };

  for (const namespace of options.namespaces) {
    let state = await call('GET', namespace, '');
    if (state !== 'Registered') state = await call('POST', namespace, '/register');
    while (state !== 'Registered') {
      if (Date.now() > deadline) throw new Error(`ProviderRegistration: ${namespace} is still "${state}" after waiting; try \`az provider register --namespace ${namespace} --wait\``);
      await sleep(options.pollIntervalMs ?? 5_000);
      state = await call('GET', namespace, '');
    }
  }
}

async function registerWithAzureLogin(inputs: RegistrationInputs): Promise<void> {
  // Required here, not imported at the top: see the note at the top of this file.
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
  const credential = new DefaultAzureCredential();
  await registerProviders({
    ...inputs,
    getToken: async () => {
      // The audience `az` uses for Resource Manager (see infra/onedeploy.ts).
      const token = await credential.getToken('https://management.core.windows.net/.default');
      if (!token) throw new Error('ProviderRegistration: no Azure login; run `az login`');
      return token.token;
    },
  });
}

/** The object Pulumi serialises; exported so tests can drive it. Unregistering is never done: other resources may rely on it. */
export const providerRegistrationProvider: pulumi.dynamic.ResourceProvider<RegistrationInputs, RegistrationInputs> = {
  async create(inputs) {
    await registerWithAzureLogin(inputs);
    return { id: `${inputs.subscriptionId}/providers`, outs: inputs };
  },
  async diff(_id, olds, news) {
    const changed = olds.subscriptionId !== news.subscriptionId || olds.namespaces.join(',') !== news.namespaces.join(',') || olds.armEndpoint !== news.armEndpoint;
    return { changes: changed };
  },
  async update(_id, _olds, news) {
    await registerWithAzureLogin(news);
    return { outs: news };
  },
};

export class ProviderRegistration extends pulumi.dynamic.Resource {
  constructor(name: string, args: ProviderRegistrationArgs, opts?: pulumi.CustomResourceOptions) {
    const props: { [K in keyof RegistrationInputs]: pulumi.Input<RegistrationInputs[K]> } = {
      subscriptionId: args.subscriptionId,
      namespaces: [...args.namespaces],
      armEndpoint: ARM_ENDPOINT,
    };
    super(providerRegistrationProvider, name, props, opts, undefined, 'ProviderRegistration');
  }
}
