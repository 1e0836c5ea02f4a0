// API-shaped contact records: a JSON array or NDJSON (one record a line), each
// `{ id, properties, propertiesWithHistory?, listMemberships?, companies?, formSubmissions? }`.
// Records that are not of that shape are rejected and reported with their line (NDJSON) or
// position (array index + 1); values are checked against the schema like the CSV's.

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Schema } from '../../language/schema-types';
import type { ContactRecord, HistoryEntry, SourceReport } from '../types';
import { ReportBuilder } from './report';
import { checkValue } from './values-check';
import type { SourceOptions } from './csv';

type Sink = (record: ContactRecord) => void;

export async function readNdjsonContacts(input: Readable | string, schema: Schema, sink: Sink, options: SourceOptions = {}): Promise<SourceReport> {
  const report = new ReportBuilder(options.name ?? (typeof input === 'string' ? input : 'NDJSON'));
  const lines = createInterface({ input: typeof input === 'string' ? createReadStream(input) : input, crlfDelay: Infinity });
  const state = newState(schema, report, options);
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      report.issue(line, 'malformed-line', `Line ${line} is not valid JSON (${(e as Error).message}); the record was skipped.`);
      report.rejected();
      continue;
    }
    acceptRecord(value, line, state, sink);
  }
  return report.finish();
}

/** A JSON array file (read whole: arrays are for small exports; use NDJSON for big ones). */
export async function readJsonArrayContacts(input: string, schema: Schema, sink: Sink, options: SourceOptions = {}): Promise<SourceReport> {
  const report = new ReportBuilder(options.name ?? input);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(input, 'utf8'));
  } catch (e) {
    report.issue(1, 'malformed-line', `The file is not valid JSON (${(e as Error).message}).`);
    return report.finish();
  }
  const items = Array.isArray(value) ? value : (value as { results?: unknown[] })?.results;
  if (!Array.isArray(items)) {
    report.issue(1, 'bad-record', 'Expected an array of contact records (or an API page with "results").');
    return report.finish();
  }
  const state = newState(schema, report, options);
  items.forEach((item, i) => acceptRecord(item, i + 1, state, sink));
  return report.finish();
}

interface State {
  schema: Schema;
  report: ReportBuilder;
  zone: string;
  wanted: ReadonlySet<string> | undefined;
  reportedUnknown: Set<string>;
}

function newState(schema: Schema, report: ReportBuilder, options: SourceOptions): State {
  return { schema, report, zone: options.exportZone ?? 'UTC', wanted: options.properties, reportedUnknown: new Set() };
}

function acceptRecord(value: unknown, line: number, s: State, sink: Sink): void {
  const v = value as Record<string, unknown> | null;
  const id = v && (typeof v.id === 'string' || typeof v.id === 'number') ? String(v.id) : undefined;
  if (!v || typeof v !== 'object' || !id || typeof v.properties !== 'object' || v.properties === null) {
    s.report.issue(line, 'bad-record', `Record ${line} is not { id, properties }; it was skipped.`);
    s.report.rejected();
    return;
  }
  const record: ContactRecord = { id, properties: checkProperties(v.properties as Record<string, unknown>, line, s) };
  if (v.propertiesWithHistory && typeof v.propertiesWithHistory === 'object') record.history = history(v.propertiesWithHistory as Record<string, unknown>);
  if (Array.isArray(v.listMemberships)) record.listMemberships = v.listMemberships.map(String);
  if (Array.isArray(v.companies)) record.companies = v.companies.filter(isRecordLike).map((c) => ({ id: String(c.id), properties: stringProps(c.properties) }));
  if (Array.isArray(v.formSubmissions)) record.formSubmissions = v.formSubmissions.filter(isRecordLike).map((f) => ({ formId: String(f.formId), timestamp: toMs(f.timestamp) }));
  s.report.loaded();
  sink(record);
}

function checkProperties(props: Record<string, unknown>, line: number, s: State): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(props)) {
    const def = s.schema.objects.contacts.get(name);
    if (!def) {
      if (!s.reportedUnknown.has(name)) s.report.unknownColumn(name, line);
      s.reportedUnknown.add(name);
      continue;
    }
    if (s.wanted && !s.wanted.has(name)) continue;
    const checked = checkValue(def, raw === null || raw === undefined ? null : String(raw), s.zone);
    if (checked.issue) s.report.issue(line, checked.issue.code, `Record ${line}, ${name}: ${checked.issue.message}.`, name);
    out[name] = checked.value;
  }
  return out;
}

function isRecordLike(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function stringProps(p: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (isRecordLike(p)) for (const [k, v] of Object.entries(p)) out[k] = v === null || v === undefined ? null : String(v);
  return out;
}

function toMs(t: unknown): number {
  return typeof t === 'number' ? t : Date.parse(String(t));
}

function history(h: Record<string, unknown>): Record<string, HistoryEntry[]> {
  const out: Record<string, HistoryEntry[]> = {};
  for (const [name, entries] of Object.entries(h)) {
    if (!Array.isArray(entries)) continue;
    out[name] = entries.filter(isRecordLike).map((e) => ({ value: e.value === null || e.value === undefined ? null : String(e.value), timestamp: toMs(e.timestamp) }));
  }
  return out;
}
