// The parser's plumbing: Chevrotain configuration, our re-sync policy for error recovery, and
// helpers that turn tokens into spans and values. The grammar rules live in parser-expr.ts and
// parser.ts; this file has no rules of its own.

import * as chevrotain from './chevrotain';
import type { IToken, TokenType } from './chevrotain';
import type { ErrorCondition, Span, Value } from './ast';
import { diagnostic, type Diagnostic } from './diagnostic';
import { suffixedNumber } from './number-suffix';
import { decodeString } from './lex';
import { errorMessages } from './messages';
import * as T from './tokens';

// Module-level references to token types and Chevrotain's exports (cheaper than a module lookup on every use).
const { EmbeddedActionsParser, EOF, tokenMatcher } = chevrotain;
const { BacktickName, DateLit, DateTimeLit, Equals, LBrace, NumberLit, RBrace, RParen, StringLit, UnterminatedString, Kw: K } = T;
const [TRUE, FALSE] = [K.true, K.false];

/** Tokens at which recovery may always pick up again, even in the middle of a line. */
const STRONG_SYNC: TokenType[] = [RBrace, RParen, K.and, K.or, K.list, K.sync, K.where, K.map];

export class ParserBase extends EmbeddedActionsParser {
  /** Syntax problems found by our own actions (a second `where`, stray text), reset per parse. */
  extraDiagnostics: Diagnostic[] = [];
  textLength = 0;
  private resyncTargetIndex = -1;

