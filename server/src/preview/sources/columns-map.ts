// Maps a source's column names to contact properties: internal name first, then label (as
// HubSpot's export writes them), both case-insensitively. The id column is "Record ID",
// hs_object_id or id.

import type { PropertyDef, Schema } from '../../language/schema-types';

const ID_HEADERS = ['record id', 'hs_object_id', 'id', 'contact id'];

export interface HeaderMap {
  /** Per column: the property it holds, or undefined (ignored, reported once). */
  properties: (PropertyDef | undefined)[];
  idColumn: number;
  unknown: string[];
}

export function mapHeaders(headers: string[], schema: Schema, wanted?: ReadonlySet<string>): HeaderMap {
  const props = [...schema.objects.contacts.values()];
  const byName = new Map(props.map((p) => [p.name.toLowerCase(), p]));
  const byLabel = new Map(props.map((p) => [p.label.toLowerCase(), p]));
  const unknown: string[] = [];
  const properties = headers.map((h) => {
    const key = h.trim().toLowerCase();
    const def = byName.get(key) ?? byLabel.get(key);
    if (!def && !ID_HEADERS.includes(key)) unknown.push(h);
    return def && (!wanted || wanted.has(def.name)) ? def : undefined;
  });
  const idColumn = headers.findIndex((h) => ID_HEADERS.includes(h.trim().toLowerCase()));
  return { properties, idColumn, unknown };
}

export function propertyLookup(schema: Schema): (name: string) => PropertyDef | undefined {
  return (name) => schema.objects.contacts.get(name);
}
