// Builds a ColumnStore row by row from contact records (any source), keeping only the requested
// properties. Values are parsed with the same functions the reference interpreter uses
// (values.ts), so both evaluators see the same data; the sources report what did not parse.

import type { PropertyDef } from '../language/schema-types';
import { typeClassOf } from '../language/operators';
import { type Column, type ColumnStore, type EnumColumn, type StringColumn, columnKindFor, idColumn, newVersion } from './columns';
import { emptyBitset, setBit, wordsFor } from './bitset';
import { FormBuilder, HistoryBuilder, rowsBitset } from './columns-extras';
import { dictFromEntries, indexDict, narrowFirst } from './string-dict';
import type { CompanyRecord, ContactRecord } from './types';
import { isUnknownValue, parseBoolean, parseEnumeration, parseInstant, parseNumber } from './values';

type Raw = string | null | undefined;

interface ColumnWriter {
  column: Column;
  write(row: number, raw: Raw): void;
  /** Shrink buffers to `size` rows. */
  finish(size: number): void;
}

function grown<T extends Uint32Array | Float64Array | Uint8Array>(a: T, need: number, fill?: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  if (fill !== undefined) next.fill(fill, a.length);
  next.set(a);
  return next;
}

export class StoreBuilder {
  private size = 0;
  private readonly ids: string[] = [];
  private readonly writers: ColumnWriter[];
  private memberships: Map<string, number[]> | undefined;
  private companies: { builder: StoreBuilder; byId: Map<string, number>; links: number[][] } | undefined;
  private readonly history: HistoryBuilder;
  private readonly forms = new FormBuilder();

  constructor(
    private readonly defs: PropertyDef[],
    private readonly companyDefs: PropertyDef[] = [],
  ) {
    this.writers = defs.map(writerFor);
    this.history = new HistoryBuilder(defs.map((d) => d.name));
  }

  add(record: ContactRecord | CompanyRecord & Partial<ContactRecord>): void {
    const row = this.size++;
    this.ids.push(record.id);
    for (let i = 0; i < this.writers.length; i++) this.writers[i].write(row, record.properties[this.defs[i].name]);
    if (record.listMemberships) this.addMemberships(row, record.listMemberships);
    if (record.companies) this.addCompanies(row, record.companies);
    if (record.history) this.history.add(row, record.history);
    if (record.formSubmissions) this.forms.add(row, record.formSubmissions);
  }

  private addMemberships(row: number, listIds: string[]): void {
    this.memberships ??= new Map();
    for (const id of listIds) {
      let rows = this.memberships.get(id);
      if (!rows) this.memberships.set(id, (rows = []));
      rows.push(row);
    }
  }

  private addCompanies(row: number, companies: CompanyRecord[]): void {
    this.companies ??= { builder: new StoreBuilder(this.companyDefs), byId: new Map(), links: [] };
    const c = this.companies;
    const links = (c.links[row] ??= []);
    for (const company of companies) {
      let companyRow = c.byId.get(company.id);
      if (companyRow === undefined) {
        companyRow = c.byId.size;
        c.byId.set(company.id, companyRow);
        c.builder.add(company);
      }
      links.push(companyRow);
    }
  }

  finish(): ColumnStore {
    const size = this.size;
    for (const w of this.writers) w.finish(size);
    const memberships = this.memberships && new Map([...this.memberships].map(([id, rows]) => [id, rowsBitset(rows, size)]));
    return {
      version: newVersion(),
      size,
      ids: idColumn(this.ids),
      columns: new Map(this.writers.map((w) => [w.column.name, w.column])),
      memberships,
      associations: this.companies && this.finishAssociations(size),
      history: this.history.finish(size),
      forms: this.forms.finish(size),
    };
  }

  private finishAssociations(size: number) {
    const c = this.companies!;
    const offsets = new Uint32Array(size + 1);
    const rows: number[] = [];
    for (let r = 0; r < size; r++) {
      offsets[r] = rows.length;
      for (const companyRow of c.links[r] ?? []) rows.push(companyRow);
    }
    offsets[size] = rows.length;
    return { companies: c.builder.finish(), offsets, rows: Uint32Array.from(rows) };
  }
}

function writerFor(def: PropertyDef): ColumnWriter {
  const kind = columnKindFor(typeClassOf(def.type));
  if (kind === 'string') return stringWriter(def);
  if (kind === 'enumeration') return enumWriter(def);
  if (kind === 'bool') return boolWriter(def);
  return numberWriter(def, kind);
}

function stringWriter(def: PropertyDef): ColumnWriter {
  const col: StringColumn = { kind: 'string', name: def.name, type: def.type, known: emptyBitset(0), codes: new Uint32Array(1024), dict: dictFromEntries(['']) };
  // Distinct values while building; joined into one StringDict at the end.
  let entries: string[] = [''];
  let codeOf = new Map<string, number>();
  return {
    column: col,
    write(row, raw) {
      col.codes = grown(col.codes, row + 1);
      if (isUnknownValue(raw)) return;
      let code = codeOf.get(raw);
      if (code === undefined) {
        code = entries.length;
        entries.push(raw);
        codeOf.set(raw, code);
      }
      col.codes[row] = code;
    },
    finish(size) {
      col.codes = col.codes.slice(0, size);
      const reordered = narrowFirst(entries);
      if (reordered) for (let r = 0; r < size; r++) col.codes[r] = reordered.newCode[col.codes[r]];
      col.dict = dictFromEntries(reordered?.ordered ?? entries);
      indexDict(col.dict);
      entries = [];
      codeOf = new Map();
      col.known = emptyBitset(size);
      for (let r = 0; r < size; r++) if (col.codes[r] !== 0) setBit(col.known, r);
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
    finish(size) {
      col.values = col.values.slice(0, size);
      col.known = emptyBitset(size);
      for (let r = 0; r < size; r++) if (!Number.isNaN(col.values[r])) setBit(col.known, r);
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
    finish(size) {
      col.known = emptyBitset(size);
      col.trues = emptyBitset(size);
      for (let r = 0; r < size; r++) {
        if (state[r] !== 0) setBit(col.known, r);
        if (state[r] === 2) setBit(col.trues, r);
      }
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
  return {
    column: col,
    write(row, raw) {
      if (wordsFor(row + 1) > capacityWords) {
        capacityWords *= 2;
        col.bits = col.bits.map((b) => grown(b, capacityWords));
      }
      col.counts = grown(col.counts, row + 1);
      if (isUnknownValue(raw)) return;
      const set = parseEnumeration(raw);
      for (const value of set) setBit(optionBits(value), row);
      col.counts[row] = Math.min(set.length, 255);
    },
    finish(size) {
      col.bits = col.bits.map((b) => b.slice(0, wordsFor(size)));
      col.counts = col.counts.slice(0, size);
      col.known = emptyBitset(size);
      for (let r = 0; r < size; r++) if (col.counts[r] !== 0) setBit(col.known, r);
    },
  };
}

/** Build a store from records in memory (tests, JSON sources). */
export function buildStore(records: Iterable<ContactRecord>, defs: PropertyDef[], companyDefs: PropertyDef[] = []): ColumnStore {
  const b = new StoreBuilder(defs, companyDefs);
  for (const r of records) b.add(r);
  return b.finish();
}
