// API-shaped contact records: a JSON array or NDJSON (one record a line), each
// `{ id, properties, propertiesWithHistory?, listMemberships?, companies?, deals?, tickets?, formSubmissions?,
// subscriptions?, emailEvents?, pageViews? }`.
// Records that are not of that shape are rejected and reported with their line (NDJSON) or
// position (array index + 1); values are checked against the schema like the CSV's.

import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Schema } from '../../language/schema-types';
import type { ContactRecord, FormSubmission, HistoryEntry, SourceReport } from '../types';
import { readRegularText, regularFileStream } from '../../files/regular-file';
import { IdRegistry, ReportBuilder, UnreadableSource } from './report';
import { checkValue } from './values-check';
import type { SourceOptions } from './csv';
import { readAdViews, readCtaEvents, readWebinars } from './json-activity';
import { companyLabels, readAssociated, readEmailEvents, readPageViews, readSubscriptions } from './json-extras';

type Sink = (record: ContactRecord) => void;

/** A JSON array is read whole, and a JS string holds at most about 512 MB: larger exports belong in NDJSON. */
export const MAX_JSON_ARRAY_BYTES = 256 * 1024 * 1024;

/** Throws UnreadableSource when the file cannot be opened or is not a regular file. */
export async function readNdjsonContacts(input: Readable | string, schema: Schema, sink: Sink, options: SourceOptions = {}): Promise<SourceReport> {
  const name = options.name ?? (typeof input === 'string' ? input : 'NDJSON');
  const report = new ReportBuilder(name);
  const lines = createInterface({ input: typeof input === 'string' ? openNdjson(input, name) : input, crlfDelay: Infinity });
  const state = newState(schema, report, options);
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw; // a byte-order mark
    if (text.trim() === '') continue;
    if (text.includes('\ufffd')) {
      // Bytes that are not UTF-8 were decoded to U+FFFD: the record's text would silently compare wrong.
      report.issue(line, 'malformed-line', `Line ${line} holds bytes that are not UTF-8; the record was skipped (save the file as UTF-8).`);
      report.rejected();
      continue;
    }
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

function openNdjson(path: string, name: string): Readable {
  const opened = regularFileStream(path);
  if (!opened.ok) throw new UnreadableSource(`${name} ${opened.message.replace(/\.$/, '')}`);
  return opened.stream;
}

/**
 * A JSON array file (read whole: arrays are for small exports; use NDJSON for big ones). Throws
 * UnreadableSource when the file cannot be read, is empty, is not JSON, or holds no array of records.
 */
export async function readJsonArrayContacts(input: string, schema: Schema, sink: Sink, options: SourceOptions = {}): Promise<SourceReport> {
  const name = options.name ?? input;
  const report = new ReportBuilder(name);
  const read = readRegularText(input, MAX_JSON_ARRAY_BYTES);
  if (!read.ok) {
    const hint = read.code === 'file-too-large' ? ' (a JSON array is read whole; write large exports as NDJSON, one record a line)' : '';
    throw new UnreadableSource(`${name} ${read.message.replace(/\.$/, '')}${hint}`);
  }
  if (read.text.trim() === '') throw new UnreadableSource(`${name} is empty: expected a JSON array of contact records`);
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (e) {
    throw new UnreadableSource(`${name} is not valid JSON (${(e as Error).message})`);
  }
  const items = Array.isArray(value) ? value : (value as { results?: unknown[] } | null)?.results;
  if (!Array.isArray(items)) throw new UnreadableSource(`${name} holds ${describeJson(value)}, not contact records: expected a JSON array of { id, properties } records (or an API page with "results")`);
  const state = newState(schema, report, options);
  items.forEach((item, i) => acceptRecord(item, i + 1, state, sink));
  return report.finish();
}

/** What a JSON value is, for messages: "a number", "an object with keys hello, world". */
function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  return `an object with ${keys.length === 1 ? 'key' : 'keys'} ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`;
}

interface State {
  schema: Schema;
  report: ReportBuilder;
  zone: string;
  wanted: ReadonlySet<string> | undefined;
  reportedUnknown: Set<string>;
  ids: IdRegistry;
}

