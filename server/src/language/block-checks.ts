// Single-file checks, re-run only for the blocks an edit touched. Every file check judges one list at a
// time (its settings, its criteria), or the sync blocks and named definitions together (at most one sync
// block per file is itself a check), so a list's diagnostics depend only on the list's own text and the
// schemas. A BlockCheckMemo keeps them by that text, offsets relative to the list's start; the sync
// blocks and definitions, which are few and small, are checked on every pass. Only entries the last
// pass used are kept. One did-you-mean budget is shared by the blocks checked in a pass, as a whole-file
// check shares one (a list taken from the memo keeps the suggestions it got when it was checked). Used
// only for a file that parsed without an error (workspace.ts): recovery may shape a list from what lies
// around it.

import type { Diagnostic, FileNode, ListNode } from '@hslist/grammar';
import { runFileChecks } from './checks';
import { FILE_SUGGEST_CELLS } from './checks/context';
import { SuggestBudget } from './did-you-mean';
import { ListDiagnosticsMemo } from './list-diagnostics-memo';
import type { SalesforceSchema } from './salesforce-schema';
import type { Schema } from './schema-types';

export class BlockCheckMemo {
  private readonly lists = new ListDiagnosticsMemo();
  private schema?: Schema;
  private salesforceSchema?: SalesforceSchema;
  private defaultTimezone?: string;

  /** Lists checked (not taken from the memo) since the memo was made: tests prove reuse with it. */
  get checkedLists(): number {
    return this.lists.computed;
  }

  /** The file checks of `file` (the tree of `text` at `path`), reusing each unchanged list's. */
  check({ path, text, file, schema, salesforceSchema, defaultTimezone }: { path: string; text: string; file: FileNode; schema: Schema; salesforceSchema?: SalesforceSchema; defaultTimezone?: string }): Diagnostic[] {
    this.lists.begin(schema === this.schema && salesforceSchema === this.salesforceSchema && defaultTimezone === this.defaultTimezone);
    this.schema = schema;
    this.salesforceSchema = salesforceSchema;
    this.defaultTimezone = defaultTimezone;
    const suggestBudget = new SuggestBudget(FILE_SUGGEST_CELLS);
    const context = (part: FileNode) => ({ path, text, file: part, schema, salesforceSchema, defaultTimezone, suggestBudget });
    const checkList = (list: ListNode) => runFileChecks(context({ ...file, lists: [list], syncBlocks: [], valueSets: [], conditions: [] }));
    const out: Diagnostic[] = [];
    for (const list of file.lists) out.push(...this.lists.diagnostics(text, list, checkList));
    out.push(...runFileChecks(context({ ...file, lists: [] })));
    return out;
  }
}
