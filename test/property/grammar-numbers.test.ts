// Every finite number prints as one number token that reads back as the same value (5e-324, 1e21, -0).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { format, parse } from '../../grammar/src/index';
import { numberText } from '../../grammar/src/print-expr';
import { scan } from '../../grammar/src/scan';

describe('grammar properties: numbers', () => {
  it('numberText is one number token of the same value', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = numberText(n);
        const { tokens, errors } = scan(text);
        assert.deepEqual(errors, [], text);
        assert.equal(tokens.length, 1, text);
        assert.equal(tokens[0].tokenType.name, 'NumberLit', text);
        assert.ok(Object.is(Number(tokens[0].image), n), `${n} printed as ${text}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('a number setting survives format', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const out = format(`list "A" {\n  limit: ${numberText(n)}\n}\n`);
        assert.deepEqual(out.diagnostics, []);
        const value = parse(out.text).file.lists[0].settings[0].value;
        assert.ok(value?.kind === 'number' && Object.is(value.value, n), out.text);
      }),
      { numRuns: 300 },
    );
  });
});
