// Leaves over the store's per-row entry lists (columns-entries.ts): subscription statuses. Rows whose
// record did not carry the list may match (hi) but are never certain (lo), as the reference
// interpreter's `unknown`.

import type { PlanNode } from './plan-types';
import type { ColumnStore } from './columns';
import { codeOf } from './columns-entries';
import { emptyBitset, setBit } from './bitset';
import { partially } from './compiled-history';
import type { LeafResult } from './leaf-result';

/** Every id (the channel itself with `all`) has the status; an id with no entry is NOT_OPTED; the last entry of an id wins. */
export function subscriptionRows(plan: Extract<PlanNode, { kind: 'subscription' }>, store: ColumnStore): LeafResult {
  const s = store.subscriptions;
  if (!s) return { reason: 'subscription statuses are not loaded' };
  const [channels, ids, states] = s.fields;
  const channel = codeOf(s, plan.channel);
  const wanted = (plan.all ? [''] : plan.ids).map((id) => codeOf(s, id));
  // -1 when no entry has it: then only ids without an entry can match, and only for NOT_OPTED.
  const target = codeOf(s, plan.status);
  const noEntryMatches = plan.status === 'NOT_OPTED';
  const hit = emptyBitset(store.size);
  const status = new Int32Array(wanted.length);
  for (let r = 0; r < store.size; r++) {
    status.fill(-2); // no entry yet
    for (let k = s.offsets[r]; k < s.offsets[r + 1]; k++) {
      if (channels[k] !== channel) continue;
      for (let i = 0; i < wanted.length; i++) if (ids[k] === wanted[i]) status[i] = states[k];
    }
    let all = true;
    for (let i = 0; i < wanted.length && all; i++) all = status[i] === -2 ? noEntryMatches : status[i] === target;
    if (all) setBit(hit, r);
  }
  return partially(hit, s.loaded, store.size);
}
