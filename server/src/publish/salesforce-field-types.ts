// The custom field a HubSpot contact property needs on the Salesforce side: rule M3 (the compatibility
// `incompatible-mapping` checks, language/checks/sync-salesforce-types.ts) read from HubSpot to Salesforce,
// as a Metadata API CustomField component, and the describe type it must read back as.

import type { CustomFieldMetadata } from '../salesforce/metadata';
import type { PropertyDef } from '../language/schema-types';

export interface FieldShape {
  /** How the plan names it: "Text 255", "Picklist", "Checkbox". */
  summary: string;
  /** Salesforce's describe type of such a field (what `incompatible-mapping` compares). */
  describeType: string;
  /** The component's type-specific part (type, length, precision, …). */
  component: Partial<CustomFieldMetadata>;
  /** A picklist's values. */
  values?: { value: string; label: string }[];
}

const TEXT: FieldShape = { summary: 'Text 255', describeType: 'string', component: { type: 'Text', length: 255 } };
const PHONE: FieldShape = { summary: 'Phone', describeType: 'phone', component: { type: 'Phone' } };
/** HubSpot numbers may hold decimals: 18 digits, 4 of them after the point (Assumed; docs/publish.md). */
const NUMBER: FieldShape = { summary: 'Number 18, 4 decimals', describeType: 'double', component: { type: 'Number', precision: 18, scale: 4 } };
const CHECKBOX: FieldShape = { summary: 'Checkbox', describeType: 'boolean', component: { type: 'Checkbox', defaultValue: 'false' } };
const LONG_TEXT: FieldShape = { summary: 'Long Text Area 32768', describeType: 'textarea', component: { type: 'LongTextArea', length: 32768, visibleLines: 3 } };
const DATE: FieldShape = { summary: 'Date', describeType: 'date', component: { type: 'Date' } };
const DATE_TIME: FieldShape = { summary: 'Date/Time', describeType: 'datetime', component: { type: 'DateTime' } };

function picklist(property: PropertyDef, multi: boolean): FieldShape | string {
  if (property.externalOptions) return `\`${property.name}\` takes its options from another HubSpot object, so there is no list of values to give a Salesforce picklist`;
  if (property.options.length === 0) return `\`${property.name}\` has no options, and a Salesforce picklist needs at least one value`;
  const values = property.options.map((o) => ({ value: o.value, label: o.label || o.value }));
  const valueSet = { restricted: false, valueSetDefinition: { sorted: false, value: values.map((v) => ({ fullName: v.value, label: v.label, default: false })) } };
  return multi
    ? { summary: `Multi-Select Picklist, ${values.length} values`, describeType: 'multipicklist', component: { type: 'MultiselectPicklist', visibleLines: 4, valueSet }, values }
    : { summary: `Picklist, ${values.length} values`, describeType: 'picklist', component: { type: 'Picklist', valueSet }, values };
}

/** By HubSpot field type (how the property is edited), as `incompatible-mapping` judges first. */
function byFieldType(property: PropertyDef): FieldShape | string | undefined {
  switch (property.fieldType) {
    case 'select':
    case 'radio': return picklist(property, false);
    case 'checkbox': return picklist(property, true);
    case 'booleancheckbox': return CHECKBOX;
    case 'number': return NUMBER;
    case 'text': return TEXT;
    case 'phonenumber': return PHONE;
    case 'textarea': return LONG_TEXT;
    case 'date': return property.type === 'datetime' ? DATE_TIME : DATE;
    default: return undefined;
  }
}

/** For field types M3 does not name: the data type decides, as in the check. */
function byType(property: PropertyDef): FieldShape | string | undefined {
  switch (property.type) {
    case 'enumeration': return picklist(property, false);
    case 'string': return TEXT;
    case 'phone_number': return PHONE;
    case 'number': return NUMBER;
    case 'date': return DATE;
    case 'datetime': return DATE_TIME;
    case 'bool': return CHECKBOX;
    default: return undefined;
  }
}

/** The field shape for the property, or a sentence saying why there is none. */
export function fieldShapeFor(property: PropertyDef): FieldShape | string {
  return byFieldType(property) ?? byType(property) ?? `\`${property.name}\` is a HubSpot ${property.type} property (${property.fieldType}), which no Salesforce field type maps to (rule M3)`;
}

/** Salesforce's rule for a custom field's API name: a letter, then letters, digits and single underscores, at most 40 before `__c`. */
export function isCustomFieldName(name: string): boolean {
  const match = /^(.+)__c$/.exec(name);
  return match !== null && match[1].length <= 40 && /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/.test(match[1]) && !match[1].endsWith('_');
}

/** Salesforce labels hold at most 40 characters. */
export function fieldLabel(property: PropertyDef): string {
  const label = (property.label || property.name).trim();
  return label.length <= 40 ? label : `${label.slice(0, 39)}…`;
}
