// The live source's property history in the cache (`hubspot-history.bin`), in the snapshot's binary
// framing (chunk-file.ts): the contacts' ids as numbers (HubSpot's record ids; a string list otherwise)
// and the entry values as a string list, the entries' value codes and timestamps and each property's
// per-contact ranges as typed arrays. HSLHIST1 held the ids as strings: such a file is fetched again. Reading it makes a few
// arrays, where the JSON file it replaces made an object per contact, property and entry first: for
// 100,000 contacts that raised a preview's RSS by 122 MB to hold 34 MB (bench/fetch.ts, issue 15).

import { ChunkWriter, readChunkFile, writeChunkFile, type ChunkReader } from '../chunk-file';
import { HistoryTable, type HistoryById } from './history-table';

const KIND = { magic: 'HSLHIST2', older: /^HSLHIST\d$/, what: 'an hslist history file', again: 'the contacts are fetched again' };

interface StringList {
  count: number;
  chunk: number | null;
}

interface HistoryHeader {
  /** Chunks of the ids and values, and how many of each (an empty list is no chunk); ids as a Float64Array when `numeric`. */
  ids: StringList & { numeric: boolean };
  values: StringList;
  codes: number;
  timestamps: number;
  properties: { name: string; starts: number; counts: number }[];
}

export function writeHistoryFile(path: string, history: HistoryById): void {
  const columns = HistoryTable.from(history).columns();
  const w = new ChunkWriter();
  const list = (items: string[]) => ({ count: items.length, chunk: items.length > 0 ? w.strings(items) : null });
  const { ids } = columns;
  const header: HistoryHeader = {
    ids: ids instanceof Float64Array ? { count: ids.length, chunk: w.array(ids), numeric: true } : { ...list(ids), numeric: false },
    values: list(columns.values),
    codes: w.array(columns.codes),
    timestamps: w.array(columns.timestamps),
    properties: columns.properties.map(({ name, starts, counts }) => ({ name, starts: w.array(starts), counts: w.array(counts) })),
  };
  writeChunkFile(path, KIND.magic, { history: header }, w);
}

/** The history the file holds, or why it cannot be read. */
export function readHistoryTable(path: string): HistoryTable | { error: string } {
  return readChunkFile(path, KIND, (body: { history: HistoryHeader }, r) => restore(body.history, r));
}

function restore(h: HistoryHeader, r: ChunkReader): HistoryTable {
  const list = <T extends string[] | Float64Array>(l: StringList, what: string, read: (chunk: number) => T, none: T): T => {
    const items = l.chunk === null ? none : read(l.chunk);
    if (items.length !== l.count) throw new Error(`${items.length} ${what} where the header says ${l.count}`);
    return items;
  };
  const strings = (l: StringList, what: string) => list<string[]>(l, what, (chunk) => r.strings(chunk), []);
  return HistoryTable.fromColumns({
    ids: h.ids.numeric ? list(h.ids, 'contact ids', (chunk) => r.array<Float64Array>(chunk), new Float64Array(0)) : strings(h.ids, 'contact ids'),
    values: strings(h.values, 'values'),
    codes: r.array<Uint32Array>(h.codes),
    timestamps: r.array<Float64Array>(h.timestamps),
    properties: h.properties.map((p) => ({ name: p.name, starts: r.array<Uint32Array>(p.starts), counts: r.array<Uint32Array>(p.counts) })),
  });
}
