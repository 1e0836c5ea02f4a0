// Builds a ColumnStore row by row from contact records (any source), keeping only the requested
// properties. Values are parsed with the same functions the reference interpreter uses
// (values.ts), so both evaluators see the same data; the sources report what did not parse.

import type { PropertyDef, Schema } from '../language/schema-types';
import { propertiesOf } from '../language/schema';
import { typeClassOf } from '../language/operators';
import { type BoolColumn, type Column, type ColumnStore, type EnumColumn, type NumberColumn, type StringColumn, columnKindFor, newVersion } from './columns';
import { emptyBitset, hasBit, RowBits, setBit, wordsFor } from './bitset';
import { exactly, grown, reservedTo } from './typed-grow';
import { FormBuilder, HistoryBuilder } from './columns-extras';
import { EntryBuilder } from './columns-entries';
import { ActivityBuilder } from './columns-activity';
import { AssociationBuilder } from './columns-associations';
import { MAX_PREVIEW_CONTACTS, checkPreviewSize } from './store-limits';
import { IdsBuilder } from './id-builder';

type AssociatedObject = 'companies' | 'deals' | 'tickets';
/** How many links of each associated object, and how many form submissions, a build will add, when its source knows. */
export interface ExtrasCounts {
  links?: Partial<Record<AssociatedObject, number>>;
  submissions?: number;
}

/** What a row carries besides its properties, when its source loaded it (a copied row gets them anew). */
export type RowExtras = Pick<ContactRecord, 'listMemberships' | 'companies' | 'deals' | 'tickets' | 'formSubmissions' | 'subscriptions' | 'emailEvents' | 'pageViews'>;
import { dictEntry, dictFromEntries, indexDict } from './string-dict';
import { CompactDictBuilder, type DictBuilder, MapDictBuilder } from './string-builder';
import type { AssociatedRecord, CompanyRecord, ContactRecord } from './types';
import { isUnknownValue, parseBoolean, parseEnumeration, parseInstant, parseNumber } from './values';

type Raw = string | null | undefined;

interface ColumnWriter {
  column: Column;
  write(row: number, raw: Raw): void;
  /** Rows `row…row+count` take the values `from` has at `fromRow…` (a column of the same property and kind), without a detour through text. */
  copy(row: number, from: Column, fromRow: number, count: number): void;
  /** Before any row: start from `from`'s dictionary, so copied string codes stay as they are. */
  seed?(from: Column): void;
  /** Room for `rows` rows at once (instead of doubling a million-row buffer ten times). */
  reserve(rows: number): void;
  /** Shrink buffers to `size` rows; the bytes of typed arrays it let go of (a dictionary's tables, a buffer copied to its size). */
  finish(size: number): number;
}

export class StoreBuilder {
  private size = 0;
  private readonly ids = new IdsBuilder();
  private readonly writers: ColumnWriter[];
  private readonly extras: ExtrasBuilder;
  private readonly history: HistoryBuilder;
  private readonly activity = new ActivityBuilder();

  /**
   * `defs`: the contact properties to keep; `companyDefs`: those of associated companies; `otherDefs`:
   * those of associated deals and tickets (absent: their records are kept without properties);
   * `maxRows`: more rows than this throw PreviewTooLarge (store-limits.ts).
   */
  constructor(
    private readonly defs: PropertyDef[],
    companyDefs: PropertyDef[] = [],
    otherDefs: Partial<Record<'deals' | 'tickets', PropertyDef[]>> = {},
    private readonly maxRows = MAX_PREVIEW_CONTACTS,
  ) {
    this.extras = new ExtrasBuilder(companyDefs, otherDefs);
    this.writers = defs.map(writerFor);
    this.history = new HistoryBuilder(defs.map((d) => d.name));
  }

