/**
 * Finds every token group that could be a one-time code and judges its shape alone.
 *
 * Digits joined by separators are read as one run first ("2024-03-12", "£1,234.56", "+44 7700 900123",
 * "123 456"), because the separators decide what the digits are: a date, an amount, a phone number,
 * or a code split for readability. Runs whose shape rules them out stay in the list with a rejection,
 * so a message without a code can still say why (reason "amount", "date", ...).
 */
import type { MessageAnalysis } from './analysis';
import type { BrandPrefix } from './keywords';
import { brandPrefix, COPULAS } from './lexicon';

export type CandidateShape = 'digits' | 'split-digits' | 'alphanumeric' | 'brand-prefixed';

/*
 * Spelled-out codes ("a u 8 k u f", "1 2 3 4 5 6", "12-34-56") are read too: some services space a
 * code so screen readers say it character by character, or so it is easier to copy.
 */

export interface Candidate {
  /** Token span, including a glued brand prefix ("G", "-"). */
  readonly firstToken: number;
  readonly endToken: number;
  readonly start: number;
  readonly end: number;
  /** The code as a person types it: digits without separators or prefix, or the alphanumeric token. */
  readonly code: string;
  readonly shape: CandidateShape;
  /** Prior belief from shape alone, before any context. */
  readonly baseScore: number;
  /** Set when the shape alone rules the token out: "date", "time", "amount", "phone", ... */
  readonly rejection: string | undefined;
  readonly brand: BrandPrefix | undefined;
  /** Reads like a marketing code: a word followed by a small number ("SAVE20", "WELCOME10"). */
  readonly promoShaped: boolean;
}

const MIN_CODE_LENGTH = 4;
const MAX_CODE_LENGTH = 8;
/** Six digits is by far the commonest OTP length; four to eight are all in use. */
const DIGITS_BASE_SCORE = 0.25;
const SIX_DIGITS_BASE_SCORE = 0.3;
/** "12 34 56 78" is also how Danes and the French write phone numbers: it needs a keyword close by. */
const MANY_GROUPS_BASE_SCORE = 0.1;
/** "2024" is usually a year; only a keyword right next to it makes it a code. */
const YEAR_BASE_SCORE = 0;
/** Alphanumeric tokens are mostly model names, flight numbers and postcodes unless a keyword introduces them. */
const ALPHANUMERIC_BASE_SCORE = 0.15;
/** A service's own marker ("G-") identifies the code even without any other keyword. */
const BRAND_PREFIX_BASE_SCORE = 0.6;

/** Separators glued between digit groups; a single space also joins groups ("123 456"). */
const GLUED_SEPARATORS = new Set(['-', '–', '.', ',', ':', '/']);
const SPACES = new Set([' ', '\u00a0']);
/** Characters that mask the rest of a card or account number ("****1234", "•••• 1234"). */
const MASKS = new Set(['*', '•', '·', '●']);
const HYPHENS = new Set(['-', '–']);

const YEAR = /^(?:19|20)\d\d$/;
const DAY_OR_MONTH = /^\d{1,2}$/;
const YEAR_OF_DATE = /^(?:\d{2}|\d{4})$/;
const ALPHANUMERIC_CODE = /^[A-Z0-9]{4,8}$/;
/**
 * "x7k9qp", "Ab3dE9": some services send codes in lower or mixed case. Prose has such tokens too
 * ("10min", "iphone15"), so these need letters and digits both, and start lower than capitals.
 */
const MIXED_CASE_CODE = /^(?=[a-zA-Z]*\d)(?=\d*[a-zA-Z])[a-zA-Z0-9]{4,8}$/;
const MIXED_CASE_BASE_SCORE = 0.1;
/** One half of a dashed code ("7X3K-9P2Q", "4F7-K9Q"): three or four capitals or digits. */
const DASHED_HALF = /^[A-Z0-9]{3,4}$/;
const MASKED_NUMBER = /^[xX]+\d+$/;
const MASKED_PREFIX = /^[xX]+$/;
/** Times, ordinals and quantities written in capitals: "10AM", "24H", "5GB". */
const QUANTITY_ALPHANUMERIC = /^\d+(?:AM|PM|H|HR|HRS|X|K|M|GB|MB|KG|KM|ST|ND|RD|TH|MIN|MINS|SEC|SECS|S|G)$/i;
const PROMO_SHAPE = /^[A-Z]{4,}\d{1,3}$/;

interface DigitRun {
  readonly endToken: number;
  readonly groups: readonly string[];
  /** One character per join: a glued separator, or " " for a single space. */
  readonly separators: string;
}

