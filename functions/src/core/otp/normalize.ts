/**
 * Rewrites a message into the form every later stage expects, character for character, so offsets
 * into the normalised text are offsets into the original:
 *
 * - native digits become ASCII ("١٢٣٤٥٦", "۱۲۳۴۵۶", "१२३४५६", "１２３４５６" -> "123456"), because a
 *   person types the code on an ASCII keypad and the shape rules below only know ASCII digits;
 * - full-width Latin letters become ASCII ("ＯＴＰ" -> "OTP"); full-width punctuation stays, because
 *   "验证码：592018，5分钟内有效" must not turn into the amount-looking "592018,5";
 * - the Arabic decimal and thousands separators become "." and ",", so "١٢٫٥٠" still reads as an amount;
 * - bidirectional and zero-width marks become spaces: Arabic, Persian and Hebrew messages wrap numbers
 *   in them, and a mark inside "12\u200e3456" must not glue or split the code differently than a space.
 *
 * Every replacement is one UTF-16 unit for one UTF-16 unit, which keeps the offsets aligned.
 */

/** The zero of each decimal digit block SMS gateways deliver (each block is ten consecutive code points). */
const DIGIT_ZEROS = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0a66, // Gurmukhi
  0x0ae6, // Gujarati
  0x0be6, // Tamil
  0x0c66, // Telugu
  0x0ce6, // Kannada
  0x0d66, // Malayalam
  0x0e50, // Thai
  0x0ed0, // Lao
  0x1040, // Myanmar
  0x17e0, // Khmer
  0xff10, // Full-width
];

/** Full-width A-Z and a-z; their ASCII forms are 0xfee0 lower. */
const FULL_WIDTH_LETTER_RANGES: readonly (readonly [number, number])[] = [[0xff21, 0xff3a], [0xff41, 0xff5a]];
const FULL_WIDTH_OFFSET = 0xfee0;

const INVISIBLE_MARKS = [
  '\u061c', // Arabic letter mark
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', // zero-width space, non-joiner, joiner, LRM, RLM
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', // bidi embeddings and overrides
  '\u2066', '\u2067', '\u2068', '\u2069', // bidi isolates
  '\ufeff', // byte order mark
];

function buildReplacements(): ReadonlyMap<string, string> {
  const replacements = new Map<string, string>();
  for (const zero of DIGIT_ZEROS) {
    for (let digit = 0; digit < 10; digit++) replacements.set(String.fromCharCode(zero + digit), String(digit));
  }
  for (const [first, last] of FULL_WIDTH_LETTER_RANGES) {
    for (let code = first; code <= last; code++) {
      replacements.set(String.fromCharCode(code), String.fromCharCode(code - FULL_WIDTH_OFFSET));
    }
  }
  replacements.set('\u3000', ' '); // ideographic space
  replacements.set('\u066b', '.'); // Arabic decimal separator
  replacements.set('\u066c', ','); // Arabic thousands separator
  replacements.set('\u066a', '%'); // Arabic percent sign
  for (const mark of INVISIBLE_MARKS) replacements.set(mark, ' ');
  return replacements;
}

const REPLACEMENTS = buildReplacements();
const REPLACEABLE = new RegExp(
  `[${[...REPLACEMENTS.keys()].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);
/** Nothing below U+0660 is ever replaced: most messages skip the rewrite entirely. */
const MAY_NEED_REPLACING = /[\u0660-\uffff]/;

export function normalizeText(text: string): string {
  if (!MAY_NEED_REPLACING.test(text)) return text;
  return text.replace(REPLACEABLE, (char) => REPLACEMENTS.get(char) ?? char);
}

/**
 * Android's SMS Retriever API makes apps end the message with an 11-character hash of the app's
 * signing key ("FA+9qCX9VSu"). It is random base64, so it may hold digits that look like a code; it is
 * blanked out (with spaces, keeping offsets) before tokenising. A final word counts as a hash only if it
 * has the alphabet's tell-tales (a digit, "+", "/", or an upper-case letter after a lower-case one), so an
 * ordinary 11-letter closing word is left alone.
 */
const APP_HASH_LENGTH = 11;
const APP_HASH = /^[A-Za-z0-9+/]{11}$/;
const HASH_TELL_TALE = /[0-9+/]|[a-z][A-Z]/;
const WHITESPACE = /\s/;

export function blankAppHash(text: string): string {
  // Read only the last word: a scan from the end, so the cost does not grow with the message.
  let end = text.length;
  while (end > 0 && WHITESPACE.test(text.charAt(end - 1))) end--;
  const start = end - APP_HASH_LENGTH;
  if (start < 0 || (start > 0 && !WHITESPACE.test(text.charAt(start - 1)))) return text;
  const word = text.slice(start, end);
  if (!APP_HASH.test(word) || !HASH_TELL_TALE.test(word)) return text;
  return text.slice(0, start) + ' '.repeat(APP_HASH_LENGTH) + text.slice(end);
}