  /**
   * Adds rows `fromRow…fromRow+count` of `store` (which must hold every column this builder writes, of
   * the same kind: `canCopyFrom`), each with its extras. Much faster than `add(recordAt(...))`: no
   * value becomes text, and runs of rows are copied as ranges.
   */
  addRowsOf(store: ColumnStore, fromRow: number, count: number, extrasOf: (row: number) => RowExtras = () => ({})): void {
    checkPreviewSize(this.size + count, this.maxRows);
    const row = this.size;
    this.size += count;
    this.ids.pushFrom(store.ids, fromRow, count);
    for (let i = 0; i < this.writers.length; i++) this.writers[i].copy(row, store.columns.get(this.defs[i].name)!, fromRow, count);
    for (let k = 0; k < count; k++) {
      this.extras.add(row + k, extrasOf(fromRow + k));
    }
  }

  addRowOf(store: ColumnStore, fromRow: number, extras: RowExtras = {}): void {
    this.addRowsOf(store, fromRow, 1, () => extras);
  }

  /**
   * Room for `rows` rows in every column at once, when the source says how many are coming (the live
   * fetch's contact count): no column doubles its buffers (keeping the old copy until it is collected),
   * and `finish` keeps them as they are when exactly that many came. More rows than a store may hold
   * reserve nothing: adding them is refused (PreviewTooLarge) before that much memory is needed.
   */
  reserve(rows: number): void {
    if (rows > this.maxRows) return;
    this.ids.reserve(rows);
    for (const w of this.writers) w.reserve(rows);
  }

  /** Room for the links and submissions the rows will carry (ExtrasBuilder.reserve). */
  reserveExtras(counts: ExtrasCounts): void {
    this.extras.reserve(counts);
  }

  /** Before any row is added: string columns start from `store`'s dictionaries (copies then keep their codes). */
  seedFrom(store: ColumnStore): void {
    if (this.size > 0) return;
    for (const w of this.writers) {
      w.seed?.(store.columns.get(w.column.name)!);
      w.reserve(store.size);
    }
  }

  /** True when `addRowOf` can copy from `store`: every column present, of the kind this builder writes. */
  canCopyFrom(store: ColumnStore): boolean {
    return this.writers.every((w) => store.columns.get(w.column.name)?.kind === w.column.kind);
  }

  add(record: ContactRecord | CompanyRecord & Partial<ContactRecord>): void {
    checkPreviewSize(this.size + 1, this.maxRows);
    const row = this.size++;
    this.ids.push(record.id);
    for (let i = 0; i < this.writers.length; i++) this.writers[i].write(row, record.properties[this.defs[i].name]);
    this.extras.add(row, record);
    if (record.history) this.history.add(row, record.history);
    this.activity.add(row, record);
  }

  finish(): ColumnStore {
    const size = this.size;
    for (const w of this.writers) w.finish(size);
    return this.assembled(size);
  }

  /**
   * As `finish`, letting other work run between columns: at a million contacts a string column's sorted
   * orders take seconds, and a live fetch's requests in flight (the lists' members and the forms'
   * submissions, read meanwhile) would wait that long in one block, leaving the rate limit idle.
   * `onReleased` hears, after each column, the bytes it let go of.
   */
  async finishInTurns(onReleased?: (bytes: number) => void): Promise<ColumnStore> {
    const size = this.size;
    for (const w of this.writers) {
      const released = w.finish(size);
      // A finished column's tables are garbage before the next column makes its own (heap-relief.ts).
      onReleased?.(released);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return this.assembled(size);
  }

  private assembled(size: number): ColumnStore {
    return {
      version: newVersion(),
      size,
      ids: this.ids.finish(),
      columns: new Map(this.writers.map((w) => [w.column.name, w.column])),
      ...this.extras.finish(size),
      history: this.history.finish(size),
      ...this.activity.finish(size),
    };
  }

}

/** The parts of a store its source reads afresh for every contact on each load: memberships, associated records, form submissions, subscription statuses, email events, page views. */
export type StoreExtras = Pick<ColumnStore, 'memberships' | 'associations' | 'otherAssociations' | 'forms' | 'subscriptions' | 'emailEvents' | 'pageViews'>;

/** Collects each row's extras (rows in order) into their compressed forms. */
export class ExtrasBuilder {
  private memberships: Map<string, RowBits> | undefined;
  private readonly associated = new Map<AssociatedObject, AssociationBuilder>();
  private readonly associatedDefs: Partial<Record<AssociatedObject, PropertyDef[]>>;
  private readonly forms = new FormBuilder();
  private readonly subscriptions = new EntryBuilder(3);
  private readonly emailEvents = new EntryBuilder(4);
  private readonly pageViews = new EntryBuilder(1);