type RunShape =
  | { readonly code: string; readonly shape: 'digits' | 'split-digits'; readonly baseScore: number }
  | { readonly rejection: string }
  | { readonly tooShort: true };

type PrefixVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'brand'; readonly brand: BrandPrefix }
  | { readonly kind: 'rejection'; readonly reason: string };

export function findCandidates(analysis: MessageAnalysis): Candidate[] {
  const { tokens } = analysis;
  const candidates: Candidate[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    // end - start is the token's length, read without touching its text (see codeUnitAt in tokens.ts for why).
    if (token.end - token.start === 1 && token.kind !== 'symbol' && token.kind !== 'ideograph') {
      const spelled = spelledOutCandidate(analysis, index);
      if (spelled !== undefined) {
        candidates.push(spelled);
        index = spelled.endToken;
        continue;
      }
    }
    if (token.kind === 'number') {
      const run = readDigitRun(analysis, index);
      const candidate = digitRunCandidate(analysis, index, run);
      if (candidate !== undefined) candidates.push(candidate);
      index = run.endToken;
      continue;
    }
    if (token.kind === 'alnum' && analysis.hitByToken[index] === undefined) {
      const dashed = dashedAlphanumericCandidate(analysis, index);
      if (dashed !== undefined) {
        candidates.push(dashed);
        index = dashed.endToken;
        continue;
      }
      const candidate = alphanumericCandidate(analysis, index);
      if (candidate !== undefined) candidates.push(candidate);
    }
    index++;
  }
  return candidates;
}

const SPELLED_CHARACTER = /^[A-Za-z0-9]$/;
const HAS_LETTER = /[A-Za-z]/;

/**
 * "a u 8 k u f": four to eight single letters or digits, each one space from the next, holding at least
 * one letter (all-digit runs are read by readDigitRun). Judged like an alphanumeric code: only a code
 * noun right before it makes it one, so "I a m" style noise never counts.
 */
function spelledOutCandidate(analysis: MessageAnalysis, firstToken: number): Candidate | undefined {
  const { tokens, text } = analysis;
  let code = '';
  let index = firstToken;
  while (index < tokens.length && SPELLED_CHARACTER.test(tokens[index].text) && code.length <= MAX_CODE_LENGTH) {
    code += tokens[index].text;
    const next = tokens[index + 1];
    index++;
    if (next === undefined || next.start !== tokens[index - 1].end + 1 || text.charAt(next.start - 1) !== ' ') break;
  }
  if (code.length < MIN_CODE_LENGTH || code.length > MAX_CODE_LENGTH || !HAS_LETTER.test(code)) return undefined;
  return makeCandidate(analysis, firstToken, index, code, 'alphanumeric', ALPHANUMERIC_BASE_SCORE, undefined);
}

function readDigitRun(analysis: MessageAnalysis, firstToken: number): DigitRun {
  const { tokens, text } = analysis;
  const groups = [tokens[firstToken].text];
  let separators = '';
  let last = firstToken;
  for (;;) {
    const next = tokens[last + 1];
    const afterNext = tokens[last + 2];
    const lastEnd = tokens[last].end;
    if (
      next?.kind === 'symbol' && GLUED_SEPARATORS.has(next.text) && next.start === lastEnd &&
      afterNext?.kind === 'number' && afterNext.start === next.end &&
      !isCodeBeforeTrailingNumber(groups, next.text, afterNext.text)
    ) {
      separators += next.text;
      groups.push(afterNext.text);
      last += 2;
    } else if (next?.kind === 'number' && next.start === lastEnd + 1 && SPACES.has(text.charAt(lastEnd))) {
      separators += ' ';
      groups.push(next.text);
      last += 1;
    } else {
      return { endToken: last + 1, groups, separators };
    }
  }
}

/** Every candidate is built here, so all share one object shape (V8 keeps the scoring code monomorphic). */
function makeCandidate(
  analysis: MessageAnalysis,
  firstToken: number,
  endToken: number,
  code: string,
  shape: CandidateShape,
  baseScore: number,
  rejection: string | undefined,
  brand: BrandPrefix | undefined = undefined,
  promoShaped = false,
): Candidate {
  const { tokens } = analysis;
  const start = tokens[firstToken].start;
  const end = tokens[endToken - 1].end;
  return { firstToken, endToken, start, end, code, shape, baseScore, rejection, brand, promoShaped };
}

