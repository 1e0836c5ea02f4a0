// Leaves over the store's per-row entry lists (columns-entries.ts): subscription statuses, marketing
// email events and page views. Rows whose
// record did not carry the list may match (hi) but are never certain (lo), as the reference
// interpreter's `unknown`.

import { inSubmissionWindow } from './form-window';
import type { PlanNode } from './plan-types';
import type { ColumnStore } from './columns';
import { codeOf } from './columns-entries';
import { emptyBitset, setBit } from './bitset';
import { partially } from './compiled-history';
import type { LeafResult } from './leaf-result';
import { EVENT_RULES, urlMatcher } from './events';

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

/** Some event of the wanted type for the email in the window, and (for "… but not …") none of the other type at all. */
export function emailEventRows(plan: Extract<PlanNode, { kind: 'emailEvent' }>, store: ColumnStore): LeafResult {
  const s = store.emailEvents;
  if (!s) return { reason: 'email events are not loaded' };
  const [apps, emails, types, urls] = s.fields;
  const [app, email] = [codeOf(s, plan.appId), codeOf(s, plan.emailId)];
  // `clicked link "…"`: which interned URLs are that link, ignoring case (Assumed, as page URLs).
  const wantedUrl = plan.clickUrl?.toLowerCase();
  const onLink = wantedUrl === undefined ? undefined : s.strings.map((u, code) => code !== 0 && u.toLowerCase() === wantedUrl);
  const rule = EVENT_RULES[plan.operator];
  const [happened, without] = [codeOf(s, rule.happened), rule.without === undefined ? -1 : codeOf(s, rule.without)];
  const hit = emptyBitset(store.size);
  if (app >= 0 && email >= 0 && happened >= 0) {
    for (let r = 0; r < store.size; r++) {
      let found = false;
      let excluded = false;
      for (let k = s.offsets[r]; k < s.offsets[r + 1]; k++) {
        if (apps[k] !== app || emails[k] !== email) continue;
        if (types[k] === happened && inSubmissionWindow(plan, s.timestamps[k]) && (!onLink || onLink[urls[k]])) found = true;
        if (without >= 0 && types[k] === without) excluded = true;
      }
      if (found && !excluded) setBit(hit, r);
    }
  }
  return partially(hit, s.loaded, store.size);
}

/** Some page view after `since` whose URL matches; each distinct URL is matched once. */
export function pageViewRows(plan: Extract<PlanNode, { kind: 'pageView' }>, store: ColumnStore): LeafResult {
  const s = store.pageViews;
  if (!s) return { reason: 'page views are not loaded' };
  const matches = urlMatcher(plan.match, plan.url);
  if (typeof matches === 'string') return { reason: matches };
  const urlMatches = s.strings.map((u, code) => code !== 0 && matches(u));
  const [urls] = s.fields;
  const since = plan.since ?? -Infinity;
  // `at least N times`: the Nth matching view in the window decides.
  const needed = plan.minTimes ?? 1;
  const hit = emptyBitset(store.size);
  for (let r = 0; r < store.size; r++) {
    let seen = 0;
    for (let k = s.offsets[r]; k < s.offsets[r + 1]; k++) {
      if (urlMatches[urls[k]] && s.timestamps[k] > since && ++seen >= needed) {
        setBit(hit, r);
        break;
      }
    }
  }
  return partially(hit, s.loaded, store.size);
}
