// The parser is recursive, so absurd nesting (100,000 `(`) would overflow the stack. Measure the
// nesting on the flat token stream first; the parser never sees a file that is too deep.

import type { IToken } from './chevrotain';
import * as T from './tokens';

/** Far beyond any real list (HubSpot allows a handful of levels), far below the stack limit. */
export const MAX_NESTING = 200;

// Module-level references: the loop below runs once per token.
const { LParen, RParen, RBrace, Kw } = T;
const [NOT, WHERE, AND, OR, LIST, SYNC] = [Kw.not, Kw.where, Kw.and, Kw.or, Kw.list, Kw.sync];

export interface TooDeep {
  start: number;
  end: number;
  message: string;
}

/**
 * Counts open parentheses plus the `not` / `where` prefixes that are still open at each level:
 * `not not not x` nests as deeply in the parser as `((( x )))`.
 */
export function findTooDeepNesting(tokens: IToken[]): TooDeep | undefined {
  const prefixes: number[] = [0];
  let depth = 0;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LParen) {
      prefixes.push(0);
      depth += 1;
    } else if (type === RParen) {
      if (prefixes.length > 1) depth -= 1 + (prefixes.pop() ?? 0);
    } else if (type === NOT || type === WHERE) {
      prefixes[prefixes.length - 1] += 1;
      depth += 1;
    } else if (type === AND || type === OR) {
      depth -= prefixes[prefixes.length - 1];
      prefixes[prefixes.length - 1] = 0;
    } else if (type === RBrace || type === LIST || type === SYNC) {
      prefixes.length = 1;
      prefixes[0] = 0;
      depth = 0;
    }
    if (depth > MAX_NESTING) {
      const message = `Conditions are nested more than ${MAX_NESTING} levels deep here; flatten them.`;
      return { start: token.startOffset, end: token.startOffset + token.image.length, message };
    }
  }
  return undefined;
}
