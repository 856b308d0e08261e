import { ManagedIdentityCredential } from '@azure/identity';
import { loadConfig, type AppConfig } from './config';
import { OutboxNotifier } from './notify/outbox';
import { PushoverNotifier } from './notify/pushover';
import type { Notifier } from './notify/types';
import { createEnabledProviders } from './providers';
import type { SmsProvider } from './providers/types';
import type { IntakeDependencies, IntakeSettings } from './services/intake';
import type { RegistrationDependencies } from './services/registration';
import type { RevealDependencies } from './services/reveal';
import type { RelyingParty } from './services/webauthn';
import { AuditLog } from './store/audit';
import { ChallengeStore } from './store/challenges';
import { MessageStore } from './store/messages';
import { PasskeyStore } from './store/passkeys';
import { RegistrationTokenStore } from './store/registrations';
import { openTables, type Tables } from './store/tables';
import { UserStore } from './store/users';

/** Everything the handlers need, built once per process from configuration. */
export interface Dependencies {
  readonly config: AppConfig;
  readonly providers: ReadonlyMap<string, SmsProvider>;
  readonly tables: Tables;
  readonly messages: MessageStore;
  readonly users: UserStore;
  readonly passkeys: PasskeyStore;
  readonly registrationTokens: RegistrationTokenStore;
  readonly challenges: ChallengeStore;
  readonly audit: AuditLog;
  readonly notifier: Notifier;
  readonly intakeSettings: IntakeSettings;
  readonly relyingParty: RelyingParty;
}

export interface DependencyOverrides {
  /** The local stack passes its outbox; tests pass a notifier aimed at a fake Pushover. */
  readonly notifier?: Notifier;
}

export async function buildDependencies(config: AppConfig, overrides: DependencyOverrides = {}): Promise<Dependencies> {
  const providers = createEnabledProviders(config.env, config.enabledProviders);
  const tables = await openTables(config.tables, config.tableNamePrefix, {
    credential: config.tables.kind === 'identity' ? managedIdentity(config.env) : undefined,
  });
  const notifier = overrides.notifier ?? defaultNotifier(config);
  return {
    config,
    providers,
    tables,
    messages: new MessageStore(tables, config.messageTtlMinutes * 60_000),
    users: new UserStore(tables),
    passkeys: new PasskeyStore(tables),
    registrationTokens: new RegistrationTokenStore(tables),
    challenges: new ChallengeStore(tables),
    audit: new AuditLog(tables),
    notifier,
    relyingParty: { rpId: config.rpId, rpName: config.rpName, expectedOrigin: config.frontendOrigin },
    intakeSettings: {
      encryptionKey: config.encryptionKey,
      frontendOrigin: config.frontendOrigin,
      messageTtlMinutes: config.messageTtlMinutes,
      routing: config.routing,
      pushoverUserKey: config.pushoverUserKey,
      ownerUserId: config.ownerUserId,
      keylessChannel: notifier instanceof OutboxNotifier,
    },
  };
}

/**
 * The Function App's own Azure AD identity, and only that. DefaultAzureCredential would try an
 * environment service principal first (a leftover AZURE_CLIENT_SECRET would silently win) and
 * then developer-tool logins that cannot exist in Azure and only slow a failing cold start.
 * AZURE_CLIENT_ID, the variable the Azure SDKs use, selects a user-assigned identity; without
 * it, the system-assigned one.
 */
function managedIdentity(env: AppConfig['env']): ManagedIdentityCredential {
  const clientId = env.AZURE_CLIENT_ID?.trim();
  return clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
}

function defaultNotifier(config: AppConfig): Notifier {
  if (config.notifyChannel === 'outbox') return new OutboxNotifier((entry) => console.log(`[outbox] ${entry.title} → ${entry.url}`));
  // loadConfig guarantees the token in pushover mode.
  return new PushoverNotifier(config.pushoverAppToken ?? '');
}

/** What the intake service needs, with logging bound to one invocation. */
export function intakeDependencies(deps: Dependencies, log: (line: string) => void): IntakeDependencies {
  return { settings: deps.intakeSettings, messages: deps.messages, users: deps.users, notifier: deps.notifier, log };
}

export function registrationDependencies(deps: Dependencies, log: (line: string) => void): RegistrationDependencies {
  return {
    relyingParty: deps.relyingParty,
    recipients: deps.intakeSettings,
    users: deps.users,
    passkeys: deps.passkeys,
    tokens: deps.registrationTokens,
    challenges: deps.challenges,
    audit: deps.audit,
    notifier: deps.notifier,
    log,
  };
}

export function revealDependencies(deps: Dependencies, log: (line: string) => void): RevealDependencies {
  return {
    relyingParty: deps.relyingParty,
    revealPolicy: deps.config.revealPolicy,
    encryptionKey: deps.config.encryptionKey,
    messages: deps.messages,
    passkeys: deps.passkeys,
    challenges: deps.challenges,
    audit: deps.audit,
    log,
  };
}

let current: Promise<Dependencies> | undefined;

/**
 * The handlers' single source of dependencies. Production builds them lazily from app
 * settings on first use; a failed build (bad settings, storage unreachable) is not cached, so
 * the next invocation tries again instead of failing until a restart.
 */
export function dependencies(): Promise<Dependencies> {
  if (!current) {
    current = buildDependencies(loadConfig());
    current.catch(() => {
      current = undefined;
    });
  }
  return current;
}

/** The local stack and integration tests install their own (same code, different settings). */
export function provideDependencies(deps: Dependencies | undefined): void {
  current = deps === undefined ? undefined : Promise.resolve(deps);
}
