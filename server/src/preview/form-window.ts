// When a submission counts for `submitted form …` (plan-types.ts, `form`): inside the window, and how
// many of them must there be. Read by the reference interpreter and the compiled evaluator alike; the
// emulator judges the JSON on its own (sandbox/hubspot/evaluate.ts).

import type { PlanNode } from './plan-types';

type FormPlan = Extract<PlanNode, { kind: 'form' }>;

/** Strictly after `since`, strictly before `before`, from `from` to `to` inclusive: each bound when set. */
export function inSubmissionWindow(plan: FormPlan, at: number): boolean {
  return (plan.since === undefined || at > plan.since) && (plan.before === undefined || at < plan.before) && (plan.from === undefined || at >= plan.from) && (plan.to === undefined || at <= plan.to);
}

/** At least one submission in the window (FILLED_OUT), and within the count when there is one. */
export function submissionCountPasses(plan: FormPlan, count: number): boolean {
  return count >= Math.max(1, plan.minTimes ?? 1) && (plan.maxTimes === undefined || count <= plan.maxTimes);
}
