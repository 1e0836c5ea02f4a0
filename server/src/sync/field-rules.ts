// The mapping rules (rule table R1–R4, HubSpot's "Map HubSpot properties to Salesforce fields"): for one
// mapped field of a linked pair, which way a value is written, if at all. A new record is a pair whose other
// side is blank, so creates follow the same table.

import type { RuleId } from './rules';
import { RULE_ID, type MappingRule } from './settings';

export type WriteDirection = 'to-salesforce' | 'to-hubspot' | 'undecided';

export interface FieldState {
  hubspotKnown: boolean;
  salesforceKnown: boolean;
  /** Both sides hold the same value (for the property's type). */
  same: boolean;
  /**
   * R3 only: whether HubSpot's side changed last, from the records' last-modified times (Assumed: field-level
   * change times are not in the data); undefined when either time is unknown or they are equal.
   */
  hubspotNewer: boolean | undefined;
}

export interface WriteDecision {
  direction: WriteDirection;
  rule: RuleId;
}

/** R1 prefer Salesforce unless blank: Salesforce's value always wins; HubSpot fills only an empty field. */
function preferSalesforce(s: FieldState): WriteDirection | undefined {
  if (s.salesforceKnown) return 'to-hubspot';
  return s.hubspotKnown ? 'to-salesforce' : undefined;
}

/** R2 always use Salesforce: Salesforce's value is written to HubSpot; HubSpot never writes (Assumed: a blank is never set, not a delete). */
function alwaysSalesforce(s: FieldState): WriteDirection | undefined {
  return s.salesforceKnown ? 'to-hubspot' : undefined;
}

/** R3 two-way: the most recent change wins; a blank side receives the other's value (Assumed: blank = never set). */
function twoWay(s: FieldState): WriteDirection | undefined {
  if (!s.hubspotKnown) return s.salesforceKnown ? 'to-hubspot' : undefined;
  if (!s.salesforceKnown) return 'to-salesforce';
  if (s.hubspotNewer === undefined) return 'undecided';
  return s.hubspotNewer ? 'to-salesforce' : 'to-hubspot';
}

/** R4 don't sync, and a mapping without a rule here (A-NO-RULE: HubSpot's UI decides): nothing is simulated. */
const DECIDE: Record<MappingRule, (s: FieldState) => WriteDirection | undefined> = {
  'prefer-salesforce': preferSalesforce,
  'always-salesforce': alwaysSalesforce,
  'two-way': twoWay,
  'dont-sync': () => undefined,
};

export function decideWrite(rule: MappingRule | undefined, state: FieldState): WriteDecision | undefined {
  if (rule === undefined || state.same) return undefined;
  const direction = DECIDE[rule](state);
  return direction === undefined ? undefined : { direction, rule: RULE_ID[rule] };
}
