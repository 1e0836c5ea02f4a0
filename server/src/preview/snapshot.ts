// A ColumnStore as one binary file (.hslist/cache/…), framed as chunk-file.ts says: a small JSON
// header, then every typed array as raw bytes, every string dictionary as its joined text (latin1,
// UTF-8, or UTF-16 for a lone surrogate) plus its starts array and its lower-cased form. Loading reads
// each array straight into its own typed array and each dictionary into ONE string.
//
// Magic "HSLSNAP8". Version 7 added the
// associated deals and tickets and each association's labels and loaded rows; version 8 each form
// submission's page (id and address): an older file is refused (and the live source fetches anew), never
// read as a store without them.

import { ChunkReader, ChunkWriter, type DictHeader, readChunkFile, writeChunkFile } from './chunk-file';
import type { AssociationIndex, Column, ColumnStore, FormStore, HistoryColumn, HistoryStore } from './columns';
import { idColumn } from './columns';

/** The file's first bytes, which say its format: a file of another format is read again from the source. */
export const SNAPSHOT_MAGIC = 'HSLSNAP8';
const MAGIC = SNAPSHOT_MAGIC;
const OLDER = /^HSLSNAP\d$/;
type ColumnHeader = Record<string, unknown> & { kind: Column['kind']; name: string; type: string };

interface StoreHeader {
  version: string;
  size: number;
  ids: { numeric: number } | { strings: number };
  columns: ColumnHeader[];
  memberships: [string, number][] | null;
  associations: AssociationHeader | null;
  otherAssociations: { deals?: AssociationHeader; tickets?: AssociationHeader } | null;
  history: { loaded: number; columns: [string, HistoryHeader][] } | null;
  forms: { loaded: number; offsets: number; forms: number; formIds: number; timestamps: number; pages: number; pageIds: number; urls: number; pageUrls: number } | null;
}

interface AssociationHeader {
  companies: StoreHeader;
  offsets: number;
  rows: number;
  primary: number;
  /** Per link, its labels joined by `;`: the count, and the chunk when there are any. */
  labels?: { count: number; chunk: number | null };
  loaded?: number;
}

interface HistoryHeader {
  offsets: number;
  codes: number;
  values: DictHeader;
  timestamps: number;
}

function columnHeader(c: Column, w: ChunkWriter): ColumnHeader {
  const base = { kind: c.kind, name: c.name, type: c.type, known: w.array(c.known) };
  switch (c.kind) {
    case 'string':
      return { ...base, codes: w.array(c.codes), dict: w.dict(c.dict) };
    case 'number':
    case 'date':
      return { ...base, values: w.array(c.values) };
    case 'bool':
      return { ...base, trues: w.array(c.trues) };
    case 'enumeration':
      return { ...base, options: c.options, bits: c.bits.map((b) => w.array(b)), counts: w.array(c.counts) };
  }
}

function storeHeader(s: ColumnStore, w: ChunkWriter): StoreHeader {
  return {
    version: s.version,
    size: s.size,
    ids: s.ids.numeric ? { numeric: w.array(s.ids.numeric) } : { strings: w.strings(s.ids.strings ?? []) },
    columns: [...s.columns.values()].map((c) => columnHeader(c, w)),
    memberships: s.memberships ? [...s.memberships].map(([id, b]) => [id, w.array(b)]) : null,
    associations: s.associations ? associationHeader(s.associations, w) : null,
    otherAssociations: s.otherAssociations
      ? Object.fromEntries(Object.entries(s.otherAssociations).filter(([, index]) => index !== undefined).map(([object, index]) => [object, associationHeader(index, w)]))
      : null,
    history: s.history ? { loaded: w.array(s.history.loaded), columns: [...s.history.columns].map(([name, h]) => [name, historyHeader(h, w)]) } : null,
    forms: s.forms ? formsHeader(s.forms, w) : null,
  };
}

/** `companies` names the records' store whatever the object (the field kept its first name). */
function associationHeader(a: AssociationIndex, w: ChunkWriter): AssociationHeader {
  return {
    companies: storeHeader(a.records, w), offsets: w.array(a.offsets), rows: w.array(a.rows), primary: w.array(a.primary),
    ...(a.labels ? { labels: { count: a.labels.length, chunk: a.labels.length > 0 ? w.strings(a.labels) : null } } : {}),
    ...(a.loaded ? { loaded: w.array(a.loaded) } : {}),
  };
}

function historyHeader(h: HistoryColumn, w: ChunkWriter): HistoryHeader {
  return { offsets: w.array(h.offsets), codes: w.array(h.codes), values: w.dict(h.values), timestamps: w.array(h.timestamps) };
}

