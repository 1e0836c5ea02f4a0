// Diagnostics of lists kept by each list's source text, offsets relative to the list's start: a list's
// checks and its compilation depend on its own text alone (and on what the owner keys the memo by, e.g.
// the schemas), so an unchanged list, wherever an edit moved it, is not judged again. Entries not used by
// the latest pass are dropped, so the memo holds one workspace's lists at most. Shared by the file checks
// of a file (block-checks.ts) and the compiler's diagnostics (workspace.ts CompileCache).

import { movedFrom, type Diagnostic, type ListNode } from '@hslist/grammar';

interface Entry {
  relative: Diagnostic[];
  /** The last pass that used it. */
  usedIn: number;
}

export class ListDiagnosticsMemo {
  /**
   * By list source. Each entry is marked with the last pass that used it, and those the last pass did
   * not use are deleted when the next one begins: the same entries as a map of the last pass's uses, without
   * building a new map of every list of the workspace on every keystroke.
   */
  private entries = new Map<string, Entry>();
  private pass = 0;
  private usedThisPass = 0;
  /**
   * Results by tree node: an unchanged file keeps its trees, so most lists skip even the text lookup.
   * The list's source and entry go with them so that a hit still counts as a use: a list found by node
   * in one pass and moved by an edit in the next must still be found by its text.
   */
  private byNode = new WeakMap<ListNode, { source: string; entry: Entry; absolute: Diagnostic[] }>();
  /** Lists judged (not taken from the memo) since the memo was made: tests prove reuse with it. */
  computed = 0;

  /** A pass starts: `same` when what the results depend on is unchanged, else everything is forgotten. */
  begin(same: boolean): void {
    if (!same) {
      this.entries = new Map();
      this.byNode = new WeakMap();
    } else if (this.usedThisPass > 0) {
      const last = this.pass;
      // forEach, not for…of: no [key, value] pair is made per entry (deleting while iterating is allowed).
      this.entries.forEach((entry, source, entries) => {
        if (entry.usedIn !== last) entries.delete(source);
      });
    }
    this.pass++;
    this.usedThisPass = 0;
  }

  /**
   * `list`'s diagnostics (absolute offsets in `text`), from the memo or else from `compute(list)` (one
   * function for every list of a pass: no closure is made per list of the workspace on each keystroke).
   */
  diagnostics(text: string, list: ListNode, compute: (list: ListNode) => Diagnostic[]): Diagnostic[] {
    const known = this.byNode.get(list);
    if (known) {
      this.use(known.source, known.entry);
      return known.absolute;
    }
    // A list an edit moved is a copy of one judged before: its source and results are that list's.
    const origin = movedFrom(list);
    const before = origin && this.byNode.get(origin.list);
    const source = before?.source ?? text.slice(list.start, list.end);
    let entry = before?.entry ?? this.entries.get(source);
    if (!entry) {
      this.computed++;
      entry = { relative: compute(list).map((d) => shiftDiagnostic(d, -list.start)), usedIn: -1 };
    }
    this.use(source, entry);
    const absolute = entry.relative.map((d) => shiftDiagnostic(d, list.start));
    this.byNode.set(list, { source, entry, absolute });
    return absolute;
  }

  private use(source: string, entry: Entry): void {
    if (entry.usedIn === this.pass) return;
    entry.usedIn = this.pass;
    this.usedThisPass++;
    // An entry a pass left unused was deleted: a list known by node (or moved from one) brings it back.
    if (this.entries.get(source) !== entry) this.entries.set(source, entry);
  }
}

/** A diagnostic moved by `by`, with its fixes' edits in this file (an edit in another file stays). */
export function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  const fixes = d.fixes?.map((f) => (f.path ? f : { ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) }));
  return { ...d, start: d.start + by, end: d.end + by, ...(fixes ? { fixes } : {}) };
}
