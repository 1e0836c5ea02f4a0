// The text of the emulator's contact exports, as HubSpot's exports guide describes the file: one column
// per asked property, headed by the property's label or, with `exportInternalValuesOptions` NAMES, its
// internal name; cells hold human-readable values (option labels, Yes/No, dates as text) or, with
// VALUES, the internal values, dates as timestamps (epoch milliseconds: the guide says "timestamps
// instead of human-readable dates" and names no unit; hslist reads this as an Assumed reading).

import type { PropertyDef } from '../../language/schema-types';
import type { CrmRecord } from '../data/hubspot-records';

export interface ExportFormat {
  /** NAMES: internal names as headers. */
  names: boolean;
  /** VALUES: internal values in the cells. */
  values: boolean;
}

/** RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function headerLine(properties: readonly string[], defs: ReadonlyMap<string, PropertyDef>, format: ExportFormat): string {
  return properties.map((name) => csvCell(format.names ? name : (defs.get(name)?.label ?? name))).join(',');
}

export function recordLine(record: CrmRecord, properties: readonly string[], defs: ReadonlyMap<string, PropertyDef>, format: ExportFormat): string {
  return properties.map((name) => csvCell(cellOf(record, name, defs.get(name), format))).join(',');
}

function cellOf(record: CrmRecord, name: string, def: PropertyDef | undefined, format: ExportFormat): string {
  const raw = name === 'hs_object_id' ? record.id : record.properties[name];
  if (raw === undefined || raw === null || raw === '') return '';
  if (!def) return raw;
  return format.values ? internalValue(raw, def) : humanValue(raw, def);
}

function internalValue(raw: string, def: PropertyDef): string {
  if (def.type !== 'date' && def.type !== 'datetime') return raw;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? raw : String(ms);
}

function humanValue(raw: string, def: PropertyDef): string {
  if (def.type === 'enumeration' || def.type === 'bool') {
    return raw.split(';').map((value) => def.options.find((o) => o.value === value)?.label ?? value).join(';');
  }
  if (def.type === 'datetime') {
    const ms = Date.parse(raw);
    return Number.isNaN(ms) ? raw : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  }
  return raw;
}