function newState(schema: Schema, report: ReportBuilder, options: SourceOptions): State {
  return { schema, report, zone: options.exportZone ?? 'UTC', wanted: options.properties, reportedUnknown: new Set(), ids: new IdRegistry() };
}

function acceptRecord(value: unknown, line: number, s: State, sink: Sink): void {
  const v = value as Record<string, unknown> | null;
  const id = v && (typeof v.id === 'string' || typeof v.id === 'number') ? String(v.id) : undefined;
  if (!v || typeof v !== 'object' || !id || typeof v.properties !== 'object' || v.properties === null) {
    s.report.issue(line, 'bad-record', `Record ${line} is not { id, properties }; it was skipped.`);
    s.report.rejected();
    return;
  }
  if (!s.ids.claim(id, line, s.report, 'Record')) return;
  const record: ContactRecord = { id, properties: checkProperties(v.properties as Record<string, unknown>, line, s) };
  if (v.propertiesWithHistory && typeof v.propertiesWithHistory === 'object') record.history = history(v.propertiesWithHistory as Record<string, unknown>);
  if (Array.isArray(v.listMemberships)) record.listMemberships = v.listMemberships.map(String);
  if (Array.isArray(v.companies)) {
    const companies = v.companies.filter(isRecordLike);
    const badLabels = companies.findIndex((c) => companyLabels(c.labels) === false);
    if (badLabels >= 0) {
      s.report.issue(line, 'bad-record', `Record ${line}: companies[${badLabels}].labels is not a list of association type ids; its companies were left out (conditions on them are not previewed for this contact).`);
    } else {
      record.companies = companies.map((c) => {
        const labels = companyLabels(c.labels);
        return { id: String(c.id), properties: stringProps(c.properties), ...(c.primary === true ? { primary: true } : {}), ...(labels ? { labels } : {}) };
      });
    }
  }
  for (const field of ['deals', 'tickets'] as const) {
    if (v[field] === undefined) continue;
    const records = readAssociated(v[field], field, line, s.report);
    if (records) record[field] = records;
  }
  if (Array.isArray(v.formSubmissions)) record.formSubmissions = v.formSubmissions.filter(isRecordLike).map(readSubmission);
  if (v.subscriptions !== undefined) {
    const subscriptions = readSubscriptions(v.subscriptions, line, s.report);
    if (subscriptions) record.subscriptions = subscriptions;
  }
  if (v.emailEvents !== undefined) {
    const events = readEmailEvents(v.emailEvents, line, s.report);
    if (events) record.emailEvents = events;
  }
  if (v.pageViews !== undefined) {
    const views = readPageViews(v.pageViews, line, s.report);
    if (views) record.pageViews = views;
  }
  readActivity(v, record, line, s.report);
  s.report.loaded();
  sink(record);
}

/** `webinars`, `ctaEvents`, `adViews`: each kept only when every entry reads. */
function readActivity(v: Record<string, unknown>, record: ContactRecord, line: number, report: ReportBuilder): void {
  if (v.webinars !== undefined) {
    const webinars = readWebinars(v.webinars, line, report);
    if (webinars) record.webinars = webinars;
  }
  if (v.ctaEvents !== undefined) {
    const events = readCtaEvents(v.ctaEvents, line, report);
    if (events) record.ctaEvents = events;
  }
  if (v.adViews !== undefined) {
    const views = readAdViews(v.adViews, line, report);
    if (views) record.adViews = views;
  }
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

/** One of `formSubmissions`: `{ formId, timestamp, pageId?, pageUrl? }`; a page neither names leaves its page unknown. */
function readSubmission(f: Record<string, unknown>): FormSubmission {
  const submission: FormSubmission = { formId: String(f.formId), timestamp: toMs(f.timestamp) };
  if ((typeof f.pageId === 'string' && f.pageId !== '') || typeof f.pageId === 'number') submission.pageId = String(f.pageId);
  if (typeof f.pageUrl === 'string' && f.pageUrl !== '') submission.pageUrl = f.pageUrl;
  return submission;
}
