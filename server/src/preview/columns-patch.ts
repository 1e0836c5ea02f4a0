// An incremental refresh as a patch: the cached store's columns are changed in place for the
// contacts HubSpot says were modified, and new contacts are appended, instead of copying every row
// into a new store. Copying cost seconds at 1M contacts, most of it joining and sorting every string
// dictionary again for a handful of new values; here a new value is looked up in the sorted orders
// the store already has (findEntry) and, when it is new, appended to a small last part of the
// dictionary (appendEntries). Peak memory stays near the snapshot's own: only the arrays that grow
// (new contacts) are copied, one at a time.
//
// The result answers exactly as a store built from the merged records (test/property/
// refresh-patch.property.test.ts). Where a patch cannot keep that promise cheaply it declines
// (undefined) and the caller copies rows as before: a column missing or of another kind, ids that
// are not HubSpot's numeric ones, a new contact whose id sorts before the last cached one (rows are
// in id order), a contact given twice, or records carrying history or events (the live source's
// never do: it keeps history beside the store).

import type { PropertyDef } from '../language/schema-types';
import { typeClassOf } from '../language/operators';
import { type BoolColumn, type Column, type ColumnStore, type EnumColumn, type NumberColumn, type StringColumn, NUMERIC_ID, columnKindFor, idColumn, newVersion } from './columns';
import { ExtrasBuilder, type ExtrasCounts, type RowExtras, type StoreExtras } from './columns-build';
import { type Bitset, emptyBitset, setBit, wordsFor } from './bitset';
import { appendEntries, findEntry } from './string-dict';
import { checkPreviewSize } from './store-limits';
import type { ContactRecord } from './types';
import { isUnknownValue, parseBoolean, parseEnumeration, parseInstant, parseNumber } from './values';

export interface PatchOptions {
  /** The contact properties the new store holds (columns of the cached store not named here are dropped). */
  defs: PropertyDef[];
  companyDefs?: PropertyDef[];
  otherDefs?: Partial<Record<'deals' | 'tickets', PropertyDef[]>>;
  /** Each contact's extras, read afresh for every contact; absent when the source loaded none. */
  extrasOf?: (id: string) => RowExtras;
  /** How many links of each associated object and how many submissions `extrasOf` will give, when the source knows (ExtrasBuilder.reserve). */
  extrasCounts?: ExtrasCounts;
  /** More contacts than this throw PreviewTooLarge (default MAX_PREVIEW_CONTACTS). */
  maxRows?: number;
}

type Raw = string | null | undefined;

interface ColumnPatch {
  write(row: number, raw: Raw): void;
  finish(): Column;
}

/**
 * `base` with `modified` merged in, or undefined when a patch cannot do it (see the top of this file).
 * Consumes `base`: its arrays become the new store's, changed in place; do not use `base` afterwards.
 */
export function patchStore(base: ColumnStore, modified: readonly ContactRecord[], options: PatchOptions): ColumnStore | undefined {
  const rows = rowsOf(base, modified);
  if (!rows || !canPatch(base, modified, options.defs)) return undefined;
  const size = base.size + rows.appended.length;
  checkPreviewSize(size, options.maxRows);
  const columns = new Map<string, Column>();
  // Column by column, each taken out of `base` first: when new contacts make its arrays grow, the
  // old ones are garbage before the next column grows, so the peak is the store plus one column.
  for (const def of options.defs) {
    const patch = patchFor(base.columns.get(def.name)!, def, size);
    base.columns.delete(def.name);
    modified.forEach((record, k) => patch.write(rows.row[k], record.properties[def.name]));
    columns.set(def.name, patch.finish());
  }
  base.columns.clear();
  const ids = rows.appended.length === 0 ? base.ids : appendIds(base.ids.numeric!, rows.appended.map((k) => modified[k].id));
  return { version: newVersion(), size, ids, columns, ...extrasFor(ids, size, options) };
}

/**
 * Each modified record's row, or undefined: a cached contact keeps its row; new ones are appended
 * in id order, which keeps the rows in id order only when every new id is above the last cached one.
 */
function rowsOf(base: ColumnStore, modified: readonly ContactRecord[]): { row: number[]; appended: number[] } | undefined {
  if (!base.ids.numeric) return undefined;
  const row = new Array<number>(modified.length);
  const fresh: number[] = [];
  const seen = new Set<string>();
  for (const [k, record] of modified.entries()) {
    if (seen.has(record.id)) return undefined;
    seen.add(record.id);
    row[k] = base.ids.rowOf(record.id);
    if (row[k] < 0) fresh.push(k);
  }
  const lastId = base.size > 0 ? base.ids.numeric[base.size - 1] : -Infinity;
  if (!fresh.every((k) => NUMERIC_ID.test(modified[k].id) && Number(modified[k].id) > lastId)) return undefined;
  const appended = fresh.sort((a, b) => Number(modified[a].id) - Number(modified[b].id));
  appended.forEach((k, i) => (row[k] = base.size + i));
  return { row, appended };
}

