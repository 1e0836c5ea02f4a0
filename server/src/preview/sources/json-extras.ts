// The extras of an API-shaped record beyond properties, history, lists, companies and forms: read
// strictly, because a dropped entry changes what a contact matches (a missing OPT_OUT would read as
// NOT_OPTED). An extra with any malformed entry is reported and left out of the record as a whole,
// so the filters that need it say "not in this data" for that contact instead of guessing.

import { EMAIL_EVENT_TYPES, type AssociatedRecord, type EmailEventRecord, type EmailEventType, type PageViewRecord, type SubscriptionRecord } from '../types';
import type { ReportBuilder } from './report';

type Raw = Record<string, unknown>;

const CHANNELS = new Set(['EMAIL', 'SMS', 'WHATSAPP']);
const STATES = new Set(['OPT_IN', 'OPT_OUT', 'NOT_OPTED']);

function subscription(v: unknown): SubscriptionRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Raw;
  const channel = typeof o.channel === 'string' ? o.channel.toUpperCase() : undefined;
  const status = typeof o.status === 'string' ? o.status.toUpperCase() : undefined;
  const id = o.subscriptionId === undefined || o.subscriptionId === null ? undefined : String(o.subscriptionId);
  if (!channel || !CHANNELS.has(channel) || !status || !STATES.has(status) || (id !== undefined && !/^\d+$/.test(id))) return undefined;
  return { channel: channel as SubscriptionRecord['channel'], status: status as SubscriptionRecord['status'], ...(id !== undefined ? { subscriptionId: id } : {}) };
}

/** Every entry read, or undefined (reported) when the field is not a list of entries of `shape`. */
export function strictList<T>(value: unknown, field: string, shape: string, read: (v: unknown) => T | undefined, line: number, report: ReportBuilder): T[] | undefined {
  const fail = (what: string) => {
    report.issue(line, 'bad-record', `Record ${line}: ${what}, not ${shape}; its ${field} were left out (conditions on them are not previewed for this contact).`);
    return undefined;
  };
  if (!Array.isArray(value)) return fail(`"${field}" is not a list`);
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry = read(value[i]);
    if (entry === undefined) return fail(`${field}[${i}] is ${JSON.stringify(value[i])?.slice(0, 80)}`);
    out.push(entry);
  }
  return out;
}

export function readSubscriptions(value: unknown, line: number, report: ReportBuilder): SubscriptionRecord[] | undefined {
  return strictList(value, 'subscriptions', '{ "channel": "EMAIL"|"SMS"|"WHATSAPP", "subscriptionId"?: digits, "status": "OPT_IN"|"OPT_OUT"|"NOT_OPTED" }', subscription, line, report);
}

/** Epoch ms or an ISO 8601 date and time with its zone; NaN for anything else. */
export function instant(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T[^ ]*(?:Z|[+-]\d{2}:\d{2})$/.test(v)) return NaN;
  return Date.parse(v);
}

function digits(v: unknown): string | undefined {
  const text = typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  return text !== undefined && /^\d+$/.test(text) ? text : undefined;
}

function emailEvent(v: unknown): EmailEventRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Raw;
  const type = typeof o.type === 'string' ? o.type.toUpperCase() : '';
  const [appId, emailId, timestamp] = [digits(o.appId), digits(o.emailId), instant(o.timestamp)];
  if (!appId || !emailId || !(EMAIL_EVENT_TYPES as readonly string[]).includes(type) || Number.isNaN(timestamp)) return undefined;
  if (o.url !== undefined && (typeof o.url !== 'string' || type !== 'CLICK')) return undefined;
  return { appId, emailId, type: type as EmailEventType, timestamp, ...(typeof o.url === 'string' ? { url: o.url } : {}) };
}

export function readEmailEvents(value: unknown, line: number, report: ReportBuilder): EmailEventRecord[] | undefined {
  const shape = `{ "appId": digits, "emailId": digits, "type": ${EMAIL_EVENT_TYPES.map((t) => `"${t}"`).join('|')}, "timestamp": epoch ms or ISO 8601 with its zone, "url"?: the link clicked (CLICK only) }`;
  return strictList(value, 'emailEvents', shape, emailEvent, line, report);
}

function pageView(v: unknown): PageViewRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Raw;
  const timestamp = instant(o.timestamp);
  if (typeof o.url !== 'string' || o.url === '' || Number.isNaN(timestamp)) return undefined;
  return { url: o.url, timestamp };
}

export function readPageViews(value: unknown, line: number, report: ReportBuilder): PageViewRecord[] | undefined {
  return strictList(value, 'pageViews', '{ "url": text, "timestamp": epoch ms or ISO 8601 with its zone }', pageView, line, report);
}

/** Association labels: USER_DEFINED association type ids, digits. */
function labels(v: unknown): string[] | undefined | false {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((l) => /^\d+$/.test(String(l)))) return false;
  return v.map(String);
}

function associated(v: unknown): AssociatedRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Raw;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : undefined;
  const props = o.properties;
  const l = labels(o.labels);
  if (!id || !props || typeof props !== 'object' || Array.isArray(props) || l === false) return undefined;
  const properties = Object.fromEntries(Object.entries(props as Raw).map(([k, x]) => [k, x === null || x === undefined ? null : String(x)]));
  return { id, properties, ...(l ? { labels: l } : {}) };
}

/** `deals` or `tickets` of a record: `[{ id, properties, labels? }]`. */
export function readAssociated(value: unknown, field: 'deals' | 'tickets', line: number, report: ReportBuilder): AssociatedRecord[] | undefined {
  return strictList(value, field, '{ "id", "properties": {…}, "labels"?: [association type ids] }', associated, line, report);
}

/** A company's association labels, checked like a deal's (a bad one leaves the companies out, reported). */
export function companyLabels(value: unknown): string[] | undefined | false {
  return labels(value);
}
