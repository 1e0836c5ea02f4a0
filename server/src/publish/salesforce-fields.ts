// What the sync block's mappings need of the Salesforce org that its Metadata API can do
// (`hslist plan|apply --salesforce-fields`), read against the org's describe of Lead and Contact:
// - a mapping names a field that no object the sync creates has: create it as a custom field on each such
//   object, its type from the HubSpot property (salesforce-field-types.ts), so `unknown-salesforce-field`
//   and `incompatible-mapping` are then satisfied;
// - a mapping that may write HubSpot values into Salesforce maps an enumeration whose options a custom
//   picklist lacks (`missing-picklist-value`, matched the same way): add them as picklist values.
// A standard picklist's values are a standard value set other objects share, so hslist names them for an
// admin instead of changing them. Pure: the org is read before (describe) and after (salesforce-fields-apply.ts).

import type { PropertyDef } from '../language/schema-types';
import { findSalesforceField, type SalesforceObjectName, type SalesforceSchema } from '../language/salesforce-schema';
import { missingOptions } from '../language/checks/sync-salesforce-picklists';
import type { CustomFieldMetadata } from '../salesforce/metadata';
import type { SalesforceField } from '../salesforce/field-model';
import { writesToSalesforce, type MappingRule, type SyncMapping, type SyncSettings } from '../sync/settings';
import { fieldLabel, fieldShapeFor, isCustomFieldName } from './salesforce-field-types';

export interface PicklistValue {
  value: string;
  label: string;
}

export interface SalesforceFieldChange {
  kind: 'create-field' | 'add-picklist-values';
  object: SalesforceObjectName;
  /** The field's API name as the org has it (add) or as the mapping names it (create). */
  field: string;
  /** The HubSpot properties that ask for it (two mappings may ask values of one picklist). */
  properties: string[];
  /** add-picklist-values: the values to add; create-field: a picklist's values. */
  values: PicklistValue[];
  /** create-field: the component to create, and the describe type it must read back as. */
  definition?: CustomFieldMetadata;
  describeType?: string;
  text: string;
}

export interface SalesforceFieldPlan {
  changes: SalesforceFieldChange[];
  /** What the API cannot do or hslist will not, each a sentence with where to do it by hand. */
  notes: string[];
}

const SETUP = 'Setup > Object Manager';

/** Whether a mapping may write HubSpot values into Salesforce: R1, R3, or a rule the block does not say readably (HubSpot's UI decides), as `missing-picklist-value` judges. */
function mayWriteToSalesforce(rule: MappingRule | undefined): boolean {
  return rule === undefined || writesToSalesforce(rule);
}

function quoted(values: PicklistValue[]): string {
  return values.map((v) => `"${v.value}"`).join(', ');
}

function valuesText(object: string, field: string, values: PicklistValue[], properties: string[]): string {
  return `Salesforce: add picklist value${values.length === 1 ? '' : 's'} ${quoted(values)} to ${object}.${field} (for ${properties.map((p) => `\`${p}\``).join(', ')})`;
}

function createChanges(mapping: SyncMapping, property: PropertyDef, objects: SalesforceObjectName[]): (SalesforceFieldChange | string)[] {
  if (!isCustomFieldName(mapping.field)) {
    return [`${objects.join(' and ')} ${objects.length === 1 ? 'has' : 'have'} no field \`${mapping.field}\`, and it is not a custom field's name (a letter, then letters, digits and single underscores, ending in __c), so hslist does not create it; correct the mapping, or create the field in ${SETUP} > ${objects[0]} > Fields & Relationships`];
  }
  const shape = fieldShapeFor(property);
  if (typeof shape === 'string') return [`${objects.join(' and ')} ${objects.length === 1 ? 'has' : 'have'} no field \`${mapping.field}\`, and ${shape}; create it by hand in ${SETUP} > ${objects[0]} > Fields & Relationships`];
  return objects.map((object) => ({
    kind: 'create-field',
    object,
    field: mapping.field,
    properties: [property.name],
    values: shape.values ?? [],
    definition: { ...shape.component, fullName: `${object}.${mapping.field}`, label: fieldLabel(property), description: `Created by hslist for the HubSpot contact property ${property.name}.` },
    describeType: shape.describeType,
    text: `Salesforce: create field ${object}.${mapping.field} (${shape.summary}) for \`${property.name}\``,
  }));
}

