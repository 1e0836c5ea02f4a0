// The sync checks that need data (the preview's contacts and the Salesforce records), applied after the
// workspace's own checks by whoever has the data: `hslist check --data … --salesforce …` and the language
// server once the preview has Salesforce data. Pure over the facts the simulator counted:
// - `auto-create-bypasses-list` (sync-auto-create.ts) gains how many Salesforce leads and contacts would create
//   HubSpot contacts outside the inclusion list, and becomes a warning when some of them would freeze (C2);
// - `inclusion-list-empty` (warning, on the inclusion list's name): no contact of the data is in the list.

import { diagnostic, type Diagnostic } from '@hslist/grammar';
import type { WorkspaceIndex } from '../symbols';
import type { PathDiagnostic } from './list-references';
import { findSetting } from './settings';
import { AUTO_CREATE_CODE } from './sync-auto-create';

export interface SyncDataFacts {
  /** How the data is named in messages, e.g. "contacts.csv and 127.0.0.1:4567". */
  source: string;
  contacts: number;
  /** Contacts certainly in the inclusion list, and those the data cannot judge. */
  members: number;
  undecided: number;
  /** Salesforce records without a HubSpot contact that would create one (C2), and those left frozen. */
  autoCreates: { Lead: number; Contact: number };
  frozen: number;
}

const n = (value: number): string => value.toLocaleString('en-US');

function autoCreateSentence(facts: SyncDataFacts): string {
  const { Lead, Contact } = facts.autoCreates;
  return ` In ${facts.source}: ${n(Lead)} Salesforce lead${Lead === 1 ? '' : 's'} and ${n(Contact)} contact${Contact === 1 ? '' : 's'} have no HubSpot contact and would create one; ${n(facts.frozen)} of them would be outside the list, their updates frozen.`;
}

/** Diagnostics (or the CLI's problems) with the data's figures added where they belong. */
export function withSyncData<T extends Pick<Diagnostic, 'code' | 'message' | 'severity'>>(diagnostics: readonly T[], facts: SyncDataFacts): T[] {
  return diagnostics.map((d) => {
    if (d.code !== AUTO_CREATE_CODE) return d;
    return { ...d, message: d.message + autoCreateSentence(facts), severity: facts.frozen > 0 ? 'warning' : d.severity };
  });
}

/** `inclusion-list-empty`, at the sync block's inclusion list. */
export function checkInclusionListData(index: WorkspaceIndex, facts: SyncDataFacts): PathDiagnostic[] {
  const sync = index.syncBlocks[0];
  const value = sync ? findSetting(sync.node.settings, 'inclusion list')?.value : undefined;
  if (!sync || value?.kind !== 'string' || facts.members > 0 || facts.undecided > 0) return [];
  const message = `No contact of ${facts.source} is in "${value.value}" (0 of ${n(facts.contacts)}), so nothing would sync to Salesforce; check the list's criteria against the data.`;
  return [{ ...diagnostic('inclusion-list-empty', message, value, 'warning'), path: sync.path }];
}
