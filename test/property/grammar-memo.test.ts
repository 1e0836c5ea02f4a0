// Reparsing with a block memo (parseReusing) gives exactly what a fresh parse gives, edit after edit, for
// valid and broken text; and an edit inside one block parses that block alone.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BlockMemo, parse, parseReusing } from '../../grammar/src/index';
import { arbHslistFile, arbTokenEdits, editedVersions } from '../support/hslist-gen';

/** A text and a sequence of edits: a token deleted, duplicated or replaced, or a block appended. */
const versionsOfAnEdit = fc
  .tuple(fc.array(arbHslistFile(), { minLength: 1, maxLength: 4 }), arbTokenEdits(['{', '}', '(', ')', 'list', 'where', '"x', 'and', ':', '7', 'email'], { maxLength: 6 }))
  .map(([files, edits]) => editedVersions(files.join('\n'), edits));

describe('grammar: reparsing with a block memo', () => {
  it('gives the tree and diagnostics of a fresh parse after every edit', () => {
    fc.assert(
      fc.property(versionsOfAnEdit, (versions) => {
        const memo = new BlockMemo();
        for (const text of versions) assert.deepEqual(parseReusing(text, memo), parse(text), text);
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 300) },
    );
  });

  it('an edit inside one list of many parses that list alone, wherever the text before it moved', () => {
    const lists = Array.from({ length: 40 }, (_, i) => `list "L${i}" {\n  where num_employees > ${i} and email is known\n}\n`);
    const memo = new BlockMemo();
    parseReusing(lists.join('\n'), memo);
    assert.equal(memo.parsedChunks, 40);
    const edited = [...lists];
    edited[3] = edited[3].replace('> 3', '> 30000');
    const text = edited.join('\n');
    const result = parseReusing(text, memo);
    assert.equal(memo.parsedChunks, 41, 'one block parsed again');
    assert.deepEqual(result, parse(text));
    assert.equal(result.file.lists[39].start, text.indexOf('list "L39"'), 'blocks after the edit moved with it');
  });
});
