import type { InboundSms } from '../core/inbound';

/** Decoded request fields; a name may repeat, so every name maps to all its values in order. */
export type FieldMap = ReadonlyMap<string, readonly string[]>;

/**
 * A webhook request reduced to what providers need, already size-checked and strictly
 * decoded (valid UTF-8, well-formed percent-encoding), so provider modules never see raw bytes.
 */
export interface WebhookRequest {
  readonly method: 'GET' | 'POST';
  /**
   * The URL the provider called, built from the configured public base URL plus the request's
   * path and raw query string; never rebuilt from Host or X-Forwarded-* headers, which a
   * caller controls.
   */
  readonly publicUrl: string;
  readonly headers: Headers;
  /** Query string fields. */
  readonly query: FieldMap;
  /** Body fields of a POST (form-encoded or a flat JSON object); empty for GET. */
  readonly body: FieldMap;
}

/** A rejection the webhook turns into a 4xx with a JSON error. */
export interface WebhookRejection {
  readonly status: 400 | 403 | 404;
  /** Says what is wrong; must never quote the message text. */
  readonly error: string;
}

export type ParseResult = { readonly ok: true; readonly sms: InboundSms } | { readonly ok: false; readonly rejection: WebhookRejection };

/** What the provider expects back once a message is accepted. */
export interface Acknowledgement {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/**
 * One SMS provider: adding a provider means one module implementing this plus one line in
 * providers/index.ts.
 */
export interface SmsProvider {
  readonly name: string;
  /**
   * Decides whether the request really comes from the provider. Runs before parse so that
   * nothing from an unauthenticated request is interpreted or stored.
   * Returns undefined when authentic, otherwise a 403 rejection.
   */
  authenticate(request: WebhookRequest): WebhookRejection | undefined;
  /** Maps the provider's fields to an InboundSms, or a 400 naming the missing/malformed field. */
  parse(request: WebhookRequest): ParseResult;
  /** Success response in the provider's expected shape (Twilio wants TwiML). */
  acknowledge(): Acknowledgement;
}
