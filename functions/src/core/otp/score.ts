/**
 * Scores each candidate from its context. A candidate starts from its shape's prior, gains support from
 * code keywords near it (before it more than after it, less across a sentence end), and loses it in
 * promotions. Context can also rule it out outright: a label right before it ("order 12345", "card
 * ending 1234"), or a currency or unit touching it ("1500 EUR", "500 points").
 */
import { crossesSentenceEnd, type MessageAnalysis } from './analysis';
import type { Candidate } from './candidates';
import { CONNECTORS, COPULAS, PREPOSITIONS, isCopulaEndingAt, type KeywordHit } from './lexicon';

/** Below this confidence the extractor reports no code. */
export const OTP_CONFIDENCE_THRESHOLD = 0.5;

export interface Verdict {
  readonly candidate: Candidate;
  /** 0..1, rounded to hundredths. */
  readonly confidence: number;
  readonly reason: string;
}

/** "Your code is 123456" is the canonical phrasing; "123456 is your code" is common but weaker. */
const BEFORE_WEIGHT = 0.6;
const AFTER_WEIGHT = 0.5;
const CODE_NAME_WEIGHT = 1;
/** Verbs such as "sign in" or "use" accompany codes, but also everything else. */
const CODE_ACTION_WEIGHT = 0.45;
/** [largest gap in characters, share of the keyword's weight]; beyond the last row a keyword gives nothing. */
const PROXIMITY: readonly (readonly [number, number])[] = [[4, 1], [12, 0.9], [24, 0.75], [40, 0.55], [60, 0.4]];
const KEYWORD_REACH = 60;
/**
 * "Ihre mTAN für die Überweisung von 250,00 EUR an Max Mustermann lautet 738201": a copula right before
 * the number makes it the predicate of the sentence's code noun, so that noun counts from further away.
 */
const COPULA_REACH = 100;
const COPULA_PROXIMITY = 0.55;
/** Alphanumeric codes count only straight after a code noun ("code: A7B9KX"); elsewhere they are names. */
const ALPHANUMERIC_REACH = 8;
const SENTENCE_END_FACTOR = 0.4;
const PROMOTION_PENALTY = 0.5;
const PROMO_SHAPE_PENALTY = 0.3;
/** How many tokens a label may stand away from its number ("Order No.: #12345"). */
const LABEL_REACH_TOKENS = 6;
/** "The code for your account is 123456": a code noun this close before a label makes the label its qualifier. */
const QUALIFIED_LABEL_REACH = 30;
const LABEL_PUNCTUATION = new Set([':', '：', '#', '.', '-', '–', '—', '°']);
/** The colon that may close a name before its code ("code for Steam: F7K2M"). */
const COLONS = new Set([':', '：']);
/** A brand between a code noun and its code ("код Steam Guard: 9QX4R") is at most this many words. */
const MAX_NAME_WORDS = 3;
const STARTS_UPPERCASE = /^\p{Lu}/u;
const ORDINAL_DAY = /^\d{1,2}(?:st|nd|rd|th)$/i;

export function judgeCandidates(analysis: MessageAnalysis, candidates: readonly Candidate[]): Verdict[] {
  return candidates.map((candidate) => {
    const rejection = candidate.rejection ?? contextRejection(analysis, candidate);
    return rejection === undefined ? scoreViable(analysis, candidate) : { candidate, confidence: 0, reason: rejection };
  });
}

function scoreViable(analysis: MessageAnalysis, candidate: Candidate): Verdict {
  const before = supportBefore(analysis, candidate);
  const after = candidate.shape === 'alphanumeric' ? 0 : supportAfter(analysis, candidate);
  let score = candidate.baseScore + before + after;
  if (analysis.isPromotion) score -= PROMOTION_PENALTY;
  if (candidate.promoShaped) score -= PROMO_SHAPE_PENALTY;
  const confidence = Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
  return { candidate, confidence, reason: reasonFor(candidate, confidence, before, after, analysis.isPromotion) };
}

