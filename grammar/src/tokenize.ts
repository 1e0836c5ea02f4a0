// The public token view, for semantic tokens and completion: a kind name and offsets per token,
// comments included, in text order.

import { tokenMatcher, type IToken } from './chevrotain';
import { lexText } from './lex';
import * as T from './tokens';

export type TokenKind =
  | 'keyword'
  | 'identifier'
  | 'string'
  | 'number'
  | 'date'
  | 'datetime'
  | 'backtickName'
  | 'listId'
  | 'operator'
  | 'punctuation'
  | 'comment';

export interface HslistToken {
  kind: TokenKind;
  /** The token's type name in the lexer, e.g. `Kw_is`, `StringLit`, `LParen`. */
  type: string;
  text: string;
  start: number;
  end: number;
}

const OPERATORS = [T.Equals, T.NotEquals, T.Greater, T.GreaterEq, T.Less, T.LessEq];

function kindOf(token: IToken): TokenKind {
  const type = token.tokenType;
  if (type === T.Identifier) return 'identifier';
  if (type.name.startsWith('Kw_')) return 'keyword';
  if (tokenMatcher(token, T.StringLit)) return 'string';
  if (type === T.NumberLit) return 'number';
  if (type === T.DateLit) return 'date';
  if (type === T.DateTimeLit) return 'datetime';
  if (type === T.BacktickName) return 'backtickName';
  if (type === T.ListId) return 'listId';
  if (OPERATORS.includes(type)) return 'operator';
  return 'punctuation';
}

/** Every token of the text with its kind; characters the lexer cannot read are left out. */
export function tokenize(text: string): HslistToken[] {
  const lexed = lexText(text);
  const tokens: HslistToken[] = lexed.tokens.map((t) => ({
    kind: kindOf(t),
    type: t.tokenType.name,
    text: t.image,
    start: t.startOffset,
    end: t.startOffset + t.image.length,
  }));
  for (const c of lexed.comments) tokens.push({ kind: 'comment', type: 'LineComment', text: `//${c.text}`, start: c.start, end: c.end });
  return tokens.sort((a, b) => a.start - b.start);
}
