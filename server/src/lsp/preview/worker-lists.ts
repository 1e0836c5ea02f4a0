// What the preview worker knows once contacts are loaded: the data, the evaluator (with its clause
// cache), the history filters' members (computed once per filter), and the members of published
// lists given by the language server. Every answer about a list goes through the engine's own
// planning (run.ts answerablePlan), so the editor and the CLI count alike.

import type { ListNode } from '@hslist/grammar';
import type { Schema } from '../../language/schema-types';
import { andNot, popcount, type Bitset } from '../../preview/bitset';
import { CompiledEvaluator } from '../../preview/compiled';
import { membersOf, membershipSets, type Members } from '../../preview/diff';
import { resolveHistoryFilters } from '../../preview/hubspot/history-overlay';
import { contactPropertiesOf } from '../../preview/hubspot/needs';
import { answerablePlan, explainWho, findContactRow, type PreviewData } from '../../preview/run';
import { planKey } from '../../preview/plan-key';
import type { PlanNode } from '../../preview/plan-types';
import type { RowsView } from './protocol';
import { displayColumns, rowsOf, searchRows } from './rows';
import type { ListDiff, ListScope } from './worker-messages';

const ROW_CACHE_ENTRIES = 8;
const EDITOR_LIVE_HINT = 'preview the live portal to load it: set hslist.contactData to "hubspot"';

interface Published {
  listId: string;
  members: Members;
}

export class LoadedPreview {
  readonly evaluator: CompiledEvaluator;
  private readonly historyMembers = new Map<string, Bitset>();
  private readonly published = new Map<string, Published>();
  /** Rows per (plan, view, search): paging through 100,000 rows stays O(page). */
  private readonly rowCache = new Map<string, Uint32Array>();

  constructor(readonly data: PreviewData, readonly schema: Schema, readonly defaultTimezone: string) {
    // History filters become memberships of synthetic lists (history-overlay.ts); they are added to
    // this store's own map, so one evaluator and its clause cache serve every edit.
    const store = data.history ? { ...data.store, memberships: new Map(data.store.memberships ?? []) } : data.store;
    this.evaluator = new CompiledEvaluator(store);
  }

  get store() {
    return this.evaluator.store;
  }

  /** The list's plan on this data, or undefined when the scope has no such list. */
  plan(name: string, scope: ListScope): { list: ListNode; plan: PlanNode } | undefined {
    const list = scope.lists.find((l) => l.name.text === name);
    if (!list) return undefined;
    const workspace = { schema: this.schema, lists: scope.lists, defaultTimezone: this.defaultTimezone, members: scope.members };
    const marked = answerablePlan(workspace, this.data, list, scope.now, EDITOR_LIVE_HINT);
    const { plan } = resolveHistoryFilters(marked, this.data.store, this.data.history, this.historyMembers);
    for (const [id, bits] of this.historyMembers) this.store.memberships?.set(id, bits);
    return { list, plan };
  }

  setMembers(name: string, listId: string, memberIds: string[]): void {
    this.published.set(name, { listId, members: membersOf(this.store, memberIds) });
    this.rowCache.clear();
  }

  forgetMembers(): void {
    this.published.clear();
    this.rowCache.clear();
  }

  diff(name: string, plan: PlanNode): ListDiff | undefined {
    const published = this.published.get(name);
    if (!published) return undefined;
    const sets = membershipSets(this.evaluator.rows(plan), published.members);
    const { count, notInData } = published.members;
    return { listId: published.listId, members: count, enter: popcount(sets.enter), leave: popcount(sets.leave), undecided: sets.undecided, membersNotInData: notInData };
  }

  /** The rows of a view (matches, would enter, would leave), narrowed by a search over the shown columns. */
  viewRows(name: string, plan: PlanNode, view: RowsView, search: string): Uint32Array | { error: string } {
    const columns = this.columns(plan);
    const key = `${planKey(plan)}\u0000${view}\u0000${search.trim().toLowerCase()}`;
    const hit = this.rowCache.get(key);
    if (hit) return hit;
    const bits = this.viewBits(name, plan, view);
    if ('error' in bits) return bits;
    const rows = searchRows(this.store, rowsOf(bits), columns, search);
    this.rowCache.set(key, rows);
    if (this.rowCache.size > ROW_CACHE_ENTRIES) this.rowCache.delete(this.rowCache.keys().next().value as string);
    return rows;
  }

  columns(plan: PlanNode): string[] {
    return displayColumns(this.store, contactPropertiesOf(plan));
  }

  explain(plan: PlanNode, contact: string) {
    const row = findContactRow(this.store, contact);
    const explanation = explainWho(this.store, plan, this.data.history, contact);
    return { contactId: row >= 0 ? this.store.ids.at(row) : undefined, explanation };
  }

  private viewBits(name: string, plan: PlanNode, view: RowsView): Bitset | { error: string } {
    const rows = this.evaluator.rows(plan);
    if (view === 'matches') return rows.lo;
    const published = this.published.get(name);
    if (!published) return { error: `"${name}" has not been compared with a published HubSpot list (connect a HubSpot account; the list must exist there under the same name).` };
    return view === 'enter' ? andNot(rows.lo, published.members.bits) : andNot(published.members.bits, rows.hi);
  }
}
