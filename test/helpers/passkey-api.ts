import { randomBytes } from 'node:crypto';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { RegistrationTokenStore } from '../../functions/src/store/registrations';
import { openTables, type Tables } from '../../functions/src/store/tables';
import { UserStore } from '../../functions/src/store/users';
import { SoftwareAuthenticator, type AssertionTweaks, type CreationTweaks } from './software-authenticator';
import { azuriteConnectionString, startTestStack, type TestStack } from './stack';

/*
 * Drives the passkey endpoints exactly as docs/api.md describes them and as the pages call them:
 * JSON bodies, the frontend's Origin header, one authenticator per device. Every reply is kept
 * as `unknown` and narrowed by the tests, so a shape that drifts from the contract fails loudly.
 */

export const OUR_NUMBER = '+447700900000';
export const CODE = '493817';
export const TEXT = `Your GitHub verification code is ${CODE}. Don't share it.`;
/** What a phone browser would send; the audit trail must record it. */
export const USER_AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) sms2fa-test';
/** Azure's front end passes the client address this way (with a port). */
export const CLIENT_IP = '203.0.113.7';

export interface ApiReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  /** The raw body, for "never contains the code" checks. */
  readonly text: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field at `path` of a JSON reply, or a test failure that names what was missing. */
export function field(body: unknown, ...path: string[]): unknown {
  let current = body;
  for (const name of path) {
    if (!isRecord(current)) throw new Error(`reply has no "${path.join('.')}": ${JSON.stringify(body)}`);
    current = current[name];
  }
  return current;
}

export function stringField(body: unknown, ...path: string[]): string {
  const value = field(body, ...path);
  if (typeof value !== 'string') throw new Error(`reply's "${path.join('.')}" is not a string: ${JSON.stringify(body)}`);
  return value;
}

/** A date column as the table client returns it (a Date, or an ISO string for string columns), in epoch ms. */
export function timeOf(value: unknown): number {
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new Error(`not a time: ${String(value)}`);
  return time;
}

/** The error shape every refusal shares: `{ error: "a sentence", reason: "machine-readable" }`. */
export function expectRefusal(reply: ApiReply, status: number, reason: string): void {
  expect({ status: reply.status, body: reply.body }).toMatchObject({ status, body: { reason } });
  expect(stringField(reply.body, 'error').length).toBeGreaterThan(10);
  expect(reply.headers.get('content-type')).toContain('application/json');
  expect(reply.text).not.toContain(CODE);
  expect(reply.text).not.toContain('verification code');
}

export interface PasskeyStackOptions {
  readonly settings?: Readonly<Record<string, string>>;
}

/** One local stack plus the table access and HTTP calls the passkey tests share. */
export class PasskeyHarness {
  private constructor(
    readonly stack: TestStack,
    readonly tables: Tables,
  ) {}

  static async start(options: PasskeyStackOptions = {}): Promise<PasskeyHarness> {
    const stack = await startTestStack({ settings: options.settings });
    const tables = await openTables({ kind: 'connection-string', connectionString: azuriteConnectionString() }, stack.tablePrefix);
    return new PasskeyHarness(stack, tables);
  }

  stop(): Promise<void> {
    return this.stack.stop();
  }

  /** The end of every test: the secrets check, and the stack stopped even when that check fails. */
  async checkAndStop(): Promise<void> {
    try {
      await this.expectNoSecretAtRest();
    } finally {
      await this.stop();
    }
  }

  /** A device holding passkeys, on the frontend's origin as a browser would report it. */
  authenticator(): SoftwareAuthenticator {
    return new SoftwareAuthenticator(this.stack.frontendUrl);
  }

  async createUser(id: string, displayName: string): Promise<void> {
    await new UserStore(this.tables).createIfAbsent({ id, displayName, pushoverUserKey: '' });
  }

  /** What `npm run registration-url` does, minus the printing. */
  issueToken(userId: string, ttlMs = 15 * 60_000): Promise<{ token: string; expiresAt: Date }> {
    return new RegistrationTokenStore(this.tables).issue(userId, ttlMs);
  }

