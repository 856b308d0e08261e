/**
 * Splits a message into tokens once, so every later stage (keywords, candidates, service name)
 * works on the same positions instead of running its own regexes over the text.
 */

export type TokenKind =
  /** Letters only, e.g. "code", "Bestätigungscode". */
  | 'word'
  /** ASCII digits only, e.g. "123456". Separators are separate tokens. */
  | 'number'
  /** Letters and digits mixed, e.g. "A7B9KX", "x1234", "2FA". */
  | 'alnum'
  /**
   * One character of a script that does not space its words (Han, Kana, Hangul, Thai, ...): keywords
   * are matched character by character there, so "인증번호는" still holds "인증번호" and "验证码为" "验证码".
   */
  | 'ideograph'
  /** One other visible character: punctuation, currency symbols. */
  | 'symbol'
  /** A URL or e-mail address: never a code nor a keyword, whatever digits it holds. */
  | 'link';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower-cased, accents stripped, curly apostrophes straightened: the key the lexicon is built on. */
  readonly folded: string;
  /** A full stop, "!" or "?" that ends a sentence; keywords rarely reach across one. */
  readonly endsSentence: boolean;
}

/**
 * Korean does space its words, but glues particles to them ("인증번호를", "123456입니다"); reading Hangul
 * syllable by syllable lets one table entry match every inflection.
 */
const IDEOGRAPHS =
  String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}` +
  String.raw`\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}ー`;

/**
 * URLs, bare "host.tld/path" links and e-mail addresses, tried only where a word is followed by a
 * character that can continue one (most words are not). Host and local part are bounded so a long
 * dotted string cannot make every token start rescan the rest of the message.
 */
const LINK_AT_POSITION = new RegExp(
  String.raw`https?:\/\/\S+|www\.\S+|[a-zA-Z][\w-]{0,62}(?:\.[\w-]{1,63}){1,6}\/\S*|` +
    String.raw`[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}`,
  'y',
);
/**
 * A word that needs splitting into pieces (pushWordPieces): single ideographs, ASCII digit runs, and
 * the rest. Digits glued to non-Latin letters ("كود123456", "123456입니다") are a code next to a word,
 * not one token; digits glued to Latin letters ("A7B9KX", "2FA") stay whole, since that is how
 * alphanumeric codes look.
 */
const HAS_NON_LATIN_LETTER = /[^\p{sc=Latin}\p{N}\p{M}]/u;

/** Sentence ends, as char codes: ".", "!", "?" end one only before a space; "。", "！", "？" always do. */
const FULL_STOP = 0x2e;
const EXCLAMATION = 0x21;
const QUESTION = 0x3f;
const IDEOGRAPHIC_FULL_STOP = 0x3002;
const FULL_WIDTH_EXCLAMATION = 0xff01;
const FULL_WIDTH_QUESTION = 0xff1f;

const NON_ASCII = /[^\x00-\x7f]/;
/**
 * The marks fold() strips: accents of Latin, Greek and Cyrillic letters as NFD splits them off, and the
 * optional vowel points of Hebrew and Arabic. Not every \p{M}: in Indic, Sinhala, Myanmar and Khmer
 * scripts the marks are the vowels themselves, and stripping them would make Hindi "कोड" (code) match
 * "कड़ी" and Telugu "కోడ్" match "కోడి" (hen).
 */
const OPTIONAL_MARK_RANGES = String.raw`\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u064b-\u065f\u0670`;
/** Anything fold() has to rewrite after NFD; most non-Latin words have none and skip the replaces. */
const NEEDS_REWRITE = new RegExp(`[${OPTIONAL_MARK_RANGES}‘’ʼ\`´\u0643\u064a\u0649łđıøæœß]`, 'u');
const COMBINING_MARKS = new RegExp(`[${OPTIONAL_MARK_RANGES}]`, 'gu');
/**
 * Latin letters that NFD does not split into a base letter and a mark, but that senders still replace by
 * their plain look-alike: GSM-7 has no "ł", "đ" or "ı", so Polish, Vietnamese and Turkish SMS routinely
 * arrive as "haslo", "dang nhap", "kullanimlik"; "ø", "æ", "œ" and "ß" get the same treatment from
 * gateways that fall back to ASCII. Folding both sides makes one table entry match either spelling.
 */
