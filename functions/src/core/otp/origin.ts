/**
 * Origin-bound one-time codes (WICG "sms-one-time-codes"): a service may end its message with a line
 *
 *   @example.com #747723              the code 747723 is meant for https://example.com
 *   @shop.example #747723 @bank.example
 *   @shop.example #747723 %bank.example
 *
 * where the optional third field names an embedded origin: the iframe (typically a bank's 3-D Secure
 * page inside a shop) that asked for the code. Chrome writes it with "@", the spec's earlier draft and
 * Apple with "%"; both are read.
 *
 * Which origin we report: the embedded one when present. That is the site that sent the code and that
 * will ask for it (Chrome's prompt reads "123 is your code for bank.example to continue on
 * shop.example"), so it is the name a person should check before typing the code. Without an embedded
 * origin the top-level origin is the one.
 *
 * Deliberately a little more forgiving than the spec's parser: trailing blank lines (and a blanked app
 * hash) after the origin line, indentation and trailing spaces are tolerated, since SMS gateways add them.
 * The host must still look like a host and the code like a code; otherwise the line is ignored and the
 * message is read like any other.
 */

export interface OriginBoundCode {
  /** The host the code is meant for, lower-cased: "example.com". */
  readonly origin: string;
  readonly code: string;
}

const ORIGIN_LINE = /^[ \t]*@(\S+) #(\S+)(?: [@%](\S+))?/;
/** A DNS name (internationalised ones included) or localhost, with an optional port. */
const HOST = /^(?:localhost|(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}-]{2,63})(?::\d{1,5})?$/u;
const CODE = /^[A-Za-z0-9]{3,12}$/;

export function parseOriginBoundCode(text: string): OriginBoundCode | undefined {
  // Cheap exit for the vast majority of messages, which never mention an origin.
  if (!text.includes('@') || !text.includes('#')) return undefined;
  const trimmed = text.trimEnd();
  const lastBreak = Math.max(trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('\r'));
  const match = ORIGIN_LINE.exec(trimmed.slice(lastBreak + 1));
  if (match === null) return undefined;
  const topLevelHost = match[1].toLowerCase();
  const code = match[2];
  const embeddedHost = match[3]?.toLowerCase();
  if (!HOST.test(topLevelHost) || !CODE.test(code)) return undefined;
  if (embeddedHost !== undefined && HOST.test(embeddedHost)) return { origin: embeddedHost, code };
  return { origin: topLevelHost, code };
}