function canPatch(base: ColumnStore, modified: readonly ContactRecord[], defs: PropertyDef[]): boolean {
  const plain = modified.every((r) => !r.history && !r.emailEvents && !r.pageViews && !r.subscriptions && !r.webinars && !r.ctaEvents && !r.adViews);
  return plain && defs.every((def) => base.columns.get(def.name)?.kind === columnKindFor(typeClassOf(def.type)));
}

function appendIds(ids: Float64Array, added: string[]): ReturnType<typeof idColumn> {
  const out = sized(ids, ids.length + added.length);
  added.forEach((id, k) => (out[ids.length + k] = Number(id)));
  return idColumn(out);
}

function extrasFor(ids: ColumnStore['ids'], size: number, options: PatchOptions): StoreExtras {
  const builder = new ExtrasBuilder(options.companyDefs, options.otherDefs);
  if (options.extrasCounts) builder.reserve(options.extrasCounts);
  if (options.extrasOf) for (let row = 0; row < size; row++) builder.add(row, options.extrasOf(ids.at(row)));
  return builder.finish(size);
}

type Typed = Uint32Array | Float64Array | Uint8Array;

/**
 * The array with `size` elements (at least), new elements `fill`: the same array when it is long
 * enough, a longer view of its buffer when the buffer has room behind it (a snapshot is read so),
 * else a copy. The room was never written, so it holds zeros.
 */
function sized<T extends Typed>(a: T, size: number, fill = 0): T {
  if (a.length >= size) return a;
  const Ctor = a.constructor as { new (n: number): T; new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number };
  const fits = a.byteOffset + size * Ctor.BYTES_PER_ELEMENT <= a.buffer.byteLength;
  const next = fits ? new Ctor(a.buffer as ArrayBuffer, a.byteOffset, size) : new Ctor(size);
  if (!fits) next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next;
}

function bits(b: Bitset, size: number): Bitset {
  return sized(b, wordsFor(size));
}

function putBit(b: Bitset, row: number, on: boolean): void {
  if (on) setBit(b, row);
  else b[row >>> 5] &= ~(1 << (row & 31));
}

function patchFor(col: Column, def: PropertyDef, size: number): ColumnPatch {
  const named = { name: def.name, type: def.type };
  switch (col.kind) {
    case 'string':
      return stringPatch({ ...col, ...named }, size);
    case 'number':
    case 'date':
      return numberPatch({ ...col, ...named }, size);
    case 'bool':
      return boolPatch({ ...col, ...named }, size);
    case 'enumeration':
      return enumPatch({ ...col, ...named }, size);
  }
}

/** Values as StoreBuilder's string writer reads them; a value the dictionary lacks gets the next code. */
function stringPatch(col: StringColumn, size: number): ColumnPatch {
  const codes = sized(col.codes, size);
  const known = bits(col.known, size);
  const added: string[] = [];
  const addedCodes = new Map<string, number>();
  const codeOf = (raw: string): number => {
    const found = findEntry(col.dict, raw);
    if (found >= 0) return found;
    let code = addedCodes.get(raw);
    if (code === undefined) {
      code = col.dict.size + added.push(raw) - 1;
      addedCodes.set(raw, code);
    }
    return code;
  };
  return {
    write(row, raw) {
      codes[row] = isUnknownValue(raw) ? 0 : codeOf(raw);
      putBit(known, row, codes[row] !== 0);
    },
    finish: () => ({ kind: 'string', name: col.name, type: col.type, known, codes, dict: appendEntries(col.dict, added) }),
  };
}

function numberPatch(col: NumberColumn, size: number): ColumnPatch {
  const values = sized(col.values, size, NaN);
  const known = bits(col.known, size);
  return {
    write(row, raw) {
      values[row] = isUnknownValue(raw) ? NaN : col.kind === 'number' ? parseNumber(raw) : parseInstant(raw);
      putBit(known, row, !Number.isNaN(values[row]));
    },
    finish: () => ({ ...col, values, known }),
  };
}

function boolPatch(col: BoolColumn, size: number): ColumnPatch {
  const known = bits(col.known, size);
  const trues = bits(col.trues, size);
  return {
    write(row, raw) {
      const value = isUnknownValue(raw) ? undefined : parseBoolean(raw);
      putBit(known, row, value !== undefined);
      putBit(trues, row, value === true);
    },
    finish: () => ({ ...col, known, trues }),
  };
}

/** Options a patch brings are added with a bitset of their own (a store lists options in the order it first saw them). */
function enumPatch(col: EnumColumn, size: number): ColumnPatch {
  const options = [...col.options];
  const optionBits = col.bits.map((b) => bits(b, size));
  const counts = sized(col.counts, size);
  const known = bits(col.known, size);
  const bitsOf = (value: string): Bitset => {
    let i = options.indexOf(value);
    if (i < 0) {
      i = options.push(value) - 1;
      optionBits.push(emptyBitset(size));
    }
    return optionBits[i];
  };
  return {
    write(row, raw) {
      for (const b of optionBits) putBit(b, row, false);
      const set = isUnknownValue(raw) ? [] : parseEnumeration(raw);
      for (const value of set) setBit(bitsOf(value), row);
      counts[row] = Math.min(set.length, 255);
      putBit(known, row, counts[row] !== 0);
    },
    finish: () => ({ ...col, options, bits: optionBits, counts, known }),
  };
}
