// The hand-written scanner: one pass over the character codes, producing the same tokens as
// Chevrotain's lexer built from the patterns in tokens.ts (lex-reference.ts; a property test keeps
// the two equal), several times faster and with far less garbage. Rules it follows, as the patterns do:
// the first pattern that matches wins (in ALL_TOKENS order); a word is one Identifier, retyped to its
// keyword by a lowercase lookup; characters nothing matches are dropped up to the next character where
// some token could start, and reported as one error.

import type { IToken, TokenType } from './chevrotain';
import * as chars from './scan-chars';
import * as T from './tokens';

// Module-level copies of imported bindings: read through a module object (as CommonJS output does)
// they cost a property lookup, or a getter call, on every character.
const { endOfDate, endOfDigits, endOfNumber, endOfString, endOfTime, endOfWord, isStartAt, isWhitespace, WORD_CHAR } = chars;
const { BacktickName, Colon, Comma, DateLit, DateTimeLit, Equals, Greater, GreaterEq, Identifier, LBrace, LParen, Less, LessEq, ListId } = T;
const { NotEquals, NumberLit, RBrace, RParen, StringLit, UnterminatedString, KEYWORD_BY_WORD, LONGEST_KEYWORD } = T;
const [LIST, SYNC] = [T.Kw.list, T.Kw.sync];

/** Punctuation by its first character; `!`, `<`, `>` are looked at with the next character. */
const PUNCT: (TokenType | undefined)[] = [];
const PUNCT_IMAGE: string[] = [];
for (const [ch, type] of [['{', LBrace], ['}', RBrace], ['(', LParen], [')', RParen], [',', Comma], [':', Colon], ['=', Equals]] as const) {
  PUNCT[ch.charCodeAt(0)] = type;
  PUNCT_IMAGE[ch.charCodeAt(0)] = ch;
}

export interface ScannedComment {
  start: number;
  end: number;
}

export interface ScanResult {
  tokens: IToken[];
  comments: ScannedComment[];
  errors: { offset: number; length: number }[];
  /** Strings with no closing quote on their line (also in `tokens`, as UnterminatedString). */
  unterminated: ScannedComment[];
}

/**
 * Scanner state: the position, the line bookkeeping for `startLine` / `startColumn`, and the brace
 * depth, so that a long text can be handed out in chunks that end where a top-level block begins.
 */
