// Loading contacts from a file into a ColumnStore, choosing the reader by extension.

import type { PropertyDef, Schema } from '../../language/schema-types';
import type { ColumnStore } from '../columns';
import { associatedDefs, StoreBuilder } from '../columns-build';
import type { ContactRecord, SourceReport } from '../types';
import { readCsvContacts, type SourceOptions } from './csv';
import { readJsonArrayContacts, readNdjsonContacts } from './json';

export { readCsvContacts, readJsonArrayContacts, readNdjsonContacts, type SourceOptions };
export { summariseReport } from './report';

export async function readContacts(path: string, schema: Schema, sink: (r: ContactRecord) => void, options: SourceOptions = {}): Promise<SourceReport> {
  if (/\.ndjson$|\.jsonl$/i.test(path)) return readNdjsonContacts(path, schema, sink, options);
  if (/\.json$/i.test(path)) return readJsonArrayContacts(path, schema, sink, options);
  return readCsvContacts(path, schema, sink, options);
}

/** A store of the given properties (the workspace's referenced ones) from a contacts file. */
export async function loadStore(path: string, schema: Schema, properties: string[], options: SourceOptions = {}): Promise<{ store: ColumnStore; report: SourceReport }> {
  const defs = properties.map((p) => schema.objects.contacts.get(p)).filter((d): d is PropertyDef => d !== undefined);
  const companyDefs = [...schema.objects.companies.values()];
  const builder = new StoreBuilder(defs, companyDefs, associatedDefs(schema));
  const report = await readContacts(path, schema, (r) => builder.add(r), { ...options, properties: new Set(properties) });
  return { store: builder.finish(), report };
}
