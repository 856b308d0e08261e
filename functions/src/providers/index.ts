import { aqlProvider } from './aql';
import { twilioProvider } from './twilio';
import type { SmsProvider } from './types';

export interface ProviderDefinition {
  readonly name: string;
  /** App settings the provider needs; README and start-up errors list them. */
  readonly requiredSettings: readonly string[];
  /** Receives exactly requiredSettings, each present and non-empty. */
  create(settings: ReadonlyMap<string, string>): SmsProvider;
}

/** Adding a provider: one module exporting a ProviderDefinition, and one entry here. */
export const providerDefinitions: readonly ProviderDefinition[] = [aqlProvider, twilioProvider];

/**
 * enabledNames undefined → every provider whose required settings are all present in env, so
 * configuring a provider's secret is all it takes to switch it on.
 * A name listed explicitly whose settings are missing, or an unknown name → throws an Error
 * naming the setting or provider: the operator asked for it, so a silent skip would hide a typo.
 */
export function createEnabledProviders(
  env: Readonly<Record<string, string | undefined>>,
  enabledNames?: readonly string[],
): ReadonlyMap<string, SmsProvider> {
  const definitions = enabledNames === undefined
    ? providerDefinitions.filter((definition) => missingSettings(definition, env).length === 0)
    : enabledNames.map(findDefinition);
  const providers = new Map<string, SmsProvider>();
  for (const definition of definitions) {
    const missing = missingSettings(definition, env);
    if (missing.length > 0) {
      throw new Error(`SMS provider "${definition.name}" is enabled but app setting(s) ${missing.join(', ')} are not set`);
    }
    providers.set(definition.name, definition.create(settingsFor(definition, env)));
  }
  return providers;
}

function findDefinition(name: string): ProviderDefinition {
  const definition = providerDefinitions.find((candidate) => candidate.name === name);
  if (definition === undefined) {
    const known = providerDefinitions.map((candidate) => candidate.name).join(', ');
    throw new Error(`unknown SMS provider "${name}"; known providers: ${known}`);
  }
  return definition;
}

/** An empty setting counts as missing: an empty secret must never authenticate anything. */
function missingSettings(definition: ProviderDefinition, env: Readonly<Record<string, string | undefined>>): string[] {
  return definition.requiredSettings.filter((name) => !env[name]);
}

function settingsFor(definition: ProviderDefinition, env: Readonly<Record<string, string | undefined>>): ReadonlyMap<string, string> {
  return new Map(definition.requiredSettings.map((name) => [name, env[name] ?? '']));
}
