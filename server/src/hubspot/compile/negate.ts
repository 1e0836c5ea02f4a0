// `not` pushed into one filter. A PROPERTY filter's opposite is the negated operator AND the
// no-value flag flipped (`not (country is "PL")` = `country is not "PL" including unknown`),
// except where the flag has no meaning (IS_KNOWN/IS_UNKNOWN, history and updated-at operators).
// Where HubSpot has no opposite operator we return an explanation instead of changing the meaning.

import { OPERATOR_TABLE, isHistoryOperator, negatedOperator } from '../../language/operators';
import type { Filter, PageViewOperator, PropertyFilter, PropertyOperation } from '../filter-branch';

/** HubSpot's page view operators with an opposite (its list filters reference has no NOT_… for a pattern). */
const PAGE_NEGATIONS: Partial<Record<PageViewOperator, PageViewOperator>> = {
  HAS_PAGEVIEW_EQ: 'NOT_HAS_PAGEVIEW_EQ',
  NOT_HAS_PAGEVIEW_EQ: 'HAS_PAGEVIEW_EQ',
  HAS_PAGEVIEW_CONTAINS: 'NOT_HAS_PAGEVIEW_CONTAINS',
  NOT_HAS_PAGEVIEW_CONTAINS: 'HAS_PAGEVIEW_CONTAINS',
};

export type NegationResult = { filter: Filter } | { error: string };

export function negateFilter(filter: Filter): NegationResult {
  switch (filter.filterType) {
    case 'IN_LIST':
      return { filter: { ...filter, operator: filter.operator === 'IN_LIST' ? 'NOT_IN_LIST' : 'IN_LIST' } };
    case 'FORM_SUBMISSION':
    case 'FORM_SUBMISSION_ON_PAGE':
      // Whether NOT_FILLED_OUT with a count means "another count" or "none" is not documented: no guess.
      if (filter.coalescingRefineBy) return { error: `HubSpot documents no opposite of a count of form submissions (${filter.filterType} with coalescingRefineBy), so \`not\` cannot apply to \`submitted form … at least / at most / between N and M times\`` };
      return { filter: { ...filter, operator: filter.operator === 'FILLED_OUT' ? 'NOT_FILLED_OUT' : 'FILLED_OUT' } };
    case 'CONSTANT':
      return { filter: { ...filter, shouldAccept: !filter.shouldAccept } };
    case 'EMAIL_SUBSCRIPTION':
    case 'COMMUNICATION_SUBSCRIPTION':
    case 'NUM_ASSOCIATIONS':
      // criteria.ts negates these conditions (into the other statuses, the complementary counts) before a filter is made.
      return { error: `a ${filter.filterType} filter has no negated form of its own` };
    case 'WEBINAR':
    case 'CTA':
    case 'ADS_TIME':
      // criteria.ts writes `not` into these filters' operators (compile/activity.ts) before a filter is made.
      return { error: `a ${filter.filterType} filter is negated where it is made` };
    case 'EMAIL_EVENT':
      return { error: `HubSpot has no opposite of a marketing email event (EMAIL_EVENT ${filter.operator}), so \`not\` cannot apply to it; the "… but not …" events (such as \`opened but not clicked\`) say what did not happen after what did` };
    case 'PAGE_VIEW': {
      // Whether NOT_HAS_… with a count means "fewer views" or "no views" is not documented: no guess.
      if (filter.coalescingRefineBy) return { error: 'HubSpot documents no opposite of a count of page views (PAGE_VIEW with coalescingRefineBy), so `not` cannot apply to `visited page … at least N times`' };
      const negated = PAGE_NEGATIONS[filter.operator];
      if (!negated) return { error: 'HubSpot has no opposite of a page view matching a pattern (PAGE_VIEW HAS_PAGEVIEW_MATCHES_REGEX), so `not` cannot apply to it; use `not visited page "…"` or `not visited page containing "…"`' };
      return { filter: { ...filter, operator: negated } };
    }
    case 'PROPERTY':
      return negateProperty(filter);
  }
}

