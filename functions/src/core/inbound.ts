/**
 * One SMS as a provider delivered it, after authentication and parsing.
 * Provider-neutral: everything downstream of a provider module sees only this.
 */
export interface InboundSms {
  /** Provider module name, e.g. "aql" or "twilio". */
  readonly provider: string;
  /** The provider's own id for the message; retries of one delivery repeat it. */
  readonly providerMessageId: string;
  /** Sender: a phone number or an alphanumeric sender id such as "GitHub". */
  readonly from: string;
  /** Our virtual number that received it. */
  readonly to: string;
  /** Full message text. Secret: never log it. */
  readonly text: string;
}
