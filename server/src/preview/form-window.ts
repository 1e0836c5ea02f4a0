// When a submission counts for `submitted form …` (plan-types.ts, `form`): inside the window, and how
// many of them must there be; the window's bounds serve marketing email events as well. Read by the reference interpreter and the compiled evaluator alike; the
// emulator judges the JSON on its own (sandbox/hubspot/evaluate.ts).

import type { AbsoluteComparativeRefineBy, AbsoluteRangedRefineBy } from '../hubspot/filter-branch';
import type { PlanNode } from './plan-types';
import type { Tri } from './types';

type FormPlan = Extract<PlanNode, { kind: 'form' }>;

/** A window as bounds on event times (form submissions, marketing email events). */
export interface TimeBounds {
  since?: number;
  before?: number;
  from?: number;
  to?: number;
}

/** The bounds of an absolute window as the compiler writes it (compile/refine.ts). */
export function absoluteBounds(window: AbsoluteComparativeRefineBy | AbsoluteRangedRefineBy): TimeBounds {
  if (window.type === 'ABSOLUTE_RANGED') return { from: window.lowerTimestamp, to: window.upperTimestamp };
  return window.comparison === 'AFTER' ? { since: window.timestamp } : { before: window.timestamp };
}

/** Strictly after `since`, strictly before `before`, from `from` to `to` inclusive: each bound when set. */
export function inSubmissionWindow(plan: TimeBounds, at: number): boolean {
  return (plan.since === undefined || at > plan.since) && (plan.before === undefined || at < plan.before) && (plan.from === undefined || at >= plan.from) && (plan.to === undefined || at <= plan.to);
}

/** At least one submission in the window (FILLED_OUT), and within the count when there is one. */
export function submissionCountPasses(plan: Pick<FormPlan, 'minTimes' | 'maxTimes'>, count: number): boolean {
  return count >= Math.max(1, plan.minTimes ?? 1) && (plan.maxTimes === undefined || count <= plan.maxTimes);
}

/**
 * The count's verdict when `sure` submissions certainly count and `unsure` more may (their page cannot be told):
 * the real count lies between `sure` and `sure + unsure`, so yes when both ends pass, no when the range misses
 * the count's bounds, else unknown.
 */
export function submissionCountVerdict(plan: FormPlan, sure: number, unsure: number): Tri {
  if (submissionCountPasses(plan, sure) && submissionCountPasses(plan, sure + unsure)) return true;
  const misses = sure + unsure < Math.max(1, plan.minTimes ?? 1) || (plan.maxTimes !== undefined && sure > plan.maxTimes);
  return misses ? false : 'unknown';
}