function negateProperty(filter: PropertyFilter): NegationResult {
  const op = filter.operation;
  const other = referencedProperty(op);
  if (other !== undefined) return { error: cannotNegateReference(filter, other) };
  if (op.operationType === 'TIME_POINT') {
    // v > t  ⇔  not (v <= t): the opposite direction with the other endpoint behaviour.
    const operation: PropertyOperation = {
      ...op,
      operator: op.operator === 'IS_AFTER' ? 'IS_BEFORE' : 'IS_AFTER',
      endpointBehavior: op.endpointBehavior === 'EXCLUSIVE' ? 'INCLUSIVE' : 'EXCLUSIVE',
      includeObjectsWithNoValueSet: !op.includeObjectsWithNoValueSet,
    };
    return { filter: { ...filter, operation } };
  }
  const negated = negatedOperator(op.operationType, op.operator);
  if (!negated) return { error: cannotNegate(filter) };
  const keepsFlag = op.operationType === 'ALL_PROPERTY' || isHistoryOperator(op.operator);
  const flag = keepsFlag ? op.includeObjectsWithNoValueSet : !op.includeObjectsWithNoValueSet;
  // The negated operator comes from the same table row family, so the shape stays valid.
  const operation = { ...op, operator: negated, includeObjectsWithNoValueSet: flag } as PropertyOperation;
  return { filter: { ...filter, operation } };
}

/** The other property a time comparison reads (PROPERTY_REFERENCED), if any. */
function referencedProperty(op: PropertyOperation): string | undefined {
  const points = op.operationType === 'TIME_POINT' ? [op.timePoint] : op.operationType === 'TIME_RANGED' ? [op.lowerBoundTimePoint, op.upperBoundTimePoint] : [];
  return points.find((p) => p.timeType === 'PROPERTY_REFERENCED')?.property;
}

/**
 * A comparison with another property is false when that property has no value (docs/language.md,
 * Assumed), and so would be its negated operator: flipping it would drop those contacts on both sides.
 */
function cannotNegateReference(filter: PropertyFilter, other: string): string {
  return `\`not\` cannot apply to a comparison of \`${filter.property}\` with \`${other}\`: HubSpot's comparison is false for contacts with no \`${other}\` whichever way it goes, so its opposite would leave them out too; write the opposite comparison and say what those contacts should do (for example \`or ${other} is unknown\`).`;
}

/** Near-opposites worth suggesting; none is exact, so the message says what differs. */
const HINTS: Record<string, string> = {
  STARTS_WITH: 'no condition means exactly "does not start with": `does not contain` also leaves out values that hold the text anywhere else, so use it only if that is what you mean',
  ENDS_WITH: 'to leave out an email domain, write `hs_email_domain is not "example.com"` (HubSpot keeps the domain of every email in it); `does not contain` is no opposite either, it also leaves out values that hold the text anywhere else',
  IN_THIS_TIME_UNIT: 'rewrite it with `is before` / `is after` dates',
  IN_THIS_TIME_UNIT_SO_FAR: 'rewrite it with `is before` / `is after` dates',
  IN_NEXT_TIME_UNIT: 'rewrite it with `is before` / `is after` dates',
  IN_LAST_TIME_UNIT: 'rewrite it with `is before` / `is after` dates',
};

function cannotNegate(filter: PropertyFilter): string {
  const op = filter.operation;
  const phrase = OPERATOR_TABLE.find((r) => r.operationType === op.operationType && r.operator === op.operator)?.surface;
  const what = `\`${filter.property} ${phrase ?? op.operator}\``;
  const hint = HINTS[op.operator] ?? 'rewrite the condition without `not`';
  return `HubSpot has no opposite of ${what} (${op.operationType} ${op.operator}), so \`not\` cannot apply to it; ${hint}.`;
}
