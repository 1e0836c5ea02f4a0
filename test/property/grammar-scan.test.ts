// The hand-written scanner against its specification: Chevrotain's lexer built from the token
// patterns. Same tokens (type, text, offset, line, column), same comments, same unexpected characters.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { referenceLex } from '../../grammar/src/lex-reference';
import { scan } from '../../grammar/src/scan';
import { arbHslistFile } from '../support/hslist-gen';

function scanned(text: string): unknown {
  const { tokens, comments, errors } = scan(text);
  return {
    tokens: tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.startLine, t.startColumn, t.tokenTypeIdx]),
    comments: comments.map((c) => [c.start, c.end]),
    errors: errors.map((e) => [e.offset, e.length]),
  };
}

function reference(text: string): unknown {
  const { tokens, groups, errors } = referenceLex(text);
  return {
    tokens: tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.startLine, t.startColumn, t.tokenTypeIdx]),
    comments: (groups['comments'] ?? []).map((c) => [c.startOffset, c.startOffset + c.image.length]),
    errors: errors.map((e) => [e.offset, e.length]),
  };
}

function sameAsReference(text: string): void {
  assert.deepEqual(scanned(text), reference(text), JSON.stringify(text));
}

/** Pieces where the patterns have edges: escapes, line ends, partial dates, lone symbols. */
const TRICKY = [
  '"', '\\', '\\"', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u00a0', '\ufeff', '\t', '\f', ' ', '`', '`a`', '#', '#12', '-', '-3', '1', '42',
  '3.', '.5', '2024-01-02', '2024-1-02', '12345', 'T10:00', 'T1', ':30', '.123', 'Z', '+01:00', '-02:30', '//', '/', '!', '!=',
  '=', '<', '<=', '>', '>=', "'", "don't", 'abc', 'IS', 'Known', 'list', 'x_1', '_', '{', '}', '(', ')', ',', ':', 'é', '~', '$',
  'associated', 'ASSOCIATEDX', 'day', 'Days',
];

describe('grammar: scanner matches the reference lexer', () => {
  it('on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), sameAsReference), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), sameAsReference), { numRuns: 300 });
  });

  it('on tricky fragments glued together', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 30 }), (parts) => sameAsReference(parts.join(''))), {
      numRuns: 1500,
    });
  });

  it('on generated programs', () => {
    fc.assert(fc.property(arbHslistFile(), sameAsReference), { numRuns: 100 });
  });

  it('on the edge cases written out', () => {
    for (const text of ['', '"abc', '"a\\', '"a\\\nb"', '2024-01-02T10:00:30.5+01:00x', '2024-01-02T10:00:3', '-x', '`a\nb`', '##1', '!!=', '\r\r\nx', 'a\u2028b', '"a\\\u2029b"', '"a\\\u2028b"']) {
      sameAsReference(text);
    }
  });
});
