import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

/** What both ceremonies check responses against. */
export interface RelyingParty {
  /** The domain passkeys are scoped to (see config.ts). */
  readonly rpId: string;
  readonly rpName: string;
  /** The only origin whose pages may produce a response we accept. */
  readonly expectedOrigin: string;
}

/**
 * How long a ceremony may take from options to response. The browser's own prompt timeout is
 * set to the same, so a person who walks away finds a prompt that says so rather than a
 * challenge the server has forgotten.
 */
export const REGISTRATION_CHALLENGE_TTL_MS = 5 * 60_000;
export const REVEAL_CHALLENGE_TTL_MS = 2 * 60_000;

/**
 * The challenge a response answers, read from its clientDataJSON before anything is verified,
 * so the server can find (and consume) what it issued. Undefined when the response is not
 * even shaped like one; the library's verification checks everything else afterwards.
 */
export function challengeOf(response: { readonly response: { readonly clientDataJSON: string } }): string | undefined {
  try {
    const clientData: unknown = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8'));
    if (typeof clientData !== 'object' || clientData === null) return undefined;
    const challenge = (clientData as { challenge?: unknown }).challenge;
    return typeof challenge === 'string' ? challenge : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasStrings(value: Record<string, unknown>, names: readonly string[]): boolean {
  return names.every((name) => typeof value[name] === 'string' && value[name] !== '');
}

/** The shape check the library leaves to its callers: it assumes the JSON types it declares. */
export function isRegistrationResponse(value: unknown): value is RegistrationResponseJSON {
  return isRecord(value) && hasStrings(value, ['id', 'rawId', 'type']) && isRecord(value.response) && hasStrings(value.response, ['clientDataJSON', 'attestationObject']);
}

export function isAuthenticationResponse(value: unknown): value is AuthenticationResponseJSON {
  return isRecord(value) && hasStrings(value, ['id', 'rawId', 'type']) && isRecord(value.response) && hasStrings(value.response, ['clientDataJSON', 'authenticatorData', 'signature']);
}

/** Describes a verification failure for logs and audit rows; library messages hold no secrets. */
export function describeVerificationFailure(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
}
