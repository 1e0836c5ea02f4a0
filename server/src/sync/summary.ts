// The simulation as the editor shows it (JSON-able, small): the code lens's figures, each outcome of each
// side with its rule and sample contacts or records (the preview panel's Salesforce tab), and the facts the
// data-aware checks quote.

import type { SyncDataFacts } from '../language/checks/sync-data';
import { CONTACT_LABELS, IMPORT_LABELS, RECORD_LABELS, willSync } from './labels';
import { RULES, type RuleId } from './rules';
import type { SalesforceObject } from './settings';
import { CONTACT_OUTCOMES, IMPORT_OUTCOMES, RECORD_OUTCOMES, type Sample, type SyncSimulation } from './types';

export interface SummaryOutcome {
  side: 'hubspot' | 'salesforce' | 'import';
  outcome: string;
  label: string;
  rule: RuleId;
  ruleText: string;
  count: number;
  samples: Sample[];
}

export interface SyncSummary {
  inclusionList: string | undefined;
  /** Where the data came from: "contacts.csv with Salesforce salesforce/". */
  source: string;
  contacts: number;
  records: number;
  willSync: number;
  creates: Record<SalesforceObject | 'unset', number>;
  createFails: number;
  autoCreates: Record<SalesforceObject, number>;
  frozen: number;
  outcomes: SummaryOutcome[];
  facts: SyncDataFacts;
}

function outcomesOf<K extends string>(side: SummaryOutcome['side'], keys: readonly K[], labels: Record<K, [string, RuleId]>, counts: Record<K, number>, samples: Partial<Record<K, Sample[]>>): SummaryOutcome[] {
  return keys.filter((k) => counts[k] > 0).map((outcome) => {
    const [label, rule] = labels[outcome];
    return { side, outcome, label, rule, ruleText: RULES[rule].summary, count: counts[outcome], samples: samples[outcome] ?? [] };
  });
}

export function syncSummary(sim: SyncSimulation, inclusionList: string | undefined, source: string, facts: SyncDataFacts): SyncSummary {
  return {
    inclusionList, source, contacts: sim.contacts, records: sim.records,
    willSync: willSync(sim.contactOutcomes), creates: sim.creates, createFails: sim.contactOutcomes['create-fails'],
    autoCreates: sim.autoCreates, frozen: sim.frozen,
    outcomes: [
      ...outcomesOf('hubspot', CONTACT_OUTCOMES, CONTACT_LABELS, sim.contactOutcomes, sim.samples.contacts),
      ...outcomesOf('salesforce', RECORD_OUTCOMES, RECORD_LABELS, sim.recordOutcomes, sim.samples.records),
      ...outcomesOf('import', IMPORT_OUTCOMES, IMPORT_LABELS, sim.importOutcomes, sim.samples.imports),
    ],
    facts,
  };
}

/** The code lens on the sync block: "1,204 will sync · 37 new leads · 12 frozen". */
export function syncLensTitle(s: SyncSummary): string {
  const n = (v: number): string => v.toLocaleString('en-US');
  const parts = [`${n(s.willSync)} will sync`];
  if (s.creates.Lead > 0 || s.creates.Contact === 0) parts.push(`${n(s.creates.Lead)} new lead${s.creates.Lead === 1 ? '' : 's'}`);
  if (s.creates.Contact > 0) parts.push(`${n(s.creates.Contact)} new contact${s.creates.Contact === 1 ? '' : 's'}`);
  if (s.creates.unset > 0) parts.push(`${n(s.creates.unset)} new (object set in HubSpot)`);
  if (s.createFails > 0) parts.push(`${n(s.createFails)} would fail`);
  parts.push(`${n(s.frozen)} frozen`);
  return parts.join(' · ');
}