function reasonFor(
  candidate: Candidate,
  confidence: number,
  before: number,
  after: number,
  isPromotion: boolean,
): string {
  if (confidence >= OTP_CONFIDENCE_THRESHOLD) {
    if (candidate.brand !== undefined) return candidate.brand.reason;
    return before >= after ? 'keyword-before' : 'keyword-after';
  }
  if (isPromotion || candidate.promoShaped) return 'promotion';
  return before + after > 0 ? 'keyword-too-far' : 'no-keyword';
}

function keywordWeight(hit: KeywordHit): number {
  if (hit.entry.kind === 'code-name') return CODE_NAME_WEIGHT;
  if (hit.entry.kind === 'code-action') return CODE_ACTION_WEIGHT;
  return 0;
}

function proximity(gap: number): number {
  for (const [largestGap, share] of PROXIMITY) if (gap <= largestGap) return share;
  return 0;
}

function supportBefore(analysis: MessageAnalysis, candidate: Candidate): number {
  const { hits } = analysis;
  const alphanumeric = candidate.shape === 'alphanumeric';
  const bridged = !alphanumeric && followsCopula(analysis, candidate.firstToken);
  const reach = alphanumeric ? ALPHANUMERIC_REACH : bridged ? COPULA_REACH : KEYWORD_REACH;
  let best = 0;
  for (let index = lastHitEndingBy(hits, candidate.start); index >= 0; index--) {
    const hit = hits[index];
    // "code Steam Guard: 9QX4R", "code for Steam: F7K2M": a name between the noun and its code does not
    // distance them; it only says whose code it is.
    const nameOnly = alphanumeric && onlyNameBetween(analysis, hit.endToken, candidate.firstToken);
    const gap = nameOnly ? 0 : candidate.start - hit.end;
    if (gap > reach) break;
    const weight = alphanumeric && hit.entry.kind !== 'code-name' ? 0 : keywordWeight(hit);
    if (weight === 0) continue;
    const crossesSentence = crossesSentenceEnd(analysis, hit.endToken, candidate.firstToken);
    const closeness = bridged && !crossesSentence ? Math.max(proximity(gap), COPULA_PROXIMITY) : proximity(gap);
    const support = BEFORE_WEIGHT * weight * closeness * (crossesSentence ? SENTENCE_END_FACTOR : 1);
    best = Math.max(best, support);
  }
  return best;
}

function supportAfter(analysis: MessageAnalysis, candidate: Candidate): number {
  const { hits } = analysis;
  let best = 0;
  for (let index = lastHitEndingBy(hits, candidate.end) + 1; index < hits.length; index++) {
    const hit = hits[index];
    const gap = hit.start - candidate.end;
    if (gap > KEYWORD_REACH) break;
    const weight = keywordWeight(hit);
    if (weight === 0) continue;
    const crossesSentence = crossesSentenceEnd(analysis, candidate.endToken, hit.firstToken);
    const support = AFTER_WEIGHT * weight * proximity(gap) * (crossesSentence ? SENTENCE_END_FACTOR : 1);
    best = Math.max(best, support);
  }
  return best;
}

/**
 * Tokens [from, to) are a name and nothing else: up to three capitalised words, optionally after a
 * preposition ("for"), optionally closed by a colon or dash.
 */
function onlyNameBetween(analysis: MessageAnalysis, from: number, to: number): boolean {
  const { tokens, hitByToken } = analysis;
  let end = to;
  if (end > from && (COLONS.has(tokens[end - 1].text) || tokens[end - 1].text === '-')) end--;
  let start = from;
  if (start < end && PREPOSITIONS.has(tokens[start].folded)) start++;
  if (end - start < 1 || end - start > MAX_NAME_WORDS) return false;
  for (let index = start; index < end; index++) {
    const token = tokens[index];
    if ((token.kind !== 'word' && token.kind !== 'alnum') || hitByToken[index] !== undefined) return false;
    if (!STARTS_UPPERCASE.test(token.text)) return false;
  }
  return true;
}

