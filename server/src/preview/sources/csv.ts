// HubSpot's contact export CSV, streamed. Records come from csv-records.ts, which recovers at the
// record boundary: a bad record is skipped *and reported* once, with its line, and every good row
// after it is kept. Columns are matched to properties by internal name or label; unknown columns,
// values that do not parse and repeated Record IDs are reported with their line numbers too.
// Rows are handed to `sink` one at a time.

import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Schema } from '../../language/schema-types';
import type { ContactRecord, SourceReport } from '../types';
import { regularFileStream } from '../../files/regular-file';
import { IdRegistry, ReportBuilder, UnreadableSource } from './report';
import { type HeaderMap, mapHeaders } from './columns-map';
import { CsvRecordReader, type CsvItem } from './csv-records';
import { checkValue } from './values-check';

export interface SourceOptions {
  /** Zone of HubSpot export date-times like "2024-03-01 10:15" (Assumed: the exporting user's zone; UTC by default). */
  exportZone?: string;
  /** Keep only these properties (the ones the workspace references); all schema properties when absent. */
  properties?: ReadonlySet<string>;
  /** Name of the source in reports. */
  name?: string;
}

type Sink = (record: ContactRecord) => void;

/** What the decoder puts for bytes that are not UTF-8: a row holding it would silently compare wrong. */
const REPLACEMENT = '\ufffd';

interface CsvState {
  report: ReportBuilder;
  schema: Schema;
  options: SourceOptions;
  headers: HeaderMap | undefined;
  ids: IdRegistry;
  sink: Sink;
}

/**
 * Throws UnreadableSource when nothing can be read: the file cannot be opened, is not a regular file,
 * is empty, or its header line is not valid CSV. A read error midway is thrown as it is.
 */
export async function readCsvContacts(input: Readable | string, schema: Schema, sink: Sink, options: SourceOptions = {}): Promise<SourceReport> {
  const name = options.name ?? (typeof input === 'string' ? input : 'CSV');
  const stream = typeof input === 'string' ? openCsv(input, name) : input;
  const state: CsvState = { report: new ReportBuilder(name), schema, options, headers: undefined, ids: new IdRegistry(), sink };
  const items: CsvItem[] = [];
  const reader = new CsvRecordReader((item) => items.push(item));
  // Bytes are decoded across chunk boundaries (a character split between two chunks stays whole).
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream as AsyncIterable<string | Buffer>) {
    reader.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    takeItems(items, state);
  }
  reader.push(decoder.end());
  reader.end();
  takeItems(items, state);
  if (!state.headers) throw new UnreadableSource(`${name} is empty: a HubSpot contact export starts with a header line`);
  return state.report.finish();
}

function openCsv(path: string, name: string): Readable {
  const opened = regularFileStream(path);
  if (!opened.ok) throw new UnreadableSource(`${name} ${opened.message.replace(/\.$/, '')}`);
  return opened.stream;
}

function takeItems(items: CsvItem[], state: CsvState): void {
  for (const item of items) takeItem(item, state);
  items.length = 0;
}

function takeItem(item: CsvItem, state: CsvState): void {
  const { report } = state;
  if (!state.headers) {
    if (item.kind === 'bad') throw new UnreadableSource(`${report.source}: the header, line ${item.line}, ${item.problem}`);
    state.headers = mapHeaders(item.fields, state.schema, state.options.properties);
    state.headers.unknown.forEach((h) => report.unknownColumn(h, item.line));
    for (const { header, first } of state.headers.repeated) {
      report.issue(item.line, 'unknown-column', `Column "${header}" holds the same property as column "${first}"; it was ignored (the first one is read).`, header);
    }
    if (state.headers.idColumn < 0) report.issue(item.line, 'missing-id', 'The header has no "Record ID" (or hs_object_id / id) column; rows are numbered instead.');
    return;
  }
  if (item.kind === 'bad') {
    const row = item.through ? `the row (lines ${item.line}–${item.through}) was skipped` : 'the row was skipped';
    const reread = item.reread ? `, and lines ${item.reread.from}–${item.reread.to} were read again as rows of their own` : '';
    report.issue(item.line, 'malformed-line', `Line ${item.line} ${item.problem}; ${row}${reread}.`);
    report.rejected();
    return;
  }
  if (item.fields.some((f) => f.includes(REPLACEMENT))) {
    report.issue(item.line, 'malformed-line', `Line ${item.line} holds bytes that are not UTF-8; the row was skipped (save the export as UTF-8).`);
    report.rejected();
    return;
  }
  const row = toRecord(item.fields, item.line, state);
  if (row) state.sink(row);
}

function toRecord(cells: string[], line: number, state: CsvState): ContactRecord | undefined {
  const { headers, report } = state as CsvState & { headers: HeaderMap };
  const id = headers.idColumn >= 0 ? cells[headers.idColumn].trim() : String(line);
  if (id === '') {
    report.issue(line, 'missing-id', `Line ${line} has no Record ID; the row was skipped.`);
    report.rejected();
    return undefined;
  }
  if (!state.ids.claim(id, line, report, 'Line')) return undefined;
  const properties: Record<string, string | null> = {};
  const zone = state.options.exportZone ?? 'UTC';
  headers.properties.forEach((def, i) => {
    if (!def) return;
    const checked = checkValue(def, cells[i], zone);
    if (checked.issue) report.issue(line, checked.issue.code, `Line ${line}, ${def.name}: ${checked.issue.message}.`, def.name);
    properties[def.name] = checked.value;
  });
  report.loaded();
  return { id, properties };
}
