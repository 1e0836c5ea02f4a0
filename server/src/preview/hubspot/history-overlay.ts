// The columnar store holds no property history, so the compiled evaluator cannot judge has-ever /
// has-never / updated-in-last filters. When history was loaded (the live source), each such filter
// is judged once per contact with the reference semantics (judge.ts), and the plan node is swapped
// for a membership of a synthetic list whose members are exactly the contacts that pass; the store
// gets those synthetic memberships. Counts, funnel and samples then come from the fast evaluator.
// (An adapter: the engine could hold history itself one day; see the report.)

import type { PlanNode } from '../plan-types';
import { type ColumnStore, rawValue } from '../columns';
import { emptyBitset, setBit, type Bitset } from '../bitset';
import { judgeFilter } from '../judge';
import { planKey } from '../plan-key';
import { isHistoryOperator } from '../../language/operators';
import { historyOf, type HistoryById } from './history-table';

const PREFIX = 'history:';

/**
 * The plan with history filters resolved against `history`, and the store holding their members.
 * `synthetic` may be kept between calls on the same store and history (the editor does): each filter's
 * members are then computed once, however often the list is evaluated.
 */
export function resolveHistoryFilters(plan: PlanNode, store: ColumnStore, history: HistoryById | undefined, synthetic = new Map<string, Bitset>()): { plan: PlanNode; store: ColumnStore } {
  if (!history) return { plan, store };
  const resolved = swap(plan, store, history, synthetic);
  if (synthetic.size === 0) return { plan, store };
  const memberships = new Map(store.memberships ?? []);
  for (const [id, bits] of synthetic) memberships.set(id, bits);
  return { plan: resolved, store: { ...store, memberships } };
}

/** True for the synthetic list ids this module adds (callers hide them from explanations). */
export function isHistoryListId(listId: string): boolean {
  return listId.startsWith(PREFIX);
}

function swap(plan: PlanNode, store: ColumnStore, history: HistoryById, out: Map<string, Bitset>): PlanNode {
  switch (plan.kind) {
    case 'and':
    case 'or':
      return { ...plan, children: plan.children.map((c) => swap(c, store, history, out)) };
    case 'not':
      return { ...plan, child: swap(plan.child, store, history, out) };
    case 'inWorkspaceList':
      return { ...plan, plan: swap(plan.plan, store, history, out) };
    case 'filter': {
      if (!isHistoryOperator(plan.filter.operator)) return plan;
      const listId = `${PREFIX}${planKey(plan)}`;
      const members = out.get(listId) ?? historyMembers(plan, store, history);
      if (!members) return plan;
      out.set(listId, members);
      return { kind: 'inList', span: plan.span, listId, text: plan.text };
    }
    default:
      return plan;
  }
}

/** Rows that pass the filter, or undefined when some contact's history is missing (then it stays unknown). */
function historyMembers(plan: Extract<PlanNode, { kind: 'filter' }>, store: ColumnStore, history: HistoryById): Bitset | undefined {
  const f = plan.filter;
  const column = store.columns.get(f.property);
  const bits = emptyBitset(store.size);
  for (let row = 0; row < store.size; row++) {
    const entries = historyOf(history, store.ids.at(row), f.property);
    if (!entries) return undefined;
    const current = column ? rawValue(column, row) : null;
    if (judgeFilter(f, { [f.property]: current }, { [f.property]: entries }) === true) setBit(bits, row);
  }
  return bits;
}
