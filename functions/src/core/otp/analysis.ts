/**
 * Everything the later stages need to know about one message, computed once: its tokens, the keyword
 * hits, and indexes that turn "which keyword covers this token" and "is there a sentence end between
 * these tokens" into constant-time lookups.
 */
import { CONNECTORS, findKeywordHits, type KeywordHit } from './lexicon';
import { blankAppHash, normalizeText } from './normalize';
import { tokenize, type Token } from './tokens';

export interface MessageAnalysis {
  /** The message with native digits in ASCII and any app hash blanked; offsets match the original. */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly hits: readonly KeywordHit[];
  /** hitByToken[i]: the keyword hit covering token i, if any. */
  readonly hitByToken: readonly (KeywordHit | undefined)[];
  /** sentenceEndsBefore[i]: sentence ends among tokens[0..i). Has tokens.length + 1 entries. */
  readonly sentenceEndsBefore: readonly number[];
  /** The message advertises something; its "codes" are coupons. */
  readonly isPromotion: boolean;
}

/** "Ref.", "No.", "Rs.": a full stop after a short label, filler word or currency does not end a sentence. */
const ABBREVIATION_MAX_LENGTH = 4;

export function analyzeMessage(message: string): MessageAnalysis {
  const text = blankAppHash(normalizeText(message));
  const tokens = tokenize(text);
  const hits = findKeywordHits(tokens);
  // Hits are sorted and disjoint, so one walk over the tokens fills the index (packed, no holes).
  const hitByToken: (KeywordHit | undefined)[] = [];
  let isPromotion = false;
  let hitIndex = 0;
  for (let index = 0; index < tokens.length; index++) {
    const hit = hitIndex < hits.length ? hits[hitIndex] : undefined;
    if (hit === undefined || index < hit.firstToken) {
      hitByToken.push(undefined);
      continue;
    }
    hitByToken.push(hit);
    if (hit.entry.kind === 'promotion') isPromotion = true;
    if (index + 1 === hit.endToken) hitIndex++;
  }
  const sentenceEndsBefore = [0];
  let sentenceEnds = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index].endsSentence && !isAbbreviation(tokens[index - 1], hitByToken[index - 1])) sentenceEnds++;
    sentenceEndsBefore.push(sentenceEnds);
  }
  return { text, tokens, hits, hitByToken, sentenceEndsBefore, isPromotion };
}

function isAbbreviation(token: Token | undefined, hit: KeywordHit | undefined): boolean {
  if (token === undefined || token.text.length > ABBREVIATION_MAX_LENGTH) return false;
  return CONNECTORS.has(token.folded) || hit?.entry.kind === 'label' || hit?.entry.kind === 'currency';
}

/** True when a sentence ends somewhere in tokens [fromToken, toToken). */
export function crossesSentenceEnd(analysis: MessageAnalysis, fromToken: number, toToken: number): boolean {
  return analysis.sentenceEndsBefore[toToken] > analysis.sentenceEndsBefore[fromToken];
}
