// Lexing: the scanner (scan.ts) plus our diagnostics (unexpected characters, unterminated strings,
// bad escapes), the comment list, and the public token view used by semantic tokens and completion.

import type { IToken } from './chevrotain';
import type { Comment } from './ast';
import { diagnostic, type Diagnostic } from './diagnostic';
import { Scanner } from './scan';
import * as T from './tokens';

const { UnterminatedString } = T;

export interface LexResult {
  tokens: IToken[];
  comments: Comment[];
  diagnostics: Diagnostic[];
}

export function lexText(text: string): LexResult {
  const scanner = new Scanner(text);
  const tokens = scanner.nextChunk(Infinity);
  return { tokens, ...lexicalProblems(text, scanner) };
}

/** Comments and lexical diagnostics of everything `scanner` has read so far. */
export function lexicalProblems(text: string, scanner: Scanner): Omit<LexResult, 'tokens'> {
  const diagnostics: Diagnostic[] = [];
  for (const error of scanner.errors) {
    const found = text.slice(error.offset, error.offset + error.length);
    const shown = found.length > 20 ? `${found.slice(0, 20)}…` : found;
    const message = `Unexpected character${found.length > 1 ? 's' : ''} \`${shown}\`.`;
    diagnostics.push(diagnostic('unexpected-character', message, { start: error.offset, end: error.offset + error.length }));
  }
  for (const span of scanner.unterminated) {
    diagnostics.push(diagnostic('unterminated-string', 'This string has no closing `"` on its line.', { start: span.start, end: span.end }));
  }
  const comments = scanner.comments.map(
    ({ start, end }): Comment => ({ start, end, text: text.slice(start + 2, end), trailing: hasCodeBefore(text, start) }),
  );
  return { comments, diagnostics };
}

/** Whether something other than spaces comes before `offset` on its line (an end-of-line comment). */
function hasCodeBefore(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return false;
    if (ch !== 32 && ch !== 9) return true;
  }
  return false;
}

/** The text of a string literal token, escapes resolved; bad escapes are reported, kept as written. */
export function decodeString(token: IToken, diagnostics: Diagnostic[]): string {
  const image = token.image;
  const closed = image.length >= 2 && image.endsWith('"') && token.tokenType !== UnterminatedString;
  const body = image.slice(1, closed ? -1 : undefined);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    const decoded = decodeEscape(body, i);
    if (decoded === undefined) {
      const start = token.startOffset + 1 + i;
      diagnostics.push(
        diagnostic('invalid-escape', `Unknown escape \`\\${next ?? ''}\`; use \\" \\\\ \\n \\t or \\uXXXX.`, {
          start,
          end: start + (next === undefined ? 1 : 2),
        }),
      );
      out += next ?? '';
      i += 1;
    } else {
      out += decoded.text;
      i += decoded.length - 1;
    }
  }
  return out;
}

function decodeEscape(body: string, at: number): { text: string; length: number } | undefined {
  const next = body[at + 1];
  if (next === '"' || next === '\\') return { text: next, length: 2 };
  if (next === 'n') return { text: '\n', length: 2 };
  if (next === 't') return { text: '\t', length: 2 };
  if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(body.slice(at + 2, at + 6))) {
    return { text: String.fromCharCode(parseInt(body.slice(at + 2, at + 6), 16)), length: 6 };
  }
  return undefined;
}

/** Escape a string for printing; the inverse of decodeString. */
export function encodeString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}
