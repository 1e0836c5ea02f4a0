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

/**
 * A text and versions of it that each differ from it by one edit: one version to the next, the text
 * changed in two places (the last edit undone, another made), as after an edit at one place and then at
 * another, or an undo.
 */
const versionsEditedInTwoPlaces = fc
  .tuple(
    fc.array(arbHslistFile(), { minLength: 2, maxLength: 6 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(7), fc.nat(3), fc.constantFrom('\n', ' ', 'x', '77', '{', '}', '"', '(', 'list "y" {\n', '// c\n', '}\nlist "z" {', '}\n\nlist "w" {\n  where email is known\n}\n', '\u0001')), { minLength: 2, maxLength: 8 }),
  )
  .map(([files, edits]) => {
    const base = files.join('\n');
    const versions = [base];
    for (const [at, near, removed, typed] of edits) {
      const i = editAt(base, at, near);
      versions.push(base.slice(0, i) + (removed === 0 ? '' : typed) + base.slice(i + (removed === 0 ? 1 : removed - 1)));
    }
    return versions;
  });

describe('grammar: reparsing with a block memo', () => {
  it('gives what a fresh parse gives when the text changed in two places since the last parse', () => {
    fc.assert(
      fc.property(versionsEditedInTwoPlaces, (versions) => {
        const memo = new BlockMemo();
        for (const text of versions) {
          assert.deepEqual(parseReusing(text, memo), parse(text), JSON.stringify(text));
          // What the next parse starts from is what a fresh parse finds: the same chunks, lines and comments.
          const fresh = new BlockMemo();
          parseReusing(text, fresh);
          assert.deepEqual(memo.layout, fresh.layout, JSON.stringify(text));
        }
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 300) },
    );
  });

  it('scans again only the two places a text changed since the last parse, not what lies between them', () => {
    const lists = Array.from({ length: 40 }, (_, i) => `list "L${i}" {\n  where num_employees > ${i} and email is known // n\n}\n`);
    const memo = new BlockMemo();
    const edit = (i: number) => lists.map((l, j) => (j === i ? l.replace(`> ${i}`, `> ${i}000`) : l)).join('\n');
    parseReusing(edit(5), memo);
    const scanned = memo.scannedChars;
    const text = edit(34);
    assert.deepEqual(parseReusing(text, memo), parse(text));
    assert.ok(memo.scannedChars - scanned < 6 * lists[5].length, `scanned ${memo.scannedChars - scanned} of ${text.length} characters`);
    assert.equal(memo.parsedChunks, 42, 'the two lists that changed parsed again');
  });

  it('reads a block that ends without a brace as a fresh parse does when a list is added after it', () => {
    // A chunk ends at a `list` or `sync` right after a `}`: a value set's `)` followed by a new list is not an end.
    const old = 'list "A" {\n  where email is known\n}\nlist "B" {\n  where phone is known\n}\nvalues v = (1, 2)\n';
    const memo = new BlockMemo();
    parseReusing(old, memo);
    const text = `${old.replace('email', 'firstname')}list "C" {\n  where num_employees is any of v\n}\n`;
    assert.deepEqual(parseReusing(text, memo), parse(text));
    const fresh = new BlockMemo();
    parseReusing(text, fresh);
    assert.deepEqual(memo.layout, fresh.layout);
  });

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
