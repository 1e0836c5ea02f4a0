// The block memo across many edits: a list an edit moved reads exactly as a fresh parse reads it, its
// nodes copied only when something reads them, and what the memo keeps of earlier parses is bounded
// whatever the number of edits (a moved list never holds the lists it moved from).
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BlockMemo, parse, parseReusing, type ListNode } from '@hslist/grammar';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** 40 lists after a first line that each edit changes, so that every list moves on every edit. */
function version(n: number): string {
  const lists = Array.from({ length: 40 }, (_, i) => `list "L${i}" {\n  where num_employees > ${i} and email is known\n}\n`);
  return `// edit ${'x'.repeat(n % 7)}\n${lists.join('\n')}`;
}

/** WeakRefs to the lists of the parse of `version(n)` made with `memo`, after `n` earlier parses. */
function refsAfter(memo: BlockMemo, n: number): WeakRef<ListNode>[] {
  for (let i = 0; i < n; i++) parseReusing(version(i), memo);
  return parseReusing(version(n), memo).file.lists.map((l) => new WeakRef(l));
}

describe('grammar: block memo memory', () => {
  it('lets the lists of an old parse go once later edits moved them again', async () => {
    const memo = new BlockMemo();
    const old = refsAfter(memo, 1);
    for (let i = 2; i < 6; i++) parseReusing(version(i), memo);
    // WeakRef targets stay alive until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.equal(old.filter((ref) => ref.deref() !== undefined).length, 0, 'lists of a parse four edits ago are still reachable');
  });
});

describe('grammar: lists an edit moved', () => {
  const lists = ['list "A" {\n  where email is known\n}\n', 'list "B" {\n  type: static\n  where lifecyclestage is lead\n}\n', 'list "C" {\n  where country is "Poland" or phone is known\n}\n'];
  const first = lists.join('\n');
  const edited = (n: number) => first.replace('email is known', `email is known${' and phone is known'.repeat(n)}`);

  it('read as a fresh parse reads them, their settings and criteria copied only when read', () => {
    const memo = new BlockMemo();
    parseReusing(first, memo);
    const text = edited(1);
    const { file } = parseReusing(text, memo);
    assert.equal(memo.parsedChunks, 4, 'the edited list alone parsed again');
    assert.deepEqual([file.lists[1].start, file.lists[2].name.start], [text.indexOf('list "B"'), text.indexOf('"C"')], 'names and spans moved');
    assert.equal(memo.copiedLists, 0, 'nothing read their criteria yet');
    assert.equal(file.lists[2].where?.start, text.indexOf('country'));
    assert.equal(memo.copiedLists, 1);
    assert.equal(file.lists[2].where, file.lists[2].where, 'one copy, the same on every read');
    assert.deepEqual(file, parse(text).file);
    assert.equal(memo.copiedLists, 2);
  });

  it('moved again before anything read them: copied from the list as parsed, moved by both edits', () => {
    const memo = new BlockMemo();
    parseReusing(first, memo);
    parseReusing(edited(1), memo);
    const text = edited(3);
    const { file } = parseReusing(text, memo);
    assert.equal(memo.copiedLists, 0);
    assert.deepEqual(file, parse(text).file);
    assert.equal(file.lists[1].settings[0].value?.start, text.indexOf('static'));
  });

  it('serialise and clone as the lists of a fresh parse', () => {
    const memo = new BlockMemo();
    parseReusing(first, memo);
    const text = edited(2);
    const { file } = parseReusing(text, memo);
    assert.equal(JSON.stringify(file), JSON.stringify(parse(text).file));
    assert.deepEqual(structuredClone(file), parse(text).file);
  });
});
