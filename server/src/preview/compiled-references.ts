// PROPERTY_REFERENCED time points over the store: another property's value (its column) or the time
// of its last update (its history), per row. A row whose other property has no value, or was never
// updated, fails the comparison (docs/language.md, Assumed); a row whose history was not loaded may
// match (the reference interpreter's `unknown`).

import type { PropertyFilter, TimeRef } from './plan-types';
import { timeRefs } from './plan-types';
import type { ColumnStore } from './columns';
import { type Bitset, andNot, emptyBitset, or, setBit } from './bitset';
import type { LeafResult } from './leaf-result';

type Rows = Bitset | { reason: string };

/** Per-row instants of a referenced property (NaN: no value, never updated). */
function referenceValues(ref: TimeRef, store: ColumnStore): Float64Array | { reason: string } {
  if (!ref.updated) {
    const col = store.columns.get(ref.property);
    if (!col || (col.kind !== 'date' && col.kind !== 'number')) return { reason: `property "${ref.property}" is not loaded as a date` };
    return col.values;
  }
  const column = store.history?.columns.get(ref.property);
  if (!column) return { reason: `property history for "${ref.property}" is not loaded` };
  const out = new Float64Array(store.size).fill(NaN);
  for (let r = 0; r < store.size; r++) {
    for (let k = column.offsets[r]; k < column.offsets[r + 1]; k++) {
      const t = column.timestamps[k];
      if (Number.isNaN(out[r]) || t > out[r]) out[r] = t;
    }
  }
  return out;
}

/** Rows whose value `vs[r]` passes the TIME_POINT / TIME_RANGED with its referenced bounds read per row. */
export function referencedRows(f: PropertyFilter, vs: Float64Array, store: ColumnStore): Rows {
  const read = (ref: TimeRef | undefined): Float64Array | number | { reason: string } => (ref ? referenceValues(ref, store) : NaN);
  const point = read(f.pointRef);
  const lower = read(f.lowerRef);
  const upper = read(f.upperRef);
  for (const x of [point, lower, upper]) if (typeof x === 'object' && !(x instanceof Float64Array)) return x;
  const at = (x: Float64Array | number, fixed: number, r: number) => (x instanceof Float64Array ? x[r] : fixed);
  const out = emptyBitset(store.size);
  for (let r = 0; r < store.size; r++) {
    const v = vs[r];
    let hit: boolean;
    if (f.operationType === 'TIME_POINT') {
      const t = at(point as Float64Array | number, f.timePoint, r);
      hit = f.operator === 'IS_AFTER' ? (f.inclusive ? v >= t : v > t) : f.inclusive ? v <= t : v < t;
    } else {
      const lo = at(lower as Float64Array | number, f.lowerBound, r);
      const hi = at(upper as Float64Array | number, f.upperBound, r);
      if (Number.isNaN(lo) || Number.isNaN(hi)) continue;
      const inside = (f.lowerInclusive ? v >= lo : v > lo) && (f.upperInclusive ? v <= hi : v < hi);
      hit = f.operator === 'IS_BETWEEN' ? inside : !inside;
    }
    if (hit) setBit(out, r);
  }
  return out;
}

/**
 * A filter on a property's value that reads another property's last update: rows with a value whose
 * history was not loaded may match but are not known to.
 */
export function withPendingHistory(f: PropertyFilter, result: LeafResult, known: Bitset, store: ColumnStore): LeafResult {
  if (!timeRefs(f).some((r) => r.updated) || f.propertyParser === 'UPDATED_AT' || !(result instanceof Uint32Array)) return result;
  const pending = store.history ? andNot(known, store.history.loaded) : known.slice();
  return { lo: andNot(result, pending), hi: or(result, pending) };
}
