// The columnar store: only the properties a workspace references, each encoded for its type so
// the compiled evaluator works on typed arrays and bitsets instead of objects:
// - strings: dictionary codes (code 0 = no value) + the dictionary as one joined string
//   (string-dict.ts), lower-cased once on first use for the case-insensitive operators;
// - numbers and dates: Float64Array (NaN = unknown; dates as epoch ms);
// - booleans: a bitset of `true`;
// - enumerations: one bitset per option, plus the number of options each row has (for IS_EXACTLY);
// - every column: a `known` bitset;
// - optional extras: list memberships, associated companies, property history, form submissions,
//   subscription statuses (columns-entries.ts).

import type { Bitset } from './bitset';
import { type StringDict, dictEntry } from './string-dict';
import type { TypeClass } from '../language/operators';
import type { EntryStore } from './columns-entries';

interface ColumnBase {
  name: string;
  /** The HubSpot property type (string, number, datetime, ...). */
  type: string;
  known: Bitset;
}

export interface StringColumn extends ColumnBase {
  kind: 'string';
  codes: Uint32Array;
  /** Entry 0 is '' (no value). */
  dict: StringDict;
  /** Rows by code (compressed-row form), made on first use for large dictionaries; not stored in snapshots. */
  inverse?: { offsets: Uint32Array; rows: Uint32Array };
}

export interface NumberColumn extends ColumnBase {
  kind: 'number' | 'date';
  values: Float64Array;
}

export interface BoolColumn extends ColumnBase {
  kind: 'bool';
  trues: Bitset;
}

export interface EnumColumn extends ColumnBase {
  kind: 'enumeration';
  options: string[];
  bits: Bitset[];
  /** How many options each row has (capped at 255, which only matters for IS_EXACTLY on 255+ values). */
  counts: Uint8Array;
}

export type Column = StringColumn | NumberColumn | BoolColumn | EnumColumn;

/**
 * Records of one object (companies, deals or tickets) associated with contacts, in compressed-row
 * form: contact r's records are rows[offsets[r] .. offsets[r+1]) of `records`.
 */
export interface AssociationIndex {
  records: ColumnStore;
  offsets: Uint32Array;
  rows: Uint32Array;
  /** Per link (as `rows`): 1 when that company is the contact's primary company. */
  primary: Uint8Array;
  /** Per link: its USER_DEFINED labels (type ids) joined by `;` ('' for none); absent when the source did not read labels. */
  labels?: string[];
  /** Rows whose record carried the list (the others are unknown, never "none"); absent: every row. */
  loaded?: Bitset;
}

/**
 * Every value a property has had, per row in compressed-row form: row r's entries are
 * [offsets[r], offsets[r+1]), each a raw value (code into `values`, 0 = no value) and a timestamp.
 */
export interface HistoryColumn {
  offsets: Uint32Array;
  codes: Uint32Array;
  values: StringDict;
  /** Epoch ms per entry (NaN when the source's timestamp did not parse). */
  timestamps: Float64Array;
}

/** Property history; rows whose record carried none are not judged (unknown). */
export interface HistoryStore {
  loaded: Bitset;
  columns: Map<string, HistoryColumn>;
}

/** Form submissions per row in compressed-row form; rows whose record carried none are unknown. */
export interface FormStore {
  loaded: Bitset;
  offsets: Uint32Array;
  /** Index into formIds, per submission. */
  forms: Uint32Array;
  formIds: string[];
  timestamps: Float64Array;
  /** Index into pageIds per submission: the page it was sent on; 0 when the data does not say. */
  pages: Uint32Array;
  pageIds: string[];
  /** Index into pageUrls per submission: the address it was sent from (its pageUrlKey, see form-pages.ts); 0 when not given. */
  urls: Uint32Array;
  pageUrls: string[];
}

export interface ColumnStore {
  /** Identifies this data: cached clause results are keyed by it. */
  version: string;
  size: number;
  ids: IdColumn;
  columns: Map<string, Column>;
  /** Memberships of HubSpot lists by id (`in list #id`); undefined = not loaded. */
  memberships: Map<string, Bitset> | undefined;
  /** Associated companies; undefined = not loaded. */
  associations: AssociationIndex | undefined;
  /** Associated deals and tickets, each undefined when not loaded. */
  otherAssociations?: Partial<Record<'deals' | 'tickets', AssociationIndex>>;
  /** undefined = no record carried history. */
  history?: HistoryStore;
  /** undefined = no record carried form submissions. */
  forms?: FormStore;
  /** Subscription statuses: fields channel, subscription id ('' = the channel portal-wide), status. */
  subscriptions?: EntryStore;
  /** Marketing email events: fields app id, email id, type; with their timestamps. */
  emailEvents?: EntryStore;
  /** Page views: field URL; with their timestamps. */
  pageViews?: EntryStore;
  /** Webinars: fields webinar id, `registered` or `attended` (one entry for each that is true). */
  webinars?: EntryStore;
  /** CTA events: fields ctaName, CLICK or VIEW; with their timestamps. */
  ctaEvents?: EntryStore;
  /** Ads seen: no field; their timestamps. */
  adViews?: EntryStore;
}

