// A contacts file (CSV export, JSON, NDJSON) into a store, with progress by rows read and
// cancellation: the CSV stream is destroyed when the signal fires. Nothing is cached for files.
// A file that yields no usable contact is an error with the reason (unreadable, not a regular file,
// empty, not JSON, every row rejected), never a preview of "0 of 0 contacts".

import type { PropertyDef, Schema } from '../language/schema-types';
import { describeFsError, regularFileStream } from '../files/regular-file';
import type { ColumnStore } from './columns';
import { associatedDefs, StoreBuilder } from './columns-build';
import { readCsvContacts, readContacts } from './sources';
import { UnreadableSource } from './sources/report';
import { PreviewTooLarge } from './store-limits';
import type { ContactRecord, SourceReport } from './types';
import { PreviewCancelled, untilAborted } from './hubspot/abort';
import type { Progress } from './hubspot/fetch-contacts';

export interface FileLoadOptions {
  exportZone?: string;
  name?: string;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** The most contacts loaded (MAX_PREVIEW_CONTACTS unless a test lowers it). */
  maxContacts?: number;
}

/** Issues quoted when no row could be loaded. */
const ISSUES_QUOTED = 3;

/** The store, its report; or why the file gives no contacts at all. */
export async function loadContactsFile(path: string, schema: Schema, properties: string[], options: FileLoadOptions = {}): Promise<{ store: ColumnStore; report: SourceReport } | { error: string }> {
  const label = options.name ?? path;
  const defs = properties.map((p) => schema.objects.contacts.get(p)).filter((d): d is PropertyDef => d !== undefined);
  const builder = new StoreBuilder(defs, [...schema.objects.companies.values()], associatedDefs(schema), options.maxContacts);
  let rows = 0;
  const sink = (r: ContactRecord) => {
    builder.add(r);
    if (++rows % 5000 === 0) options.onProgress?.({ phase: 'contacts', done: rows });
  };
  if (options.signal?.aborted) throw new PreviewCancelled();
  let report: SourceReport;
  try {
    report = await readFile(path, schema, sink, { exportZone: options.exportZone, properties: new Set(properties), name: label }, options, () => rows);
  } catch (error) {
    if (error instanceof PreviewCancelled || options.signal?.aborted) throw new PreviewCancelled();
    if (error instanceof UnreadableSource) return { error: error.message };
    if (error instanceof PreviewTooLarge) return { error: `${label} cannot be previewed: ${error.message}` };
    return { error: `${label} could not be read to the end: ${describeFsError(error)}` };
  }
  if (options.signal?.aborted) throw new PreviewCancelled();
  if (report.rowsLoaded === 0) return { error: nothingLoaded(label, report, isJson(path)) };
  options.onProgress?.({ phase: 'contacts', done: rows, total: rows });
  return { store: builder.finish(), report };
}

type SourceOptions = Parameters<typeof readContacts>[3];

function isJson(path: string): boolean {
  return /\.(ndjson|jsonl|json)$/i.test(path);
}

async function readFile(path: string, schema: Schema, sink: (r: ContactRecord) => void, sourceOptions: SourceOptions, options: FileLoadOptions, rows: () => number): Promise<SourceReport> {
  if (isJson(path)) return untilAborted(readContacts(path, schema, sink, sourceOptions), options.signal);
  const opened = regularFileStream(path);
  if (!opened.ok) throw new UnreadableSource(`${sourceOptions?.name ?? path} ${opened.message.replace(/\.$/, '')}`);
  const stream = opened.stream;
  // Destroyed with an error, so the parsing pipeline ends too (a plain destroy leaves it waiting).
  const onAbort = () => stream.destroy(new PreviewCancelled());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setInterval(() => options.onProgress?.({ phase: 'contacts', done: rows(), total: undefined }), 250);
  try {
    return await untilAborted(readCsvContacts(stream, schema, sink, sourceOptions), options.signal);
  } finally {
    clearInterval(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Why a file gave no contact: its first rejected rows, or that it has none. */
function nothingLoaded(label: string, report: SourceReport, json: boolean): string {
  if (report.rowsRejected === 0) return json ? `${label} holds no contact records` : `${label} has a header but no contact rows`;
  const rejected = report.issues.filter((i) => i.code === 'malformed-line' || i.code === 'missing-id' || i.code === 'bad-record' || i.code === 'duplicate-id');
  const quoted = rejected.slice(0, ISSUES_QUOTED).map((i) => i.message.replace(/\.$/, '')).join('; ');
  const more = report.rowsRejected > ISSUES_QUOTED ? ` … and ${report.rowsRejected - ISSUES_QUOTED} more` : '';
  return `none of the ${report.rowsRejected} rows of ${label} could be loaded: ${quoted}${more}`;
}
