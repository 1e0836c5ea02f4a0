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

/** Where an edit goes: anywhere, or often near a block's first keyword or a closing brace, where chunks begin and end. */
function editAt(text: string, at: number, near: number): number {
  const marks = [...text.matchAll(/list|sync|values|condition|\}/gi)].map((m) => m.index);
  if (near === 0 || marks.length === 0) return at % (text.length + 1);
  return Math.min(text.length, marks[at % marks.length] + near - 2);
}

/** A text of many lines and characters typed or deleted anywhere in it, line breaks and braces included. */
const typedVersions = fc
  .tuple(
    fc.array(arbHslistFile(), { minLength: 2, maxLength: 5 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(7), fc.nat(3), fc.constantFrom('\n', '\r\n', ' ', 'x', '7', '{', '}', '"', '(', 'list "y" {\n', '// c\n', '}\nlist "z" {', '\u0001')), { maxLength: 10 }),
  )
  .map(([files, edits]) => {
    const versions = [files.join('\n')];
    for (const [at, near, removed, typed] of edits) {
      const text = versions[versions.length - 1];
      const i = editAt(text, at, near);
      versions.push(text.slice(0, i) + (removed === 0 ? '' : typed) + text.slice(i + (removed === 0 ? 1 : removed - 1)));
    }
    return versions;
  });

describe('grammar: reparsing with a block memo', () => {
  it('gives what a fresh parse gives when characters are typed and deleted across lines', () => {
    fc.assert(
      fc.property(typedVersions, (versions) => {
        const memo = new BlockMemo();
        for (const text of versions) assert.deepEqual(parseReusing(text, memo), parse(text), JSON.stringify(text));
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 300) },
    );
  });

  it('scans again a block whose start was edited in place, as a fresh parse reads it', () => {
    const text = ['list "A" {', '  where email is known', '}', 'list "B" {', '  where email is known', '}', 'list "C" {', '  where email is known', '}', ''].join('\n');
    const memo = new BlockMemo();
    parseReusing(text, memo);
    // The same length, so the blocks after the edit sit where they sat: only the text tells them apart.
    const at = text.indexOf('list "B"') + 4;
    const edited = `${text.slice(0, at)}"${text.slice(at + 1)}`;
    const result = parseReusing(edited, memo);
    assert.deepEqual(result, parse(edited));
    assert.deepEqual(result.file.lists.map((l) => l.name.text), ['A', '', 'C']);
  });

  it('scans again only from the block before an edit to the first unchanged block after it', () => {
    const lists = Array.from({ length: 40 }, (_, i) => `list "L${i}" {\n  where num_employees > ${i} and email is known // n\n}\n`);
    const memo = new BlockMemo();
    const first = lists.join('\n');
    parseReusing(first, memo);
    const scanned = memo.scannedChars;
    assert.equal(scanned, first.length, 'the first parse scans everything');
    const edited = [...lists];
    edited[20] = edited[20].replace('> 20', '> 20000\n  and email is known');
    const text = edited.join('\n');
    assert.deepEqual(parseReusing(text, memo), parse(text));
    assert.ok(memo.scannedChars - scanned < 4 * lists[20].length, `scanned ${memo.scannedChars - scanned} of ${text.length} characters`);
  });

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
