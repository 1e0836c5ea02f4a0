// A contacts file (CSV export, JSON, NDJSON) into a store, with progress by bytes read and
// cancellation: the CSV stream is destroyed when the signal fires. Nothing is cached for files.

import { createReadStream, statSync } from 'node:fs';
import type { PropertyDef, Schema } from '../language/schema-types';
import type { ColumnStore } from './columns';
import { StoreBuilder } from './columns-build';
import { readCsvContacts, readContacts } from './sources';
import type { SourceReport } from './types';
import { PreviewCancelled, untilAborted } from './hubspot/abort';
import type { Progress } from './hubspot/fetch-contacts';

export interface FileLoadOptions {
  exportZone?: string;
  name?: string;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** The store, its report; or why the file cannot be read at all. */
export async function loadContactsFile(path: string, schema: Schema, properties: string[], options: FileLoadOptions = {}): Promise<{ store: ColumnStore; report: SourceReport } | { error: string }> {
  try {
    if (statSync(path).isDirectory()) return { error: `${options.name ?? path} is a folder, not a contacts file` };
  } catch (e) {
    return { error: `cannot read ${options.name ?? path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  const defs = properties.map((p) => schema.objects.contacts.get(p)).filter((d): d is PropertyDef => d !== undefined);
  const builder = new StoreBuilder(defs, [...schema.objects.companies.values()]);
  const sourceOptions = { exportZone: options.exportZone, properties: new Set(properties), name: options.name };
  let rows = 0;
  const sink = (r: Parameters<StoreBuilder['add']>[0]) => {
    builder.add(r);
    if (++rows % 5000 === 0) options.onProgress?.({ phase: 'contacts', done: rows });
  };
  if (options.signal?.aborted) throw new PreviewCancelled();
  let report: SourceReport;
  if (/\.(ndjson|jsonl|json)$/i.test(path)) report = await untilAborted(readContacts(path, schema, sink, sourceOptions), options.signal);
  else {
    const stream = createReadStream(path);
    // Destroyed with an error, so the parsing pipeline ends too (a plain destroy leaves it waiting).
    const onAbort = () => stream.destroy(new PreviewCancelled());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setInterval(() => options.onProgress?.({ phase: 'contacts', done: rows, total: undefined }), 250);
    try {
      report = await untilAborted(readCsvContacts(stream, schema, sink, sourceOptions), options.signal);
    } finally {
      clearInterval(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
  if (options.signal?.aborted) throw new PreviewCancelled();
  options.onProgress?.({ phase: 'contacts', done: rows, total: rows });
  return { store: builder.finish(), report };
}
