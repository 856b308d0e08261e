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
const LINK_CONTINUATIONS = new Set([':', '.', '@', '-', '_', '+', '/']);
/**
 * Pieces of a word that needs splitting: single ideographs, ASCII digit runs, and the rest. Digits glued
 * to non-Latin letters ("كود123456", "123456입니다") are a code next to a word, not one token; digits
 * glued to Latin letters ("A7B9KX", "2FA") stay whole, since that is how alphanumeric codes look.
 */
const WORD_PIECE = new RegExp(`([${IDEOGRAPHS}])|[0-9]+|[^${IDEOGRAPHS}0-9]+`, 'gu');
const HAS_NON_LATIN_LETTER = /[^\p{sc=Latin}\p{N}\p{M}]/u;

const SENTENCE_END_BEFORE_SPACE = new Set(['.', '!', '?']);
const SENTENCE_END_ALWAYS = new Set(['。', '！', '？']);
const WHITESPACE = /\s/;

const NON_ASCII = /[^\x00-\x7f]/;
/** Anything fold() has to rewrite after NFD; most non-Latin words have none and skip the replaces. */
const NEEDS_REWRITE = /[\p{M}‘’ʼ`´\u0643\u064a\u0649łđıøæœß]/u;
const COMBINING_MARKS = /\p{M}/gu;
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
/** 0 = not yet classified. Covers the Basic Multilingual Plane; astral characters are classified each time. */
const BMP_CLASSES = new Uint8Array(0x10000);

function classify(character: string): number {
  if (IS_IDEOGRAPH.test(character)) return IDEOGRAPH_CHAR;
  if (IS_WORD_CHAR.test(character)) return WORD_CHAR;
  return IS_SPACE.test(character) ? SPACE : OTHER;
}

function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  let charClass = BMP_CLASSES[code];
  if (charClass === 0) {
    // Surrogate halves are not cached: their class depends on the pair.
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    charClass = classify(surrogate ? String.fromCodePoint(text.codePointAt(index) ?? code) : text.charAt(index));
    if (!surrogate) BMP_CLASSES[code] = charClass;
  }
  return charClass;
}

/** UTF-16 units taken by the character at `index`: 2 for an astral character, else 1. */
function unitsAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const charClass = classAt(text, index);
    if (charClass === SPACE) {
      index++;
      continue;
    }
    if (charClass === OTHER) {
      const width = unitsAt(text, index);
      tokens.push(makeToken(text, 'symbol', index, text.slice(index, index + width)));
      index += width;
      continue;
    }
    let end = index;
    let hasIdeograph = false;
    let hasDigit = false;
    let hasNonAscii = false;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code < 128) {
        if (code >= 48 && code <= 57) hasDigit = true;
        else if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) break;
        end++;
        continue;
      }
      const inner = classAt(text, end);
      if (inner !== WORD_CHAR && inner !== IDEOGRAPH_CHAR) break;
      hasNonAscii = true;
      if (inner === IDEOGRAPH_CHAR) hasIdeograph = true;
      end += unitsAt(text, end);
    }
    const word = text.slice(index, end);
    const link = LINK_CONTINUATIONS.has(text.charAt(end)) ? linkAt(text, index) : undefined;
    if (link !== undefined) {
      tokens.push(makeToken(text, 'link', index, link));
      index += link.length;
      continue;
    }
    if (hasIdeograph || (hasDigit && hasNonAscii && HAS_NON_LATIN_LETTER.test(word))) {
      pushWordPieces(tokens, text, word, index);
    } else {
      tokens.push(makeToken(text, wordKind(word), index, word, !hasNonAscii));
    }
    index = end;
  }
  return tokens;
}

function linkAt(text: string, position: number): string | undefined {
  LINK_AT_POSITION.lastIndex = position;
  return LINK_AT_POSITION.exec(text)?.[0];
}

function pushWordPieces(tokens: Token[], text: string, word: string, offset: number): void {
  WORD_PIECE.lastIndex = 0;
  for (let piece = WORD_PIECE.exec(word); piece !== null; piece = WORD_PIECE.exec(word)) {
    const kind = piece[1] !== undefined ? 'ideograph' : wordKind(piece[0]);
    tokens.push(makeToken(text, kind, offset + piece.index, piece[0]));
  }
}

function makeToken(text: string, kind: TokenKind, start: number, tokenText: string, ascii = false): Token {
  const end = start + tokenText.length;
  return {
    kind,
    start,
    end,
    text: tokenText,
    folded: ascii && kind !== 'number' ? tokenText.toLowerCase() : foldToken(kind, tokenText),
    endsSentence: kind === 'symbol' && endsSentence(tokenText, text, end),
  };
}

/**
 * fold() as it applies to each kind: numbers and links are kept verbatim; ideographs have neither case
 * nor accents (skipping fold() also keeps Hangul out of NFD's jamo); a symbol is one punctuation
 * character, so only the apostrophe needs straightening; ASCII words only need lower case.
 */
function foldToken(kind: TokenKind, tokenText: string): string {
  if (kind === 'number' || kind === 'link' || kind === 'ideograph') return tokenText;
  if (kind === 'symbol') return CURLY_APOSTROPHE_SET.has(tokenText) ? "'" : tokenText;
  return fold(tokenText);
}

function wordKind(word: string): TokenKind {
  let digits = 0;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 48 && code <= 57) digits++;
  }
  if (digits === 0) return 'word';
  return digits === word.length ? 'number' : 'alnum';
}

function endsSentence(symbol: string, text: string, end: number): boolean {
  if (SENTENCE_END_ALWAYS.has(symbol)) return true;
  // "example.com" and "1.5" keep going; ". " ends a sentence.
  return SENTENCE_END_BEFORE_SPACE.has(symbol) && (end === text.length || WHITESPACE.test(text.charAt(end)));
}