const UNSPLIT_LETTERS = /[łđıøæœß]/g;
const UNSPLIT_LETTER_FORM: Readonly<Record<string, string>> = {
  ł: 'l', đ: 'd', ı: 'i', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss',
};
const CURLY_APOSTROPHES = /[‘’ʼ`´]/g;
const CURLY_APOSTROPHE_SET = new Set(['‘', '’', 'ʼ', '`', '´']);
/** Arabic and Persian spell kaf and yeh with different code points; messages mix them freely. */
const ARABIC_LETTER_VARIANTS = /[\u0643\u064a\u0649]/g;
const PERSIAN_FORM: Readonly<Record<string, string>> = { '\u0643': '\u06a9', '\u064a': '\u06cc', '\u0649': '\u06cc' };

/** The lexicon's matching key: case- and accent-insensitive, because GSM-7 SMS often lose accents. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  const decomposed = lower.normalize('NFD');
  if (!NEEDS_REWRITE.test(decomposed)) return decomposed;
  return decomposed
    .replace(COMBINING_MARKS, '')
    .replace(CURLY_APOSTROPHES, "'")
    .replace(ARABIC_LETTER_VARIANTS, (letter) => PERSIAN_FORM[letter] ?? letter)
    .replace(UNSPLIT_LETTERS, (letter) => UNSPLIT_LETTER_FORM[letter] ?? letter);
}

/**
 * Character classes for the scanner. A hand-written scan over char codes (instead of a global regex
 * with Unicode property classes) roughly halves the extractor's cost; the class of each non-ASCII
 * character is still decided by those property classes, once, and remembered.
 */
const SPACE = 1;
const WORD_CHAR = 2;
const IDEOGRAPH_CHAR = 3;
const OTHER = 4;
const IS_WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const IS_IDEOGRAPH = new RegExp(`^[${IDEOGRAPHS}]$`, 'u');
const IS_SPACE = /^\s$/u;
/**
 * 0 = not yet classified. Covers the Basic Multilingual Plane; astral characters are classified each
 * time. ASCII is filled in up front, so the commonest characters never take the slow path.
 */
const BMP_CLASSES = new Uint8Array(0x10000);

function classify(character: string): number {
  if (IS_IDEOGRAPH.test(character)) return IDEOGRAPH_CHAR;
  if (IS_WORD_CHAR.test(character)) return WORD_CHAR;
  return IS_SPACE.test(character) ? SPACE : OTHER;
}

for (let code = 0; code < 128; code++) BMP_CLASSES[code] = classify(String.fromCharCode(code));

/**
 * String methods called through String.prototype instead of on the string: text.charCodeAt(index)
 * becomes codeUnitAt(text, index), and so on.
 *
 * Why: V8 gives every way of storing a string its own hidden class (a literal, a concatenation, a
 * slice, one or two bytes per character, ...), and messages reach the tokenizer in all of them. A call
 * site written `text.charCodeAt(...)` that has seen more than four of those classes goes megamorphic:
 * it then looks the method up the slow way on every call, and the tokenizer makes such calls for every
 * character. Called through these helpers the method is one known function, which V8 inlines whatever
 * the string's representation (about a fifth of the extractor's time on the benchmark corpus).
 * They live in this module on purpose: a function imported from another module is reached through the
 * CommonJS exports object (a getter), which costs a call of its own and V8's inlining budget.
 */
const stringCharCodeAt = String.prototype.charCodeAt;
const stringSlice = String.prototype.slice;
const stringIncludes = String.prototype.includes;
const stringToLowerCase = String.prototype.toLowerCase;

/** text.charCodeAt(index). */
function codeUnitAt(text: string, index: number): number {
  return stringCharCodeAt.call(text, index);
}

/** text.slice(start, end). */
function sliceOf(text: string, start: number, end: number): string {
  return stringSlice.call(text, start, end);
}

/** text.includes(search). */
function containsText(text: string, search: string): boolean {
  return stringIncludes.call(text, search);
}

/** text.toLowerCase(). */
function lowerCase(text: string): string {
  return stringToLowerCase.call(text);
}

/** One table read once a character has been seen; kept this small so V8 inlines it into the scan loops. */
function classAt(text: string, index: number): number {
  const code = codeUnitAt(text, index);
  const charClass = BMP_CLASSES[code];
  return charClass !== 0 ? charClass : classifyAt(text, index, code);
}

/** The slow path of classAt: runs the property regexes and remembers the answer. */
function classifyAt(text: string, index: number, code: number): number {
  // Surrogate halves are not cached: their class depends on the pair.
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  const charClass = classify(surrogate ? String.fromCodePoint(text.codePointAt(index) ?? code) : text.charAt(index));
  if (!surrogate) BMP_CLASSES[code] = charClass;
  return charClass;
}

/**
 * UTF-16 units taken by the character at `index`: 2 for an astral character, else 1. `length` is
 * text.length, passed in because the callers have it and reading it here is a megamorphic load.
 */
function unitsAt(text: string, length: number, index: number): number {
  const code = codeUnitAt(text, index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < length ? 2 : 1;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Every link form needs a "/", an "@" or "www.": without one, no word can start a link, and the link
  // regex (the costliest step per word) is never run. Most messages hold none.
  const mayHoldLink = containsText(text, '/') || containsText(text, '@') || containsText(text, 'www.');
  const length = text.length;
  let index = 0;
  while (index < length) {
    const charClass = classAt(text, index);
    if (charClass === SPACE) {
      index++;
      continue;
    }
    if (charClass === OTHER) {
      const end = index + unitsAt(text, length, index);
      const symbol = sliceOf(text, index, end);
      const folded = CURLY_APOSTROPHE_SET.has(symbol) ? "'" : symbol;
      tokens.push(makeToken('symbol', index, end, symbol, folded, endsSentence(text, length, index, end)));
      index = end;
      continue;
    }
    let end = index;
    let hasIdeograph = false;
    let digits = 0;
    let hasUpperCase = false;
    let hasNonAscii = false;
    while (end < length) {
      const code = codeUnitAt(text, end);
      if (code < 128) {
        if (code >= 48 && code <= 57) digits++;
        else if (code >= 65 && code <= 90) hasUpperCase = true;
        else if (!(code >= 97 && code <= 122)) break;
        end++;
        continue;
      }
      const inner = classAt(text, end);
      if (inner !== WORD_CHAR && inner !== IDEOGRAPH_CHAR) break;
      hasNonAscii = true;
      if (inner === IDEOGRAPH_CHAR) hasIdeograph = true;
      end += unitsAt(text, length, end);
    }
    const link = mayHoldLink && end < length && isLinkContinuation(codeUnitAt(text, end)) ? linkAt(text, index) : undefined;
    if (link !== undefined) {
      tokens.push(makeToken('link', index, index + link.length, link, link, false));
      index += link.length;
      continue;
    }
    const word = sliceOf(text, index, end);
    if (hasIdeograph || (digits > 0 && hasNonAscii && HAS_NON_LATIN_LETTER.test(word))) {
      pushWordPieces(tokens, text, length, index, end);
    } else {
      // Only ASCII digits make a number: normalizeText has already rewritten native digits ("١٢٣") to ASCII.
      const kind: TokenKind = digits === 0 ? 'word' : digits === end - index ? 'number' : 'alnum';
      // An ASCII word only needs lower case, and most are lower case already: no copy then.
      const folded = hasNonAscii ? foldWord(word) : hasUpperCase ? lowerCase(word) : word;
      tokens.push(makeToken(kind, index, end, word, folded, false));
    }
    index = end;
  }
  return tokens;
}

/** ":", ".", "@", "-", "_", "+", "/": the characters that can carry a word on into a link. */
function isLinkContinuation(code: number): boolean {
  return code === 58 || code === 46 || code === 64 || code === 45 || code === 95 || code === 43 || code === 47;
}

function linkAt(text: string, position: number): string | undefined {
  LINK_AT_POSITION.lastIndex = position;
  return LINK_AT_POSITION.exec(text)?.[0];
}

/**
 * Splits the word text[start, end) into single ideographs, ASCII digit runs, and runs of everything
 * else (which hold no ASCII digit, so they are words). A scan over the cached character classes
 * instead of a Unicode regex: Chinese, Japanese, Korean and Thai messages are almost all ideographs,
 * and a regex match (with its result array) per character was the tokenizer's main cost on them.
 */
function pushWordPieces(tokens: Token[], text: string, length: number, start: number, end: number): void {
  let index = start;
  while (index < end) {
    const code = codeUnitAt(text, index);
    let pieceEnd = index;
    let kind: TokenKind;
    if (isAsciiDigit(code)) {
      kind = 'number';
      while (pieceEnd < end && isAsciiDigit(codeUnitAt(text, pieceEnd))) pieceEnd++;
    } else if (classAt(text, index) === IDEOGRAPH_CHAR) {
      kind = 'ideograph';
      pieceEnd += unitsAt(text, length, index);
    } else {
      kind = 'word';
      while (pieceEnd < end && !isAsciiDigit(codeUnitAt(text, pieceEnd)) && classAt(text, pieceEnd) !== IDEOGRAPH_CHAR) {
        pieceEnd += unitsAt(text, length, pieceEnd);
      }
    }
    const piece = sliceOf(text, index, pieceEnd);
    // Numbers are kept verbatim; ideographs have neither case nor accents (and must stay out of NFD,
    // which would split Hangul into jamo).
    tokens.push(makeToken(kind, index, pieceEnd, piece, kind === 'word' ? foldWord(piece) : piece, false));
    index = pieceEnd;
  }
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Every token is built here, so all share one object shape (V8 keeps the later stages monomorphic). */
function makeToken(
  kind: TokenKind,
  start: number,
  end: number,
  tokenText: string,
  folded: string,
  endsSentence: boolean,
): Token {
  return { kind, start, end, text: tokenText, folded, endsSentence };
}

/**
 * fold() of a non-ASCII word, remembered: NFD and the mark-stripping replaces cost microseconds per
 * Devanagari, Arabic or Cyrillic word, while the words themselves repeat from message to message
 * ("आपका", "कोड", "رمز"). Bounded, because message text is unbounded input: when the cache is full it
 * is emptied and refilled by the words in current use, which keeps memory flat without LRU bookkeeping.
 */
const FOLDED_WORD_CACHE_LIMIT = 4096;
const foldedWords = new Map<string, string>();

function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = fold(word);
    if (foldedWords.size >= FOLDED_WORD_CACHE_LIMIT) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

/** Whether the symbol text[start, end) ends a sentence: "。" always; ".", "!" and "?" before a space or the end. */
function endsSentence(text: string, length: number, start: number, end: number): boolean {
  const code = codeUnitAt(text, start);
  if (code === IDEOGRAPHIC_FULL_STOP || code === FULL_WIDTH_EXCLAMATION || code === FULL_WIDTH_QUESTION) return true;
  if (code !== FULL_STOP && code !== EXCLAMATION && code !== QUESTION) return false;
  // "example.com" and "1.5" keep going; ". " ends a sentence.
  return end === length || classAt(text, end) === SPACE;
}
