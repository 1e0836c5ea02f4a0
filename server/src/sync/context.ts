// What one simulation run prepares once and every judgement reads: the settings, the mappings of each
// object with the position of their Salesforce field in the data, the email join both ways, and how a new
// HubSpot contact would be judged against the inclusion list.

import type { Tri } from '../preview/types';
import type { HubSpotContacts } from './contacts';
import { indexByEmail } from './match';
import type { FieldMapping, MappingsByObject } from './mappings';
import { fieldIndex, type SalesforceData, type SfRecord } from './salesforce-data';
import type { SalesforceObject, SyncSettings } from './settings';
import { writesToHubSpot } from './settings';
import { toHubSpotValue } from './values';

export interface SimulationInput {
  settings: SyncSettings;
  mappings: MappingsByObject;
  contacts: HubSpotContacts;
  salesforce: SalesforceData;
  /** Judges a new HubSpot contact (made from a Salesforce record, or by an import) against the inclusion list. */
  judgeNew(properties: Record<string, string | null>): Tri;
  /**
   * Lower-cased fields a new record must be given, per object (from the Salesforce schema); absent: Salesforce's
   * standard ones (Lead LastName and Company, Contact LastName).
   */
  required?: Record<SalesforceObject, string[]>;
  sampleSize?: number;
}

export interface PositionedMapping extends FieldMapping {
  /** Index of the field in SalesforceData.fields, -1 when the data has no such field. */
  position: number;
}

export interface SimulationContext {
  input: SimulationInput;
  mappings: Record<SalesforceObject, PositionedMapping[]>;
  /** Salesforce records by lower-cased email. */
  recordsByEmail: Map<string, number[]>;
  /** HubSpot contact rows by lower-cased email (first row of an email: HubSpot holds one, C6). */
  rowsByEmail: Map<string, number>;
  required: Record<SalesforceObject, string[]>;
}

const STANDARD_REQUIRED: Record<SalesforceObject, string[]> = { Lead: ['lastname', 'company'], Contact: ['lastname'] };

function contactRowsByEmail(contacts: HubSpotContacts): Map<string, number> {
  const rows = new Map<string, number>();
  for (let row = 0; row < contacts.size; row++) {
    const email = contacts.email(row);
    if (email === null) continue;
    const key = email.toLowerCase();
    if (!rows.has(key)) rows.set(key, row);
  }
  return rows;
}

export function prepare(input: SimulationInput): SimulationContext {
  const position = (m: FieldMapping): PositionedMapping => ({ ...m, position: fieldIndex(input.salesforce, m.field) });
  return {
    input,
    mappings: { Lead: input.mappings.Lead.map(position), Contact: input.mappings.Contact.map(position) },
    recordsByEmail: indexByEmail(input.salesforce.records),
    rowsByEmail: contactRowsByEmail(input.contacts),
    required: input.required ?? STANDARD_REQUIRED,
  };
}

/** The sync block's own mappings of an object (default mappings are never simulated as writes). */
export function explicitMappings(ctx: SimulationContext, object: SalesforceObject): PositionedMapping[] {
  return ctx.mappings[object].filter((m) => m.explicit);
}

export function recordValue(record: SfRecord, mapping: PositionedMapping): SfRecord['values'][number] {
  return mapping.position < 0 ? null : record.values[mapping.position];
}

/**
 * The HubSpot contact a Salesforce record would become: its email, the values of mappings that write to
 * HubSpot, and of HubSpot's default mappings (Assumed: they fill a contact created from Salesforce).
 */
export function contactView(ctx: SimulationContext, record: SfRecord): Record<string, string | null> {
  const properties: Record<string, string | null> = { email: record.email };
  for (const mapping of ctx.mappings[record.object]) {
    if (mapping.property === 'email' || (mapping.explicit && !writesToHubSpot(mapping.rule))) continue;
    properties[mapping.property] = toHubSpotValue(recordValue(record, mapping), mapping.propertyDef);
  }
  return properties;
}
