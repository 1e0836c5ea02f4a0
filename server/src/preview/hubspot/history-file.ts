// The live source's property history in the cache (`hubspot-history.bin`), in the snapshot's binary
// framing (chunk-file.ts): the contacts' ids and the entry values as string lists, the entries' value
// codes and timestamps and each property's per-contact ranges as typed arrays. Reading it makes a few
// arrays, where the JSON file it replaces made an object per contact, property and entry first: for
// 100,000 contacts that raised a preview's RSS by 122 MB to hold 34 MB (bench/fetch.ts, issue 15).

import { ChunkWriter, readChunkFile, writeChunkFile, type ChunkReader } from '../chunk-file';
import { HistoryTable, type HistoryById } from './history-table';

const KIND = { magic: 'HSLHIST1', older: /^HSLHIST\d$/, what: 'an hslist history file', again: 'the contacts are fetched again' };

interface HistoryHeader {
  /** Chunks of the ids and values, and how many of each (an empty list is no chunk). */
  ids: { count: number; chunk: number | null };
  values: { count: number; chunk: number | null };
  codes: number;
  timestamps: number;
  properties: { name: string; starts: number; counts: number }[];
}

export function writeHistoryFile(path: string, history: HistoryById): void {
  const columns = HistoryTable.from(history).columns();
  const w = new ChunkWriter();
  const list = (items: string[]) => ({ count: items.length, chunk: items.length > 0 ? w.strings(items) : null });
  const header: HistoryHeader = {
    ids: list(columns.ids),
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
  const list = (l: HistoryHeader['ids'], what: string): string[] => {
    const items = l.chunk === null ? [] : r.strings(l.chunk);
    if (items.length !== l.count) throw new Error(`${items.length} ${what} where the header says ${l.count}`);
    return items;
  };
  return HistoryTable.fromColumns({
    ids: list(h.ids, 'contact ids'),
    values: list(h.values, 'values'),
    codes: r.array<Uint32Array>(h.codes),
    timestamps: r.array<Float64Array>(h.timestamps),
    properties: h.properties.map((p) => ({ name: p.name, starts: r.array<Uint32Array>(p.starts), counts: r.array<Uint32Array>(p.counts) })),
  });
}
