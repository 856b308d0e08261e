/**
 * Compiles keywords.ts once at module load into a token trie and a few sets, then finds keyword
 * hits in a tokenised message with one left-to-right pass. A trie over tokens (instead of one regex
 * per keyword) keeps matching cost flat as languages are added, and makes the longest phrase win:
 * "promo code" is a promotion even though "code" alone names a one-time code.
 */
import { BRAND_PREFIXES, CURRENCIES, LANGUAGES, type BrandPrefix, type LabelReason } from './keywords';
import { normalizeText } from './normalize';
import { fold, tokenize, type Token } from './tokens';

export type KeywordEntry =
  | { readonly kind: 'code-name' }
  | { readonly kind: 'code-action' }
  | { readonly kind: 'label'; readonly reason: LabelReason }
  | { readonly kind: 'promotion' }
  | { readonly kind: 'unit' }
  | { readonly kind: 'currency' };

/** One keyword occurrence, spanning tokens [firstToken, endToken). */
export interface KeywordHit {
  readonly entry: KeywordEntry;
  readonly firstToken: number;
  readonly endToken: number;
  readonly start: number;
  readonly end: number;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  entry: KeywordEntry | undefined;
}

const ROOT: TrieNode = { next: new Map(), entry: undefined };

function addPhrase(phrase: string, entry: KeywordEntry): void {
  const tokens = tokenize(normalizeText(phrase));
  // findKeywordHits never starts a match at a link.
  if (tokens[0]?.kind === 'link') throw new Error(`OTP keyword "${phrase}" starts with a link`);
  let node = ROOT;
  for (const token of tokens) {
    let child = node.next.get(token.folded);
    if (child === undefined) {
      child = { next: new Map(), entry: undefined };
      node.next.set(token.folded, child);
    }
    node = child;
  }
  if (node === ROOT) throw new Error(`OTP keyword table holds an empty phrase`);
  if (node.entry !== undefined && !sameEntry(node.entry, entry)) {
    throw new Error(`OTP keyword "${phrase}" has two meanings: ${describe(node.entry)} and ${describe(entry)}`);
  }
  node.entry = entry;
}

function sameEntry(a: KeywordEntry, b: KeywordEntry): boolean {
  return describe(a) === describe(b);
}

function describe(entry: KeywordEntry): string {
  return entry.kind === 'label' ? `label:${entry.reason}` : entry.kind;
}

/** Keys as the tokenizer folds them, so "は" or "는" compare equal to the token the text yields. */
function foldedSet(words: Iterable<string>): ReadonlySet<string> {
  const set = new Set<string>();
  for (const word of words) {
    const tokens = tokenize(normalizeText(word));
    set.add(tokens.length === 1 ? tokens[0].folded : fold(word));
  }
  return set;
}

for (const language of LANGUAGES) {
  for (const phrase of language.codeNames) addPhrase(phrase, { kind: 'code-name' });
  for (const phrase of language.codeActions ?? []) addPhrase(phrase, { kind: 'code-action' });
  for (const phrase of language.promotions ?? []) addPhrase(phrase, { kind: 'promotion' });
  for (const phrase of language.units ?? []) addPhrase(phrase, { kind: 'unit' });
  for (const [reason, phrases] of Object.entries(language.labels ?? {}) as [LabelReason, readonly string[]][]) {
    for (const phrase of phrases) addPhrase(phrase, { kind: 'label', reason });
  }
}
for (const phrase of CURRENCIES) addPhrase(phrase, { kind: 'currency' });

export const CONNECTORS = foldedSet(LANGUAGES.flatMap((language) => language.connectors ?? []));
export const COPULAS = foldedSet(LANGUAGES.flatMap((language) => language.copulas ?? []));
/**
 * Copulas of scripts written without spaces ("คือ", "គឺ") are read a character at a time, so they are
 * several tokens: COPULAS cannot hold them, these folded token sequences do.
 */
const SPLIT_COPULAS: readonly (readonly string[])[] = LANGUAGES.flatMap((language) => language.copulas ?? [])
  .map((copula) => tokenize(normalizeText(copula)).map((token) => token.folded))
  .filter((folded) => folded.length > 1);

/** Whether a copula ends with tokens[last] ("… is", "… คือ"). */
export function isCopulaEndingAt(tokens: readonly Token[], last: number): boolean {
  const token = tokens[last];
  if (token === undefined || token.kind === 'symbol') return false;
  if (COPULAS.has(token.folded)) return true;
  return SPLIT_COPULAS.some((copula) => {
    const first = last - copula.length + 1;
    return first >= 0 && copula.every((folded, offset) => tokens[first + offset].folded === folded);
  });
}
export const PREPOSITIONS = foldedSet(LANGUAGES.flatMap((language) => language.prepositions ?? []));
export const SERVICE_QUALIFIERS = foldedSet(LANGUAGES.flatMap((language) => language.serviceQualifiers ?? []));
export const NOT_SERVICE_NAMES = foldedSet(LANGUAGES.flatMap((language) => language.notServiceNames ?? []));

const BRAND_PREFIX_BY_TEXT: ReadonlyMap<string, BrandPrefix> = new Map(
  BRAND_PREFIXES.map((brand) => [brand.prefix, brand]),
);

/** The brand glued to a code ("G" of "G-123456"); case-sensitive, since "g-" is not Google's style. */
export function brandPrefix(text: string): BrandPrefix | undefined {
  return BRAND_PREFIX_BY_TEXT.get(text);
}

/** Leftmost-longest, non-overlapping keyword hits, in text order. */
export function findKeywordHits(tokens: readonly Token[]): KeywordHit[] {
  const hits: KeywordHit[] = [];
  let index = 0;
  while (index < tokens.length) {
    // No phrase starts with a link (addPhrase makes sure), and links are long: skip them unread.
    if (tokens[index].kind === 'link') {
      index++;
      continue;
    }
    let node = ROOT;
    let entry: KeywordEntry | undefined;
    let endToken = index;
    for (let cursor = index; cursor < tokens.length; cursor++) {
      const child = node.next.get(tokens[cursor].folded);
      if (child === undefined) break;
      node = child;
      if (node.entry !== undefined) {
        entry = node.entry;
        endToken = cursor + 1;
      }
    }
    if (entry === undefined) {
      index++;
      continue;
    }
    hits.push({ entry, firstToken: index, endToken, start: tokens[index].start, end: tokens[endToken - 1].end });
    index = endToken;
  }
  return hits;
}
