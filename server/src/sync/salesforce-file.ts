// Salesforce leads and contacts from export files: a CSV with field API names in the header (a Data Loader
// or report export), a JSON array or a REST query result `{records: [...]}`, or NDJSON; or a folder holding
// such files (one per object, say). Bad rows are skipped and reported with their line; an empty or
// unreadable input is an error, never "0 records".

import { createReadStream, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse, type CsvError } from 'csv-parse';
import type { SalesforceData, SfRecord } from './salesforce-data';
import { SalesforceReportBuilder, toSfRecord } from './salesforce-rows';

const EXTENSIONS = ['.csv', '.json', '.ndjson', '.jsonl'];

type Accept = (raw: unknown, line: number) => void;

/** Records of every supported file at `path` (a file, or a folder's files); `{error}` when nothing is readable. */
export async function readSalesforceFiles(path: string, fields: readonly string[], label = path): Promise<SalesforceData | { error: string }> {
  let files: string[];
  try {
    files = statSync(path).isDirectory() ? readdirSync(path).filter((f) => EXTENSIONS.includes(extname(f).toLowerCase())).sort().map((f) => join(path, f)) : [path];
  } catch {
    return { error: `${label} cannot be read (no such file or folder)` };
  }
  if (files.length === 0) return { error: `${label} holds no .csv, .json or .ndjson file of Salesforce records` };
  const report = new SalesforceReportBuilder(label);
  const records: SfRecord[] = [];
  for (const file of files) {
    const name = files.length > 1 ? `${basename(file)}, ` : '';
    const accept = acceptor(fields, records, report, name);
    const failed = await readOne(file, accept);
    if (failed) return { error: `${label}: ${failed}` };
  }
  const done = report.finish();
  if (done.rowsLoaded === 0) return { error: `${label} holds no Salesforce lead or contact${done.rowsRejected > 0 ? ` (${done.rowsRejected} rows rejected; first: line ${done.issues[0]?.line}: ${done.issues[0]?.message})` : ''}` };
  return { fields: [...fields], records, report: done };
}

function acceptor(fields: readonly string[], records: SfRecord[], report: SalesforceReportBuilder, where: string): Accept {
  return (raw, line) => {
    if (typeof raw === 'string') {
      report.reject(line, `${where}line ${line} ${raw}`);
      return;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      report.reject(line, `${where}line ${line} is not a record object`);
      return;
    }
    const result = toSfRecord(raw as Record<string, unknown>, fields);
    if ('deleted' in result) return;
    if ('error' in result) report.reject(line, `${where}line ${line} ${result.error}`);
    else {
      records.push(result);
      report.accept();
    }
  };
}

async function readOne(file: string, accept: Accept): Promise<string | undefined> {
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.csv') return await readCsv(file, accept);
    if (ext === '.json') return await readJson(file, accept);
    return await readNdjson(file, accept);
  } catch (error) {
    return `${basename(file)} cannot be read: ${(error as Error).message}`;
  }
}

async function readJson(file: string, accept: Accept): Promise<string | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return `${basename(file)} is not valid JSON (${(error as Error).message})`;
  }
  const rows = Array.isArray(parsed) ? parsed : (parsed as { records?: unknown })?.records;
  if (!Array.isArray(rows)) return `${basename(file)} is neither a JSON array of records nor a query result with "records"`;
  rows.forEach((row, index) => accept(row, index + 1));
  return undefined;
}

async function readNdjson(file: string, accept: Accept): Promise<string | undefined> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      accept(JSON.parse(text), line);
    } catch (error) {
      accept(`is not valid JSON (${(error as Error).message})`, line);
    }
  }
  return undefined;
}

async function readCsv(file: string, accept: Accept): Promise<string | undefined> {
  const stream = createReadStream(file);
  const parser = stream.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true, skip_records_with_error: true }));
  stream.on('error', (e: Error) => parser.destroy(e));
  parser.on('skip', (err: CsvError) => accept(`is not valid CSV (${err.message})`, (err as unknown as { lines?: number }).lines ?? 0));
  let header: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      header = record.map((h) => h.trim());
      if (!header.some((h) => h.toLowerCase() === 'id')) return `${basename(file)} has no Id column in its header (field API names are expected: Id, Email, …)`;
      continue;
    }
    if (record.length !== header.length) {
      accept(`has ${record.length} fields where the header has ${header.length}`, info.lines);
      continue;
    }
    accept(Object.fromEntries(header.map((h, i) => [h, record[i]])), info.lines);
  }
  return header ? undefined : `${basename(file)} is empty`;
}