  constructor(companyDefs: PropertyDef[] = [], otherDefs: Partial<Record<'deals' | 'tickets', PropertyDef[]>> = {}) {
    this.associatedDefs = { companies: companyDefs, ...otherDefs };
  }

  /** A record's associated records say their labels: none when `labels` is absent. */
  add(row: number, extras: RowExtras): void {
    if (extras.listMemberships) this.addMemberships(row, extras.listMemberships);
    if (extras.companies) this.addAssociated('companies', row, extras.companies);
    if (extras.deals) this.addAssociated('deals', row, extras.deals);
    if (extras.tickets) this.addAssociated('tickets', row, extras.tickets);
    if (extras.formSubmissions) this.forms.add(row, extras.formSubmissions);
    // A row extra, so rows copied from a cached store get the live source's statuses too.
    if (extras.subscriptions) this.subscriptions.add(row, extras.subscriptions.map((s) => ({ texts: [s.channel, s.subscriptionId ?? '', s.status] })));
    if (extras.emailEvents) this.emailEvents.add(row, extras.emailEvents.map((e) => ({ texts: [e.appId, e.emailId, e.type, e.url ?? ''], timestamp: e.timestamp })));
    if (extras.pageViews) this.pageViews.add(row, extras.pageViews.map((v) => ({ texts: [v.url], timestamp: v.timestamp })));
  }

  private addMemberships(row: number, listIds: string[]): void {
    this.memberships ??= new Map();
    for (const id of listIds) {
      let rows = this.memberships.get(id);
      if (!rows) this.memberships.set(id, (rows = new RowBits()));
      rows.set(row);
    }
  }

  /**
   * Room for the links each object's rows will add and the submissions they carry (their arrays made
   * once at that size: AssociationBuilder.reserve, PushList.reserve). Only for objects every row will
   * carry: a builder made here is in the store even if no row adds to it.
   */
  reserve(counts: ExtrasCounts): void {
    for (const [object, links] of Object.entries(counts.links ?? {}) as [AssociatedObject, number][]) this.builderOf(object).reserve(links);
    if (counts.submissions !== undefined) this.forms.reserve(counts.submissions);
  }

  private addAssociated(object: AssociatedObject, row: number, records: AssociatedRecord[]): void {
    this.builderOf(object).add(row, records, true);
  }

  private builderOf(object: AssociatedObject): AssociationBuilder {
    let builder = this.associated.get(object);
    if (!builder) this.associated.set(object, (builder = new AssociationBuilder(() => new StoreBuilder(this.associatedDefs[object] ?? []))));
    return builder;
  }

  finish(size: number): StoreExtras {
    return {
      memberships: this.memberships && new Map([...this.memberships].map(([id, rows]) => [id, rows.finish(size)])),
      associations: this.associated.get('companies')?.finish(size),
      otherAssociations: this.otherAssociations(size),
      forms: this.forms.finish(size),
      subscriptions: this.subscriptions.finish(size),
      emailEvents: this.emailEvents.finish(size),
      pageViews: this.pageViews.finish(size),
    };
  }