export class Scanner {
  /** The chunk being filled. */
  private tokens: IToken[] = [];
  readonly comments: ScannedComment[] = [];
  readonly errors: ScanResult['errors'] = [];
  readonly unterminated: ScannedComment[] = [];
  pos = 0;
  line = 1;
  lineStart = 0;
  private depth = 0;
  /** The `list` / `sync` token that ended the last chunk; it starts the next one. */
  private carried: IToken | undefined;

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length && this.carried === undefined;
  }

  /** The `list` or `sync` keyword the next chunk starts with (the last chunk ended just before it). */
  get nextStart(): IToken | undefined {
    return this.carried;
  }

  /** Go on from a chunk start an earlier scan of the same text found (chunk-layout.ts): no block is open there. */
  resumeAt(pos: number, line: number, lineStart: number): void {
    this.pos = pos;
    this.line = line;
    this.lineStart = lineStart;
    this.depth = 0;
    this.carried = undefined;
  }

  /**
   * Go on after a chunk known to scan as an earlier scan found (chunk-layout.ts), ending at `end` on
   * `line`, with `inside` the comments and bad characters it holds. That holds when the next token starts
   * a chunk, as it did then: a `list` or `sync` after the chunk's closing brace, or none at all. Returns
   * whether it does; when not, the scanner is left as it was, to scan the chunk.
   */
  skipChunk(end: number, line: number, lineStart: number, inside: Pick<ScanResult, 'comments' | 'errors' | 'unterminated'>, endsWithBrace: boolean): boolean {
    const before = { pos: this.pos, line: this.line, lineStart: this.lineStart, carried: this.carried, comments: this.comments.length, errors: this.errors.length, unterminated: this.unterminated.length };
    this.comments.push(...inside.comments);
    this.errors.push(...inside.errors);
    this.unterminated.push(...inside.unterminated);
    this.resumeAt(end, line, lineStart);
    const found: IToken[] = (this.tokens = []);
    while (this.pos < this.text.length && found.length === 0) this.step();
    const next = found[0];
    if (next === undefined || (endsWithBrace && (next.tokenType === LIST || next.tokenType === SYNC))) {
      this.carried = next;
      return true;
    }
    this.resumeAt(before.pos, before.line, before.lineStart);
    this.carried = before.carried;
    this.comments.length = before.comments;
    this.errors.length = before.errors;
    this.unterminated.length = before.unterminated;
    return false;
  }

  /** Stop: the rest of the text is known to scan as an earlier scan found (chunk-layout.ts). */
  skipRest(): void {
    this.pos = this.text.length;
    this.carried = undefined;
  }

  /**
   * The next tokens: at least `minTokens` of them, then up to a `list` or `sync` that follows a `}`
   * closing the outermost block (or to the end of the text).
   */
  nextChunk(minTokens: number): IToken[] {
    const chunk: IToken[] = (this.tokens = this.carried ? [this.carried] : []);
    this.carried = undefined;
    while (this.pos < this.text.length) {
      const before = chunk.length;
      this.step();
      if (chunk.length > minTokens && chunk.length > before && this.depth === 0 && startsBlockAfterBrace(chunk)) {
        this.carried = chunk.pop();
        break;
      }
    }
    return chunk;
  }

  push(type: TokenType, start: number, end: number, image?: string): void {
    // The same shape as Chevrotain's start-only tokens, so the parser sees one hidden class.
    this.tokens.push({
      image: image ?? this.text.substring(start, end),
      startOffset: start,
      startLine: this.line,
      startColumn: start - this.lineStart + 1,
      tokenTypeIdx: type.tokenTypeIdx as number,
      tokenType: type,
    });
    this.pos = end;
    if (type === LBrace) this.depth += 1;
    else if (type === RBrace && this.depth > 0) this.depth -= 1;
  }

  /** Skip a run of whitespace, counting `\n`, `\r\n` and a lone `\r` as one line end each. */
  skipWhitespace(): void {
    const text = this.text;
    let i = this.pos;
    for (; i < text.length && isWhitespace(text.charCodeAt(i)); i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.line += 1;
        this.lineStart = i + 1;
      }
    }
    this.pos = i;
  }

  word(start: number): void {
    const text = this.text;
    const end = endOfWord(text, start);
    const image = text.substring(start, end);
    let type = Identifier;
    if (end - start <= LONGEST_KEYWORD) {
      // Most words are written in lowercase: look them up as they are, lowercasing only when needed.
      let upper = false;
      for (let i = start; i < end && !upper; i++) upper = text.charCodeAt(i) <= 90 && text.charCodeAt(i) >= 65;
      type = KEYWORD_BY_WORD.get(upper ? image.toLowerCase() : image) ?? Identifier;
    }
    this.push(type, start, end, image);
  }

  /** Tokens that start with a character that is not a letter, digit, quote or bracket. */
  symbol(start: number, code: number): boolean {
    const text = this.text;
    const next = text.charCodeAt(start + 1);
    if (code === 47 /* / */ && next === 47) {
      const end = lineEnd(text, start);
      this.comments.push({ start, end });
      this.pos = end;
    } else if (code === 33 /* ! */ && next === 61) this.push(NotEquals, start, start + 2, '!=');
    else if (code === 62 /* > */) this.push(next === 61 ? GreaterEq : Greater, start, start + (next === 61 ? 2 : 1));
    else if (code === 60 /* < */) this.push(next === 61 ? LessEq : Less, start, start + (next === 61 ? 2 : 1));
    else if (code === 96 /* ` */) return this.backtick(start);
    else if (code === 35 /* # */ && next >= 48 && next <= 57) this.push(ListId, start, endOfDigits(text, start + 1));
    else return false;
    return true;
  }

  backtick(start: number): boolean {
    const text = this.text;
    for (let i = start + 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 96) {
        this.push(BacktickName, start, i + 1);
        return true;
      }
      if (code === 10 || code === 13) return false;
    }
    return false;
  }

  /** A date and time, a date, or a number: the first of the three patterns that matches. */
  number(start: number): void {
    const dateEnd = endOfDate(this.text, start);
    if (dateEnd < 0) return this.push(NumberLit, start, endOfNumber(this.text, start));
    const timeEnd = endOfTime(this.text, dateEnd);
    this.push(timeEnd < 0 ? DateLit : DateTimeLit, start, timeEnd < 0 ? dateEnd : timeEnd);
  }

  /** Characters no token starts with: drop them up to where one could start, as one error. */
  skipUnexpected(start: number): void {
    let i = start + 1;
    while (i < this.text.length && !isStartAt(this.text, i)) i++;
    this.errors.push({ offset: start, length: i - start });
    this.pos = i;
  }

  step(): void {
    const text = this.text;
    const start = this.pos;
    const code = text.charCodeAt(start);
    const punct = PUNCT[code];
    if (punct !== undefined) this.push(punct, start, start + 1, PUNCT_IMAGE[code]);
    else if (code < 128 && WORD_CHAR[code] === 2) this.word(start);
    else if (isWhitespace(code)) this.skipWhitespace();
    else if (code === 34 /* " */) {
      const end = endOfString(text, start);
      this.push(end < 0 ? UnterminatedString : StringLit, start, end < 0 ? -end : end);
      if (end < 0) this.unterminated.push({ start, end: -end });
    } else if (isDigit(code) || (code === 45 /* - */ && isDigit(text.charCodeAt(start + 1)))) this.number(start);
    else if (!this.symbol(start, code)) this.skipUnexpected(start);
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function lineEnd(text: string, at: number): number {
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) break;
    at++;
  }
  return at;
}

/** Tokens (comments apart, whitespace dropped), comment spans and unexpected characters of `text`. */
export function scan(text: string): ScanResult {
  const scanner = new Scanner(text);
  const tokens = scanner.nextChunk(Infinity);
  return { tokens, comments: scanner.comments, errors: scanner.errors, unterminated: scanner.unterminated };
}

function startsBlockAfterBrace(chunk: IToken[]): boolean {
  const last = chunk[chunk.length - 1].tokenType;
  return (last === LIST || last === SYNC) && chunk[chunk.length - 2].tokenType === RBrace;
}
