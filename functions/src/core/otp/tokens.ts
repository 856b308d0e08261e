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
  /** One Han / Hiragana / Katakana character: those scripts do not space their words. */
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

const IDEOGRAPHS = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}`;

const TOKEN_PATTERN = /([\p{L}\p{M}\p{N}]+)|\S/gu;
const WORD_GROUP = 1;
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
/** Words are matched whole (fast); the rare one holding ideographs ("ID验证码") is split afterwards. */
const HAS_IDEOGRAPH = new RegExp(`[${IDEOGRAPHS}]`, 'u');
const IDEOGRAPH_OR_WORD_PIECE = new RegExp(`([${IDEOGRAPHS}])|[^${IDEOGRAPHS}]+`, 'gu');

const ASCII_DIGITS_ONLY = /^[0-9]+$/;
const HAS_ASCII_DIGIT = /[0-9]/;
const SENTENCE_END_BEFORE_SPACE = new Set(['.', '!', '?']);
const SENTENCE_END_ALWAYS = new Set(['。', '！', '？']);
const WHITESPACE = /\s/;

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}/gu;
const CURLY_APOSTROPHES = /[‘’ʼ`´]/g;

/** The lexicon's matching key: case- and accent-insensitive, because GSM-7 SMS often lose accents. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(CURLY_APOSTROPHES, "'");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    const word = match[WORD_GROUP];
    if (word === undefined) {
      tokens.push(makeToken(text, 'symbol', match.index, match[0]));
      continue;
    }
    const link = LINK_CONTINUATIONS.has(text.charAt(match.index + word.length)) ? linkAt(text, match.index) : undefined;
    if (link !== undefined) {
      tokens.push(makeToken(text, 'link', match.index, link));
      TOKEN_PATTERN.lastIndex = match.index + link.length;
    } else if (NON_ASCII.test(word) && HAS_IDEOGRAPH.test(word)) {
      pushWordPieces(tokens, text, word, match.index);
    } else {
      tokens.push(makeToken(text, wordKind(word), match.index, word));
    }
  }
  return tokens;
}

function linkAt(text: string, position: number): string | undefined {
  LINK_AT_POSITION.lastIndex = position;
  return LINK_AT_POSITION.exec(text)?.[0];
}

function pushWordPieces(tokens: Token[], text: string, word: string, offset: number): void {
  IDEOGRAPH_OR_WORD_PIECE.lastIndex = 0;
  for (let piece = IDEOGRAPH_OR_WORD_PIECE.exec(word); piece !== null; piece = IDEOGRAPH_OR_WORD_PIECE.exec(word)) {
    const kind = piece[1] !== undefined ? 'ideograph' : wordKind(piece[0]);
    tokens.push(makeToken(text, kind, offset + piece.index, piece[0]));
  }
}

function makeToken(text: string, kind: TokenKind, start: number, tokenText: string): Token {
  const end = start + tokenText.length;
  return {
    kind,
    start,
    end,
    text: tokenText,
    folded: kind === 'number' || kind === 'link' ? tokenText : fold(tokenText),
    endsSentence: kind === 'symbol' && endsSentence(tokenText, text, end),
  };
}

function wordKind(word: string): TokenKind {
  if (ASCII_DIGITS_ONLY.test(word)) return 'number';
  return HAS_ASCII_DIGIT.test(word) ? 'alnum' : 'word';
}

function endsSentence(symbol: string, text: string, end: number): boolean {
  if (SENTENCE_END_ALWAYS.has(symbol)) return true;
  // "example.com" and "1.5" keep going; ". " ends a sentence.
  return SENTENCE_END_BEFORE_SPACE.has(symbol) && (end === text.length || WHITESPACE.test(text.charAt(end)));
}
