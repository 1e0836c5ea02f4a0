// Evaluates a HubSpot `filterBranch` (Lists v3 JSON) against one contact, following docs/semantics.md.
// Written on the JSON alone, independently of the .hslist evaluator, so the two can be compared.
// Filters it cannot judge (behavioral events, surveys, ...) reject the contact and are reported: an emulator
// that guesses would let contacts "sync" by surprise.

import { asArray, asJson, DAY_MS, type EvalContact, type EvalContext, type EvalRecord, type Json } from './evaluate-types';
import { evaluatePropertyFilter } from './evaluate-property';
import { parseInstant } from './evaluate-time';
import { evaluateCommunicationSubscription, evaluateEmailEvent, evaluateEmailSubscription, evaluatePageView } from './evaluate-events';
import { evaluateAdsTime, evaluateCta, evaluateWebinar } from './evaluate-activity';
import { associatedRecords, evaluateNumAssociations } from './evaluate-associations';

export type { EvalContact, EvalContext, EvalRecord } from './evaluate-types';

export function matchesFilterBranch(branch: unknown, contact: EvalContact, ctx: EvalContext): boolean {
  return evaluateBranch(asJson(branch), contact, contact, ctx);
}

/** `record` is what PROPERTY filters read: the contact, or a company inside an ASSOCIATION branch. */
function evaluateBranch(branch: Json, record: EvalRecord, contact: EvalContact, ctx: EvalContext): boolean {
  const type = String(branch.filterBranchType);
  if (type === 'ASSOCIATION') return evaluateAssociation(branch, contact, ctx);
  const results = (): boolean[] => [
    ...asArray(branch.filters).map((filter) => evaluateFilter(asJson(filter), record, contact, ctx)),
    ...asArray(branch.filterBranches).map((child) => evaluateBranch(asJson(child), record, contact, ctx)),
  ];
  switch (type) {
    case 'OR': return results().some(Boolean);
    case 'AND': return results().every(Boolean);
    case 'NOT_ALL': return !results().every(Boolean);
    case 'NOT_ANY': return !results().some(Boolean);
    default:
      ctx.report?.(`Cannot evaluate a ${type} branch; it matches no one here.`);
      return false;
  }
}

/** Some associated record of the branch's object and association type passes all its filters (and sub-branches); none → false. */
function evaluateAssociation(branch: Json, contact: EvalContact, ctx: EvalContext): boolean {
  const records = associatedRecords(contact, branch.objectTypeId, branch.associationTypeId, branch.associationCategory, ctx);
  if (!records) return false;
  const asAnd = { ...branch, filterBranchType: 'AND' };
  const some = records.some((record) => evaluateBranch(asAnd, record, contact, ctx));
  // NOT_IN_LIST (spec-only) read as "no associated record passes" (Assumed).
  return branch.operator === 'NOT_IN_LIST' ? !some : some;
}

function evaluateFilter(filter: Json, record: EvalRecord, contact: EvalContact, ctx: EvalContext): boolean {
  switch (filter.filterType) {
    case 'PROPERTY':
      return evaluatePropertyFilter(record, String(filter.property), asJson(filter.operation), ctx);
    case 'CONSTANT':
      return filter.shouldAccept === true;
    case 'IN_LIST': {
      const member = ctx.isMember?.(String(filter.listId), contact) ?? false;
      return filter.operator === 'NOT_IN_LIST' ? !member : member;
    }
    case 'FORM_SUBMISSION':
    case 'FORM_SUBMISSION_ON_PAGE':
      return evaluateFormSubmission(filter, contact, ctx);
    case 'NUM_ASSOCIATIONS':
      return evaluateNumAssociations(filter, contact, ctx);
    case 'EMAIL_SUBSCRIPTION':
      return evaluateEmailSubscription(filter, contact, ctx);
    case 'COMMUNICATION_SUBSCRIPTION':
      return evaluateCommunicationSubscription(filter, contact, ctx);
    case 'EMAIL_EVENT':
      return evaluateEmailEvent(filter, contact, ctx, submissionWindow(asJson(filter.pruningRefineBy), ctx.now));
    case 'PAGE_VIEW':
      return evaluatePageView(filter, contact, ctx, submissionWindow(asJson(filter.pruningRefineBy), ctx.now));
    case 'WEBINAR':
      return evaluateWebinar(filter, contact, ctx);
    case 'CTA':
      return judgedRefines(filter, ctx) && evaluateCta(filter, contact, ctx, submissionWindow(asJson(filter.pruningRefineBy), ctx.now), countCheck(asJson(filter.coalescingRefineBy)));
    case 'ADS_TIME':
      return judgedRefines(filter, ctx) && evaluateAdsTime(contact, submissionWindow(asJson(filter.pruningRefineBy), ctx.now));
    default:
      ctx.report?.(`Cannot evaluate a ${String(filter.filterType)} filter; it matches no one here.`);
      return false;
  }
}

