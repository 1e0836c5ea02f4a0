// Per-row lists of small records a source may load besides properties: subscription statuses,
// marketing email events, page views. Each entry is a few text fields (interned: one string table
// per store) and an optional timestamp, in compressed-row form like form submissions; `loaded`
// marks the rows whose record carried the list at all (a row without it is unknown, never empty).

import type { Bitset } from './bitset';
import { RowBits } from './bitset';
import { PushList, RowLists } from './typed-grow';

export interface EntryStore {
  loaded: Bitset;
  /** Row r's entries are [offsets[r], offsets[r+1]). */
  offsets: Uint32Array;
  /** One array per field: the code of the field's text in `strings`, per entry (0 = no text). */
  fields: Uint32Array[];
  /** Entry 0 is '' (no text). */
  strings: string[];
  /** Epoch ms per entry; NaN when the entry has no time. */
  timestamps: Float64Array;
}

export class EntryBuilder {
  private readonly loadedRows = new RowBits();
  private readonly lists = new RowLists();
  private readonly fields: PushList<Uint32Array>[];
  private readonly timestamps = new PushList((n) => new Float64Array(n));
  private readonly strings: string[] = [''];
  private readonly codeOf = new Map<string, number>([['', 0]]);

  constructor(private readonly fieldCount: number) {
    this.fields = Array.from({ length: fieldCount }, () => new PushList((n) => new Uint32Array(n)));
  }

  /** The row's whole list (call once per row that carries it, rows in order). */
  add(row: number, entries: { texts: (string | undefined)[]; timestamp?: number }[]): void {
    this.loadedRows.set(row);
    for (const e of entries) {
      this.lists.rows.push(row);
      for (let f = 0; f < this.fieldCount; f++) this.fields[f].push(this.code(e.texts[f] ?? ''));
      this.timestamps.push(e.timestamp ?? NaN);
    }
  }

  code(text: string): number {
    let c = this.codeOf.get(text);
    if (c === undefined) {
      c = this.strings.length;
      this.strings.push(text);
      this.codeOf.set(text, c);
    }
    return c;
  }

  /** undefined when no record carried the list. */
  finish(size: number): EntryStore | undefined {
    if (this.loadedRows.count === 0) return undefined;
    return {
      loaded: this.loadedRows.finish(size),
      offsets: this.lists.offsets(size),
      fields: this.fields.map((f) => f.finish()),
      strings: this.strings,
      timestamps: this.timestamps.finish(),
    };
  }
}

/** The code of `text` in the store's strings, or -1 when no entry has it. */
export function codeOf(store: EntryStore, text: string): number {
  return store.strings.indexOf(text);
}

/** Row r's entries as their texts and timestamps (explain, the reference interpreter's view). */
export function entriesAt(store: EntryStore, row: number): { texts: string[]; timestamp: number }[] {
  const out: { texts: string[]; timestamp: number }[] = [];
  for (let k = store.offsets[row]; k < store.offsets[row + 1]; k++) {
    out.push({ texts: store.fields.map((f) => store.strings[f[k]]), timestamp: store.timestamps[k] });
  }
  return out;
}
