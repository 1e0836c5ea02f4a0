// Character classes and the matchers of the scanner's longer tokens (words, strings, dates, numbers),
// written as loops over character codes. Each follows its regular expression in tokens.ts exactly,
// `\d` being ASCII digits only and `.` any character but \n, \r, \u2028 and \u2029.

/** For codes < 128: 2 starts a word (`[A-Za-z_]`), 1 continues one (a digit), 0 neither. */
export const WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  WORD_CHAR[c] = /[A-Za-z_]/.test(ch) ? 2 : /[0-9]/.test(ch) ? 1 : 0;
}

/** `[ \t\r\n\f\v\u00a0\ufeff]` */
export function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordChar(code: number): boolean {
  return code < 128 && WORD_CHAR[code] !== 0;
}

/** `[A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z0-9_]+)?` from a word start. */
export function endOfWord(text: string, at: number): number {
  let i = at + 1;
  while (isWordChar(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 39 /* ' */ && isWordChar(text.charCodeAt(i + 1))) {
    i += 2;
    while (isWordChar(text.charCodeAt(i))) i++;
  }
  return i;
}

function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/**
 * From a `"`: the end of `"(?:[^"\\\r\n]|\\.)*"` when the string closes on its line, else minus the
 * end of `"(?:[^"\\\r\n]|\\.)*\\?` (an unterminated string, which always matches).
 */
export function endOfString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (code === 10 || code === 13) return -i;
    if (code === 92 /* \ */) {
      if (i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) return -(i + 1);
      i += 2;
    } else i++;
  }
  return -i;
}

/** Whether `count` digits stand at `at`. */
function digitsAt(text: string, at: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (!isDigit(text.charCodeAt(at + k))) return false;
  return true;
}

/** End of `\d{4}-\d{2}-\d{2}` at `at`, or -1. */
export function endOfDate(text: string, at: number): number {
  const ok = digitsAt(text, at, 4) && text.charCodeAt(at + 4) === 45 && digitsAt(text, at + 5, 2) && text.charCodeAt(at + 7) === 45 && digitsAt(text, at + 8, 2);
  return ok ? at + 10 : -1;
}

/** After a date: end of `T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?`, or -1. */
export function endOfTime(text: string, at: number): number {
  if (text.charCodeAt(at) !== 84 /* T */ || !digitsAt(text, at + 1, 2) || text.charCodeAt(at + 3) !== 58 || !digitsAt(text, at + 4, 2)) return -1;
  let i = at + 6;
  if (text.charCodeAt(i) === 58 && digitsAt(text, i + 1, 2)) {
    i += 3;
    if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) i = endOfDigits(text, i + 1);
  }
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */) return i + 1;
  const signed = zone === 43 || zone === 45;
  if (signed && digitsAt(text, i + 1, 2) && text.charCodeAt(i + 3) === 58 && digitsAt(text, i + 4, 2)) return i + 6;
  return i;
}

export function endOfDigits(text: string, at: number): number {
  while (isDigit(text.charCodeAt(at))) at++;
  return at;
}

/** `-?\d+(?:\.\d+)?` at `at` (the caller has seen the digit). */
export function endOfNumber(text: string, at: number): number {
  let i = endOfDigits(text, text.charCodeAt(at) === 45 ? at + 1 : at);
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) i = endOfDigits(text, i + 1);
  return i;
}

function closingBacktickOnLine(text: string, at: number): boolean {
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 96) return true;
    if (code === 10 || code === 13) return false;
  }
  return false;
}

/** Single characters that are a token (or start one) whatever follows them. */
const ALWAYS_STARTS = new Set([...'{}(),:=<>"'].map((ch) => ch.charCodeAt(0)));

/** Whether some token's pattern matches at `at`: where skipping unexpected characters stops. */
export function isStartAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if ((code < 128 && WORD_CHAR[code] !== 0) || isWhitespace(code) || ALWAYS_STARTS.has(code)) return true;
  const next = text.charCodeAt(at + 1);
  if (code === 47) return next === 47;
  if (code === 45 || code === 35) return isDigit(next);
  if (code === 33) return next === 61;
  if (code === 96) return closingBacktickOnLine(text, at);
  return false;
}
