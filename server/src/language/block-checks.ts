// Single-file checks, re-run only for the blocks an edit touched. Every file check judges one list at a
// time (its settings, its criteria), or the sync blocks and named definitions together (at most one sync
// block per file is itself a check), so a list's diagnostics depend only on the list's own text and the
// schemas. A BlockCheckMemo keeps them by that text, offsets relative to the list's start; the sync
// blocks and definitions, which are few and small, are checked on every pass. Only entries the last
// pass used are kept. One did-you-mean budget is shared by the blocks checked in a pass, as a whole-file
// check shares one (a list taken from the memo keeps the suggestions it got when it was checked). Used
// only for a file that parsed without an error (workspace.ts): recovery may shape a list from what lies
// around it.

import { movedFrom, type Diagnostic, type FileNode, type ListNode } from '@hslist/grammar';
import { runFileChecks } from './checks';
import { FILE_SUGGEST_CELLS } from './checks/context';
import { SuggestBudget } from './did-you-mean';
import type { SalesforceSchema } from './salesforce-schema';
import type { Schema } from './schema-types';

export class BlockCheckMemo {
  private entries = new Map<string, Diagnostic[]>();
  private used = new Map<string, Diagnostic[]>();
  /** Results by list node: a list the edit left in place is the same node, and skips even the text lookup. */
  private byNode = new WeakMap<ListNode, { source: string; relative: Diagnostic[]; absolute: Diagnostic[] }>();
  private schema?: Schema;
  private salesforceSchema?: SalesforceSchema;
  /** Lists checked (not taken from the memo) since the memo was made: tests prove reuse with it. */
  checkedLists = 0;

  /** The file checks of `file` (the tree of `text` at `path`), reusing each unchanged list's. */
  check({ path, text, file, schema, salesforceSchema }: { path: string; text: string; file: FileNode; schema: Schema; salesforceSchema?: SalesforceSchema }): Diagnostic[] {
    if (schema !== this.schema || salesforceSchema !== this.salesforceSchema) {
      this.entries = new Map();
      this.byNode = new WeakMap();
      this.schema = schema;
      this.salesforceSchema = salesforceSchema;
    }
    const suggestBudget = new SuggestBudget(FILE_SUGGEST_CELLS);
    const context = (part: FileNode) => ({ path, text, file: part, schema, salesforceSchema, suggestBudget });
    const out = file.lists.flatMap((list) => this.listDiagnostics(list, text, (part) => runFileChecks(context(part)), file));
    out.push(...runFileChecks(context({ ...file, lists: [] })));
    this.entries = this.used;
    this.used = new Map();
    return out;
  }

  private listDiagnostics(list: ListNode, text: string, run: (part: FileNode) => Diagnostic[], file: FileNode): Diagnostic[] {
    const known = this.byNode.get(list);
    if (known) {
      // Still a use of its text: the list may move with the next edit and must be found by it then.
      this.used.set(known.source, known.relative);
      return known.absolute;
    }
    // A list an edit moved is a copy of one checked before: its source and results are that list's.
    const origin = movedFrom(list);
    const before = origin && this.byNode.get(origin.list);
    const source = before?.source ?? text.slice(list.start, list.end);
    let relative = before?.relative ?? this.entries.get(source) ?? this.used.get(source);
    if (!relative) {
      this.checkedLists++;
      relative = run({ ...file, lists: [list], syncBlocks: [], valueSets: [], conditions: [] }).map((d) => shift(d, -list.start));
    }
    this.used.set(source, relative);
    const absolute = relative.map((d) => shift(d, list.start));
    this.byNode.set(list, { source, relative, absolute });
    return absolute;
  }
}

/** A diagnostic moved by `by`, with its fixes' edits in this file (an edit in another file stays). */
function shift(d: Diagnostic, by: number): Diagnostic {
  const fixes = d.fixes?.map((f) => (f.path ? f : { ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) }));
  return { ...d, start: d.start + by, end: d.end + by, ...(fixes ? { fixes } : {}) };
}
