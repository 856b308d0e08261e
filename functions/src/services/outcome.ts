/** Why a request from the browser was refused; docs/api.md lists every reason and its status. */
export type RefusalReason =
  | 'bad-request'
  | 'unknown-token'
  | 'expired-token'
  | 'used-token'
  | 'challenge-expired'
  | 'verification-failed'
  | 'already-registered'
  | 'not-recipient'
  | 'not-found'
  | 'expired'
  | 'revealed';

export interface Refusal {
  readonly status: number;
  readonly reason: RefusalReason;
  /** A sentence for people. Never quotes the code, the message text or a secret. */
  readonly error: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

export function accepted<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function refused<T>(status: number, reason: RefusalReason, error: string): Outcome<T> {
  return { ok: false, refusal: { status, reason, error } };
}

/** Who made a request, for the audit trail. */
export interface RequestOrigin {
  readonly clientIp: string;
  readonly userAgent: string;
}
