// The field writes of one HubSpot contact and one Salesforce record under the sync block's mappings
// (R1–R4, field-rules.ts), with the values before and after on the receiving side. A create is a pair with
// one side missing: a new Salesforce record (no `record`), or a new HubSpot contact (no `row`).

import { decideWrite } from './field-rules';
import { explicitMappings, recordValue, type PositionedMapping, type SimulationContext } from './context';
import type { SfRecord } from './salesforce-data';
import type { SalesforceObject } from './settings';
import type { FieldWrite } from './types';
import { optionsMissing, sameHubSpotValue, toHubSpotValue, toSalesforceValue, valuesOutsidePicklist } from './values';

export interface Pair {
  object: SalesforceObject;
  /** The HubSpot contact's row; undefined for a contact Salesforce would create. */
  row?: number;
  record?: SfRecord;
}

function hubspotNewer(ctx: SimulationContext, pair: Pair): boolean | undefined {
  if (pair.row === undefined || !pair.record) return undefined;
  const hs = ctx.input.contacts.lastModified(pair.row);
  const sf = pair.record.lastModified;
  if (Number.isNaN(hs) || Number.isNaN(sf) || hs === sf) return undefined;
  return hs > sf;
}

function display(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

function writeOf(ctx: SimulationContext, pair: Pair, mapping: PositionedMapping, newer: boolean | undefined): FieldWrite | undefined {
  const hubspot = pair.row === undefined ? null : ctx.input.contacts.value(pair.row, mapping.property);
  const salesforceRaw = pair.record ? recordValue(pair.record, mapping) : null;
  const salesforce = toHubSpotValue(salesforceRaw, mapping.propertyDef);
  const state = { hubspotKnown: hubspot !== null, salesforceKnown: salesforce !== null, same: sameHubSpotValue(hubspot, salesforce, mapping.propertyDef), hubspotNewer: newer };
  const decision = decideWrite(mapping.rule, state);
  if (!decision) return undefined;
  const base = { property: mapping.property, field: mapping.fieldName, direction: decision.direction, rule: decision.rule };
  if (decision.direction === 'to-hubspot') {
    const write: FieldWrite = { ...base, old: hubspot, new: salesforce };
    const unknown = optionsMissing(salesforce, mapping.propertyDef);
    if (unknown.length > 0) write.rejected = `${unknown.map((v) => `"${v}"`).join(', ')} not an option of ${mapping.property} (A-OPTION)`;
    return write;
  }
  if (decision.direction === 'undecided') return { ...base, old: hubspot, new: salesforce };
  const write: FieldWrite = { ...base, old: display(salesforceRaw), new: toSalesforceValue(hubspot, mapping.propertyDef, mapping.fieldDef) };
  const outside = mapping.fieldDef?.restrictedPicklist === true ? valuesOutsidePicklist(hubspot, mapping.propertyDef, mapping.fieldDef) : [];
  if (outside.length > 0) write.rejected = `${outside.map((v) => `"${v}"`).join(', ')} not in the restricted picklist ${mapping.fieldName} (A-PICKLIST)`;
  return write;
}

export function pairWrites(ctx: SimulationContext, pair: Pair): FieldWrite[] {
  const newer = hubspotNewer(ctx, pair);
  const writes: FieldWrite[] = [];
  for (const mapping of explicitMappings(ctx, pair.object)) {
    const write = writeOf(ctx, pair, mapping, newer);
    if (write) writes.push(write);
  }
  return writes;
}

/**
 * A-REQUIRED: the required fields (lower-cased) a new record from this contact would leave empty. A block
 * mapping to the field decides when there is one (a rule that never writes to Salesforce fills nothing);
 * otherwise HubSpot's default mapping to it does.
 */
export function missingRequired(ctx: SimulationContext, object: SalesforceObject, row: number): string[] {
  return ctx.required[object].filter((field) => {
    const mappings = ctx.mappings[object].filter((m) => m.field === field);
    const filler = mappings.find((m) => m.explicit) ?? mappings[0];
    if (!filler) return true;
    if (filler.explicit && (filler.rule === 'always-salesforce' || filler.rule === 'dont-sync')) return true;
    return ctx.input.contacts.value(row, filler.property) === null;
  });
}
