// The property history of the live source's contacts, held compactly. A full fetch asks for the
// history of the properties `has ever been` / `updated in last` read; kept as one object per contact,
// one array per property and one object per entry, a big portal's history is millions of small objects
// (its JSON file alone is about as big as the snapshot: 18.6 MB against 19.3 MB for the examples at
// 100k contacts). Here each entry is a value code (values interned once) and a timestamp in typed
// arrays; a contact's entries for a property are a (start, count) range of them.
// Records are made only when asked for (`get`), e.g. for the one contact `--explain` names.

import type { HistoryEntry } from '../types';
import { IdsBuilder } from '../id-builder';
import { grown } from '../typed-grow';

/** What the preview reads of contacts' history: a contact's entries by property, newest first. */
export interface HistoryById {
  get(id: string): Record<string, HistoryEntry[]> | undefined;
  entries(): IterableIterator<[string, Record<string, HistoryEntry[]>]>;
  readonly size: number;
}

/** One property's ranges, by contact slot; a count of 0 means "no history of it for this contact" (not "none"). */
interface PropertyRanges {
  starts: Uint32Array;
  /** The number of entries plus one, so that 0 can mean absent. */
  counts: Uint32Array;
}

/**
 * A table as plain arrays (the cache file, history-file.ts): contact `slot`'s entries of a property
 * are codes/timestamps[starts[slot] … starts[slot] + counts[slot] - 1), counts being one more than the
 * number of entries (0: no history of it).
 */
export interface HistoryColumns {
  /** Record ids as numbers (HubSpot's), else as strings. */
  ids: Float64Array | string[];
  /** Entry values; code 0 is null, code k is values[k - 1]. */
  values: string[];
  codes: Uint32Array;
  timestamps: Float64Array;
  properties: { name: string; starts: Uint32Array; counts: Uint32Array }[];
}

export class HistoryTable implements HistoryById {
  /**
   * Contacts by slot, as numbers while every id is a record id (a million id strings were 32 MB), found
   * by binary search while they arrive in id order, as a full fetch sets them (IdsBuilder).
   */
  private ids = new IdsBuilder();
  private readonly ranges = new Map<string, PropertyRanges>();
  /** Entry values: 0 for null, else 1 + the index in `values`. */
  private values: string[] = [];
  private readonly codeOf = new Map<string, number>();
  private codes: Uint32Array = new Uint32Array(1024);
  private timestamps: Float64Array = new Float64Array(1024);
  private used = 0;

  static from(history: HistoryById): HistoryTable {
    if (history instanceof HistoryTable) return history;
    const table = new HistoryTable();
    for (const [id, record] of history.entries()) table.set(id, record);
    return table;
  }

  get size(): number {
    return this.ids.length;
  }

  /** The table as arrays, each contact's entries once (those a replaced history left unused are dropped). */
  columns(): HistoryColumns {
    const slots = this.ids.length;
    let total = 0;
    for (const ranges of this.ranges.values()) for (let slot = 0; slot < Math.min(slots, ranges.counts.length); slot++) total += Math.max(0, ranges.counts[slot] - 1);
    const codes = new Uint32Array(total);
    const timestamps = new Float64Array(total);
    let used = 0;
    const properties = [...this.ranges].map(([name, ranges]) => {
      const starts = new Uint32Array(slots);
      const counts = new Uint32Array(slots);
      for (let slot = 0; slot < Math.min(slots, ranges.counts.length); slot++) {
        const count = ranges.counts[slot];
        if (count === 0) continue;
        const from = ranges.starts[slot];
        codes.set(this.codes.subarray(from, from + count - 1), used);
        timestamps.set(this.timestamps.subarray(from, from + count - 1), used);
        starts[slot] = used;
        counts[slot] = count;
        used += count - 1;
      }
      return { name, starts, counts };
    });
    return { ids: this.ids.copy(), values: this.values.slice(), codes, timestamps, properties };
  }

