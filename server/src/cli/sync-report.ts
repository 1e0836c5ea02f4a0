// `hslist sync-plan`'s report: one JSON-able value (what `--json` prints) built from a simulation, and its
// text rendering. Every outcome carries the rule that decided it and a few sample contacts or records.

import { CONTACT_LABELS, IMPORT_LABELS, RECORD_LABELS } from '../sync/labels';
import { RULES, type RuleId } from '../sync/rules';
import type { SyncDelta } from '../sync/delta';
import type { SoqlLine } from './sync-soql';
import type { SalesforceReport } from '../sync/salesforce-data';
import type { SyncSettings } from '../sync/settings';
import { CONTACT_OUTCOMES, IMPORT_OUTCOMES, RECORD_OUTCOMES, type Sample, type SyncSimulation, type WriteCount } from '../sync/types';

export interface OutcomeLine {
  outcome: string;
  label: string;
  count: number;
  rule: RuleId;
  samples: Sample[];
}

export interface SyncPlanReport {
  settings: SyncSettings;
  data: { contacts: { source: string; rowsLoaded: number; rowsRejected: number }; salesforce: SalesforceReport };
  contacts: { total: number; outcomes: OutcomeLine[] };
  creates: SyncSimulation['creates'];
  salesforce: { total: number; outcomes: OutcomeLine[]; autoCreates: SyncSimulation['autoCreates']; frozen: number };
  import: OutcomeLine[];
  writes: (WriteCount & { rule: string })[];
  delta?: SyncDelta & { before: string };
  /** The inclusion list as SOQL over each object (sync-soql.ts). */
  soql?: SoqlLine[];
  notes: string[];
}

function lines<K extends string>(keys: readonly K[], labels: Record<K, [string, RuleId]>, counts: Record<K, number>, samples: Partial<Record<K, Sample[]>>): OutcomeLine[] {
  return keys.map((outcome) => ({ outcome, label: labels[outcome][0], count: counts[outcome], rule: labels[outcome][1], samples: samples[outcome] ?? [] }));
}

const RULE_WORDS: Record<string, string> = { 'prefer-salesforce': 'prefer salesforce unless blank', 'always-salesforce': 'always salesforce', 'two-way': 'two way', 'dont-sync': "don't sync" };

export function buildReport(sim: SyncSimulation, settings: SyncSettings, data: SyncPlanReport['data'], notes: string[]): SyncPlanReport {
  const ruleOf = (w: WriteCount): string => RULE_WORDS[settings.mappings.find((m) => m.property === w.property)?.rule ?? ''] ?? 'no rule here';
  return {
    settings, data,
    contacts: { total: sim.contacts, outcomes: lines(CONTACT_OUTCOMES, CONTACT_LABELS, sim.contactOutcomes, sim.samples.contacts) },
    creates: sim.creates,
    salesforce: { total: sim.records, outcomes: lines(RECORD_OUTCOMES, RECORD_LABELS, sim.recordOutcomes, sim.samples.records), autoCreates: sim.autoCreates, frozen: sim.frozen },
    import: lines(IMPORT_OUTCOMES, IMPORT_LABELS, sim.importOutcomes, sim.samples.imports),
    writes: sim.writes.map((w) => ({ ...w, rule: ruleOf(w) })),
    notes,
  };
}

export function ruleSource(rule: RuleId): string {
  return RULES[rule].source;
}
