// CustomField components of the Metadata API, for the emulated org's Lead and Contact: read one as Salesforce
// returns it, create one (it then shows in describe and SOQL), and update one (label, restriction, picklist
// values). An update replaces the component: picklist values it leaves out become inactive, as Salesforce's
// CustomValue reference says. Each refusal is a SaveResult error `{statusCode, message}`; the codes and
// wordings are the emulator's (docs/emulators.md says which are UNCONFIRMED).

import { child, many, text, type XmlElement, type XmlOut } from './soap-xml';
import { findField, findObject, type PicklistEntry, type SfFieldDef, type SfFieldType, type SfObjects } from './schema';

export interface SaveError {
  statusCode: string;
  message: string;
}

interface TypeRule {
  describe: SfFieldType;
  /** Fixed describe length, or `from-length` for the component's own `length`. */
  length: number | 'from-length';
  needs: ('length' | 'precision' | 'visibleLines' | 'defaultValue' | 'valueSet')[];
}

/** Metadata API field types the emulator creates, with the describe type each becomes. */
const TYPES: Record<string, TypeRule> = {
  Text: { describe: 'string', length: 'from-length', needs: ['length'] },
  TextArea: { describe: 'textarea', length: 255, needs: [] },
  LongTextArea: { describe: 'textarea', length: 'from-length', needs: ['length', 'visibleLines'] },
  Email: { describe: 'email', length: 80, needs: [] },
  Phone: { describe: 'phone', length: 40, needs: [] },
  Url: { describe: 'url', length: 255, needs: [] },
  Number: { describe: 'double', length: 0, needs: ['precision'] },
  Currency: { describe: 'currency', length: 0, needs: ['precision'] },
  Checkbox: { describe: 'boolean', length: 0, needs: ['defaultValue'] },
  Date: { describe: 'date', length: 0, needs: [] },
  DateTime: { describe: 'datetime', length: 0, needs: [] },
  Picklist: { describe: 'picklist', length: 255, needs: ['valueSet'] },
  MultiselectPicklist: { describe: 'multipicklist', length: 4099, needs: ['valueSet', 'visibleLines'] },
};

/** The Metadata API type of an existing field, from what the emulator stored or its describe type. */
const FROM_DESCRIBE: Partial<Record<SfFieldType, string>> = {
  string: 'Text', textarea: 'LongTextArea', email: 'Email', phone: 'Phone', url: 'Url', double: 'Number',
  currency: 'Currency', boolean: 'Checkbox', date: 'Date', datetime: 'DateTime', picklist: 'Picklist', multipicklist: 'MultiselectPicklist',
};

const CUSTOM_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*[A-Za-z0-9]__c$|^[A-Za-z]__c$/;
const MAX_NAME = 40 + 3;
const MAX_LABEL = 40;
const MAX_PICKLIST_VALUE = 255;

export interface ParsedFullName {
  object: string;
  field: string;
}

export function splitFullName(fullName: string): ParsedFullName | undefined {
  const match = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)$/.exec(fullName);
  return match ? { object: match[1], field: match[2] } : undefined;
}

/** A custom field as readMetadata returns it; null for a component the org does not have. */
export function readCustomField(objects: SfObjects, fullName: string): XmlOut {
  const parts = splitFullName(fullName);
  const object = parts && findObject(parts.object, objects);
  const field = object && parts ? findField(object, parts.field) : undefined;
  if (!object || !field || !field.custom) return null;
  const type = field.metadata?.type ?? FROM_DESCRIBE[field.type] ?? 'Text';
  const out: Record<string, XmlOut | undefined> = {
    '@': { 'xsi:type': 'CustomField' } as unknown as XmlOut,
    fullName: `${object.name}.${field.name}`,
    ...(field.metadata?.description ? { description: field.metadata.description } : {}),
    externalId: false,
    label: field.label,
    ...(type === 'Text' || type === 'LongTextArea' ? { length: field.length } : {}),
    ...(field.metadata?.precision !== undefined ? { precision: field.metadata.precision, scale: field.metadata.scale ?? 0 } : {}),
    ...(type === 'Checkbox' ? { defaultValue: field.metadata?.defaultValue ?? 'false' } : { required: !field.nillable }),
    type,
    ...(field.metadata?.visibleLines !== undefined ? { visibleLines: field.metadata.visibleLines } : {}),
  };
  if (field.type === 'picklist' || field.type === 'multipicklist') out.valueSet = valueSetOut(field);
  return out as XmlOut;
}

