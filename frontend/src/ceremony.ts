// What both pages need around a WebAuthn ceremony: whether the browser can do one here, what a
// failed prompt means, and options fetched ahead of a tap.
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import type { ApiResult, FrontendConfig } from './api';

/**
 * Apps that open links in their own web view (Facebook, Instagram, LINE, WhatsApp, X/Twitter,
 * the Google app, …) often expose navigator.credentials but cannot reach the phone's passkeys.
 * Their user agents say who they are; the system browser has the passkeys.
 */
const IN_APP_BROWSER = /FBAN|FBAV|FB_IAB|Instagram|\bLine\/|WhatsApp|Twitter|GSA\/|LinkedInApp|Snapchat|MicroMessenger|Pinterest|TikTok|BytedanceWebview|; wv\)/;

export function looksLikeInAppBrowser(userAgent: string): boolean {
  return IN_APP_BROWSER.test(userAgent);
}

export function passkeysSupported(): boolean {
  return browserSupportsWebAuthn();
}

/**
 * A passkey for RP ID "example.com" works on example.com and its subdomains only. A page served
 * from anywhere else would fail every prompt with an opaque SecurityError, so say so instead.
 */
export function servedWithinRpId(config: FrontendConfig, hostname: string): boolean {
  return hostname === config.rpId || hostname.endsWith(`.${config.rpId}`);
}

/**
 * How a ceremony ended without a credential. Browsers report a dismissed prompt, a timeout, a
 * missing user gesture and "no passkey here" all as NotAllowedError; InvalidStateError on
 * registration means this authenticator already holds one of the user's passkeys.
 */
export type CeremonyFailure = 'not-allowed' | 'already-registered' | 'other';

export function classifyCeremonyError(error: unknown): CeremonyFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'not-allowed';
  if (name === 'InvalidStateError') return 'already-registered';
  return 'other';
}

/**
 * A server challenge lives two minutes and is single-use. Options younger than this can still be
 * answered comfortably; older ones are fetched anew.
 */
const OPTIONS_FRESH_FOR_MS = 60_000;

/**
 * Ceremony options fetched before the user taps. Some browsers (older iOS Safari) only allow a
 * passkey prompt started directly from a tap: by having fresh options at hand, the click handler
 * can call WebAuthn synchronously instead of after a network round trip.
 */
export class OptionsInAdvance<T> {
  private ready: { readonly value: T; readonly fetchedAt: number } | undefined;

  constructor(private readonly fetchOptions: () => Promise<ApiResult<T>>, alreadyFetched?: T) {
    if (alreadyFetched !== undefined) {
      this.ready = { value: alreadyFetched, fetchedAt: Date.now() };
    } else {
      void this.fetchOptions().then((result) => {
        if (result.ok) this.ready = { value: result.value, fetchedAt: Date.now() };
      });
    }
  }

  /** Fresh options, synchronously, at most once (a challenge answers one ceremony). */
  takeIfFresh(): T | undefined {
    const ready = this.ready;
    this.ready = undefined;
    return ready && Date.now() - ready.fetchedAt < OPTIONS_FRESH_FOR_MS ? ready.value : undefined;
  }
}
