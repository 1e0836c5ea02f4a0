// SOQL tokenizer. Keywords are recognised by the parser (case-insensitively) from `word` tokens, because
// most SOQL keywords are also legal as field names in other positions.

export type TokenKind = 'word' | 'string' | 'number' | 'date' | 'datetime' | 'op' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text, except for strings where it is the unescaped value. */
  text: string;
  offset: number;
}

export interface LexError {
  message: string;
  offset: number;
}

export const ESCAPED_PERCENT = '\uE000';
export const ESCAPED_UNDERSCORE = '\uE001';

/** A string literal's value outside LIKE: escaped wildcards are plain characters. */
export function plainText(value: string): string {
  return value.replace(/\uE000/g, '%').replace(/\uE001/g, '_');
}

const ESCAPES: Record<string, string> = {
  n: '\n', N: '\n', r: '\r', R: '\r', t: '\t', T: '\t', b: '\b', B: '\b', f: '\f', F: '\f',
  '"': '"', "'": "'", '\\': '\\',
};

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\w:])/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)/;
const WORD = /^[A-Za-z_][A-Za-z0-9_.]*/;
const OPERATOR = /^(!=|<>|<=|>=|=|<|>)/;

export function tokenize(source: string): Token[] | LexError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) { i++; continue; }
    const token = ch === "'" ? readString(source, i) : readSimple(source, i);
    if ('message' in token) return token;
    tokens.push(token.token);
    i = token.end;
  }
  tokens.push({ kind: 'eof', text: '<EOF>', offset: source.length });
  return tokens;
}

type Read = { token: Token; end: number } | LexError;

function readSimple(source: string, start: number): Read {
  const rest = source.slice(start);
  const patterns: [TokenKind, RegExp][] = [
    ['datetime', DATETIME], ['date', DATE], ['number', NUMBER], ['word', WORD], ['op', OPERATOR],
  ];
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(rest);
    if (match) return { token: { kind, text: match[0], offset: start }, end: start + match[0].length };
  }
  if ('(),:'.includes(rest[0])) return { token: { kind: 'punct', text: rest[0], offset: start }, end: start + 1 };
  if (rest[0] === '"') return { message: 'Double quotes are not allowed around string literals; use single quotes', offset: start };
  return { message: `unexpected character: '${rest[0]}'`, offset: start };
}

/**
 * A single-quoted literal. `\%` and `\_` become private-use marker characters, so a LIKE pattern can tell an
 * escaped `%` from one that follows an escaped backslash (`'\\%'`); elsewhere `literalText` turns them back.
 */
function readString(source: string, start: number): Read {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "'") return { token: { kind: 'string', text: value, offset: start }, end: i + 1 };
    if (ch !== '\\') { value += ch; i++; continue; }
    const next = source[i + 1];
    if (next === undefined) break;
    if (next === '%' || next === '_') { value += next === '%' ? ESCAPED_PERCENT : ESCAPED_UNDERSCORE; i += 2; continue; }
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
      i += 6;
      continue;
    }
    if (!(next in ESCAPES)) return { message: `Invalid string literal '${source.slice(start, i + 2)}'. Illegal character sequence '\\${next}' in string literal.`, offset: i };
    value += ESCAPES[next];
    i += 2;
  }
  return { message: 'unterminated string literal', offset: start };
}
