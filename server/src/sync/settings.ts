// The sync block read as the simulator's settings: which list gates the sync, what each side creates, and
// each mapping with its rule (R1–R4). Pure over the syntax tree; the checks report what is malformed, so
// here an unreadable value simply counts as "not set here".

import { settingValueString } from '@hslist/grammar';
import type { MappingNode, SyncNode } from '@hslist/grammar';
import { findSetting, settingWord } from '../language/checks/settings';
import { normaliseRule } from '../language/checks/sync-block';
import type { RuleId } from './rules';

export type SalesforceObject = 'Lead' | 'Contact';
export type MappingRule = 'prefer-salesforce' | 'always-salesforce' | 'two-way' | 'dont-sync';

export interface SyncMapping {
  property: string;
  field: string;
  /** undefined: the block gives no rule, so HubSpot's UI decides (not simulated, A-NO-RULE). */
  rule: MappingRule | undefined;
}

export interface SyncSettings {
  inclusionList: string | undefined;
  /** `salesforce creates hubspot contacts`: true = "Create or update the contact", undefined = not set here. */
  salesforceCreatesContacts: boolean | undefined;
  /** `hubspot creates in salesforce`; undefined = chosen in HubSpot's UI. */
  createsIn: SalesforceObject | undefined;
  mappings: SyncMapping[];
}

const RULE_BY_TEXT: Record<string, MappingRule> = {
  'prefer salesforce unless blank': 'prefer-salesforce',
  'always salesforce': 'always-salesforce',
  'two way': 'two-way',
  "don't sync": 'dont-sync',
  'do not sync': 'dont-sync',
};

export const RULE_ID: Record<MappingRule, RuleId> = { 'prefer-salesforce': 'R1', 'always-salesforce': 'R2', 'two-way': 'R3', 'dont-sync': 'R4' };

function ruleOf(mapping: MappingNode): MappingRule | undefined {
  if (!mapping.rule) return undefined;
  const text = settingValueString(mapping.rule);
  return RULE_BY_TEXT[normaliseRule(text)];
}

export function syncSettingsOf(sync: SyncNode): SyncSettings {
  const inclusion = findSetting(sync.settings, 'inclusion list')?.value;
  const creates = settingWord(findSetting(sync.settings, 'salesforce creates hubspot contacts')?.value);
  const target = settingWord(findSetting(sync.settings, 'hubspot creates in salesforce')?.value);
  return {
    inclusionList: inclusion?.kind === 'string' ? inclusion.value : undefined,
    salesforceCreatesContacts: creates === 'yes' ? true : creates === 'no' ? false : undefined,
    createsIn: target === 'lead' ? 'Lead' : target === 'contact' ? 'Contact' : undefined,
    mappings: sync.mappings.map((m) => ({ property: m.hubspotProperty.text, field: m.salesforceField.text, rule: ruleOf(m) })),
  };
}

/** Whether a mapping's rule may write HubSpot values into Salesforce (R1, R3). */
export function writesToSalesforce(rule: MappingRule | undefined): boolean {
  return rule === 'prefer-salesforce' || rule === 'two-way';
}

/** Whether a mapping's rule may write Salesforce values into HubSpot (R1, R2, R3). */
export function writesToHubSpot(rule: MappingRule | undefined): boolean {
  return rule === 'prefer-salesforce' || rule === 'always-salesforce' || rule === 'two-way';
}
