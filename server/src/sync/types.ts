// What the simulator answers: per HubSpot contact an outcome with the rule that decided it, per Salesforce
// record what becomes of it, the import's effect, and counts of field writes per mapping and direction.

import type { Tri } from '../preview/types';
import type { WriteDirection } from './field-rules';
import type { RuleId } from './rules';
import type { SalesforceObject } from './settings';

export const CONTACT_OUTCOMES = ['create', 'create-fails', 'update', 'in-sync', 'not-in-list', 'membership-unknown', 'no-email'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const RECORD_OUTCOMES = ['linked', 'create-in-hubspot', 'not-created', 'create-setting-unknown', 'duplicate', 'converted', 'no-email'] as const;
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];

export const IMPORT_OUTCOMES = ['new-email-only', 'new-filled', 'new-unknown', 'existing-filled', 'existing-unchanged', 'existing-unknown'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export interface FieldWrite {
  property: string;
  field: string;
  direction: WriteDirection;
  rule: RuleId;
  /** Before, as the receiving side holds it (for `undecided`: HubSpot's value). */
  old: string | null;
  /** After, as the receiving side would hold it (for `undecided`: Salesforce's value). */
  new: string | null;
  /** The write would be refused: values outside a restricted picklist (A-PICKLIST) or a HubSpot enumeration's options (A-OPTION). */
  rejected?: string;
}

export interface ContactResult {
  row: number;
  outcome: ContactOutcome;
  rule: RuleId;
  /** Why, in one sentence. */
  reason: string;
  membership: Tri;
  /** The object created (create, create-fails; undefined when `hubspot creates in salesforce` is not set) or matched. */
  object?: SalesforceObject;
  /** The matched Salesforce record (position in the data), when there is one. */
  record?: number;
  /** Other records with the same email that do not sync (C5), and converted leads left out. */
  otherRecords: number[];
  writes: FieldWrite[];
}

export interface RecordResult {
  record: number;
  outcome: RecordOutcome;
  rule: RuleId;
  reason: string;
  /** create-in-hubspot: whether the new contact is outside the list, so its updates wait (C2). */
  frozen?: boolean;
  /** create-in-hubspot: the new contact's membership of the inclusion list. */
  membership?: Tri;
  writes: FieldWrite[];
}

export interface WriteCount {
  property: string;
  field: string;
  toSalesforce: number;
  toHubSpot: number;
  undecided: number;
  /** Writes Salesforce would refuse (A-PICKLIST). */
  refusedBySalesforce: number;
  /** Writes HubSpot would refuse (A-OPTION). */
  refusedByHubSpot: number;
}

export interface Sample {
  id: string;
  email: string | null;
  /** What decided it, e.g. "matched Lead 00Q… (updated 2025-03-01)". */
  note: string;
}

export interface SyncSimulation {
  contacts: number;
  records: number;
  contactOutcomes: Record<ContactOutcome, number>;
  /** Contacts with a matched Salesforce record (the email join, C5), whatever their outcome. */
  matchedContacts: number;
  /** Creates per object (create outcomes only); `unset` when the block does not say which object. */
  creates: Record<SalesforceObject | 'unset', number>;
  recordOutcomes: Record<RecordOutcome, number>;
  /** create-in-hubspot records (C2) per object: Salesforce leads and contacts that bypass the list. */
  autoCreates: Record<SalesforceObject, number>;
  /** create-in-hubspot records whose new contact would be outside the list (C2). */
  frozen: number;
  importOutcomes: Record<ImportOutcome, number>;
  writes: WriteCount[];
  samples: {
    contacts: Partial<Record<ContactOutcome, Sample[]>>;
    records: Partial<Record<RecordOutcome, Sample[]>>;
    imports: Partial<Record<ImportOutcome, Sample[]>>;
  };
  /** Per contact row: whether it is eligible to sync (has an email and is in the list): for deltas. */
  eligible: Uint8Array;
  /** Per contact row: the outcome's index in CONTACT_OUTCOMES. */
  outcomeCodes: Uint8Array;
}
