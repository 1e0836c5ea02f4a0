// A store's contact ids while its rows are added. HubSpot's record ids are numbers, and a finished
// store keeps them as a Float64Array (idColumn); kept as a string each until then, a million ids took
// 32 MB more at a live fetch's peak (issue 15). So they are numbers from the start, and become strings
// only when an id that is not a record id arrives (a file source may name contacts any way).

import { type IdColumn, NUMERIC_ID, idColumn } from './columns';

export class IdsBuilder {
  private numbers: Float64Array | undefined = new Float64Array(1024);
  private strings: string[] | undefined;
  private size = 0;

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
      return;
    }
    this.asStrings().push(id);
    this.size++;
  }

  /** Ids `from…from+count` of a finished store's column, as numbers when both hold numbers. */
  pushFrom(ids: IdColumn, from: number, count: number): void {
    if (this.numbers && ids.numeric) {
      this.reserve(Math.max(this.size + count, Math.min(this.size * 2, this.size + ids.length)));
      this.numbers.set(ids.numeric.subarray(from, from + count), this.size);
      this.size += count;
      return;
    }
    for (let k = 0; k < count; k++) this.push(ids.at(from + k));
  }

  finish(): IdColumn {
    if (this.numbers) return idColumn(this.numbers.length === this.size ? this.numbers : this.numbers.slice(0, this.size));
    return idColumn(this.strings!);
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

function resized(a: Float64Array, length: number): Float64Array {
  const next = new Float64Array(length);
  next.set(a.subarray(0, Math.min(a.length, length)));
  return next;
}