function digitRunCandidate(analysis: MessageAnalysis, firstToken: number, run: DigitRun): Candidate | undefined {
  const shape = classifyDigitRun(run.groups, run.separators);
  if ('tooShort' in shape) return undefined;
  const { endToken } = run;
  if ('rejection' in shape) {
    return makeCandidate(analysis, firstToken, endToken, run.groups.join(''), 'digits', 0, shape.rejection);
  }
  const prefix = judgePrefix(analysis, firstToken);
  if (prefix.kind === 'rejection') {
    return makeCandidate(analysis, firstToken, endToken, shape.code, shape.shape, 0, prefix.reason);
  }
  if (prefix.kind === 'brand' && shape.shape === 'digits') {
    const brandToken = firstToken - 2;
    const score = BRAND_PREFIX_BASE_SCORE;
    return makeCandidate(analysis, brandToken, endToken, shape.code, 'brand-prefixed', score, undefined, prefix.brand);
  }
  return makeCandidate(analysis, firstToken, endToken, shape.code, shape.shape, shape.baseScore, undefined);
}

/**
 * "验证码:592018,5分钟内有效" ("…, valid for 5 minutes"): a comma or full stop after a code-length number
 * followed by one lone digit is punctuation, not a decimal separator. Amounts keep two decimals
 * ("1234,56") or group thousands by three ("2,500"), so those still join.
 */
function isCodeBeforeTrailingNumber(groups: readonly string[], separator: string, nextGroup: string): boolean {
  return (
    groups.length === 1 && groups[0].length >= MIN_CODE_LENGTH && (separator === ',' || separator === '.') &&
    nextGroup.length === 1
  );
}

/** What the separators between digit groups say about them. */
function classifyDigitRun(groups: readonly string[], separators: string): RunShape {
  const digits = groups.join('');
  if (separators === '') {
    if (digits.length < MIN_CODE_LENGTH) return { tooShort: true };
    if (digits.length > MAX_CODE_LENGTH) return { rejection: 'long-number' };
    return { code: digits, shape: 'digits', baseScore: baseScoreOf(digits) };
  }
  if (separators.includes(':')) return { rejection: 'time' };
  if (separators.includes('/') || isDate(groups, separators)) return { rejection: 'date' };
  if (separators.includes('.') || separators.includes(',')) return { rejection: 'amount' };
  if (groups.length === 2 && groups.every((group) => YEAR.test(group))) return { rejection: 'date' };
  if (isSplitCode(groups, separators)) return { code: digits, shape: 'split-digits', baseScore: baseScoreOf(digits) };
  if (isSpelledOut(groups, separators)) {
    return { code: digits, shape: 'split-digits', baseScore: MANY_GROUPS_BASE_SCORE };
  }
  // Unequal groups with seven or more digits are how people write phone numbers ("555-0123", "0800 555 0199").
  return { rejection: digits.length >= 7 ? 'phone' : 'number-sequence' };
}

function baseScoreOf(digits: string): number {
  if (digits.length === 4 && YEAR.test(digits)) return YEAR_BASE_SCORE;
  return digits.length === 6 ? SIX_DIGITS_BASE_SCORE : DIGITS_BASE_SCORE;
}

/** "12.03.2024", "12-03-24", "2024-03-12": three groups, one repeated separator, day/month/year widths. */
function isDate(groups: readonly string[], separators: string): boolean {
  if (groups.length !== 3 || separators[0] !== separators[1] || separators[0] === ' ') return false;
  const [first, second, third] = groups as [string, string, string];
  // Day and month must be in range, or "48-29-13" (a code split in pairs) would pass for a date.
  const dayMonthYear = isDayAndMonth(first, second) && YEAR_OF_DATE.test(third);
  const yearMonthDay = first.length === 4 && isDayAndMonth(second, third);
  return dayMonthYear || yearMonthDay;
}

/** Either order, since both 12/03 and 03/12 are in use. */
function isDayAndMonth(first: string, second: string): boolean {
  if (!DAY_OR_MONTH.test(first) || !DAY_OR_MONTH.test(second)) return false;
  const a = Number(first);
  const b = Number(second);
  return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}

/** Codes are split into equal halves for readability: "123 456", "123-456", "1234 5678". */
function isSplitCode(groups: readonly string[], separators: string): boolean {
  if (groups.length !== 2) return false;
  const [first, second] = groups as [string, string];
  return first.length === second.length && (first.length === 3 || first.length === 4) && separators !== '';
}

/** "1 2 3 4 5 6", "12 34 56", "1-2-3-4": three or more equal groups of one or two digits, one separator. */
function isSpelledOut(groups: readonly string[], separators: string): boolean {
  if (groups.length < 3) return false;
  const width = groups[0].length;
  if (width > 2 || groups.some((group) => group.length !== width)) return false;
  const digits = width * groups.length;
  if (digits < MIN_CODE_LENGTH || digits > MAX_CODE_LENGTH) return false;
  for (let index = 1; index < separators.length; index++) if (separators[index] !== separators[0]) return false;
  return separators[0] === ' ' || HYPHENS.has(separators[0]);
}

