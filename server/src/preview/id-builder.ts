// Contact ids while they are added: a store's rows (StoreBuilder), a history table's slots
// (history-table.ts). HubSpot's record ids are numbers, and a finished store keeps them as a
// Float64Array (idColumn); kept as a string each until then, a million ids took 32 MB more at a live
// fetch's peak (issue 15). So they are numbers from the start, and become strings only when an id that
// is not a record id arrives (a file source may name contacts any way).

import { type IdColumn, NUMERIC_ID, binarySearch, idColumn } from './columns';

/** HubSpot record ids in numeric order (shorter first, then by text). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export class IdsBuilder {
  private numbers: Float64Array | undefined = new Float64Array(1024);
  private strings: string[] | undefined;
  private size = 0;
  /** Every id so far sorts after the one before it (compareIds: numeric order for record ids), so `indexOf` is a binary search. */
  private ascending = true;
  /** Id → its first index, made by the first `indexOf` once the ids are not ascending. */
  private index: Map<string, number> | undefined;

  /** Ids as a finished column holds them (numbers or strings), taken over, not copied. */
  static of(ids: Float64Array | string[]): IdsBuilder {
    const b = new IdsBuilder();
    if (ids instanceof Float64Array) b.numbers = ids;
    else [b.numbers, b.strings] = [undefined, ids];
    b.size = ids.length;
    for (let i = 1; i < b.size && b.ascending; i++) b.ascending = b.compareAt(i - 1, i) < 0;
    return b;
  }

  get length(): number {
    return this.size;
  }

  /** Room for `rows` ids at once (the fetch knows how many contacts are coming). */
  reserve(rows: number): void {
    if (this.numbers && rows > this.numbers.length) this.numbers = resized(this.numbers, rows);
  }

  push(id: string): void {
    if (this.numbers && NUMERIC_ID.test(id)) {
      if (this.size === this.numbers.length) this.numbers = resized(this.numbers, this.size * 2);
      this.numbers[this.size++] = Number(id);
    } else {
      this.asStrings().push(id);
      this.size++;
    }
    this.pushed();
  }

  /** Ids `from…from+count` of a finished store's column, as numbers when both hold numbers. */
  pushFrom(ids: IdColumn, from: number, count: number): void {
    if (!this.numbers || !ids.numeric) {
      for (let k = 0; k < count; k++) this.push(ids.at(from + k));
      return;
    }
    this.reserve(Math.max(this.size + count, Math.min(this.size * 2, this.size + ids.length)));
    for (let k = 0; k < count; k++) {
      this.numbers[this.size++] = ids.numeric[from + k];
      this.pushed();
    }
  }

  at(i: number): string {
    return this.numbers ? String(this.numbers[i]) : this.strings![i];
  }

  /** The first index of `id`, or -1. */
  indexOf(id: string): number {
    if (!this.ascending) {
      if (!this.index) {
        this.index = new Map();
        for (let i = this.size - 1; i >= 0; i--) this.index.set(this.at(i), i);
      }
      return this.index.get(id) ?? -1;
    }
    if (this.numbers) return NUMERIC_ID.test(id) ? binarySearch(this.numbers.subarray(0, this.size), Number(id)) : -1;
    return sortedIndexOf(this.strings!, id);
  }

  /** A copy of the ids as they are held, exactly as many (a file writes numbers or strings). */
  copy(): Float64Array | string[] {
    return this.numbers ? this.numbers.slice(0, this.size) : this.strings!.slice();
  }

  finish(): IdColumn {
    if (this.numbers) return idColumn(this.numbers.length === this.size ? this.numbers : this.numbers.slice(0, this.size));
    return idColumn(this.strings!);
  }

  /** After the id at `size - 1` was added: is it still in order, and the index (when there is one) knows it. */
  private pushed(): void {
    const last = this.size - 1;
    if (this.ascending && last > 0 && this.compareAt(last - 1, last) >= 0) this.ascending = false;
    if (this.index && !this.index.has(this.at(last))) this.index.set(this.at(last), last);
  }

  private compareAt(a: number, b: number): number {
    return this.numbers ? this.numbers[a] - this.numbers[b] : compareIds(this.strings![a], this.strings![b]);
  }

  /** From here on every id is a string (the numbers so far as they were spelled: canonical, so String gives them back). */
  private asStrings(): string[] {
    if (!this.strings) {
      this.strings = Array.from(this.numbers!.subarray(0, this.size), String);
      this.numbers = undefined;
    }
    return this.strings;
  }
}

/** The index of `id` in `ids`, ascending by compareIds (binary search), or -1. */
function sortedIndexOf(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareIds(ids[mid], id) < 0) low = mid + 1;
    else high = mid;
  }
  return low < ids.length && ids[low] === id ? low : -1;
}

function resized(a: Float64Array, length: number): Float64Array {
  const next = new Float64Array(length);
  next.set(a.subarray(0, Math.min(a.length, length)));
  return next;
}