  private otherAssociations(size: number): ColumnStore['otherAssociations'] {
    const out: ColumnStore['otherAssociations'] = {};
    for (const object of ['deals', 'tickets'] as const) {
      const builder = this.associated.get(object);
      if (builder) out[object] = builder.finish(size);
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
}

function writerFor(def: PropertyDef): ColumnWriter {
  const kind = columnKindFor(typeClassOf(def.type));
  if (kind === 'string') return stringWriter(def);
  if (kind === 'enumeration') return enumWriter(def);
  if (kind === 'bool') return boolWriter(def);
  return numberWriter(def, kind);
}

/** `newCodeOf` of a source code not looked up yet (no code is that large: see string-builder.ts). */
const NOT_LOOKED_UP = 0xffffffff;

function stringWriter(def: PropertyDef): ColumnWriter {
  const col: StringColumn = { kind: 'string', name: def.name, type: def.type, known: emptyBitset(0), codes: new Uint32Array(1024), dict: dictFromEntries(['']) };
  // Distinct values while building, joined into one StringDict at the end: compact unless seeded.
  let strings: DictBuilder = new CompactDictBuilder();
  let seededFrom: StringColumn['dict'] | undefined;
  let copiedFrom: StringColumn['dict'] | undefined;
  let newCodeOf = new Uint32Array(0);
  // Each distinct value of a source that was not seeded is looked up once: its new code is remembered per source code.
  const copyOne = (row: number, source: StringColumn, fromRow: number): void => {
    const code = source.codes[fromRow];
    if (code === 0) return;
    if (copiedFrom !== source.dict) {
      copiedFrom = source.dict;
      newCodeOf = new Uint32Array(source.dict.size).fill(NOT_LOOKED_UP);
    }
    if (newCodeOf[code] === NOT_LOOKED_UP) newCodeOf[code] = isUnknownValue(dictEntry(source.dict, code)) ? 0 : strings.codeFor(dictEntry(source.dict, code));
    col.codes[row] = newCodeOf[code];
  };
  return {
    column: col,
    write(row, raw) {
      col.codes = grown(col.codes, row + 1);
      if (isUnknownValue(raw)) return;
      col.codes[row] = strings.codeFor(raw);
    },
    reserve(rows) {
      col.codes = reservedTo(col.codes, rows);
    },
    seed(from) {
      if (strings.size > 1) return;
      seededFrom = (from as StringColumn).dict;
      strings = new MapDictBuilder(seededFrom);
    },
    copy(row, from, fromRow, count) {
      const source = from as StringColumn;
      col.codes = grown(col.codes, row + count);
      if (source.dict === seededFrom) {
        col.codes.set(source.codes.subarray(fromRow, fromRow + count), row);
        return;
      }
      for (let k = 0; k < count; k++) copyOne(row + k, source, fromRow + k);
    },
    finish(size) {
      const released = shrunk(col.codes, (col.codes = exactly(col.codes, size))) + strings.tableBytes;
      col.dict = strings.finish(col.codes);
      indexDict(col.dict);
      seededFrom = undefined;
      col.known = emptyBitset(size);
      for (let r = 0; r < size; r++) if (col.codes[r] !== 0) setBit(col.known, r);
      return released;
    },
  };
}

function numberWriter(def: PropertyDef, kind: 'number' | 'date'): ColumnWriter {
  const col = { kind, name: def.name, type: def.type, known: emptyBitset(0), values: new Float64Array(1024).fill(NaN) };
  return {
    column: col,
    write(row, raw) {
      col.values = grown(col.values, row + 1, NaN);
      if (isUnknownValue(raw)) return;
      col.values[row] = kind === 'number' ? parseNumber(raw) : parseInstant(raw);
    },
    reserve(rows) {
      col.values = reservedTo(col.values, rows, NaN);
    },
    copy(row, from, fromRow, count) {
      col.values = grown(col.values, row + count, NaN);
      col.values.set((from as NumberColumn).values.subarray(fromRow, fromRow + count), row);
    },
    finish(size) {
      const released = shrunk(col.values, (col.values = exactly(col.values, size)));
      col.known = emptyBitset(size);
      for (let r = 0; r < size; r++) if (!Number.isNaN(col.values[r])) setBit(col.known, r);
      return released;
    },
  };
}

function boolWriter(def: PropertyDef): ColumnWriter {
  let state = new Uint8Array(1024); // 0 unknown, 1 false, 2 true
  const col = { kind: 'bool' as const, name: def.name, type: def.type, known: emptyBitset(0), trues: emptyBitset(0) };
  return {
    column: col,
    write(row, raw) {
      state = grown(state, row + 1);
      const b = isUnknownValue(raw) ? undefined : parseBoolean(raw);
      if (b !== undefined) state[row] = b ? 2 : 1;
    },
    reserve(rows) {
      state = reservedTo(state, rows);
    },
    copy(row, from, fromRow, count) {
      state = grown(state, row + count);
      const source = from as BoolColumn;
      for (let k = 0; k < count; k++) if (hasBit(source.known, fromRow + k)) state[row + k] = hasBit(source.trues, fromRow + k) ? 2 : 1;
    },
    finish(size) {
      col.known = emptyBitset(size);
      col.trues = emptyBitset(size);
      for (let r = 0; r < size; r++) {
        if (state[r] !== 0) setBit(col.known, r);
        if (state[r] === 2) setBit(col.trues, r);
      }
      const released = state.byteLength;
      state = new Uint8Array(0);
      return released;
    },
  };
}

function enumWriter(def: PropertyDef): ColumnWriter {
  const col: EnumColumn = { kind: 'enumeration', name: def.name, type: def.type, known: emptyBitset(0), options: [], bits: [], counts: new Uint8Array(1024) };
  const optionIndex = new Map<string, number>();
  let capacityWords = wordsFor(1024);
  const optionBits = (value: string): Uint32Array => {
    let i = optionIndex.get(value);
    if (i === undefined) {
      i = col.options.length;
      optionIndex.set(value, i);
      col.options.push(value);
      col.bits.push(new Uint32Array(capacityWords));
    }
    return col.bits[i];
  };
  const ensureRows = (rows: number): void => {
    if (wordsFor(rows) > capacityWords) {
      while (wordsFor(rows) > capacityWords) capacityWords *= 2;
      col.bits = col.bits.map((b) => grown(b, capacityWords));
    }
    col.counts = grown(col.counts, rows);
  };
  return {
    column: col,
    write(row, raw) {
      ensureRows(row + 1);
      if (isUnknownValue(raw)) return;
      const set = parseEnumeration(raw);
      for (const value of set) setBit(optionBits(value), row);
      col.counts[row] = Math.min(set.length, 255);
    },
    reserve: ensureRows,
    copy(row, from, fromRow, count) {
      const source = from as EnumColumn;
      ensureRows(row + count);
      col.counts.set(source.counts.subarray(fromRow, fromRow + count), row);
      // Option by option, bit by bit: no value is spelled out and parsed again.
      for (let i = 0; i < source.options.length; i++) {
        const bits = source.bits[i];
        let target: Uint32Array | undefined;
        for (let k = 0; k < count; k++) if (hasBit(bits, fromRow + k)) setBit((target ??= optionBits(source.options[i])), row + k);
      }
    },
    finish(size) {
      let released = 0;
      col.bits = col.bits.map((b) => {
        const kept = exactly(b, wordsFor(size));
        released += shrunk(b, kept);
        return kept;
      });
      released += shrunk(col.counts, (col.counts = exactly(col.counts, size)));
      col.known = emptyBitset(size);
      for (let r = 0; r < size; r++) if (col.counts[r] !== 0) setBit(col.known, r);
      return released;
    },
  };
}

/** The bytes `before` held when `exactly` gave another array (a copy at the right size): `before` is garbage now. */
function shrunk(before: ArrayBufferView, after: ArrayBufferView): number {
  return before === after ? 0 : before.byteLength;
}

/** Build a store from records in memory (tests, JSON sources). */
/** Every property of the deals and tickets a record may carry (a file's records bring whatever they have). */
export function associatedDefs(schema: Schema): Partial<Record<'deals' | 'tickets', PropertyDef[]>> {
  return { deals: [...propertiesOf(schema, 'deals').values()], tickets: [...propertiesOf(schema, 'tickets').values()] };
}

export function buildStore(records: Iterable<ContactRecord>, defs: PropertyDef[], companyDefs: PropertyDef[] = [], otherDefs: Partial<Record<'deals' | 'tickets', PropertyDef[]>> = {}): ColumnStore {
  const b = new StoreBuilder(defs, companyDefs, otherDefs);
  for (const r of records) b.add(r);
  return b.finish();
}