/** Refine-bys the emulator judges; any other (SET_OCCURRENCES, ALL_HISTORY, …) is reported and matches no one. */
const JUDGED_WINDOWS = [undefined, 'RELATIVE_COMPARATIVE', 'RELATIVE_RANGED', 'ABSOLUTE_COMPARATIVE', 'ABSOLUTE_RANGED'];

/** Whether the filter's refine-bys are ones the emulator judges; another is reported (and the filter matches no one). */
function judgedRefines(filter: Json, ctx: EvalContext): boolean {
  const window = asJson(filter.pruningRefineBy).type;
  const count = asJson(filter.coalescingRefineBy).type;
  const unjudged = !JUDGED_WINDOWS.includes(window as string | undefined) ? window : count !== undefined && count !== 'NUM_OCCURRENCES' ? count : undefined;
  if (unjudged === undefined) return true;
  ctx.report?.(`Cannot evaluate a ${String(filter.filterType)} refined by ${String(unjudged)}; it matches no one here.`);
  return false;
}

function evaluateFormSubmission(filter: Json, contact: EvalContact, ctx: EvalContext): boolean {
  const formId = typeof filter.formId === 'string' ? filter.formId : undefined;
  // FORM_SUBMISSION_ON_PAGE: only submissions sent on that page (its spec: "the page where the form submission occurred").
  const pageId = filter.filterType === 'FORM_SUBMISSION_ON_PAGE' ? String(filter.pageId) : undefined;
  if (!judgedRefines(filter, ctx)) return false;
  const inWindow = submissionWindow(asJson(filter.pruningRefineBy), ctx.now);
  const submissions = (contact.formSubmissions ?? []).filter((s) => (formId === undefined || s.formId === formId) && (pageId === undefined || s.pageId === pageId));
  const matching = submissions.filter((s) => {
    const at = parseInstant(s.timestamp);
    return at !== undefined && inWindow(at);
  });
  const counted = countCheck(asJson(filter.coalescingRefineBy));
  const filled = matching.length > 0 && counted(matching.length);
  if (filter.operator === 'FILLED_OUT') return filled;
  if (filter.operator === 'NOT_FILLED_OUT') return !filled;
  ctx.report?.(`Unknown ${String(filter.filterType)} operator ${String(filter.operator)}.`);
  return false;
}

function offsetMs(offset: Json, now: number): number {
  const unit = offset.timeUnit === 'WEEKS' ? 7 * DAY_MS : DAY_MS;
  const sign = offset.offsetDirection === 'FUTURE' ? 1 : -1;
  return now + sign * Number(offset.amount ?? 0) * unit;
}

/** The time window a refine-by allows; no refine-by → all time. */
function submissionWindow(refine: Json, now: number): (at: number) => boolean {
  const compare = (at: number, t: number): boolean => (refine.comparison === 'BEFORE' ? at < t : at > t);
  const between = (at: number, lower: number, upper: number): boolean => {
    const inside = lower <= at && at <= upper;
    return refine.rangeType === 'NOT_BETWEEN' ? !inside : inside;
  };
  switch (refine.type) {
    case 'RELATIVE_COMPARATIVE': return (at) => compare(at, offsetMs(asJson(refine.timeOffset), now));
    case 'ABSOLUTE_COMPARATIVE': return (at) => compare(at, Number(refine.timestamp));
    case 'RELATIVE_RANGED':
      return (at) => between(at, offsetMs(asJson(refine.lowerBoundOffset), now), offsetMs(asJson(refine.upperBoundOffset), now));
    case 'ABSOLUTE_RANGED': return (at) => between(at, Number(refine.lowerTimestamp), Number(refine.upperTimestamp));
    default: return () => true;
  }
}

function countCheck(refine: Json): (count: number) => boolean {
  if (refine.type !== 'NUM_OCCURRENCES') return () => true;
  const min = refine.minOccurrences === undefined ? 1 : Number(refine.minOccurrences);
  const max = refine.maxOccurrences === undefined ? Infinity : Number(refine.maxOccurrences);
  return (count) => count >= min && count <= max;
}
