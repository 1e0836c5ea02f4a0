// Checks one raw value against its property's type, the way the evaluators will read it, and
// normalises what HubSpot's exports write differently from its API (export date-times, option
// labels) so every later layer sees API-shaped strings.

import type { PropertyDef } from '../../language/schema-types';
import { typeClassOf } from '../../language/operators';
import type { SourceIssue } from '../types';
import { isUnknownValue, parseBoolean, parseEnumeration, parseInstant, parseNumber } from '../values';
import { parseExportDateTime } from '../time';

export interface CheckedValue {
  /** The value to keep (normalised), or the raw value when it did not parse (evaluators then treat it as unknown). */
  value: string | null;
  issue?: { code: SourceIssue['code']; message: string };
}

export function checkValue(def: PropertyDef, raw: string | null | undefined, exportZone: string): CheckedValue {
  if (isUnknownValue(raw)) return { value: null };
  switch (typeClassOf(def.type)) {
    case 'number':
      return Number.isNaN(parseNumber(raw)) ? bad(raw, 'bad-number', `"${raw}" is not a number`) : { value: raw };
    case 'bool':
      return parseBoolean(raw) === undefined ? bad(raw, 'bad-boolean', `"${raw}" is not true or false`) : { value: raw };
    case 'date':
      return checkDate(raw, exportZone);
    case 'enumeration':
      return checkOptions(def, raw);
    default:
      return { value: raw };
  }
}

function bad(raw: string, code: SourceIssue['code'], message: string): CheckedValue {
  return { value: raw, issue: { code, message: `${message}; it is treated as no value` } };
}

function checkDate(raw: string, exportZone: string): CheckedValue {
  const exported = parseExportDateTime(raw.trim(), exportZone);
  if (exported !== undefined) {
    return Number.isNaN(exported) ? bad(raw, 'bad-date', `"${raw}" is not a date`) : { value: new Date(exported).toISOString() };
  }
  return Number.isNaN(parseInstant(raw)) ? bad(raw, 'bad-date', `"${raw}" is not a date`) : { value: raw };
}

/** Option labels (as exports may write them) become internal values; values outside the schema are kept and reported. */
function checkOptions(def: PropertyDef, raw: string): CheckedValue {
  if (def.externalOptions || def.options.length === 0) return { value: raw };
  const items = parseEnumeration(raw);
  const values = items.map((item) => def.options.find((o) => o.value === item)?.value ?? def.options.find((o) => o.label === item)?.value ?? item);
  const unknown = values.filter((v) => !def.options.some((o) => o.value === v));
  const value = values.join(';');
  if (unknown.length === 0) return { value };
  const list = unknown.map((v) => `"${v}"`).join(', ');
  return { value, issue: { code: 'unknown-option', message: `${list} ${unknown.length > 1 ? 'are not options' : 'is not an option'} of "${def.name}"; kept as written` } };
}