function valuesChange(mapping: SyncMapping, property: PropertyDef, object: SalesforceObjectName, field: SalesforceField): SalesforceFieldChange | string | undefined {
  if (field.type !== 'picklist' && field.type !== 'multipicklist') return undefined;
  if (property.type !== 'enumeration' || property.externalOptions || !mayWriteToSalesforce(mapping.rule)) return undefined;
  const values = missingOptions(property, field).map((o) => ({ value: o.value, label: o.label || o.value }));
  if (values.length === 0) return undefined;
  if (!field.custom) {
    return `${object}.${field.name} is a standard picklist: its values are a standard value set that other objects may share, so hslist does not change it; add ${quoted(values)} by hand in ${SETUP} > ${object} > Fields & Relationships > ${field.label} > Values`;
  }
  return { kind: 'add-picklist-values', object, field: field.name, properties: [property.name], values, text: valuesText(object, field.name, values, [property.name]) };
}

function mappingChanges(mapping: SyncMapping, property: PropertyDef | undefined, sf: SalesforceSchema, objects: SalesforceObjectName[]): (SalesforceFieldChange | string)[] {
  const present = objects.flatMap((object) => {
    const field = findSalesforceField(sf, object, mapping.field);
    return field ? [{ object, field }] : [];
  });
  if (!property) {
    return present.length > 0 ? [] : [`\`${mapping.property}\` is not a contact property of the portal and no ${objects.join(' or ')} field \`${mapping.field}\` exists: create one of the two by hand, then --properties or --salesforce-fields can create the other`];
  }
  if (present.length === 0) return createChanges(mapping, property, objects);
  return present.flatMap(({ object, field }) => {
    const change = valuesChange(mapping, property, object, field);
    return change === undefined ? [] : [change];
  });
}

/** One change per field: values two mappings ask of one picklist are added together; a second create of a field is a note. */
function addChange(plan: SalesforceFieldPlan, change: SalesforceFieldChange): void {
  const same = plan.changes.find((c) => c.object === change.object && c.field.toLowerCase() === change.field.toLowerCase());
  if (!same) {
    plan.changes.push(change);
    return;
  }
  if (same.kind !== 'add-picklist-values' || change.kind !== 'add-picklist-values') {
    plan.notes.push(`${change.object}.${change.field} is named by more than one mapping; it is created once, for \`${same.properties[0]}\` (its type follows that property)`);
    return;
  }
  const fresh = change.values.filter((v) => !same.values.some((s) => s.value.toLowerCase() === v.value.toLowerCase()));
  same.values.push(...fresh);
  same.properties.push(...change.properties);
  same.text = valuesText(same.object, same.field, same.values, same.properties);
}

/** The Salesforce field changes the mappings need, against the org's describe and the portal's contact properties. */
export function planSalesforceFieldChanges(settings: SyncSettings, portal: PropertyDef[], sf: SalesforceSchema): SalesforceFieldPlan {
  const objects: SalesforceObjectName[] = settings.createsIn ? [settings.createsIn] : ['Lead', 'Contact'];
  const byName = new Map(portal.map((p) => [p.name, p]));
  const plan: SalesforceFieldPlan = { changes: [], notes: [] };
  for (const mapping of settings.mappings) {
    const property = byName.get(mapping.property);
    if (property?.referencedObjectType?.toUpperCase() === 'OWNER') continue; // owners map by the integration itself
    for (const item of mappingChanges(mapping, property, sf, objects)) {
      if (typeof item === 'string') plan.notes.push(item);
      else addChange(plan, item);
    }
  }
  return plan;
}
