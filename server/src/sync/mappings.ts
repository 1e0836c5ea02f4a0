// The field mappings in force for each Salesforce object: the sync block's own (with their rules) and
// HubSpot's default contact mappings (rule M4) that the block does not replace. Default mappings keep the
// rule set in HubSpot's UI, so they carry no rule here: the simulator uses them to say what a new record is
// filled with (required fields, the HubSpot contact a Salesforce record would become), never to count writes.

import { DEFAULT_MAPPINGS } from '../language/checks/sync-salesforce-required';
import { findSalesforceField, type SalesforceSchema } from '../language/salesforce-schema';
import type { PropertyDef, Schema } from '../language/schema-types';
import type { SalesforceField } from '../salesforce/field-model';
import type { MappingRule, SalesforceObject, SyncSettings } from './settings';

export interface FieldMapping {
  property: string;
  propertyDef: PropertyDef | undefined;
  /** The Salesforce field name, lower-cased (for matching). */
  field: string;
  /** The field's name as Salesforce spells it (the schema's), else as written. */
  fieldName: string;
  fieldDef: SalesforceField | undefined;
  rule: MappingRule | undefined;
  /** Written in the sync block (false: one of HubSpot's default mappings). */
  explicit: boolean;
}

export type MappingsByObject = Record<SalesforceObject, FieldMapping[]>;

export function mappingsByObject(settings: SyncSettings, schema: Schema, salesforce: SalesforceSchema | undefined): MappingsByObject {
  return { Lead: mappingsFor('Lead', settings, schema, salesforce), Contact: mappingsFor('Contact', settings, schema, salesforce) };
}

function mappingsFor(object: SalesforceObject, settings: SyncSettings, schema: Schema, salesforce: SalesforceSchema | undefined): FieldMapping[] {
  const fieldDef = (field: string): SalesforceField | undefined => (salesforce ? findSalesforceField(salesforce, object, field) : undefined);
  const explicit = settings.mappings
    .filter((m) => !salesforce || fieldDef(m.field))
    .map((m) => ({ property: m.property, propertyDef: schema.objects.contacts.get(m.property), field: m.field.toLowerCase(), fieldName: fieldDef(m.field)?.name ?? m.field, fieldDef: fieldDef(m.field), rule: m.rule, explicit: true }));
  const takenFields = new Set(explicit.map((m) => m.field));
  const takenProperties = new Set(explicit.map((m) => m.property));
  const defaults: FieldMapping[] = [];
  for (const [field, property] of Object.entries(DEFAULT_MAPPINGS[object])) {
    // Owners are matched by user, not by value (M1): an owner id means nothing on the other side.
    if (property === null || field === 'ownerid' || takenFields.has(field) || takenProperties.has(property)) continue;
    if (salesforce && !fieldDef(field)) continue;
    defaults.push({ property, propertyDef: schema.objects.contacts.get(property), field, fieldName: fieldDef(field)?.name ?? field, fieldDef: fieldDef(field), rule: undefined, explicit: false });
  }
  return [...explicit, ...defaults];
}

/** Every Salesforce field any mapping reads (lower-cased, sorted): the fields to load. */
export function mappedFields(mappings: MappingsByObject): string[] {
  return [...new Set([...mappings.Lead, ...mappings.Contact].map((m) => m.field))].sort();
}

/** Every HubSpot property any mapping reads (sorted): the contact properties to load. */
export function mappedProperties(mappings: MappingsByObject): string[] {
  return [...new Set([...mappings.Lead, ...mappings.Contact].map((m) => m.property))].sort();
}
