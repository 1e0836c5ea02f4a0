// HubSpot's contact export CSV, streamed with csv-parse. Columns are matched to properties by
// internal name or label; malformed lines are skipped *and reported* with their line numbers, as
// are unknown columns and values that do not parse. Rows are handed to `sink` one at a time.

import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { Schema } from '../../language/schema-types';
import type { ContactRecord, SourceReport } from '../types';
import { ReportBuilder } from './report';
import { type HeaderMap, mapHeaders } from './columns-map';
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

export async function readCsvContacts(input: Readable | string, schema: Schema, sink: Sink, options: SourceOptions = {}): Promise<SourceReport> {
  const report = new ReportBuilder(options.name ?? (typeof input === 'string' ? input : 'CSV'));
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  const parser = stream.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, info: true }),
  );
  // pipe() does not pass the source's errors on: without this a read error (or a cancel, which destroys
  // the source) would be thrown uncaught and the parser would wait for data forever.
  stream.on('error', (e: Error) => parser.destroy(e));
  parser.on('skip', (err: CsvError) => {
    report.issue(lineOf(err), 'malformed-line', `Line ${lineOf(err)} is not valid CSV (${err.message.replace(/^Invalid.*?:\s*/, '')}); the row was skipped.`);
    report.rejected();
  });
  let headers: HeaderMap | undefined;
  let width = 0;
  const zone = options.exportZone ?? 'UTC';
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!headers) {
        headers = mapHeaders(record, schema, options.properties);
        width = record.length;
        headers.unknown.forEach((h) => report.unknownColumn(h, info.lines));
        if (headers.idColumn < 0) report.issue(info.lines, 'missing-id', 'The header has no "Record ID" (or hs_object_id / id) column; rows are numbered instead.');
        continue;
      }
      const row = toRecord(record, info.lines, headers, width, zone, report);
      if (row) sink(row);
    }
  } catch (e) {
    report.issue(0, 'malformed-line', `The CSV could not be read to the end: ${(e as Error).message}`);
  }
  return report.finish();
}

function lineOf(err: CsvError): number {
  return (err as unknown as { lines?: number }).lines ?? 0;
}

function toRecord(cells: string[], line: number, headers: HeaderMap, width: number, zone: string, report: ReportBuilder): ContactRecord | undefined {
  if (cells.length !== width) {
    report.issue(line, 'malformed-line', `Line ${line} has ${cells.length} fields where the header has ${width}; the row was skipped.`);
    report.rejected();
    return undefined;
  }
  const id = headers.idColumn >= 0 ? cells[headers.idColumn].trim() : String(line);
  if (id === '') {
    report.issue(line, 'missing-id', `Line ${line} has no Record ID; the row was skipped.`);
    report.rejected();
    return undefined;
  }
  const properties: Record<string, string | null> = {};
  headers.properties.forEach((def, i) => {
    if (!def) return;
    const checked = checkValue(def, cells[i], zone);
    if (checked.issue) report.issue(line, checked.issue.code, `Line ${line}, ${def.name}: ${checked.issue.message}.`, def.name);
    properties[def.name] = checked.value;
  });
  report.loaded();
  return { id, properties };
}
