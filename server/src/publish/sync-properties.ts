// What the sync block's mappings need of the portal's contact properties that HubSpot's Properties API can do
// (`hslist plan|apply --properties`): create a custom property a mapping names that the portal lacks (its type
// from the mapped Salesforce field, rule M3 read backwards), and add to a custom enumeration the options for
// the Salesforce picklist's values it lacks, when the mapping's rule writes to HubSpot (`missing-hubspot-option`).
// HubSpot-defined properties are not changed: the settings sheet names them instead.

import type { PropertyDef } from '../language/schema-types';
import type { SalesforceSchema } from '../language/salesforce-schema';
import { findSalesforceField } from '../language/salesforce-schema';
import { valuesWithoutOption } from '../language/checks/sync-salesforce-options';
import type { SalesforceField } from '../salesforce/field-model';
import { writesToHubSpot, type SyncMapping, type SyncSettings } from '../sync/settings';
import type { Json } from '../hubspot/account/types';

export interface PropertyChange {
  kind: 'create-property' | 'add-options';
  property: string;
  /** The Salesforce field that asks for it ("Lead.Region__c"). */
  field: string;
  /** create-property: the Properties API body; add-options: the options to add. */
  body: Json;
  options: { label: string; value: string }[];
  text: string;
}

export interface PropertyPlan {
  changes: PropertyChange[];
  /** What the API cannot do or hslist cannot tell, each a sentence. */
  notes: string[];
}

/** Rule M3 backwards: the HubSpot type and field type a new property takes for the Salesforce field's type. */
const FROM_SALESFORCE: Record<string, { type: string; fieldType: string }> = {
  picklist: { type: 'enumeration', fieldType: 'select' },
  multipicklist: { type: 'enumeration', fieldType: 'checkbox' },
  boolean: { type: 'bool', fieldType: 'booleancheckbox' },
  double: { type: 'number', fieldType: 'number' }, int: { type: 'number', fieldType: 'number' },
  currency: { type: 'number', fieldType: 'number' }, percent: { type: 'number', fieldType: 'number' },
  date: { type: 'date', fieldType: 'date' }, datetime: { type: 'datetime', fieldType: 'date' },
  string: { type: 'string', fieldType: 'text' }, email: { type: 'string', fieldType: 'text' },
  phone: { type: 'string', fieldType: 'phonenumber' }, url: { type: 'string', fieldType: 'text' },
  textarea: { type: 'string', fieldType: 'textarea' },
};

function fieldOf(sf: SalesforceSchema, mapping: SyncMapping, objects: ('Lead' | 'Contact')[]): { object: string; field: SalesforceField } | undefined {
  for (const object of objects) {
    const field = findSalesforceField(sf, object, mapping.field);
    if (field) return { object, field };
  }
  return undefined;
}

function picklistOptions(field: SalesforceField): { label: string; value: string }[] {
  return field.picklistValues.filter((v) => v.active).map((v) => ({ label: v.label, value: v.value }));
}

function createChange(mapping: SyncMapping, at: { object: string; field: SalesforceField }): PropertyChange | string {
  const kind = FROM_SALESFORCE[at.field.type.toLowerCase()];
  if (!kind) return `\`${mapping.property}\` does not exist in the portal, and the ${at.object} field ${at.field.name} (${at.field.type}) has no HubSpot property type to create it with`;
  if (!/^[a-z][a-z0-9_]*$/.test(mapping.property)) return `\`${mapping.property}\` does not exist in the portal and is not a name HubSpot accepts for a new property (lower-case letters, digits and _)`;
  const options = kind.type === 'enumeration' ? picklistOptions(at.field) : [];
  const body: Json = { name: mapping.property, label: at.field.label, type: kind.type, fieldType: kind.fieldType, groupName: 'contactinformation', ...(options.length > 0 ? { options: options.map((o, i) => ({ ...o, displayOrder: i, hidden: false })) } : {}) };
  return { kind: 'create-property', property: mapping.property, field: `${at.object}.${at.field.name}`, body, options, text: `create the contact property \`${mapping.property}\` (${kind.type}, ${kind.fieldType}) for ${at.object}.${at.field.name}` };
}

function optionsChange(mapping: SyncMapping, property: PropertyDef, at: { object: string; field: SalesforceField }): PropertyChange | string | undefined {
  if (property.type !== 'enumeration' || property.externalOptions || !writesToHubSpot(mapping.rule)) return undefined;
  const missing = valuesWithoutOption(at.field, property);
  if (missing.length === 0) return undefined;
  const names = missing.map((v) => `"${v.value}"`).join(', ');
  if (property.hubspotDefined) return `\`${property.name}\` is HubSpot-defined, so hslist does not change its options; add ${names} in HubSpot under Settings > Data Management > Properties > ${property.label}`;
  const options = missing.map((v) => ({ label: v.label, value: v.value }));
  return { kind: 'add-options', property: property.name, field: `${at.object}.${at.field.name}`, body: {}, options, text: `add ${missing.length} option${missing.length === 1 ? '' : 's'} to \`${property.name}\` for the values of ${at.object}.${at.field.name}: ${names}` };
}

/** The property changes the mappings need, against the portal's contact properties and the Salesforce schema. */
export function planPropertyChanges(settings: SyncSettings, portal: PropertyDef[], sf: SalesforceSchema | undefined): PropertyPlan {
  if (!sf) return { changes: [], notes: ['--properties needs the Salesforce schema (run `hslist schema pull` with a Salesforce org) to know the mapped fields\' types and picklist values'] };
  const objects: ('Lead' | 'Contact')[] = settings.createsIn ? [settings.createsIn] : ['Lead', 'Contact'];
  const byName = new Map(portal.map((p) => [p.name, p]));
  const plan: PropertyPlan = { changes: [], notes: [] };
  for (const mapping of settings.mappings) {
    const at = fieldOf(sf, mapping, objects);
    if (!at) continue; // `unknown-salesforce-field` says so
    const property = byName.get(mapping.property);
    const change = property ? optionsChange(mapping, property, at) : createChange(mapping, at);
    if (typeof change === 'string') plan.notes.push(change);
    else if (change) plan.changes.push(change);
  }
  return plan;
}