  async post(path: string, body: unknown, init: { origin?: string | null; rawBody?: string | Uint8Array } = {}): Promise<ApiReply> {
    const origin = init.origin === undefined ? this.stack.frontendUrl : init.origin;
    const response = await fetch(`${this.stack.apiUrl}/api/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        'X-Forwarded-For': `${CLIENT_IP}:51234`,
        ...(origin === null ? {} : { Origin: origin }),
      },
      body: init.rawBody ?? JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Left as text: expectRefusal then fails on the shape, which is the point.
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  async registrationOptions(token: string): Promise<{ reply: ApiReply; options: PublicKeyCredentialCreationOptionsJSON }> {
    const reply = await this.post('registration/options', { token });
    return { reply, options: field(reply.body, 'options') as PublicKeyCredentialCreationOptionsJSON };
  }

  registrationVerify(token: string, response: RegistrationResponseJSON): Promise<ApiReply> {
    return this.post('registration/verify', { token, response });
  }

  /** The whole registration page: options, the passkey prompt, verify. Fails the test unless it succeeds. */
  async register(userId: string, device: SoftwareAuthenticator, tweaks: CreationTweaks = {}): Promise<string> {
    const { token } = await this.issueToken(userId);
    const { reply, options } = await this.registrationOptions(token);
    expect(reply.status).toBe(200);
    const verified = await this.registrationVerify(token, device.createCredential(options, tweaks));
    expect({ status: verified.status, body: verified.body }).toMatchObject({ status: 201 });
    return stringField(verified.body, 'credentialId');
  }

  async revealOptions(messageId: string): Promise<{ reply: ApiReply; options: PublicKeyCredentialRequestOptionsJSON }> {
    const reply = await this.post('reveal/options', { messageId });
    return { reply, options: (reply.status === 200 ? field(reply.body, 'options') : undefined) as PublicKeyCredentialRequestOptionsJSON };
  }

  revealVerify(messageId: string, response: AuthenticationResponseJSON): Promise<ApiReply> {
    return this.post('reveal/verify', { messageId, response });
  }

  /** The reveal page: options, the passkey prompt, verify; returns the verify reply whatever it is. */
  async reveal(messageId: string, device: SoftwareAuthenticator, tweaks: AssertionTweaks = {}): Promise<ApiReply> {
    const { reply, options } = await this.revealOptions(messageId);
    expect({ status: reply.status, body: reply.body }).toMatchObject({ status: 200 });
    return this.revealVerify(messageId, device.getAssertion(options, tweaks));
  }

  /** An SMS through the AQL webhook, as the provider posts it; returns the stored message's id. */
  async receiveSms(text = TEXT, destination = OUR_NUMBER): Promise<string> {
    const providerMessageId = `aql-${randomBytes(6).toString('hex')}`;
    const fields = { gwNumber: destination, originator: 'GitHub', message: text, id: providerMessageId, smsTime: '2026-11-23 10:00:00' };
    const response = await fetch(`${this.stack.apiUrl}/api/sms/aql?key=${encodeURIComponent(this.stack.secrets.aqlWebhookKey)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    expect(response.status).toBe(200);
    const row = (await this.stack.rows('messages')).find((candidate) => candidate.providerMessageId === providerMessageId);
    if (!row) throw new Error('the webhook accepted the SMS but stored no message row');
    return String(row.rowKey);
  }

  async messageRow(messageId: string): Promise<Record<string, unknown>> {
    const row = (await this.stack.rows('messages')).find((candidate) => candidate.rowKey === messageId);
    if (!row) throw new Error(`no message row ${messageId}`);
    return row;
  }

  /** Moves a stored row's expiry into the past, as time passing would. */
  async expireRow(kind: 'challenges' | 'registrations' | 'messages', partitionKey: string, rowKey: string): Promise<void> {
    await this.tables[kind].updateEntity({ partitionKey, rowKey, expiresAt: new Date(Date.now() - 60_000) }, 'Merge');
  }

  /** Outbox entries (newest first), read over HTTP like the browser test does. */
  async outbox(): Promise<unknown[]> {
    const response = await fetch(`${this.stack.apiUrl}/api/dev/outbox`);
    const entries: unknown = await response.json();
    if (!Array.isArray(entries)) throw new Error('the outbox is not a list');
    return entries;
  }

  /**
   * The non-negotiable: no audit column, no log line, no message row column in clear holds the
   * code or the text. Called after every test, so every path the test took is covered.
   */
  async expectNoSecretAtRest(secrets: readonly string[] = [CODE, TEXT, 'verification code']): Promise<void> {
    const leaks: string[] = [];
    for (const row of await this.stack.rows('audit')) {
      for (const [column, value] of Object.entries(row)) {
        if (secrets.some((secret) => String(value).includes(secret))) leaks.push(`audit ${String(row.rowKey)}.${column}`);
      }
    }
    expect(leaks).toEqual([]);
    const logs = this.stack.logs.join('\n');
    for (const secret of secrets) expect(logs).not.toContain(secret);
  }
}
