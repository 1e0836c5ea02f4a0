import { strict as assert } from 'node:assert';
import { editDistance, suggest, withDidYouMean } from '../../../server/src/language/did-you-mean';
import { LineIndex } from '../../../server/src/language/positions';

describe('language: positions and did-you-mean', () => {
  it('converts offsets to 0-based lines and UTF-16 characters and back', () => {
    const text = 'list "Zażółć 😀" {\r\n  where email is known\n}\r';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    const where = text.indexOf('where');
    assert.deepEqual(index.positionAt(where), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: 1, character: 2 }), where);
    const brace = text.indexOf('{');
    assert.deepEqual(index.positionAt(brace), { line: 0, character: brace }); // the emoji counts as 2 units
    assert.deepEqual(index.positionAt(text.length + 10), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 0, character: 999 }), text.indexOf('\r\n'));
    for (let offset = 0; offset <= text.length; offset++) {
      const p = index.positionAt(offset);
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF
      assert.equal(index.offsetAt(p), offset, `round trip at ${offset}`);
    }
  });

  it('indexes texts of very many lines, one after another, as counting their line ends does', () => {
    for (const [lines, end] of [[70000, '\n'], [5000, '\r\n'], [3, '\n'], [70000, '\r']] as const) {
      const text = Array.from({ length: lines }, (_, i) => `line ${i}`).join(end);
      const index = new LineIndex(text);
      assert.equal(index.lineCount, lines);
      for (const line of [0, 1, lines >> 1, lines - 1]) {
        const offset = text.indexOf(`line ${line}${line === lines - 1 ? '' : end}`);
        assert.deepEqual(index.positionAt(offset + 2), { line, character: 2 }, `${lines} lines ending ${JSON.stringify(end)}`);
        assert.equal(index.offsetAt({ line, character: 2 }), offset + 2);
      }
    }
  });

  it('Damerau–Levenshtein counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('emial', 'email'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('suggests up to three, best first, over names and labels, case-insensitively', () => {
    const candidates = [{ value: 'jobtitle', aliases: ['Job Title'] }, { value: 'email' }, { value: 'emails' }, { value: 'mail' }, { value: 'zip' }];
    assert.deepEqual(suggest('EMAILL', candidates).map((s) => s.value), ['email', 'emails', 'mail']);
    assert.deepEqual(suggest('job title', candidates).map((s) => s.value), ['jobtitle']);
    assert.deepEqual(suggest('qqqqqq', candidates), []);
    assert.equal(withDidYouMean('Unknown `x`', suggest('emaill', candidates).slice(0, 2)), 'Unknown `x`; did you mean `email` or `emails`?');
    assert.equal(withDidYouMean('Unknown `x`', []), 'Unknown `x`.');
  });
});
