// Typed arrays that grow while a store or index is built, before its size is known: doubled (or to what
// is needed, if more), the old elements copied, new ones zero unless `fill` says. One helper for the
// builders that had a copy each (columns-build, columns-associations, history-table, bitset's RowBits,
// the submissions' pairs).

type Growable = Uint32Array | Float64Array | Uint8Array;

/** `a` when it holds `need` elements already, else a copy at least twice as long. */
export function grown<T extends Growable>(a: T, need: number, fill?: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  if (fill !== undefined) next.fill(fill, a.length);
  next.set(a);
  return next;
}