/**
 * "… is 123456", "… lautet: 123456", and a bare colon closing the phrase that began with the code noun
 * ("Пароль для підтвердження платежу 1 250,00 UAH на ROZETKA: 8304"): the colon does a copula's work.
 */
function followsCopula(analysis: MessageAnalysis, firstToken: number): boolean {
  const { tokens } = analysis;
  if (COLONS.has(tokens[firstToken - 1]?.text ?? '')) return true;
  let index = firstToken - 1;
  if (tokens[index]?.kind === 'symbol' && LABEL_PUNCTUATION.has(tokens[index].text)) index--;
  return isCopulaEndingAt(tokens, index);
}

/** Index of the last hit that ends at or before `position`, or -1. Hits are sorted and disjoint. */
function lastHitEndingBy(hits: readonly KeywordHit[], position: number): number {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (hits[middle].end <= position) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Context that rules a candidate out whatever keywords surround it. */
function contextRejection(analysis: MessageAnalysis, candidate: Candidate): string | undefined {
  const { hitByToken } = analysis;
  const touchingBefore = hitByToken[candidate.firstToken - 1];
  if (touchingBefore?.entry.kind === 'currency' && candidate.start - touchingBefore.end <= 1) return 'amount';
  const touchingAfter = hitByToken[candidate.endToken];
  if (touchingAfter !== undefined && touchingAfter.start - candidate.end <= 1) {
    if (touchingAfter.entry.kind === 'currency') return 'amount';
    if (touchingAfter.entry.kind === 'unit') return 'quantity';
  }
  return labelBefore(analysis, candidate);
}

/**
 * Walks back from the candidate over filler ("number", "No.", ":", "#", "is") to the nearest keyword; a
 * label there names the number ("Order No.: #12345" is an order). Day numbers may sit between a month
 * and a year ("March 12, 2024"), so they are crossed too, but then only a month counts.
 */
function labelBefore(analysis: MessageAnalysis, candidate: Candidate): string | undefined {
  const { tokens, hitByToken } = analysis;
  let crossedDayNumber = false;
  let crossedCopula = false;
  const stop = Math.max(0, candidate.firstToken - LABEL_REACH_TOKENS);
  for (let index = candidate.firstToken - 1; index >= stop; index--) {
    const hit = hitByToken[index];
    if (hit !== undefined) {
      if (crossedDayNumber) return hit.entry.kind === 'label' && hit.entry.reason === 'date' ? 'date' : undefined;
      if (hit.entry.kind === 'promotion') return 'promotion';
      if (hit.entry.kind !== 'label') return undefined;
      return crossedCopula && qualifiesCodeName(analysis, hit) ? undefined : hit.entry.reason;
    }
    const token = tokens[index];
    if (crossesSentenceEnd(analysis, index, index + 1)) return undefined;
    if (token.kind === 'symbol' && LABEL_PUNCTUATION.has(token.text)) continue;
    if (token.kind === 'word' || token.kind === 'ideograph') {
      if (COPULAS.has(token.folded)) {
        crossedCopula = true;
        continue;
      }
      if (CONNECTORS.has(token.folded)) continue;
    }
    if (token.text === ',' || (token.kind === 'number' && token.text.length <= 2) || ORDINAL_DAY.test(token.text)) {
      crossedDayNumber = true;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** The label sits in a code noun's phrase ("code for your account"), so it describes the code's purpose. */
function qualifiesCodeName(analysis: MessageAnalysis, label: KeywordHit): boolean {
  const { hits } = analysis;
  for (let index = lastHitEndingBy(hits, label.start); index >= 0; index--) {
    const hit = hits[index];
    if (label.start - hit.end > QUALIFIED_LABEL_REACH || crossesSentenceEnd(analysis, hit.endToken, label.firstToken)) {
      return false;
    }
    if (hit.entry.kind === 'code-name') return true;
  }
  return false;
}