  /** A table of `columns` (taken over, not copied); an inconsistent one throws, naming what does not fit. */
  static fromColumns(columns: HistoryColumns): HistoryTable {
    const { ids, values, codes, timestamps, properties } = columns;
    if (codes.length !== timestamps.length) throw new Error(`${codes.length} value codes for ${timestamps.length} timestamps`);
    for (const code of codes) if (code > values.length) throw new Error(`value code ${code} past the ${values.length} values`);
    const table = new HistoryTable();
    const slots = IdsBuilder.of(ids);
    for (const { name, starts, counts } of properties) {
      if (starts.length !== ids.length || counts.length !== ids.length) throw new Error(`the ranges of ${name} are not one per contact`);
      for (let slot = 0; slot < ids.length; slot++) {
        if (counts[slot] > 0 && starts[slot] + counts[slot] - 1 > codes.length) throw new Error(`the entries of ${name} for ${slots.at(slot)} run past the end`);
      }
      table.ranges.set(name, { starts, counts });
    }
    table.ids = slots;
    table.values = values;
    values.forEach((value, i) => table.codeOf.set(value, i + 1));
    table.codes = codes;
    table.timestamps = timestamps;
    table.used = codes.length;
    return table;
  }

  /** Sets (or replaces) a contact's history; a replaced contact's old entries stay unused in the arrays. */
  set(id: string, record: Record<string, HistoryEntry[]>): void {
    let slot = this.ids.indexOf(id);
    if (slot < 0) {
      slot = this.ids.length;
      this.ids.push(id);
    }
    for (const ranges of this.ranges.values()) ranges.counts[slot] = 0;
    for (const [property, entries] of Object.entries(record)) this.setEntries(slot, property, entries);
  }

  get(id: string): Record<string, HistoryEntry[]> | undefined {
    const slot = this.slotFor(id);
    return slot === undefined ? undefined : this.recordAt(slot);
  }

  /** One property's entries for a contact (undefined when the contact or that property's history is missing). */
  entriesOf(id: string, property: string): HistoryEntry[] | undefined {
    const slot = this.slotFor(id);
    const ranges = this.ranges.get(property);
    if (slot === undefined || !ranges || slot >= ranges.counts.length || ranges.counts[slot] === 0) return undefined;
    return this.entriesAt(ranges, slot);
  }

  *entries(): IterableIterator<[string, Record<string, HistoryEntry[]>]> {
    for (let slot = 0; slot < this.ids.length; slot++) yield [this.ids.at(slot), this.recordAt(slot)];
  }

  private slotFor(id: string): number | undefined {
    const slot = this.ids.indexOf(id);
    return slot < 0 ? undefined : slot;
  }

  private setEntries(slot: number, property: string, entries: HistoryEntry[]): void {
    const ranges = this.rangesFor(property, slot + 1);
    ranges.starts[slot] = this.used;
    ranges.counts[slot] = entries.length + 1;
    this.codes = grown(this.codes, this.used + entries.length);
    this.timestamps = grown(this.timestamps, this.used + entries.length);
    for (const e of entries) {
      this.codes[this.used] = this.code(e.value);
      this.timestamps[this.used] = e.timestamp;
      this.used++;
    }
  }

  private rangesFor(property: string, slots: number): PropertyRanges {
    let ranges = this.ranges.get(property);
    if (!ranges) this.ranges.set(property, (ranges = { starts: new Uint32Array(1024), counts: new Uint32Array(1024) }));
    ranges.starts = grown(ranges.starts, slots);
    ranges.counts = grown(ranges.counts, slots);
    return ranges;
  }

  private code(value: string | null): number {
    if (value === null) return 0;
    let code = this.codeOf.get(value);
    if (code === undefined) {
      this.values.push(value);
      this.codeOf.set(value, (code = this.values.length));
    }
    return code;
  }

  private recordAt(slot: number): Record<string, HistoryEntry[]> {
    const record: Record<string, HistoryEntry[]> = {};
    for (const [property, ranges] of this.ranges) {
      if (slot < ranges.counts.length && ranges.counts[slot] > 0) record[property] = this.entriesAt(ranges, slot);
    }
    return record;
  }

  private entriesAt(ranges: PropertyRanges, slot: number): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    const start = ranges.starts[slot];
    for (let k = start; k < start + ranges.counts[slot] - 1; k++) out.push({ value: this.codes[k] === 0 ? null : this.values[this.codes[k] - 1], timestamp: this.timestamps[k] });
    return out;
  }
}

/** A contact's entries for one property, without making its whole record when the history is a table. */
export function historyOf(history: HistoryById, id: string, property: string): HistoryEntry[] | undefined {
  return history instanceof HistoryTable ? history.entriesOf(id, property) : history.get(id)?.[property];
}
