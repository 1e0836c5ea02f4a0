// One contact's Salesforce side, for `hslist preview --explain` and the editor's Explain contact: its
// membership, the record it matches (and the others with its email), the outcome with its rule, and every
// field write with the value before and after. The same judgement as the simulator's (contact-outcome.ts).

import { findContactRow } from '../preview/run';
import type { ColumnStore } from '../preview/columns';
import type { Tri } from '../preview/types';
import { prepare, type SimulationInput } from './context';
import { judgeContact } from './contact-outcome';
import { RULES, type RuleId } from './rules';
import type { SfRecord } from './salesforce-data';
import type { ContactOutcome, FieldWrite } from './types';

export interface RecordSummary {
  object: string;
  id: string;
  email: string | null;
  lastModified: string | null;
  converted: boolean;
}

export interface SyncExplanation {
  contact: string;
  id: string;
  inclusionList: string | undefined;
  membership: Tri;
  outcome: ContactOutcome;
  rule: RuleId;
  ruleText: string;
  reason: string;
  record?: RecordSummary;
  otherRecords: RecordSummary[];
  writes: FieldWrite[];
}

function summary(record: SfRecord): RecordSummary {
  return { object: record.object, id: record.id, email: record.email, lastModified: Number.isNaN(record.lastModified) ? null : new Date(record.lastModified).toISOString(), converted: record.converted };
}

/** `who` is an email or a record id, found as `hslist preview --explain` finds it. */
export function explainSync(input: SimulationInput, store: ColumnStore, who: string): SyncExplanation | { error: string } {
  const row = findContactRow(store, who);
  if (row < 0) return { error: `There is no contact ${who.includes('@') ? 'with email' : 'with id'} ${who} in the loaded data.` };
  const result = judgeContact(prepare(input), row);
  const records = input.salesforce.records;
  return {
    contact: who, id: input.contacts.id(row), inclusionList: input.settings.inclusionList, membership: result.membership,
    outcome: result.outcome, rule: result.rule, ruleText: RULES[result.rule].summary, reason: result.reason,
    ...(result.record !== undefined ? { record: summary(records[result.record]) } : {}),
    otherRecords: result.otherRecords.map((at) => summary(records[at])),
    writes: result.writes,
  };
}
