/**
 * The extractor's pipeline: analyse the message once, list candidates, judge them, keep the best.
 * A WICG origin-bound line ("@example.com #123456") states the code outright and overrides the guess.
 * Pure and synchronous; nothing here logs, because the message text and the code are secrets.
 */
import { analyzeMessage } from './analysis';
import { findCandidates } from './candidates';
import { parseOriginBoundCode } from './origin';
import { judgeCandidates, OTP_CONFIDENCE_THRESHOLD, type Verdict } from './score';
import { resolveService } from './service';

export interface OtpExtraction {
  /**
   * The code as a person types it, in ASCII (separators and prefix removed: "123-456" -> "123456",
   * "G-123456" -> "123456", "١٢٣٤٥٦" -> "123456"), or null.
   */
  readonly code: string | null;
  /** Service name when the message (or an alphanumeric sender id) names one, e.g. "GitHub"; else null. */
  readonly service: string | null;
  /**
   * The host an origin-bound code is meant for ("example.com" from a last line "@example.com #123456"),
   * or, when that line names an embedded origin too ("@shop.example #123456 @bank.example"), the embedded
   * one, which is the site that asks for the code. Null when the message has no origin-bound line.
   */
  readonly origin: string | null;
  /** 0..1: how sure we are that `code` is a one-time code. Below OTP_CONFIDENCE_THRESHOLD code is null. */
  readonly confidence: number;
  /**
   * Short machine-readable reason, e.g. "keyword-before", "origin-bound", "google-g-prefix", "no-keyword",
   * "amount". Never contains the code or text.
   */
  readonly reason: string;
}

export interface OtpExtractionOptions {
  /** The SMS originator: a phone number ("+447700900123") or an alphanumeric sender id ("GitHub"). */
  readonly sender?: string;
}

export function extractOtp(text: string, options?: OtpExtractionOptions): OtpExtraction {
  const analysis = analyzeMessage(text);
  const best = mostConfident(judgeCandidates(analysis, findCandidates(analysis)));
  const accepted = best !== undefined && best.confidence >= OTP_CONFIDENCE_THRESHOLD ? best.candidate : undefined;
  const originBound = parseOriginBoundCode(analysis.text);
  if (originBound !== undefined) {
    // The sender declared the code; the guess only contributes a brand it may have recognised ("G-").
    const sameCode = accepted?.code === originBound.code ? accepted : undefined;
    return {
      code: originBound.code,
      service: resolveService(analysis, sameCode, options?.sender),
      origin: originBound.origin,
      confidence: 1,
      reason: 'origin-bound',
    };
  }
  return {
    code: accepted?.code ?? null,
    service: resolveService(analysis, accepted, options?.sender),
    origin: null,
    confidence: best?.confidence ?? 0,
    reason: best?.reason ?? 'no-candidate',
  };
}

/** Highest confidence; on a tie the earliest, since messages state their code before the small print. */
function mostConfident(verdicts: readonly Verdict[]): Verdict | undefined {
  let best: Verdict | undefined;
  for (const verdict of verdicts) if (best === undefined || verdict.confidence > best.confidence) best = verdict;
  return best;
}
