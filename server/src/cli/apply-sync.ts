// What `hslist apply` does for the sync block besides the lists: with --properties, the contact property
// changes the mappings need (publish/sync-properties*.ts); with --salesforce-fields, the Salesforce custom
// fields and picklist values (publish/salesforce-fields*.ts); each said with its result. And, always, the
// settings sheet recorded in the state file as to set by hand (publish/settings-sheet.ts).

import { recordSettingsSheet, type Planned } from '../publish/session';
import { applyPropertyChanges } from '../publish/sync-properties-apply';
import { applySalesforceFieldChanges } from '../publish/salesforce-fields-apply';
import type { HubSpotAccount } from '../hubspot/account/types';
import type { SalesforceOrg } from '../salesforce';
import type { CliIo } from './context';

const WORD = { done: 'done', already: 'already so', failed: 'FAILED' } as const;

export interface SyncSideAccounts {
  account: HubSpotAccount;
  /** The org, when --salesforce-fields planned against it. */
  org?: SalesforceOrg;
}

async function applyProperties(planned: Planned, account: HubSpotAccount, io: CliIo): Promise<boolean> {
  const changes = planned.plan.properties?.changes ?? [];
  if (changes.length === 0) return true;
  let ok = true;
  io.out('Contact properties (--properties):\n');
  for (const outcome of await applyPropertyChanges(account, changes)) {
    if (outcome.result === 'failed') ok = false;
    io.out(`  ${WORD[outcome.result]}: ${outcome.change.text}${outcome.message ? ` — ${outcome.message}` : ''}\n`);
  }
  return ok;
}

async function applySalesforceFields(planned: Planned, org: SalesforceOrg | undefined, io: CliIo): Promise<boolean> {
  const changes = planned.plan.salesforceFields?.changes ?? [];
  if (changes.length === 0 || !org) return true;
  io.out('Salesforce fields (--salesforce-fields, Metadata API):\n');
  const outcomes = await applySalesforceFieldChanges(org, changes);
  for (const outcome of outcomes) {
    io.out(`  ${WORD[outcome.result]}: ${outcome.change.text}${outcome.message ? ` — ${outcome.message}` : ''}\n`);
    if (outcome.followUp) io.out(`    by hand: ${outcome.followUp}\n`);
  }
  const failed = outcomes.filter((o) => o.result === 'failed').length;
  const done = outcomes.filter((o) => o.result === 'done').length;
  if (failed > 0) io.out(`  ${done} of ${outcomes.length} Salesforce field change${outcomes.length === 1 ? '' : 's'} made, ${failed} failed; the next apply retries what is still missing.\n`);
  if (outcomes.some((o) => o.result === 'done' && o.change.kind === 'create-field')) io.out('  New fields need field-level security for HubSpot\'s integration user before they sync; `hslist schema pull` refreshes the checks\' Salesforce schema.\n');
  return failed === 0;
}

/** True when every property and field change went through (or there was none). */
export async function applySyncSide(planned: Planned, accounts: SyncSideAccounts, io: CliIo): Promise<boolean> {
  const propertiesOk = await applyProperties(planned, accounts.account, io);
  const fieldsOk = await applySalesforceFields(planned, accounts.org, io);
  const items = planned.plan.settings ?? [];
  if ((await recordSettingsSheet(planned)) || items.some((i) => i.status === 'to set by hand')) {
    const open = items.filter((i) => i.status === 'to set by hand').length;
    if (open > 0) io.out(`${open} setting${open === 1 ? '' : 's'} of the sync block to set by hand in HubSpot (no public API): recorded in the state file; after setting them, run \`hslist settings confirm\`.\n`);
  }
  return propertiesOk && fieldsOk;
}
