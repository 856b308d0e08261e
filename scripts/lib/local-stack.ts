import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDependencies, provideDependencies } from '../../functions/src/composition';
import { loadConfig } from '../../functions/src/config';
import { OutboxNotifier, type OutboxEntry } from '../../functions/src/notify/outbox';
import type { Notifier } from '../../functions/src/notify/types';
import { registeredTimerFunctions, type RegisteredTimerFunction } from '../../functions/src/registry';
import { buildFrontend } from '../build-frontend';
import { startLocalHost, type RunningLocalHost } from './local-host';
import type { LocalSecrets } from './local-settings';
import { startStaticServer } from './static-server';
import { InvocationContext } from '@azure/functions';

export interface LocalStackOptions {
  readonly apiPort: number;
  readonly webPort: number;
  readonly tablesConnectionString: string;
  readonly secrets: LocalSecrets;
  /** Extra app settings (TABLE_NAME_PREFIX, PUSHOVER_APP_TOKEN, ROUTING, …). */
  readonly settings?: Readonly<Record<string, string>>;
  /** Replaces the outbox / Pushover choice; tests aim this at a fake Pushover server. */
  readonly notifier?: Notifier;
  readonly onOutboxEntry?: (entry: OutboxEntry) => void;
  readonly log?: (line: string) => void;
  /** Run timer functions on their schedule's period (the local stack does; tests call them). */
  readonly runTimers?: boolean;
  /** Where the frontend is built for this stack; a temporary folder, removed on stop, if omitted. */
  readonly frontendDir?: string;
}

export interface RunningLocalStack {
  readonly apiUrl: string;
  readonly frontendUrl: string;
  readonly outbox: OutboxNotifier | undefined;
  readonly api: RunningLocalHost;
  stop(): Promise<void>;
}

// The period of the NCRONTAB schedules this app uses: every minute ("0 * * * * *") or every N
// minutes (a minute field of the form star-slash-N). Anything else throws, so a new kind of
// schedule gets a conscious local equivalent.
export function periodOfSchedule(schedule: string): number {
  const match = /^0 (\*|\*\/(\d+)) \* \* \* \*$/.exec(schedule);
  if (!match) throw new Error(`the local stack cannot run the schedule "${schedule}"`);
  return (match[2] === undefined ? 1 : Number(match[2])) * 60_000;
}

/**
 * The product on one machine: production's composition root with local settings, the
 * production handlers behind the local host, and the frontend's static files.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<RunningLocalStack> {
  const apiOrigin = `http://localhost:${options.apiPort}`;
  const frontendOrigin = `http://localhost:${options.webPort}`;
  const env: Record<string, string> = {
    TABLES_CONNECTION_STRING: options.tablesConnectionString,
    CODE_ENCRYPTION_KEY: options.secrets.codeEncryptionKey,
    AQL_WEBHOOK_KEY: options.secrets.aqlWebhookKey,
    TWILIO_AUTH_TOKEN: options.secrets.twilioAuthToken,
    PUBLIC_API_BASE_URL: apiOrigin,
    FRONTEND_ORIGIN: frontendOrigin,
    ...pick(process.env, ['PUSHOVER_APP_TOKEN', 'PUSHOVER_USER_KEY', 'MESSAGE_TTL_MINUTES', 'ROUTING', 'OWNER_USER_ID', 'SMS_PROVIDERS', 'TABLE_NAME_PREFIX', 'REVEAL_POLICY', 'RP_NAME']),
    ...options.settings,
  };
  // Real Pushover when the operator gave credentials; otherwise the local outbox.
  env.NOTIFY_CHANNEL ??= env.PUSHOVER_APP_TOKEN ? 'pushover' : 'outbox';

  const config = loadConfig(env);
  const outbox = !options.notifier && config.notifyChannel === 'outbox' ? new OutboxNotifier(options.onOutboxEntry) : undefined;
  const deps = await buildDependencies(config, { notifier: options.notifier ?? outbox });
  provideDependencies(deps);

  const api = await startLocalHost({ port: options.apiPort, outbox, log: options.log });
  // Built per stack, for this stack's API: tests run several stacks side by side on other ports.
  const frontendDir = options.frontendDir ?? temporaryFrontendDir();
  const frontend = await buildFrontend({ outDir: frontendDir, apiBaseUrl: `${api.url}/api`, rpId: config.rpId });
  const web = await startStaticServer(frontend.outDir, options.webPort, { contentSecurityPolicy: frontend.contentSecurityPolicy });
  const timers = options.runTimers ? startTimers(options.log) : [];

  return {
    apiUrl: api.url,
    frontendUrl: web.url,
    outbox,
    api,
    stop: async () => {
      timers.forEach(clearInterval);
      await Promise.all([api.close(), web.close()]);
      provideDependencies(undefined);
      if (options.frontendDir === undefined) removeTemporaryFrontendDir(frontendDir);
    },
  };
}

// A temporary frontend build goes with its stack, or at the latest with the process: tests
// rarely stop their stacks. One exit listener serves them all.
const temporaryFrontendDirs = new Set<string>();
let removesTemporaryFrontendDirsOnExit = false;

function temporaryFrontendDir(): string {
  if (!removesTemporaryFrontendDirsOnExit) {
    process.once('exit', () => temporaryFrontendDirs.forEach(removeTemporaryFrontendDir));
    removesTemporaryFrontendDirsOnExit = true;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sms2fa-frontend-'));
  temporaryFrontendDirs.add(dir);
  return dir;
}

function removeTemporaryFrontendDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  temporaryFrontendDirs.delete(dir);
}

/** Runs one registered timer function once, as the Functions host would on its schedule. */
export async function invokeTimer(timer: RegisteredTimerFunction, log: (line: string) => void): Promise<void> {
  const context = new InvocationContext({ functionName: timer.name, logHandler: (_level, ...args) => log(args.map(String).join(' ')) });
  await timer.handler({ isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } }, context);
}

function startTimers(log: ((line: string) => void) | undefined): NodeJS.Timeout[] {
  return registeredTimerFunctions().map((timer) =>
    setInterval(() => {
      invokeTimer(timer, (line) => log?.(`[${timer.name}] ${line}`)).catch((error: unknown) =>
        log?.(`[${timer.name}] failed: ${error instanceof Error ? error.message : 'unknown error'}`),
      );
    }, periodOfSchedule(timer.schedule)),
  );
}

function pick(source: NodeJS.ProcessEnv, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = source[name];
    if (value) picked[name] = value;
  }
  return picked;
}
