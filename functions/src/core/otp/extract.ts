/**
 * The extractor's pipeline: analyse the message once, list candidates, judge them, keep the best.
 * Pure and synchronous; nothing here logs, because the message text and the code are secrets.
 */
import { analyzeMessage } from './analysis';
import { findCandidates } from './candidates';
import { judgeCandidates, OTP_CONFIDENCE_THRESHOLD, type Verdict } from './score';
import { resolveService } from './service';

export interface OtpExtraction {
  /** The code as a person types it (separators removed, "123-456" -> "123456", "G-123456" -> "123456"), or null. */
  readonly code: string | null;
  /** Service name when the message (or an alphanumeric sender id) names one, e.g. "GitHub"; else null. */
  readonly service: string | null;
  /** 0..1: how sure we are that `code` is a one-time code. Below OTP_CONFIDENCE_THRESHOLD code is null. */
  readonly confidence: number;
  /**
   * Short machine-readable reason, e.g. "keyword-before", "google-g-prefix", "no-keyword", "amount".
   * Never contains the code or text.
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
  return {
    code: accepted?.code ?? null,
    service: resolveService(analysis, accepted, options?.sender),
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
