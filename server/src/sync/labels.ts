// How each outcome is named wherever it is shown (the CLI's sync plan, the editor's Salesforce tab), with the
// rule that decides it.

import type { RuleId } from './rules';
import type { ContactOutcome, ImportOutcome, RecordOutcome } from './types';

export const CONTACT_LABELS: Record<ContactOutcome, [string, RuleId]> = {
  create: ['create in Salesforce', 'C1'],
  'create-fails': ['create would fail', 'A-REQUIRED'],
  update: ['update (field writes)', 'C5'],
  'in-sync': ['linked, nothing to write', 'C5'],
  'not-in-list': ['skip: not in the inclusion list', 'E2'],
  'membership-unknown': ['skip: membership not judgeable', 'E2'],
  'no-email': ['skip: no email', 'E9'],
};

export const RECORD_LABELS: Record<RecordOutcome, [string, RuleId]> = {
  linked: ['linked to a HubSpot contact', 'C5'],
  'create-in-hubspot': ['creates a HubSpot contact despite the list', 'C2'],
  'not-created': ['no HubSpot contact created', 'C1'],
  'create-setting-unknown': ['would create a contact if set in HubSpot', 'C1'],
  duplicate: ['another record with the email syncs', 'C5'],
  converted: ['converted lead, never matched', 'A-CONVERTED'],
  'no-email': ['no email', 'E9'],
};

export const IMPORT_LABELS: Record<ImportOutcome, [string, RuleId]> = {
  'new-email-only': ['new contact keeps only its email', 'I3'],
  'new-filled': ['new contact, filled by the sync after import', 'I2'],
  'new-unknown': ['new contact, membership not judgeable', 'I3'],
  'existing-filled': ['existing member, filled by the sync', 'I2'],
  'existing-unchanged': ['existing contact outside the list, unchanged', 'E2'],
  'existing-unknown': ['existing contact, membership not judgeable', 'E2'],
};

/** Contacts that sync to Salesforce: eligible ones (E2, E9), whatever their outcome. */
export function willSync(outcomes: Record<ContactOutcome, number>): number {
  return outcomes.create + outcomes['create-fails'] + outcomes.update + outcomes['in-sync'];
}
