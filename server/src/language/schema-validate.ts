// Shape validation of schema JSON in the Properties API v3 shape. Bad input becomes a list of
// problems that name the JSON path (`contacts.results[3].type`), never an exception: a portal's
// schema file is user input.

import type { PropertyDef, PropertyOption } from './schema-types';

export interface SchemaProblem {
  /** The file the problem is in. */
  file: string;
  /** JSON path inside the file, e.g. `contacts.results[3].type`. */
  path: string;
  message: string;
}

type Problems = SchemaProblem[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function requireString(obj: Record<string, unknown>, key: string, at: string, file: string, problems: Problems): string | undefined {
  const value = obj[key];
  if (typeof value === 'string') return value;
  const found = value === undefined ? 'it is missing' : `found ${describe(value)}`;
  problems.push({ file, path: `${at}.${key}`, message: `${at}.${key} must be a string; ${found}` });
  return undefined;
}

function optionalBoolean(obj: Record<string, unknown>, key: string, at: string, file: string, problems: Problems): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null || typeof value === 'boolean') return value ?? undefined;
  problems.push({ file, path: `${at}.${key}`, message: `${at}.${key} must be true or false; found ${describe(value)}` });
  return undefined;
}

function validateOption(raw: unknown, at: string, file: string, problems: Problems): PropertyOption | undefined {
  if (!isRecord(raw)) {
    problems.push({ file, path: at, message: `${at} must be an object with a label and a value; found ${describe(raw)}` });
    return undefined;
  }
  const before = problems.length;
  const label = requireString(raw, 'label', at, file, problems);
  const value = requireString(raw, 'value', at, file, problems);
  if (problems.length > before || label === undefined || value === undefined) return undefined;
  const option: PropertyOption = { label, value };
  if (typeof raw.hidden === 'boolean') option.hidden = raw.hidden;
  if (typeof raw.displayOrder === 'number') option.displayOrder = raw.displayOrder;
  if (typeof raw.description === 'string') option.description = raw.description;
  return option;
}

function validateOptions(raw: unknown, at: string, file: string, problems: Problems): PropertyOption[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ file, path: at, message: `${at} must be an array of options; found ${describe(raw)}` });
    return [];
  }
  const options: PropertyOption[] = [];
  raw.forEach((item, i) => {
    const option = validateOption(item, `${at}[${i}]`, file, problems);
    if (option) options.push(option);
  });
  return options;
}

/** One `Property` object. Unknown `type` values are kept (HubSpot adds types over time). */
export function validateProperty(raw: unknown, at: string, file: string, problems: Problems): PropertyDef | undefined {
  if (!isRecord(raw)) {
    problems.push({ file, path: at, message: `${at} must be a property object; found ${describe(raw)}` });
    return undefined;
  }
  const before = problems.length;
  const name = requireString(raw, 'name', at, file, problems);
  const label = requireString(raw, 'label', at, file, problems);
  const type = requireString(raw, 'type', at, file, problems);
  const fieldType = raw.fieldType === undefined ? '' : requireString(raw, 'fieldType', at, file, problems);
  const options = validateOptions(raw.options, `${at}.options`, file, problems);
  const externalOptions = optionalBoolean(raw, 'externalOptions', at, file, problems);
  if (name === '') problems.push({ file, path: `${at}.name`, message: `${at}.name must not be empty` });
  if (problems.length > before || !name || label === undefined || type === undefined || fieldType === undefined) return undefined;
  return toPropertyDef(raw, { name, label, type, fieldType, options, externalOptions });
}

function toPropertyDef(raw: Record<string, unknown>, core: Omit<PropertyDef, 'externalOptions'> & { externalOptions?: boolean }): PropertyDef {
  const def: PropertyDef = { ...core };
  if (core.externalOptions === undefined) delete def.externalOptions;
  if (typeof raw.description === 'string') def.description = raw.description;
  if (typeof raw.groupName === 'string') def.groupName = raw.groupName;
  if (typeof raw.referencedObjectType === 'string') def.referencedObjectType = raw.referencedObjectType;
  if (typeof raw.hubspotDefined === 'boolean') def.hubspotDefined = raw.hubspotDefined;
  if (typeof raw.calculated === 'boolean') def.calculated = raw.calculated;
  if (typeof raw.hidden === 'boolean') def.hidden = raw.hidden;
  return def;
}

/**
 * A Properties API response (`{ results: [...] }`) or a bare array of properties, at JSON path `at`.
 * Returns the properties that validated; every other one is reported.
 */
export function validatePropertyList(raw: unknown, at: string, file: string, problems: Problems): PropertyDef[] {
  let items: unknown = raw;
  let itemsAt = at;
  if (isRecord(raw)) {
    items = raw.results;
    itemsAt = `${at}.results`;
  }
  if (!Array.isArray(items)) {
    const found = items === undefined ? 'it is missing' : `found ${describe(items)}`;
    problems.push({ file, path: itemsAt, message: `${itemsAt} must be an array of properties; ${found}` });
    return [];
  }
  const defs: PropertyDef[] = [];
  items.forEach((item, i) => {
    const def = validateProperty(item, `${itemsAt}[${i}]`, file, problems);
    if (def) defs.push(def);
  });
  return defs;
}

export { isRecord };