  constructor() {
    super(T.ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 2, errorMessageProvider: errorMessages });
    // Skipping ahead inside a repetition guesses too eagerly for a line-oriented language; bad lines
    // are consumed by explicit "stray text" alternatives instead.
    (this as unknown as { attemptInRepetitionRecovery: () => void }).attemptInRepetitionRecovery = () => undefined;
  }

  /**
   * Re-sync only at a token that can really restart something: a closing bracket, `and`/`or`, a
   * block keyword, or the first token of a later line. Chevrotain's default would stop at the very
   * next word, because a setting (any words) may follow a `where` expression.
   */
  findReSyncTokenType(): TokenType {
    const self = this as unknown as { flattenFollowSet(): TokenType[] };
    // Innermost rule first, so `and` re-syncs the condition that failed, not the whole `where`.
    const follows = self.flattenFollowSet().slice().reverse();
    const previous = this.LA(0);
    const errorLine = previous.tokenType === EOF ? 0 : previous.startLine ?? 0;
    for (let k = 1; ; k++) {
      const token = this.LA(k);
      if (token.tokenType === EOF) {
        this.resyncTargetIndex = -1;
        return EOF;
      }
      const match = this.resyncMatch(token, follows, (token.startLine ?? 0) > errorLine);
      if (match !== undefined) {
        this.resyncTargetIndex = this.currentIndex() + k;
        return match;
      }
    }
  }

  /**
   * On the error's own line only a strong token that a rule really expects (its exact type, not
   * "any word" or "stray text") restarts parsing; on a later line, any token a rule accepts does.
   */
  private resyncMatch(token: IToken, follows: TokenType[], laterLine: boolean): TokenType | undefined {
    const exact = follows.find((f) => f === token.tokenType);
    if (laterLine) return exact ?? follows.find((f) => tokenMatcher(token, f));
    return exact !== undefined && STRONG_SYNC.includes(exact) ? exact : undefined;
  }

  /** Skip exactly to the token findReSyncTokenType chose (not merely the first of its type). */
  reSyncTo(tokType: TokenType): IToken[] {
    const skipped: IToken[] = [];
    while (this.LA(1).tokenType !== EOF) {
      const atTarget =
        this.resyncTargetIndex >= 0 ? this.currentIndex() + 1 >= this.resyncTargetIndex : tokenMatcher(this.LA(1), tokType);
      if (atTarget) break;
      skipped.push(this.LA(1));
      this.SKIP_TOKEN();
    }
    return skipped;
  }

  protected currentIndex(): number {
    return (this as unknown as { currIdx: number }).currIdx;
  }

  protected startOf(token: IToken): number {
    return Number.isNaN(token.startOffset) || token.startOffset === undefined ? this.textLength : token.startOffset;
  }

  /** End (exclusive) of the last real token consumed; inserted-in-recovery tokens have no offsets. */
  protected lastEnd(): number {
    const last = this.LA(0);
    if (last.tokenType === EOF || Number.isNaN(last.startOffset)) return 0;
    return last.startOffset + last.image.length;
  }

  protected spanFrom(start: number): Span {
    return { start, end: Math.max(start, this.lastEnd()) };
  }

  /** Where the next token starts. */
  protected here(): number {
    return this.startOf(this.LA(1));
  }

  protected tokenSpan(token: IToken): Span {
    const start = this.startOf(token);
    return { start, end: start + (Number.isNaN(token.startOffset) ? 0 : token.image.length) };
  }

  protected errorCondition(start: number): ErrorCondition {
    return { kind: 'error', ...this.spanFrom(start) };
  }

  protected stringText(token: IToken): string {
    if (Number.isNaN(token.startOffset)) return '';
    return decodeString(token, this.extraDiagnostics);
  }

  /** A literal token as a value (token types compared directly: this runs for every value parsed). */
  protected tokenValue(token: IToken): Value {
    const start = this.startOf(token);
    const end = Number.isNaN(token.startOffset) ? start : start + token.image.length;
    const type = token.tokenType;
    const image = token.image;
    if (type === StringLit || type === UnterminatedString) return { kind: 'string', value: this.stringText(token), start, end };
    if (type === NumberLit) return { kind: 'number', value: Number(image), raw: image, start, end };
    if (type === DateTimeLit) return { kind: 'datetime', raw: image, start, end };
    if (type === DateLit) {
      const [year, month, day] = image.split('-').map(Number);
      return { kind: 'date', raw: image, year, month, day, start, end };
    }
    if (type === TRUE) return { kind: 'boolean', value: true, start, end };
    if (type === FALSE) return { kind: 'boolean', value: false, start, end };
    return { kind: 'word', value: image, start, end };
  }

  /**
   * `1M` where a value goes: the suffix is taken with the number (so the rest of the line still parses)
   * and reported as an error with the plain number as its fix; the value is that number, so no check
   * after it misreads the line. Nothing with a suffix compiles or formats (both refuse syntax errors).
   */
  protected suffixedNumberValue(token: IToken): Value | undefined {
    const suffixed = suffixedNumber(token, this.LA(1));
    if (!suffixed) return undefined;
    this.SKIP_TOKEN();
    const start = this.startOf(token);
    const span = { start, end: start + suffixed.written.length };
    const fix = { title: `Write ${suffixed.number}`, edits: [{ ...span, newText: suffixed.number }] };
    this.extraDiagnostics.push(diagnostic('syntax-error', suffixed.message, span, 'error', [fix]));
    return { kind: 'number', value: Number(suffixed.number), raw: suffixed.number, ...span };
  }

  /** A property or field name: backticks removed, the span keeps them. */
  protected nameOf(token: IToken): { text: string; start: number; end: number } {
    const start = this.startOf(token);
    const end = Number.isNaN(token.startOffset) ? start : start + token.image.length;
    const isBacktick = token.tokenType === BacktickName && token.image.length >= 2;
    return { text: isBacktick ? token.image.slice(1, -1) : token.image, start, end };
  }

  protected onLine(line: number | undefined): boolean {
    return this.onLineToken(this.LA(1), line);
  }

  protected onLineToken(token: IToken, line: number | undefined): boolean {
    return token.tokenType !== EOF && line !== undefined && token.startLine === line;
  }

  /** At `}`, the end of the file, or the start of a top-level block (a block left open ends there). */
  protected atBlockEnd(): boolean {
    const next = this.LA(1);
    const type = next.tokenType;
    if (type === EOF || type === RBrace || type === K.list || type === K.sync) return true;
    // `values <name> =` and `condition <name> {`; `condition <name>` alone is a condition in criteria.
    if (type === K.values) return this.LA(3).tokenType === Equals;
    return type === K.condition && this.LA(3).tokenType === LBrace;
  }
}