function formsHeader(f: FormStore, w: ChunkWriter): NonNullable<StoreHeader['forms']> {
  return {
    loaded: w.array(f.loaded), offsets: w.array(f.offsets), forms: w.array(f.forms), formIds: w.strings(f.formIds), timestamps: w.array(f.timestamps),
    pages: w.array(f.pages), pageIds: w.strings(f.pageIds), urls: w.array(f.urls), pageUrls: w.strings(f.pageUrls),
  };
}

/** Write the store to `path` (atomically: a temporary file, then rename). */
export function writeSnapshot(store: ColumnStore, path: string): void {
  const w = new ChunkWriter();
  writeChunkFile(path, MAGIC, { store: storeHeader(store, w) }, w);
}

/** Read a snapshot, or say why the file is not one. */
export function readSnapshot(path: string): ColumnStore | { error: string } {
  return readChunkFile(path, { magic: MAGIC, older: OLDER, what: 'an hslist snapshot', again: 'load the contacts file again' }, (body: { store: StoreHeader }, r) => restoreStore(body.store, r));
}

function restoreColumn(h: ColumnHeader, r: ChunkReader): Column {
  const base = { name: h.name, type: h.type, known: r.array<Uint32Array>(h.known as number) };
  switch (h.kind) {
    case 'string':
      return { ...base, kind: 'string', codes: r.array(h.codes as number), dict: r.dict(h.dict as DictHeader) };
    case 'number':
    case 'date':
      return { ...base, kind: h.kind, values: r.array(h.values as number) };
    case 'bool':
      return { ...base, kind: 'bool', trues: r.array(h.trues as number) };
    case 'enumeration':
      return { ...base, kind: 'enumeration', options: h.options as string[], bits: (h.bits as number[]).map((b) => r.array(b)), counts: r.array(h.counts as number) };
  }
}

function restoreStore(h: StoreHeader, r: ChunkReader): ColumnStore {
  return {
    version: h.version,
    size: h.size,
    ids: idColumn('numeric' in h.ids ? r.array<Float64Array>(h.ids.numeric) : h.size === 0 ? [] : r.strings(h.ids.strings)),
    columns: new Map(h.columns.map((c) => [c.name, restoreColumn(c, r)])),
    memberships: h.memberships ? new Map(h.memberships.map(([id, i]) => [id, r.array<Uint32Array>(i)])) : undefined,
    associations: h.associations ? restoreAssociation(h.associations, r) : undefined,
    otherAssociations: h.otherAssociations ? restoreOthers(h.otherAssociations, r) : undefined,
    history: h.history ? restoreHistory(h.history, r) : undefined,
    forms: h.forms ? restoreForms(h.forms, r) : undefined,
  };
}

function restoreAssociation(h: AssociationHeader, r: ChunkReader): AssociationIndex {
  const index: AssociationIndex = { records: restoreStore(h.companies, r), offsets: r.array(h.offsets), rows: r.array(h.rows), primary: r.array(h.primary) };
  if (h.labels) index.labels = h.labels.chunk === null ? [] : r.strings(h.labels.chunk);
  if (index.labels && index.labels.length !== h.labels!.count) throw new Error('association labels do not match their count');
  if (h.loaded !== undefined) index.loaded = r.array<Uint32Array>(h.loaded);
  return index;
}

function restoreOthers(h: NonNullable<StoreHeader['otherAssociations']>, r: ChunkReader): ColumnStore['otherAssociations'] {
  const out: ColumnStore['otherAssociations'] = {};
  if (h.deals) out.deals = restoreAssociation(h.deals, r);
  if (h.tickets) out.tickets = restoreAssociation(h.tickets, r);
  return out;
}

function restoreHistory(h: NonNullable<StoreHeader['history']>, r: ChunkReader): HistoryStore {
  const column = (c: HistoryHeader): HistoryColumn => ({ offsets: r.array(c.offsets), codes: r.array(c.codes), values: r.dict(c.values), timestamps: r.array(c.timestamps) });
  return { loaded: r.array(h.loaded), columns: new Map(h.columns.map(([name, c]) => [name, column(c)])) };
}

function restoreForms(f: NonNullable<StoreHeader['forms']>, r: ChunkReader): FormStore {
  return {
    loaded: r.array(f.loaded), offsets: r.array(f.offsets), forms: r.array(f.forms), formIds: r.strings(f.formIds), timestamps: r.array(f.timestamps),
    pages: r.array(f.pages), pageIds: r.strings(f.pageIds), urls: r.array(f.urls), pageUrls: r.strings(f.pageUrls),
  };
}
