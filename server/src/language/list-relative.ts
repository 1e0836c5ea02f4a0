// What a feature derives from a list's text alone, kept with offsets relative to the list's start. An
// edit gives its file a new tree in which the lists it did not touch are moved (block-memo.ts): such a
// list derives exactly what the list it moved from derived, relative to its start, and taking that
// value reads none of its nodes (reading them copies them, moved-list.ts). So the requests an editor
// makes after each keystroke (semantic tokens, outline, folding) cost the lists an edit touched, plus a
// pass that places each list's value at its start.

import { movedFrom, type ListNode } from '@hslist/grammar';

/** `compute(list)`, or the value of the list it moved from; values must not depend on where the list starts. */
export function relativeToList<T>(memo: WeakMap<ListNode, T>, list: ListNode, compute: (list: ListNode) => T): T {
  let value = memo.get(list);
  if (value === undefined) {
    const origin = movedFrom(list);
    value = (origin && memo.get(origin.list)) ?? compute(list);
    memo.set(list, value);
  }
  return value;
}
