// A list that an edit moved without changing it. Its nodes are those of the list it was read as, every
// offset moved by how far the list moved. Copying all of them on every edit was a large part of the cost
// of a keystroke in a long file (every list after the edit moves when the edit changes the text's length),
// and the copies were garbage by the next keystroke. Yet a re-check reads of a moved list only its name
// and where it starts and ends: its checks, references and compiled diagnostics are those of the list it
// moved from, moved (block-memo.ts movedFrom). So a moved list is made with those, and its settings and
// criteria are copied, moved, only when something reads them (a hover over it, the list types completion
// shows, a preview): what that reader gets is exactly the copy a fresh parse would give, and no list is
// ever changed in place.

import type { Expr, ListNode, Setting } from './ast';
import { shifted } from './shift';

/** Where a moved list's nodes come from, and what was copied of them so far. */
interface Inside {
  /** The parsed list this one is a move of: its nodes are never changed, and moves add up. */
  from: ListNode;
  by: number;
  /** Told once, when the list's nodes are first copied (BlockMemo.copiedLists). */
  onCopy: () => void;
  settings?: Setting[];
  where?: Expr | undefined;
  whereCopied?: boolean;
}

const insides = new WeakMap<ListNode, Inside>();

function inside(list: ListNode): Inside {
  return insides.get(list) as Inside;
}

function copied(at: Inside): void {
  if (at.settings === undefined && !at.whereCopied) at.onCopy();
}

/** Shared by every moved list, so that they all have one shape (V8 keeps them fast when the accessors are the same functions). */
const LAZY_PARTS: PropertyDescriptorMap = {
  settings: {
    get(this: ListNode): Setting[] {
      const at = inside(this);
      if (at.settings === undefined) {
        copied(at);
        at.settings = shifted(at.from.settings, at.by);
      }
      return at.settings;
    },
    set(this: ListNode, settings: Setting[]) {
      inside(this).settings = settings;
    },
    enumerable: true,
    configurable: true,
  },
  where: {
    get(this: ListNode): Expr | undefined {
      const at = inside(this);
      if (!at.whereCopied) {
        copied(at);
        at.where = shifted(at.from.where, at.by);
        at.whereCopied = true;
      }
      return at.where;
    },
    set(this: ListNode, where: Expr | undefined) {
      const at = inside(this);
      at.where = where;
      at.whereCopied = true;
    },
    enumerable: true,
    configurable: true,
  },
};

/**
 * `list` moved by `by`: a new list whose name, span and `where` keyword are moved now, and whose settings
 * and criteria are moved copies made on first read. The properties are those of a parsed list, in the same
 * order, so it compares, serialises and clones as one (their values are read through the accessors).
 */
export function movedList(list: ListNode, by: number, onCopy: () => void): ListNode {
  // A list moved again is copied, when it is read, from the parsed list in one step: moved lists never
  // hold each other, and a part one of them copied is not copied from again.
  const before = insides.get(list);
  const moved = { kind: 'list', name: shifted(list.name, by) } as ListNode;
  Object.defineProperties(moved, LAZY_PARTS);
  moved.whereKeyword = shifted(list.whereKeyword, by);
  moved.start = list.start + by;
  moved.end = list.end + by;
  insides.set(moved, before ? { from: before.from, by: before.by + by, onCopy } : { from: list, by, onCopy });
  return moved;
}
