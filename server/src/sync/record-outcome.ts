// The Salesforce side: what becomes of each lead and contact. Records are taken by email: the one a HubSpot
// contact syncs with (C5), the others with its email (C5, C6), converted leads (A-CONVERTED); a record whose
// email HubSpot lacks creates a HubSpot contact when `salesforce creates hubspot contacts: yes`, inclusion list
// or not (C2), and that contact's later updates wait while it is outside the list ("frozen").
// An import (I1–I3) is judged per email too: the new contact holds only the email until a sync fills it.

import { contactView, type SimulationContext } from './context';
import { chooseRecord } from './match';
import type { SfRecord } from './salesforce-data';
import type { ImportOutcome, RecordResult } from './types';
import { pairWrites } from './writes';

function forLinked(ctx: SimulationContext, record: number, row: number): RecordResult {
  const contact = ctx.input.contacts;
  const id = contact.id(row);
  const eligible = contact.membership(row) === true;
  const reason = eligible ? `syncs with HubSpot contact ${id}` : `belongs to HubSpot contact ${id}, which does not sync (outside the inclusion list or undecided)`;
  return { record, outcome: 'linked', rule: eligible ? 'C5' : 'E2', reason, writes: [] };
}

function forUnmatched(ctx: SimulationContext, at: number, record: SfRecord): RecordResult {
  const setting = ctx.input.settings.salesforceCreatesContacts;
  if (setting === false) return { record: at, outcome: 'not-created', rule: 'C1', reason: 'has no HubSpot contact, and HubSpot is set to do nothing for new Salesforce records', writes: [] };
  if (setting === undefined) {
    return { record: at, outcome: 'create-setting-unknown', rule: 'C1', reason: 'has no HubSpot contact; whether one is created is set in HubSpot (not in the sync block)', writes: [] };
  }
  const membership = ctx.input.settings.inclusionList === undefined ? true : ctx.input.judgeNew(contactView(ctx, record));
  const frozen = membership !== true;
  const writes = pairWrites(ctx, { object: record.object, record });
  const after = frozen ? ', outside the inclusion list, so its later updates wait until it meets the criteria' : ', inside the inclusion list';
  return { record: at, outcome: 'create-in-hubspot', rule: 'C2', reason: `creates a HubSpot contact${after}`, frozen, membership, writes };
}

/** Every record sharing one (lower-cased) email. */
export function judgeEmailGroup(ctx: SimulationContext, key: string, candidates: readonly number[]): RecordResult[] {
  const records = ctx.input.salesforce.records;
  const row = ctx.rowsByEmail.get(key);
  const choice = chooseRecord(records, candidates);
  const results: RecordResult[] = choice.converted.map((record) => ({ record, outcome: 'converted', rule: 'A-CONVERTED', reason: 'is a converted lead: read-only, never matched', writes: [] }));
  const duplicateReason = row === undefined ? 'shares its email with a more recently updated record; HubSpot makes one contact per email' : 'shares its email with a more recently updated record, which is the one that syncs';
  for (const record of choice.others) results.push({ record, outcome: 'duplicate', rule: row === undefined ? 'C6' : 'C5', reason: duplicateReason, writes: [] });
  if (choice.chosen >= 0) results.push(row === undefined ? forUnmatched(ctx, choice.chosen, records[choice.chosen]) : forLinked(ctx, choice.chosen, row));
  return results;
}

export function noEmailResult(record: number): RecordResult {
  return { record, outcome: 'no-email', rule: 'E9', reason: 'has no email address, so HubSpot cannot match or create a contact for it (Assumed)', writes: [] };
}

export interface ImportResult {
  outcome: ImportOutcome;
  rule: 'I2' | 'I3' | 'E2';
  reason: string;
}

/** I1–I3: an import of the records with this email. */
export function judgeImport(ctx: SimulationContext, key: string, email: string): ImportResult {
  const row = ctx.rowsByEmail.get(key);
  if (row !== undefined) {
    const membership = ctx.input.contacts.membership(row);
    const id = ctx.input.contacts.id(row);
    if (membership === true) return { outcome: 'existing-filled', rule: 'I2', reason: `HubSpot contact ${id} is in the list: the sync after the import fills it` };
    if (membership === false) return { outcome: 'existing-unchanged', rule: 'E2', reason: `HubSpot contact ${id} is outside the list: the import changes nothing` };
    return { outcome: 'existing-unknown', rule: 'E2', reason: `HubSpot contact ${id}: membership not judgeable from this data` };
  }
  // I1: the new contact holds only the email; I2: a sync fills the rest when there is no list or it is a member.
  const membership = ctx.input.settings.inclusionList === undefined ? true : ctx.input.judgeNew({ email });
  if (membership === true) return { outcome: 'new-filled', rule: 'I2', reason: 'a new contact the list takes on its email alone: the sync fills it' };
  if (membership === false) return { outcome: 'new-email-only', rule: 'I3', reason: 'a new contact outside the list: it keeps only its email' };
  return { outcome: 'new-unknown', rule: 'I3', reason: 'a new contact whose membership is not judgeable on its email alone' };
}
