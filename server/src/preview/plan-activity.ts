// Webinar, CTA and ads conditions → plan leaves, their counts and windows read as the compiler writes them
// (compile/activity.ts): `in last N days` is strictly after now − N days, absolute windows as for forms.

import type { AdsSeenCondition, CtaCondition, WebinarCondition } from '@hslist/grammar';
import { activityWindow, isActivityProblem } from '../hubspot/compile/activity';
import { isRefineProblem, occurrencesRefine } from '../hubspot/compile/refine';
import { absoluteBounds, type TimeBounds } from './form-window';
import type { PlanNode } from './plan-types';
import { DAY_MS } from './time';

type Unavailable = (reason: string) => PlanNode;

export function planWebinar(e: WebinarCondition, text: string): PlanNode {
  return { kind: 'webinar', span: e, action: e.action, webinarId: e.webinar?.text, text };
}

/** The window's bounds; a string says why it cannot be read. */
function windowBounds(e: CtaCondition | AdsSeenCondition, now: number, zone: string): TimeBounds | string {
  const window = activityWindow(e.withinLastDays, e.window, zone);
  if (isActivityProblem(window)) return window.message;
  if (!window) return {};
  if (window.type === 'RELATIVE_COMPARATIVE') return { since: now - window.timeOffset.amount * DAY_MS };
  return absoluteBounds(window);
}

export function planCta(e: CtaCondition, text: string, now: number, zone: string, unavailable: Unavailable): PlanNode {
  const bounds = windowBounds(e, now, zone);
  if (typeof bounds === 'string') return unavailable(bounds);
  const node: Extract<PlanNode, { kind: 'cta' }> = { kind: 'cta', span: e, action: e.action, ctaName: e.cta.text, since: undefined, ...bounds, text };
  if (e.count) {
    const count = occurrencesRefine(e.count);
    if (isRefineProblem(count)) return unavailable(count.message);
    if (count.minOccurrences !== undefined) node.minTimes = count.minOccurrences;
    if (count.maxOccurrences !== undefined) node.maxTimes = count.maxOccurrences;
  }
  return node;
}

export function planAdsSeen(e: AdsSeenCondition, text: string, now: number, zone: string, unavailable: Unavailable): PlanNode {
  const bounds = windowBounds(e, now, zone);
  if (typeof bounds === 'string') return unavailable(bounds);
  if (bounds.since === undefined && bounds.before === undefined && bounds.from === undefined) return unavailable('`saw any ad` needs a window');
  return { kind: 'adsSeen', span: e, since: undefined, ...bounds, text };
}
