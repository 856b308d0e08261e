// Real-browser harness: Debian's Chromium driven by playwright-core, a DevTools virtual
// authenticator standing in for the phone's passkey, and `npm start`'s script running on free
// ports exactly as an operator runs it. Used by test/browser and scripts/bench-reveal.ts.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { LOCAL_VIRTUAL_NUMBER } from '../../scripts/lib/local-settings';
import { freePort } from '../../scripts/lib/ports';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** The GUIDE's flags: headless, no sandbox (CI runs as root), and no background traffic. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

export interface VirtualAuthenticator {
  readonly authenticatorId: string;
  /** What the next prompt's biometric check says; false makes a "user verification required" ceremony fail. */
  setUserVerified(verified: boolean): Promise<void>;
  /** The ids (base64url, as the API names them) of the passkeys this authenticator holds. */
  credentialIds(): Promise<string[]>;
}

/**
 * A platform authenticator (a phone's or laptop's built-in one) for one tab: passkeys it creates
 * live in it, and a second tab with its own authenticator is a second device.
 */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await session.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      // Answers prompts at once, as a person touching the sensor would.
      automaticPresenceSimulation: true,
    },
  });
  return {
    authenticatorId,
    setUserVerified: async (isUserVerified) => {
      await session.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified });
    },
    credentialIds: async () =>
      // DevTools sends binary fields as standard base64.
      (await session.send('WebAuthn.getCredentials', { authenticatorId })).credentials.map((credential) => Buffer.from(credential.credentialId, 'base64').toString('base64url')),
  };
}

export interface OutboxEntry {
  readonly user: string;
  readonly title: string;
  readonly message: string;
  readonly url: string;
  readonly urlTitle?: string;
  readonly sentAt: string;
}

export interface SpawnedStack {
  readonly apiUrl: string;
  readonly frontendUrl: string;
  /** `npm run <script> -- <args>` against this stack; rejects when it exits non-zero. */
  npmRun(script: string, args: readonly string[]): Promise<string>;
  /** `npm run registration-url -- --user <user> --json`'s link. */
  registrationUrl(user: string): Promise<string>;
  /**
   * Delivers an SMS as the provider would — the AQL webhook POST that `npm run sms` and the
   * banner's curl make, without a process per message — and returns its push's reveal link.
   * With `{ viaNpmRunSms: true }` it runs `npm run sms -- "<text>"` itself.
   */
  sendSmsAndTakeRevealLink(text: string, options?: { viaNpmRunSms?: boolean }): Promise<string>;
  outbox(): Promise<OutboxEntry[]>;
  output(): string;
  stop(): Promise<void>;
}

async function postAqlWebhook(apiUrl: string, dataDir: string, text: string): Promise<void> {
  // npm start keeps its webhook key beside its data.
  const { aqlWebhookKey } = JSON.parse(readFileSync(path.join(dataDir, 'local-secrets.json'), 'utf8')) as { aqlWebhookKey: string };
  const fields = { gwNumber: LOCAL_VIRTUAL_NUMBER, originator: '+447700900123', message: text, id: `browser-${randomBytes(8).toString('hex')}` };
  const response = await fetch(`${apiUrl}/api/sms/aql?key=${encodeURIComponent(aqlWebhookKey)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  if (!response.ok) throw new Error(`the AQL webhook answered ${response.status}: ${await response.text()}`);
}

/** `npm start`'s script on free ports, with its data in a fresh folder; resolves once it printed its banner. */
export async function spawnLocalStack(): Promise<SpawnedStack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sms2fa-browser-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    API_PORT: String(await freePort()),
    WEB_PORT: String(await freePort()),
    AZURITE_TABLE_PORT: String(await freePort()),
    DATA_DIR: dataDir,
  };
  // The operator's own settings must not leak into the stack or point the scripts elsewhere.
  for (const name of ['PUSHOVER_APP_TOKEN', 'PUSHOVER_USER_KEY', 'ROUTING', 'TABLE_NAME_PREFIX', 'TABLES_CONNECTION_STRING', 'TABLES_ENDPOINT', 'FRONTEND_ORIGIN', 'RP_ID', 'REVEAL_POLICY']) delete env[name];
  const apiUrl = `http://localhost:${env.API_PORT}`;
  const frontendUrl = `http://localhost:${env.WEB_PORT}`;

  const child: ChildProcess = spawn(TSX, ['scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no banner:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ctrl-C stops everything')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  try {
    await started;
  } catch (error) {
    await stop();
    throw error;
  }

  const npmRun = (script: string, args: readonly string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      execFile('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`npm run ${script} failed (${error.message}):\n${stdout}${stderr}`));
        else resolve(stdout);
      });
    });
  const outbox = async (): Promise<OutboxEntry[]> => (await (await fetch(`${apiUrl}/api/dev/outbox`)).json()) as OutboxEntry[];

  return {
    apiUrl,
    frontendUrl,
    npmRun,
    outbox,
    output: () => output,
    registrationUrl: async (user) => {
      const printed = JSON.parse(await npmRun('registration-url', ['--user', user, '--json'])) as { url: string; expiresAt: string };
      return printed.url;
    },
    sendSmsAndTakeRevealLink: async (text, options = {}) => {
      const before = new Set((await outbox()).map((entry) => entry.url));
      if (options.viaNpmRunSms) await npmRun('sms', [text]);
      else await postAqlWebhook(apiUrl, dataDir, text);
      // The push is sent after the webhook answered; give it a moment.
      for (let attempt = 0; attempt < 50; attempt++) {
        const link = (await outbox()).find((entry) => entry.url.includes('/?m=') && !before.has(entry.url))?.url;
        if (link) return link;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no push with a reveal link arrived for the SMS:\n${JSON.stringify(await outbox(), null, 2)}`);
    },
    stop,
  };
}