/** The index of an associated object, undefined when not loaded. */
export function associationIndex(store: ColumnStore, object: 'companies' | 'deals' | 'tickets'): AssociationIndex | undefined {
  return object === 'companies' ? store.associations : store.otherAssociations?.[object];
}

export function columnKindFor(typeClass: TypeClass): Column['kind'] {
  switch (typeClass) {
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'bool':
      return 'bool';
    case 'enumeration':
      return 'enumeration';
    default:
      return 'string';
  }
}

/** Contact ids: numeric ids (HubSpot's are) as a Float64Array, 8 bytes a row instead of a string each. */
export interface IdColumn {
  readonly length: number;
  at(row: number): string;
  /** The row of an id, or -1. */
  rowOf(id: string): number;
  /** For the snapshot. */
  readonly numeric: Float64Array | undefined;
  readonly strings: string[] | undefined;
}

export const NUMERIC_ID = /^[1-9]\d{0,14}$/;

export function idColumn(ids: string[] | Float64Array): IdColumn {
  if (ids instanceof Float64Array) {
    return { length: ids.length, at: (r) => String(ids[r]), rowOf: numericRowOf(ids), numeric: ids, strings: undefined };
  }
  if (ids.every((id) => NUMERIC_ID.test(id))) return idColumn(Float64Array.from(ids, Number));
  let index: Map<string, number> | undefined;
  return { length: ids.length, at: (r) => ids[r], rowOf: (id) => (index ??= firstRows(ids)).get(id) ?? -1, numeric: undefined, strings: ids };
}

/**
 * Id → row without a scan per lookup (enter/leave looks up every member, explain and find-by-id one):
 * a binary search when the ids are strictly ascending (the live source sorts them), else an index
 * built on the first lookup.
 */
function numericRowOf(ids: Float64Array): (id: string) => number {
  let ascending: boolean | undefined;
  let index: Map<number, number> | undefined;
  return (id) => {
    if (!NUMERIC_ID.test(id)) return -1;
    const n = Number(id);
    ascending ??= isAscending(ids);
    if (ascending) return binarySearch(ids, n);
    return (index ??= firstRows(ids)).get(n) ?? -1;
  };
}

/** A plain loop: `every` with a callback took 4× as long, felt by a refresh of a 10M-contact store. */
function isAscending(ids: Float64Array): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1] < ids[i])) return false;
  return true;
}

export function binarySearch(ids: Float64Array, n: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] === n) return mid;
    if (ids[mid] < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Each id's first row (a repeated id keeps its first, as indexOf did). */
function firstRows<T>(ids: ArrayLike<T>): Map<T, number> {
  const index = new Map<T, number>();
  for (let r = 0; r < ids.length; r++) if (!index.has(ids[r])) index.set(ids[r], r);
  return index;
}

let versionCounter = 0;

export function newVersion(): string {
  versionCounter += 1;
  return `${process.pid}-${Date.now().toString(36)}-${versionCounter}`;
}

/** The raw string value of row `r` as HubSpot would return it (for explain and the reference interpreter). */
export function rawValue(col: Column, r: number): string | null {
  switch (col.kind) {
    case 'string':
      return col.codes[r] === 0 ? null : dictEntry(col.dict, col.codes[r]);
    case 'number':
      return Number.isNaN(col.values[r]) ? null : String(col.values[r]);
    case 'date':
      return Number.isNaN(col.values[r]) ? null : new Date(col.values[r]).toISOString();
    case 'bool':
      return (col.known[r >>> 5] & (1 << (r & 31))) === 0 ? null : String((col.trues[r >>> 5] & (1 << (r & 31))) !== 0);
    case 'enumeration': {
      const set = col.options.filter((_, i) => (col.bits[i][r >>> 5] & (1 << (r & 31))) !== 0);
      return set.length ? set.join(';') : null;
    }
  }
}
