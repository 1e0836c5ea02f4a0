// Diagnostics of lists kept by each list's source text, offsets relative to the list's start: a list's
// checks and its compilation depend on its own text alone (and on what the owner keys the memo by, e.g.
// the schemas), so an unchanged list, wherever an edit moved it, is not judged again. Entries not used by
// the latest pass are dropped, so the memo holds one workspace's lists at most. Shared by the file checks
// of a file (block-checks.ts) and the compiler's diagnostics (workspace.ts CompileCache).

import { movedFrom, type Diagnostic, type ListNode } from '@hslist/grammar';

export class ListDiagnosticsMemo {
  private entries = new Map<string, Diagnostic[]>();
  private used = new Map<string, Diagnostic[]>();
  /**
   * Results by tree node: an unchanged file keeps its trees, so most lists skip even the text lookup.
   * The list's source and relative diagnostics go with them so that a hit still counts as a use: a list
   * found by node in one pass and moved by an edit in the next must still be found by its text.
   */
  private byNode = new WeakMap<ListNode, { source: string; relative: Diagnostic[]; absolute: Diagnostic[] }>();
  /** Lists judged (not taken from the memo) since the memo was made: tests prove reuse with it. */
  computed = 0;

  /** A pass starts: `same` when what the results depend on is unchanged, else everything is forgotten. */
  begin(same: boolean): void {
    if (same) {
      if (this.used.size > 0) this.entries = this.used;
    } else {
      this.entries = new Map();
      this.byNode = new WeakMap();
    }
    this.used = new Map();
  }

  /** `list`'s diagnostics (absolute offsets in `text`), from the memo or else from `compute`. */
  diagnostics(text: string, list: ListNode, compute: () => Diagnostic[]): Diagnostic[] {
    const known = this.byNode.get(list);
    if (known) {
      this.used.set(known.source, known.relative);
      return known.absolute;
    }
    // A list an edit moved is a copy of one judged before: its source and results are that list's.
    const origin = movedFrom(list);
    const before = origin && this.byNode.get(origin.list);
    const source = before?.source ?? text.slice(list.start, list.end);
    let relative = before?.relative ?? this.entries.get(source) ?? this.used.get(source);
    if (!relative) {
      this.computed++;
      relative = compute().map((d) => shiftDiagnostic(d, -list.start));
    }
    this.used.set(source, relative);
    const absolute = relative.map((d) => shiftDiagnostic(d, list.start));
    this.byNode.set(list, { source, relative, absolute });
    return absolute;
  }
}

/** A diagnostic moved by `by`, with its fixes' edits in this file (an edit in another file stays). */
export function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  const fixes = d.fixes?.map((f) => (f.path ? f : { ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) }));
  return { ...d, start: d.start + by, end: d.end + by, ...(fixes ? { fixes } : {}) };
}
