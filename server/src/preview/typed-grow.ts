// Typed arrays that grow while a store or index is built, before its size is known: doubled (or to what
// is needed, if more), the old elements copied, new ones zero unless `fill` says. One helper for the
// builders that had a copy each (columns-build, columns-associations, history-table, bitset's RowBits,
// the submissions' pairs); numbers pushed one by one (PushList) and per-row lists (RowLists) on top.

type Growable = Uint32Array | Float64Array | Uint8Array;

/** `a` when it holds `need` elements already, else a copy at least twice as long. */
export function grown<T extends Growable>(a: T, need: number, fill?: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  if (fill !== undefined) next.fill(fill, a.length);
  next.set(a);
  return next;
}

/** `a` when it holds `rows` elements already, else a copy of exactly `rows` (a builder told how many are coming: `exactly` then keeps it). */
export function reservedTo<T extends Growable>(a: T, rows: number, fill?: number): T {
  if (rows <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(rows);
  if (fill !== undefined) next.fill(fill, a.length);
  next.set(a);
  return next;
}

/** `a` cut to `size` elements: `a` itself when it has exactly that many (a builder reserved the right size), so no second copy is made. */
export function exactly<T extends Growable>(a: T, size: number): T {
  return a.length === size ? a : (a.slice(0, size) as T);
}

/**
 * Numbers pushed one by one (a builder's per-entry codes, rows, timestamps) into a typed array that
 * grows by `grown`: a JS array of numbers took 8 bytes an element and left its outgrown copies in V8's
 * large-object space until a full collection (issue 15).
 */
export class PushList<T extends Uint32Array | Float64Array> {
  private items: T;
  length = 0;

  constructor(make: (n: number) => T) {
    this.items = make(256);
  }

  /** Room for `count` numbers at once, when the caller knows how many are coming (no doubling; `finish` then copies nothing). */
  reserve(count: number): void {
    this.items = reservedTo(this.items, count);
  }

  push(value: number): void {
    this.items = grown(this.items, this.length + 1);
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index];
  }

  /** The numbers pushed, in an array of exactly their count (the list's own array when it is full: push no more after). */
  finish(): T {
    return exactly(this.items, this.length);
  }
}

/** Entries appended row by row (rows in order), turned into compressed-row offsets at the end. */
export class RowLists {
  readonly rows = new PushList((n) => new Uint32Array(n));

  offsets(size: number): Uint32Array {
    const offsets = new Uint32Array(size + 1);
    for (let k = 0; k < this.rows.length; k++) offsets[this.rows.at(k) + 1]++;
    for (let r = 0; r < size; r++) offsets[r + 1] += offsets[r];
    return offsets;
  }
}