/** Reads what is glued in front of a digit run: "+" (phone), "****" (masked card), "G-" (brand), "ORD-" (id). */
function judgePrefix(analysis: MessageAnalysis, firstToken: number): PrefixVerdict {
  const { tokens } = analysis;
  const before = tokens[firstToken - 1];
  if (before === undefined || before.kind !== 'symbol' || before.end !== tokens[firstToken].start) {
    return { kind: 'none' };
  }
  if (before.text === '+') return { kind: 'rejection', reason: 'phone' };
  if (MASKS.has(before.text)) return { kind: 'rejection', reason: 'card-ending' };
  if (!HYPHENS.has(before.text)) return { kind: 'none' };
  const word = tokens[firstToken - 2];
  if (word === undefined || word.kind !== 'word' || word.end !== before.start) return { kind: 'none' };
  const brand = brandPrefix(word.text);
  if (brand !== undefined) return { kind: 'brand', brand };
  // "OTP-123456" is a keyword glued to its code, not an identifier; Zulu and Xhosa glue the copula to
  // the number it introduces ("… (OTP) ngu-472918").
  const kind = analysis.hitByToken[firstToken - 2]?.entry.kind;
  if (kind === 'code-name' || kind === 'code-action' || COPULAS.has(word.folded)) return { kind: 'none' };
  return { kind: 'rejection', reason: MASKED_PREFIX.test(word.text) ? 'card-ending' : 'prefixed-id' };
}

function alphanumericCandidate(analysis: MessageAnalysis, index: number): Candidate | undefined {
  const { text } = analysis.tokens[index];
  const endToken = index + 1;
  if (MASKED_NUMBER.test(text)) return makeCandidate(analysis, index, endToken, text, 'alphanumeric', 0, 'card-ending');
  if (QUANTITY_ALPHANUMERIC.test(text)) return undefined;
  const capitals = ALPHANUMERIC_CODE.test(text);
  if (!capitals && !MIXED_CASE_CODE.test(text)) return undefined;
  const rejection = isHyphenatedIdentifier(analysis, index) ? 'prefixed-id' : undefined;
  const score = capitals ? ALPHANUMERIC_BASE_SCORE : MIXED_CASE_BASE_SCORE;
  const promoShaped = PROMO_SHAPE.test(text);
  return makeCandidate(analysis, index, endToken, text, 'alphanumeric', score, rejection, undefined, promoShaped);
}

/**
 * "7X3K-9P2Q", "4F7-K9Q": two equal halves of capitals and digits joined by one hyphen, as a code is
 * split for reading. Judged like any alphanumeric code (only a code noun right before it makes it one),
 * so a booking reference of the same shape after "ref" stays a reference. Anything longer or uneven
 * ("INV-2024A", "AB-12-CD") is left to isHyphenatedIdentifier.
 */
function dashedAlphanumericCandidate(analysis: MessageAnalysis, firstToken: number): Candidate | undefined {
  const { tokens } = analysis;
  const first = tokens[firstToken];
  const hyphen = tokens[firstToken + 1];
  const second = tokens[firstToken + 2];
  if (hyphen === undefined || second === undefined || !HYPHENS.has(hyphen.text)) return undefined;
  if (hyphen.start !== first.end || second.start !== hyphen.end) return undefined;
  if (!DASHED_HALF.test(first.text) || !DASHED_HALF.test(second.text) || first.text.length !== second.text.length) {
    return undefined;
  }
  // A third piece on either side ("AB-12C4-X9Z1") makes it an identifier.
  const before = tokens[firstToken - 1];
  if (before !== undefined && HYPHENS.has(before.text) && before.end === first.start) return undefined;
  const beyond = tokens[firstToken + 3];
  if (beyond !== undefined && HYPHENS.has(beyond.text) && beyond.start === second.end) return undefined;
  const code = first.text + second.text;
  return makeCandidate(analysis, firstToken, firstToken + 3, code, 'alphanumeric', ALPHANUMERIC_BASE_SCORE, undefined);
}

/** "INV-2024A", "AB12-CD34": an alphanumeric glued to more of itself by hyphens is an identifier. */
function isHyphenatedIdentifier(analysis: MessageAnalysis, index: number): boolean {
  const { tokens } = analysis;
  const token = tokens[index];
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  return (
    (before !== undefined && HYPHENS.has(before.text) && before.end === token.start) ||
    (after !== undefined && HYPHENS.has(after.text) && after.start === token.end)
  );
}
