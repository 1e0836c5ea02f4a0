// Which marketing email events the lists ask about: for each email (app and email id) the event types its
// conditions read, each from the start of the widest window a condition gives it (`in last N days`,
// `after D`, `between D and D`; none or `before D`: all time). A "… but not …" condition reads its second type over all time (preview/events.ts).

import type { PlanNode } from '../plan-types';
import { EVENT_RULES } from '../events';
import type { EmailEventType } from '../types';

export interface EmailEventNeed {
  appId: string;
  emailId: string;
  type: EmailEventType;
  /** Epoch ms: events after it are needed; absent: all time. */
  since?: number;
}

export function eventNeedKey(n: Pick<EmailEventNeed, 'appId' | 'emailId' | 'type'>): string {
  return `${n.appId}:${n.emailId}:${n.type}`;
}

/** Adds what one `emailEvent` plan node reads to `into` (by key), widening a window already there. */
export function addEventNeeds(plan: Extract<PlanNode, { kind: 'emailEvent' }>, into: Map<string, EmailEventNeed>): void {
  const rule = EVENT_RULES[plan.operator];
  // The window's start: `after D` / `in last N days` (since, exclusive) or `between` (from, inclusive); `before D` reads all time.
  const since = plan.from !== undefined ? plan.from - 1 : plan.since;
  widen(into, { appId: plan.appId, emailId: plan.emailId, type: rule.happened, ...(since !== undefined ? { since } : {}) });
  if (rule.without) widen(into, { appId: plan.appId, emailId: plan.emailId, type: rule.without });
}

function widen(into: Map<string, EmailEventNeed>, need: EmailEventNeed): void {
  const key = eventNeedKey(need);
  const had = into.get(key);
  if (!had) into.set(key, need);
  else if (had.since !== undefined && (need.since === undefined || need.since < had.since)) into.set(key, need);
}

export function sortedEventNeeds(needs: Map<string, EmailEventNeed>): EmailEventNeed[] {
  return [...needs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, n]) => n);
}

/** Both lists together, each key with the wider window. */
export function mergeEventNeeds(a: EmailEventNeed[] = [], b: EmailEventNeed[] = []): EmailEventNeed[] {
  const all = new Map<string, EmailEventNeed>();
  for (const n of [...a, ...b]) widen(all, n);
  return sortedEventNeeds(all);
}

/** True when `have` reads every event `want` asks for, from as early or earlier. */
export function coversEventNeeds(have: EmailEventNeed[] = [], want: EmailEventNeed[] = []): boolean {
  const held = new Map(have.map((n) => [eventNeedKey(n), n]));
  return want.every((n) => {
    const h = held.get(eventNeedKey(n));
    return h !== undefined && (h.since === undefined || (n.since !== undefined && h.since <= n.since));
  });
}
