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
  /** Columns that hold a property an earlier column holds already: ignored and reported, never one silently winning. */
  repeated: { header: string; first: string }[];
}

export function mapHeaders(headers: string[], schema: Schema, wanted?: ReadonlySet<string>): HeaderMap {
  const props = [...schema.objects.contacts.values()];
  const byName = new Map(props.map((p) => [p.name.toLowerCase(), p]));
  const byLabel = new Map(props.map((p) => [p.label.toLowerCase(), p]));
  const unknown: string[] = [];
  const repeated: HeaderMap['repeated'] = [];
  const seen = new Map<string, string>();
  const properties = headers.map((h) => {
    const key = h.trim().toLowerCase();
    const def = byName.get(key) ?? byLabel.get(key);
    if (!def && !ID_HEADERS.includes(key)) unknown.push(h);
    if (!def) return undefined;
    const first = seen.get(def.name);
    if (first !== undefined) {
      repeated.push({ header: h, first });
      return undefined;
    }
    seen.set(def.name, h);
    return !wanted || wanted.has(def.name) ? def : undefined;
  });
  const idColumn = headers.findIndex((h) => ID_HEADERS.includes(h.trim().toLowerCase()));
  return { properties, idColumn, unknown, repeated };
}

export function propertyLookup(schema: Schema): (name: string) => PropertyDef | undefined {
  return (name) => schema.objects.contacts.get(name);
}
