// The block memo across many edits: what it keeps of earlier parses is bounded, whatever the number of
// edits (a moved list is derived from the one before it, never from a chain of all earlier ones).
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BlockMemo, parseReusing, type ListNode } from '@hslist/grammar';

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
