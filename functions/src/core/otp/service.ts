/**
 * Names the service a message comes from, trying the clearest signals first: a bracketed brand
 * opening the message ("[Alibaba]", "【华为】"), a brand glued to the code ("G-"), a "Brand:" prefix,
 * a brand next to the code noun ("Your GitHub code", "código de WhatsApp"), and finally an
 * alphanumeric sender id ("HSBC"). Phone-number senders name nothing.
 */
import type { MessageAnalysis } from './analysis';
import type { Candidate } from './candidates';
import { NOT_SERVICE_NAMES, PREPOSITIONS, SERVICE_QUALIFIERS } from './lexicon';

/**
 * Markers a message may open with before its brand: Android's SMS Retriever "<#>" / "[#]", and the
 * Korean carriers' "[Web발신]" ("sent from the web") and "[국외발신]" ("sent from abroad") tags.
 */
const OPENING_MARKERS = String.raw`(?:<#>|\[#\]|\[(?:Web발신|web발신|국외발신|국제발신|해외발신)\])`;
const BRACKETED_BRAND = new RegExp(
  String.raw`^\s*(?:${OPENING_MARKERS}\s*)*[[【〔「]\s*([^\]】〕」\r\n]{1,40}?)\s*[\]】〕」]`,
  'u',
);
/** Mainland Chinese senders often sign at the end instead: "…请勿泄露。【腾讯科技】". */
const TRAILING_BRAND = /【\s*([^】\r\n]{1,20}?)\s*】\s*$/u;
const HAS_LETTER = /\p{L}/u;
const HAS_UPPERCASE = /\p{Lu}/u;
const HAS_LOWERCASE = /\p{Ll}/u;
/** Brands are short: "Deutsche Bank", "Bank of America" is the edge of it. */
const MAX_BRAND_WORDS = 3;
/** Android's SMS Retriever marker "<#>" may open a message before the brand. */
const LEADING_MARKERS = new Set(['<', '#', '>', '[', ']']);
const COLONS = new Set([':', '：']);
const HYPHENS = new Set(['-', '–']);

export function resolveService(
  analysis: MessageAnalysis,
  code: Candidate | undefined,
  sender: string | undefined,
): string | null {
  return (
    bracketedBrand(analysis.text) ??
    code?.brand?.service ??
    colonPrefixedBrand(analysis) ??
    brandNextToCodeName(analysis) ??
    senderName(sender) ??
    null
  );
}

function bracketedBrand(text: string): string | undefined {
  const brand = BRACKETED_BRAND.exec(text)?.[1] ?? TRAILING_BRAND.exec(text)?.[1];
  return brand !== undefined && HAS_LETTER.test(brand) ? brand : undefined;
}

/** "Amazon: 123456 is your code", "HSBC: Your OTP ...". */
function colonPrefixedBrand(analysis: MessageAnalysis): string | undefined {
  const { tokens } = analysis;
  let first = 0;
  while (first < tokens.length && tokens[first].kind === 'symbol' && LEADING_MARKERS.has(tokens[first].text)) first++;
  let end = first;
  while (end < tokens.length && end - first < MAX_BRAND_WORDS && isBrandWord(analysis, end)) end++;
  const colon = tokens[end];
  if (end === first || colon === undefined || !COLONS.has(colon.text)) return undefined;
  return analysis.text.slice(tokens[first].start, tokens[end - 1].end);
}

/** The first code noun with a brand right before it ("Your Uber code") or after it ("code for GitHub"). */
function brandNextToCodeName(analysis: MessageAnalysis): string | undefined {
  for (const hit of analysis.hits) {
    if (hit.entry.kind !== 'code-name') continue;
    const brand = brandBefore(analysis, hit.firstToken) ?? brandAfter(analysis, hit.endToken);
    if (brand !== undefined) return brand;
  }
  return undefined;
}

/** "Microsoft account security code", "WhatsApp-Code": skips qualifiers and a glued hyphen first. */
function brandBefore(analysis: MessageAnalysis, keywordToken: number): string | undefined {
  const { tokens } = analysis;
  let last = keywordToken - 1;
  if (last >= 0 && HYPHENS.has(tokens[last].text) && tokens[last].end === tokens[keywordToken].start) last--;
  while (isWordIn(analysis, last, SERVICE_QUALIFIERS)) last--;
  let first = last + 1;
  while (first - 1 >= 0 && last - first + 1 < MAX_BRAND_WORDS && isBrandWord(analysis, first - 1)) first--;
  return first <= last ? analysis.text.slice(tokens[first].start, tokens[last].end) : undefined;
}

/** "code for GitHub", "código de WhatsApp", "code Instagram", "code for your Microsoft account". */
function brandAfter(analysis: MessageAnalysis, afterKeyword: number): string | undefined {
  const { tokens } = analysis;
  let first = afterKeyword;
  let skippedDeterminer = false;
  let qualified = false;
  if (isWordIn(analysis, first, PREPOSITIONS)) {
    first++;
    if (isWordIn(analysis, first, NOT_SERVICE_NAMES) && !HAS_UPPERCASE.test(tokens[first].text)) {
      first++;
      skippedDeterminer = true;
    }
    for (; isWordIn(analysis, first, SERVICE_QUALIFIERS); first++) qualified = true;
  }
  let end = first;
  while (end < tokens.length && end - first < MAX_BRAND_WORDS && isBrandWord(analysis, end)) end++;
  if (end === first) return undefined;
  // After "for your" / "de la" a capitalised word may be any noun (German capitalises them all); only a
  // qualifier next to it ("your Microsoft account", "la cuenta Microsoft") shows it is a service.
  if (skippedDeterminer && !qualified && !isWordIn(analysis, end, SERVICE_QUALIFIERS)) return undefined;
  return analysis.text.slice(tokens[first].start, tokens[end - 1].end);
}

function isWordIn(analysis: MessageAnalysis, index: number, words: ReadonlySet<string>): boolean {
  const token = analysis.tokens[index];
  return token !== undefined && token.kind === 'word' && words.has(token.folded);
}

/**
 * A capitalised word that is neither a keyword nor a sentence opener like "Your". Brands with digits
 * count when they also hold a lower-case letter ("Maybank2u"): all-capital ones look like codes. A unit
 * word may be part of a brand ("MB WAY"), since units only matter right after a number.
 */
function isBrandWord(analysis: MessageAnalysis, index: number): boolean {
  const token = analysis.tokens[index];
  const hit = analysis.hitByToken[index];
  const shapeFits = token.kind === 'word' || (token.kind === 'alnum' && HAS_LOWERCASE.test(token.text));
  return (
    shapeFits &&
    HAS_UPPERCASE.test(token.text) &&
    !NOT_SERVICE_NAMES.has(token.folded) &&
    (hit === undefined || hit.entry.kind === 'unit')
  );
}

/** An alphanumeric sender id ("GitHub", "HSBC") names the service; a phone number does not. */
function senderName(sender: string | undefined): string | undefined {
  const trimmed = sender?.trim();
  return trimmed !== undefined && HAS_LETTER.test(trimmed) ? trimmed : undefined;
}