function valueSetOut(field: SfFieldDef): XmlOut {
  const values = field.picklistValues.map((v) => ({ fullName: v.value, default: v.defaultValue, ...(v.active ? {} : { isActive: false }), label: v.label }));
  return { restricted: field.restrictedPicklist === true, valueSetDefinition: { sorted: field.metadata?.sorted ?? false, value: values } };
}

/** The picklist values of a component's `valueSet`, or the refusal. */
function readValues(component: XmlElement, fullName: string): { values: PicklistEntry[]; restricted: boolean; sorted: boolean } | SaveError {
  const valueSet = child(component.valueSet);
  if (!valueSet) return { statusCode: 'REQUIRED_FIELD_MISSING', message: `Required field is missing: valueSet (${fullName})` };
  if (text(valueSet.valueSetName) !== undefined) return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `the emulator does not hold global value sets (${fullName})` };
  const definition = child(valueSet.valueSetDefinition);
  const values: PicklistEntry[] = [];
  const seen = new Set<string>();
  for (const item of many(definition?.value)) {
    const entry = child(item);
    const value = entry ? text(entry.fullName)?.trim() : undefined;
    if (!entry || !value) return { statusCode: 'REQUIRED_FIELD_MISSING', message: `Required field is missing: fullName of a picklist value (${fullName})` };
    if (value.length > MAX_PICKLIST_VALUE) return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `Picklist value: ${value.slice(0, 40)}… is longer than ${MAX_PICKLIST_VALUE} characters (${fullName})` };
    if (seen.has(value.toLowerCase())) return { statusCode: 'DUPLICATE_VALUE', message: `Duplicate picklist value: ${value} (${fullName})` };
    seen.add(value.toLowerCase());
    values.push({ value, label: text(entry.label)?.trim() || value, active: text(entry.isActive) !== 'false', defaultValue: text(entry.default) === 'true' });
  }
  if (values.length === 0) return { statusCode: 'REQUIRED_FIELD_MISSING', message: `Required field is missing: valueSetDefinition.value (${fullName})` };
  return { values, restricted: text(valueSet.restricted) === 'true', sorted: text(definition?.sorted) === 'true' };
}

