// Chevrotain's own lexer built from the token patterns in tokens.ts: the executable specification of
// the hand-written scanner (scan.ts). Only the differential test uses it; parsing never does.

import { Lexer, type ILexingResult } from './chevrotain';
import { ALL_TOKENS, Identifier, KEYWORD_BY_WORD } from './tokens';

let lexer: InstanceType<typeof Lexer> | undefined;

/** Tokens, comments and errors as Chevrotain reads `text`, identifiers retyped to their keywords. */
export function referenceLex(text: string): ILexingResult {
  lexer ??= new Lexer(ALL_TOKENS, { ensureOptimizations: true, positionTracking: 'onlyStart' });
  const result = lexer.tokenize(text);
  for (const token of result.tokens) {
    const keyword = token.tokenType === Identifier ? KEYWORD_BY_WORD.get(token.image.toLowerCase()) : undefined;
    if (keyword) {
      token.tokenType = keyword;
      token.tokenTypeIdx = keyword.tokenTypeIdx as number;
    }
  }
  return result;
}
