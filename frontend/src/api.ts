// The pages' side of docs/api.md: config.json, the four JSON endpoints, and the error reasons
// the pages switch on. Everything the API returns is checked before a page uses it.
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/** Written by scripts/build-frontend.ts next to the pages; never edited by hand. */
export interface FrontendConfig {
  readonly apiBaseUrl: string;
  readonly rpId: string;
}

/** The `reason` values of docs/api.md. */
export type ApiErrorReason =
  | 'bad-request'
  | 'forbidden-origin'
  | 'unknown-token'
  | 'expired-token'
  | 'used-token'
  | 'challenge-expired'
  | 'verification-failed'
  | 'not-recipient'
  | 'not-found'
  | 'expired'
  | 'revealed'
  | 'unavailable';

const API_ERROR_REASONS: readonly string[] = [
  'bad-request', 'forbidden-origin', 'unknown-token', 'expired-token', 'used-token', 'challenge-expired',
  'verification-failed', 'not-recipient', 'not-found', 'expired', 'revealed', 'unavailable',
];

/**
 * Why a call gave no usable answer: the API said so (`reason`), the network failed (offline,
 * timeout, CORS refusal — a browser cannot tell these apart), or the answer made no sense.
 */
export type ApiFailure = { readonly kind: 'api'; readonly reason: ApiErrorReason; readonly status: number } | { readonly kind: 'network' } | { readonly kind: 'unexpected'; readonly status: number };

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure };

export interface ApiUser {
  readonly id: string;
  readonly displayName: string;
}

export interface RegistrationOptions {
  readonly options: PublicKeyCredentialCreationOptionsJSON;
  readonly user: ApiUser;
}

export interface RegistrationResult {
  readonly credentialId: string;
  readonly user: ApiUser;
}

export interface RevealOptions {
  readonly options: PublicKeyCredentialRequestOptionsJSON;
  readonly expiresAt: string;
}

export interface RevealedMessage {
  readonly code: string | null;
  readonly text: string;
  readonly service: string | null;
  readonly sender: string;
  readonly origin: string | null;
  readonly receivedAt: string;
  readonly expiresAt: string;
  readonly policy: 'once' | 'until-expiry';
}

/** A slow API should end in a "try again" state, not a spinner forever. */
const REQUEST_TIMEOUT_MS = 15_000;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isIsoTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isUser(value: unknown): value is ApiUser {
  return isObject(value) && isString(value.id) && isString(value.displayName);
}

// The ceremony options are handed to @simplewebauthn/browser as they are; checking the fields
// it decodes first (the challenge) is enough to turn a wrong answer into a clear state.
function isCreationOptions(value: unknown): value is PublicKeyCredentialCreationOptionsJSON {
  return isObject(value) && isString(value.challenge) && isObject(value.rp) && isObject(value.user) && Array.isArray(value.pubKeyCredParams);
}

function isRequestOptions(value: unknown): value is PublicKeyCredentialRequestOptionsJSON {
  return isObject(value) && isString(value.challenge);
}

function isRevealedMessage(value: unknown): value is RevealedMessage {
  return (
    isObject(value) &&
    isStringOrNull(value.code) &&
    isString(value.text) &&
    isStringOrNull(value.service) &&
    isString(value.sender) &&
    isStringOrNull(value.origin) &&
    isIsoTime(value.receivedAt) &&
    isIsoTime(value.expiresAt) &&
    (value.policy === 'once' || value.policy === 'until-expiry')
  );
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

async function fetchWithTimeout(url: string, init: RequestInit): Promise<Response | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The pages' settings, fetched from beside the page so one build serves any deployment's config. */
export async function loadFrontendConfig(): Promise<ApiResult<FrontendConfig>> {
  // Default cache mode, so the page's <link rel="preload"> answers it (the server says no-cache).
  const response = await fetchWithTimeout('config.json', {});
  if (!response) return { ok: false, failure: { kind: 'network' } };
  const body = await readJson(response);
  if (!response.ok || !isObject(body) || !isString(body.apiBaseUrl) || !isString(body.rpId)) {
    return { ok: false, failure: { kind: 'unexpected', status: response.status } };
  }
  return { ok: true, value: { apiBaseUrl: body.apiBaseUrl.replace(/\/+$/, ''), rpId: body.rpId } };
}

async function postJson<T>(config: FrontendConfig, path: string, payload: object, accept: (body: JsonObject) => T | undefined): Promise<ApiResult<T>> {
  const response = await fetchWithTimeout(`${config.apiBaseUrl}/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
    // Nothing here rides on cookies, and nothing may be cached: every answer is single-use.
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response) return { ok: false, failure: { kind: 'network' } };
  const body = await readJson(response);
  if (response.ok) {
    const value = isObject(body) ? accept(body) : undefined;
    return value === undefined ? { ok: false, failure: { kind: 'unexpected', status: response.status } } : { ok: true, value };
  }
  if (isObject(body) && isString(body.reason) && API_ERROR_REASONS.includes(body.reason)) {
    return { ok: false, failure: { kind: 'api', reason: body.reason as ApiErrorReason, status: response.status } };
  }
  return { ok: false, failure: { kind: 'unexpected', status: response.status } };
}

export function registrationOptions(config: FrontendConfig, token: string): Promise<ApiResult<RegistrationOptions>> {
  return postJson(config, 'registration/options', { token }, (body) =>
    isCreationOptions(body.options) && isUser(body.user) ? { options: body.options, user: body.user } : undefined,
  );
}

export function verifyRegistration(config: FrontendConfig, token: string, response: RegistrationResponseJSON): Promise<ApiResult<RegistrationResult>> {
  return postJson(config, 'registration/verify', { token, response }, (body) =>
    isString(body.credentialId) && isUser(body.user) ? { credentialId: body.credentialId, user: body.user } : undefined,
  );
}

export function revealOptions(config: FrontendConfig, messageId: string): Promise<ApiResult<RevealOptions>> {
  return postJson(config, 'reveal/options', { messageId }, (body) =>
    isRequestOptions(body.options) && isIsoTime(body.expiresAt) ? { options: body.options, expiresAt: body.expiresAt } : undefined,
  );
}

export function verifyReveal(config: FrontendConfig, messageId: string, response: AuthenticationResponseJSON): Promise<ApiResult<RevealedMessage>> {
  return postJson(config, 'reveal/verify', { messageId, response }, (body) =>
    isRevealedMessage(body.message) ? body.message : undefined,
  );
}