function wholeNumber(component: XmlElement, name: string): number | undefined {
  const raw = text(component[name]);
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** The describe field a CustomField component becomes, or why Salesforce would refuse it. */
function toField(component: XmlElement, name: string, fullName: string): SfFieldDef | SaveError {
  const type = text(component.type) ?? '';
  const rule = TYPES[type];
  if (!rule) return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `the emulator does not create fields of type "${type}" (${fullName})` };
  const label = text(component.label)?.trim();
  if (!label) return { statusCode: 'REQUIRED_FIELD_MISSING', message: `Required field is missing: label (${fullName})` };
  if (label.length > MAX_LABEL) return { statusCode: 'STRING_TOO_LONG', message: `Field Label: data value too large: ${label} (max length=${MAX_LABEL}) (${fullName})` };
  for (const need of rule.needs.filter((n) => n !== 'valueSet')) {
    if (text(component[need]) === undefined) return { statusCode: 'REQUIRED_FIELD_MISSING', message: `Required field is missing: ${need} (${fullName})` };
  }
  const length = rule.length === 'from-length' ? wholeNumber(component, 'length') ?? 0 : rule.length;
  if (type === 'Text' && (length < 1 || length > 255)) return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `Length: a Text field's length is 1 to 255, not ${length} (${fullName})` };
  if (type === 'LongTextArea' && (length < 256 || length > 131072)) return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `Length: a Long Text Area's length is 256 to 131,072, not ${length} (${fullName})` };
  const values = rule.needs.includes('valueSet') ? readValues(component, fullName) : undefined;
  if (values && 'statusCode' in values) return values;
  const required = text(component.required) === 'true';
  const precision = wholeNumber(component, 'precision');
  const scale = wholeNumber(component, 'scale');
  return {
    name, label, type: rule.describe, length,
    nillable: type === 'Checkbox' ? false : !required, createable: true, updateable: true,
    defaultedOnCreate: type === 'Checkbox', custom: true,
    picklistValues: values?.values ?? [], ...(values ? { restrictedPicklist: values.restricted } : {}), referenceTo: [],
    metadata: {
      type,
      ...(text(component.description) ? { description: text(component.description) } : {}),
      ...(precision !== undefined ? { precision, scale: scale ?? 0 } : {}),
      ...(wholeNumber(component, 'visibleLines') !== undefined ? { visibleLines: wholeNumber(component, 'visibleLines') } : {}),
      ...(type === 'Checkbox' ? { defaultValue: text(component.defaultValue) === 'true' ? 'true' : 'false' } : {}),
      ...(values ? { sorted: values.sorted } : {}),
    },
  };
}

/** createMetadata of one CustomField: the field it added, or the refusal. */
export function createCustomField(objects: SfObjects, component: XmlElement): { object: string; field: SfFieldDef } | SaveError {
  const fullName = text(component.fullName) ?? '';
  const parts = splitFullName(fullName);
  if (!parts) return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `In field: fullName - no CustomObject named ${fullName.split('.')[0] || '(none)'} found` };
  const object = findObject(parts.object, objects);
  if (!object) return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `In field: fullName - no CustomObject named ${parts.object} found` };
  if (!CUSTOM_NAME.test(parts.field) || parts.field.length > MAX_NAME) {
    return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `${parts.field}: a custom field's name begins with a letter, holds letters, digits and single underscores, ends with __c and has at most 40 characters before it` };
  }
  if (findField(object, parts.field)) return { statusCode: 'DUPLICATE_DEVELOPER_NAME', message: `There is already a field named ${parts.field.replace(/__c$/, '')} on ${object.name}.` };
  const field = toField(component, parts.field, `${object.name}.${parts.field}`);
  if ('statusCode' in field) return field;
  object.fields.push(field);
  return { object: object.name, field };
}

/** updateMetadata of one CustomField: the component replaces the field's definition (its type stays). */
export function updateCustomField(objects: SfObjects, component: XmlElement): { object: string; field: SfFieldDef } | SaveError {
  const fullName = text(component.fullName) ?? '';
  const parts = splitFullName(fullName);
  const object = parts ? findObject(parts.object, objects) : undefined;
  const existing = object && parts ? findField(object, parts.field) : undefined;
  if (!object || !existing || !existing.custom) return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `In field: fullName - no CustomField named ${fullName} found` };
  const replaced = toField(component, existing.name, `${object.name}.${existing.name}`);
  if ('statusCode' in replaced) return replaced;
  if (replaced.type !== existing.type) return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `the emulator does not change a field's type (${fullName} is ${existing.metadata?.type ?? existing.type})` };
  // Values the update leaves out stay in the picklist, inactive: Salesforce deactivates them.
  const kept = existing.picklistValues.filter((old) => !replaced.picklistValues.some((v) => v.value.toLowerCase() === old.value.toLowerCase()));
  replaced.picklistValues.push(...kept.map((v) => ({ ...v, active: false, defaultValue: false })));
  object.fields[object.fields.indexOf(existing)] = replaced;
  return { object: object.name, field: replaced };
}
