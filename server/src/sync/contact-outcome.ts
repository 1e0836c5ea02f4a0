// One HubSpot contact's outcome, HubSpot → Salesforce: skipped (no email E9, outside the list E2, or the
// data cannot tell its membership), matched to a Salesforce record by email (C5, C6) and updated with the
// mappings' writes, or created as the object the settings choose (C1), which fails when a required field
// would stay empty (A-REQUIRED).

import type { SimulationContext } from './context';
import { chooseRecord } from './match';
import type { SfRecord } from './salesforce-data';
import type { ContactResult } from './types';
import { missingRequired, pairWrites } from './writes';

function describeRecord(record: SfRecord): string {
  const when = Number.isNaN(record.lastModified) ? '' : `, updated ${new Date(record.lastModified).toISOString().slice(0, 10)}`;
  return `${record.object} ${record.id}${when}`;
}

type Base = Omit<ContactResult, 'outcome' | 'rule' | 'reason'>;

const SKIPS = {
  noEmail: { outcome: 'no-email', rule: 'E9', reason: 'has no email address, so it never syncs' },
  notInList: { outcome: 'not-in-list', rule: 'E2', reason: 'is not in the inclusion list, so it does not sync either way' },
  unknown: { outcome: 'membership-unknown', rule: 'E2', reason: 'cannot be judged against the inclusion list from this data' },
} as const;

function skipped(base: Base, email: string | null): ContactResult {
  const skip = email === null ? SKIPS.noEmail : base.membership === false ? SKIPS.notInList : SKIPS.unknown;
  return Object.assign(base, skip);
}

function created(ctx: SimulationContext, base: Base): ContactResult {
  const object = ctx.input.settings.createsIn;
  if (!object) return { ...base, outcome: 'create', rule: 'C1', reason: 'has no Salesforce record with its email, so HubSpot creates the lead or contact chosen in its settings' };
  const missing = missingRequired(ctx, object, base.row);
  const writes = pairWrites(ctx, { object, row: base.row });
  if (missing.length > 0) {
    const fields = missing.map((f) => ctx.mappings[object].find((m) => m.field === f)?.fieldName ?? f).join(', ');
    return { ...base, object, writes, outcome: 'create-fails', rule: 'A-REQUIRED', reason: `would be created as a ${object} but has no value for ${fields}, which Salesforce requires` };
  }
  return { ...base, object, writes, outcome: 'create', rule: 'C1', reason: `has no Salesforce record with its email, so HubSpot creates a ${object}` };
}

/** The outcome of contact `row` (every field write included). */
export function judgeContact(ctx: SimulationContext, row: number): ContactResult {
  const contacts = ctx.input.contacts;
  const email = contacts.email(row);
  const membership = contacts.membership(row);
  const candidates = email === null ? undefined : ctx.recordsByEmail.get(email.toLowerCase());
  const choice = candidates ? chooseRecord(ctx.input.salesforce.records, candidates) : undefined;
  const others = choice ? (choice.converted.length === 0 ? choice.others : [...choice.others, ...choice.converted]) : [];
  const base: Base = { row, membership, otherRecords: others, writes: [] };
  const matched = choice && choice.chosen >= 0 ? ctx.input.salesforce.records[choice.chosen] : undefined;
  if (matched) {
    base.record = choice!.chosen;
    base.object = matched.object;
  }
  if (email === null || membership !== true) return skipped(base, email);
  if (!matched) return created(ctx, base);
  const writes = pairWrites(ctx, { object: matched.object, row, record: matched });
  const several = choice!.others.length > 0 ? `, the most recently updated of ${choice!.others.length + 1} with its email` : '';
  const outcome = writes.length > 0 ? 'update' : 'in-sync';
  const reason = `syncs with ${describeRecord(matched)}${several}${writes.length > 0 ? '' : '; their mapped values already agree'}`;
  return Object.assign(base, { writes, outcome, rule: 'C5', reason } as const);
}
