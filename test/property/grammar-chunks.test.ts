// Parsing in chunks of whole blocks (how parse reads long texts) gives exactly the result of parsing
// the text in one piece: the same tree and the same diagnostics, for valid and for broken text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../grammar/src/index';
import { parseInChunks } from '../../grammar/src/parse';
import { arbHslistFile, arbTokenEdits, editedVersions } from '../support/hslist-gen';

/** Several valid files joined, with some tokens deleted, duplicated or replaced by a troublemaker. */
const broken = fc
  .tuple(fc.array(arbHslistFile(), { minLength: 1, maxLength: 4 }), arbTokenEdits(['{', '}', '(', ')', 'list', 'sync', 'where', '"x', 'and', ':'], { maxLength: 3 }))
  .map(([files, edits]) => editedVersions(files.join('\n'), edits).at(-1) as string);

function sameAsOnePiece(text: string, chunkTokens: number): void {
  assert.deepEqual(parseInChunks(text, chunkTokens), parseInChunks(text, Infinity), text);
}

describe('grammar properties: parsing in chunks', () => {
  it('valid files read the same in small chunks as in one piece', () => {
    const files = fc.array(arbHslistFile(), { minLength: 1, maxLength: 5 }).map((f) => f.join('\n'));
    fc.assert(fc.property(files, fc.integer({ min: 1, max: 60 }), sameAsOnePiece), { numRuns: 200 });
  });

  it('broken files read the same in small chunks as in one piece', () => {
    fc.assert(fc.property(broken, fc.integer({ min: 1, max: 60 }), sameAsOnePiece), { numRuns: 400 });
  });

  it('a block broken beyond recovery at the end keeps the blocks before it, in chunks or not', () => {
    const text = 'list "A" { type: active where a is known }\nlist "B" // no brace: the file ends here';
    for (const chunkTokens of [1, Infinity]) {
      const { file, diagnostics } = parseInChunks(text, chunkTokens);
      assert.deepEqual(file.lists.map((l) => l.name.text), ['A']);
      assert.deepEqual(diagnostics.map((d) => d.message), ['Expected `{` after `"B"`, found the end of the file.']);
    }
  });

  it('a long file is read in chunks by parse, with the same result', () => {
    const block = (i: number) => `list "L${i}" {\n  type: active\n  where email is known and n${i} > ${i}\n}\n`;
    const text = `${Array.from({ length: 1500 }, (_, i) => block(i)).join('\n')}list "bad" {\n  where x is\n}\n`;
    const result = parse(text);
    assert.equal(result.file.lists.length, 1501);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['syntax-error']);
    assert.deepEqual(result, parseInChunks(text, Infinity));
  });
});
