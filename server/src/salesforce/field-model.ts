// Our own model of a Salesforce object's fields, read from a describe result. It keeps what hslist checks
// against (type, picklist values, whether a new record must have the field) and nothing else, sorted by name
// so written schema files are stable.

export interface SalesforcePicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface SalesforceField {
  name: string;
  label: string;
  /** Salesforce's describe type: string, email, picklist, multipicklist, boolean, double, int, currency, date, ... */
  type: string;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  /** A new record cannot be created without it: createable, not nillable, and not defaulted on create. */
  requiredForCreate: boolean;
  custom: boolean;
  picklistValues: SalesforcePicklistValue[];
  /** Salesforce rejects values outside the picklist; undefined when the describe (or schema file) does not say. */
  restrictedPicklist?: boolean;
  referenceTo: string[];
}

export interface SalesforceObjectSchema {
  name: string;
  label: string;
  fields: SalesforceField[];
}

/**
 * Whether a create must give the field a value: required for create, and not a picklist with an active
 * default value (Assumed: Salesforce fills a picklist's default when a create leaves it out).
 */
export function needsValueOnCreate(field: SalesforceField): boolean {
  return field.requiredForCreate && !field.picklistValues.some((v) => v.active && v.defaultValue);
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a describe response. A malformed response gives an error naming what is missing, not a throw. */
export function toObjectSchema(describe: unknown): SalesforceObjectSchema | { error: string } {
  if (!isObject(describe) || typeof describe.name !== 'string' || !Array.isArray(describe.fields)) {
    return { error: 'the describe response has no object name or field list' };
  }
  const fields: SalesforceField[] = [];
  for (const [index, raw] of describe.fields.entries()) {
    if (!isObject(raw) || typeof raw.name !== 'string' || typeof raw.type !== 'string') {
      return { error: `field ${index + 1} of ${describe.name} in the describe response has no name or type` };
    }
    fields.push(toField(raw));
  }
  fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { name: describe.name, label: typeof describe.label === 'string' ? describe.label : describe.name, fields };
}

function toField(raw: Json): SalesforceField {
  const flag = (key: string, fallback: boolean): boolean => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : fallback);
  const nillable = flag('nillable', true);
  const createable = flag('createable', false);
  const defaultedOnCreate = flag('defaultedOnCreate', false);
  return {
    name: raw.name as string,
    label: typeof raw.label === 'string' ? raw.label : (raw.name as string),
    type: raw.type as string,
    length: typeof raw.length === 'number' ? raw.length : 0,
    nillable, createable, updateable: flag('updateable', false), defaultedOnCreate,
    requiredForCreate: createable && !nillable && !defaultedOnCreate,
    custom: flag('custom', false),
    picklistValues: Array.isArray(raw.picklistValues) ? raw.picklistValues.filter(isObject).map(toPicklistValue) : [],
    ...(typeof raw.restrictedPicklist === 'boolean' ? { restrictedPicklist: raw.restrictedPicklist } : {}),
    referenceTo: Array.isArray(raw.referenceTo) ? raw.referenceTo.filter((r): r is string => typeof r === 'string') : [],
  };
}

function toPicklistValue(raw: Json): SalesforcePicklistValue {
  const value = String(raw.value ?? '');
  return {
    value,
    label: typeof raw.label === 'string' ? raw.label : value,
    active: raw.active !== false,
    defaultValue: raw.defaultValue === true,
  };
}
