// Webinar, CTA and ad leaves over the store's entry lists (columns-activity.ts), judged as the reference
// interpreter judges them (reference.ts). Rows whose record did not carry the list may match (hi) but are
// never certain (lo).

import { inSubmissionWindow, submissionCountPasses } from './form-window';
import type { PlanNode } from './plan-types';
import type { ColumnStore } from './columns';
import { codeOf } from './columns-entries';
import { emptyBitset, setBit } from './bitset';
import { partially } from './compiled-history';
import type { LeafResult } from './leaf-result';

/** Some entry of the webinar (any webinar without an id) with the action. */
export function webinarRows(plan: Extract<PlanNode, { kind: 'webinar' }>, store: ColumnStore): LeafResult {
  const s = store.webinars;
  if (!s) return { reason: 'webinars are not loaded' };
  const [ids, actions] = s.fields;
  const [id, action] = [plan.webinarId === undefined ? undefined : codeOf(s, plan.webinarId), codeOf(s, plan.action)];
  const hit = emptyBitset(store.size);
  for (let r = 0; r < store.size; r++) {
    for (let k = s.offsets[r]; k < s.offsets[r + 1]; k++) {
      if (actions[k] === action && (id === undefined || ids[k] === id)) {
        setBit(hit, r);
        break;
      }
    }
  }
  return partially(hit, s.loaded, store.size);
}

/** The CTA's clicks (views) in the window, counted as form submissions are. */
export function ctaRows(plan: Extract<PlanNode, { kind: 'cta' }>, store: ColumnStore): LeafResult {
  const s = store.ctaEvents;
  if (!s) return { reason: 'CTA events are not loaded' };
  const [names, types] = s.fields;
  const [name, type] = [codeOf(s, plan.ctaName), codeOf(s, plan.action === 'clicked' ? 'CLICK' : 'VIEW')];
  const hit = emptyBitset(store.size);
  for (let r = 0; r < store.size; r++) {
    let count = 0;
    for (let k = s.offsets[r]; k < s.offsets[r + 1]; k++) {
      if (names[k] === name && types[k] === type && inSubmissionWindow(plan, s.timestamps[k])) count++;
    }
    if (name >= 0 && submissionCountPasses(plan, count)) setBit(hit, r);
  }
  return partially(hit, s.loaded, store.size);
}

/** Some ad seen in the window. */
export function adsSeenRows(plan: Extract<PlanNode, { kind: 'adsSeen' }>, store: ColumnStore): LeafResult {
  const s = store.adViews;
  if (!s) return { reason: 'ads seen are not loaded' };
  const hit = emptyBitset(store.size);
  for (let r = 0; r < store.size; r++) {
    for (let k = s.offsets[r]; k < s.offsets[r + 1]; k++) {
      if (inSubmissionWindow(plan, s.timestamps[k])) {
        setBit(hit, r);
        break;
      }
    }
  }
  return partially(hit, s.loaded, store.size);
}
