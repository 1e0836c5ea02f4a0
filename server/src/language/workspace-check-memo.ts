// Cross-file checks kept from one analysis to the next. They read few facts of each file: the names of
// its lists and where they stand, its references to lists and where they stand, and the whole text of
// the blocks the sync and definition checks look into (sync blocks, named value sets and conditions,
// the inclusion list, lists that use a definition). When every file shows the same facts as in the last
// analysis, and only their offsets moved because an edit changed the length of the text before them,
// the last diagnostics are still right once each is moved with the fact it sits on. Anything else (a
// name or reference typed, a line added above one, a diagnostic on no known fact, another schema) runs
// the checks again: a stale diagnostic is a wrong answer, so when in doubt they are recomputed.

import type { Diagnostic, FileNode, Span } from '@hslist/grammar';
import type { PathDiagnostic } from './checks';
import type { Schema } from './schema-types';
import { listKey, type WorkspaceIndex } from './symbols';
import { factsOf, type FileFacts } from './workspace-check-facts';

/** Facts by tree: an unchanged file keeps its tree, so its facts are not gathered again. */
const factsByTree = new WeakMap<FileNode, { path: string; fullLists: string; facts: FileFacts }>();

export class WorkspaceCheckMemo {
  private last: { schema: Schema; facts: Map<string, FileFacts>; diagnostics: PathDiagnostic[] } | undefined;
  /** Analyses that took the cross-file diagnostics from the one before: tests prove reuse with it. */
  reused = 0;

  /** The diagnostics `check` gives for `index`, or the last ones moved when the facts are the same. */
  run(index: WorkspaceIndex, schema: Schema, check: () => PathDiagnostic[]): PathDiagnostic[] {
    const facts = workspaceFacts(index);
    const last = this.last;
    const moved = last && last.schema === schema && sameKeys(last.facts, facts) ? moveAll(last.diagnostics, last.facts, facts) : undefined;
    if (moved) this.reused++;
    const diagnostics = moved ?? check();
    this.last = { schema, facts, diagnostics };
    return diagnostics;
  }
}

function sameKeys(a: Map<string, FileFacts>, b: Map<string, FileFacts>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, facts] of b) if (a.get(path)?.key !== facts.key) return false;
  return true;
}

function workspaceFacts(index: WorkspaceIndex): Map<string, FileFacts> {
  // The inclusion list is read whole (its type, its properties), wherever it is defined.
  const inclusion = new Set(index.references.filter((r) => r.kind === 'inclusionList').map((r) => listKey(r.name)));
  const fullLists = [...inclusion].sort().join('\u0000');
  const out = new Map<string, FileFacts>();
  for (const file of index.files) {
    const known = factsByTree.get(file.tree);
    if (known && known.path === file.path && known.fullLists === fullLists) {
      out.set(file.path, known.facts);
      continue;
    }
    // Most files keep their trees: only the references and uses of the others are looked for.
    const references = index.references.filter((r) => r.path === file.path);
    const uses = (index.definitions?.references ?? []).filter((u) => u.path === file.path);
    const facts = factsOf(file, references, uses, inclusion);
    factsByTree.set(file.tree, { path: file.path, fullLists, facts });
    out.set(file.path, facts);
  }
  return out;
}

/** Every diagnostic moved with the fact it sits on, or undefined when one sits on none. */
function moveAll(diagnostics: PathDiagnostic[], before: Map<string, FileFacts>, after: Map<string, FileFacts>): PathDiagnostic[] | undefined {
  const out: PathDiagnostic[] = [];
  for (const d of diagnostics) {
    const moved = move(d, d.path, before, after);
    if (!moved) return undefined;
    // One that did not move stays the same object, so its file's diagnostics are known unchanged (workspace.ts).
    out.push(moved === d ? d : { ...moved, path: d.path });
  }
  return out;
}

function move(d: Diagnostic, path: string, before: Map<string, FileFacts>, after: Map<string, FileFacts>): Diagnostic | undefined {
  const by = shiftOf(d, path, before, after);
  if (by === undefined) return undefined;
  const fixes: NonNullable<Diagnostic['fixes']> = [];
  let moved = by !== 0;
  for (const fix of d.fixes ?? []) {
    const edits = [];
    for (const edit of fix.edits) {
      const editBy = shiftOf(edit, fix.path ?? path, before, after);
      if (editBy === undefined) return undefined;
      moved ||= editBy !== 0;
      edits.push({ ...edit, start: edit.start + editBy, end: edit.end + editBy });
    }
    fixes.push({ ...fix, edits });
  }
  if (!moved) return d;
  return { ...d, start: d.start + by, end: d.end + by, ...(d.fixes ? { fixes } : {}) };
}

/** How far the anchor holding `span` moved, or undefined when no anchor of `path` holds it. */
function shiftOf(span: Span, path: string, before: Map<string, FileFacts>, after: Map<string, FileFacts>): number | undefined {
  const old = before.get(path);
  const now = after.get(path);
  if (!old || !now) return undefined;
  const i = anchorHolding(old, span);
  return i === undefined ? undefined : now.anchors[i].start - old.anchors[i].start;
}

function anchorHolding(facts: FileFacts, span: Span): number | undefined {
  const { anchors, byStart } = facts;
  let low = 0;
  let high = byStart.length - 1;
  if (high < 0) return undefined;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (anchors[byStart[mid]].start <= span.start) low = mid;
    else high = mid - 1;
  }
  const i = byStart[low];
  return anchors[i].start <= span.start && span.end <= anchors[i].end ? i : undefined;
}
