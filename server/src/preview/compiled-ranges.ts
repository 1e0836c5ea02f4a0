// Re-evaluating a number or date filter after its bound was edited (`hubspotscore > 20` → `> 21`)
// without a pass over the column: the new rows are the previous rows of the same property and shape
// with the rows flipped whose value lies between the old and the new bound. Those rows are found in
// a bucket index of the column (rows grouped by value range, a counting sort; made on the first such
// edit of the property), and each is compared exactly, so the result is the one a pass would give.

import type { PropertyFilter } from './plan-types';
import type { ColumnStore, NumberColumn } from './columns';
import type { Bitset } from './bitset';
import type { LeafResult } from './leaf-result';
import { closedBounds, valueInterval } from './compiled-leaves';
import { isHistoryOperator } from '../language/operators';
import { knownCount, rememberCount } from './compiled-funnel';

/**
 * Rows grouped by bucket of value: equal-width buckets between two quantiles of a sample (values
 * beyond them fall in the first or last bucket), so a row's bucket is arithmetic, not a search.
 */
export interface RangeIndex {
  /** bucket(v) = floor((v - origin) * scale) clamped to [0, BUCKETS - 1] (bucketOf): monotone in v. */
  origin: number;
  scale: number;
  /** bucket b's rows are rows[offsets[b] .. offsets[b + 1]). */
  offsets: Uint32Array;
  rows: Uint32Array;
  /**
   * Set when the column holds whole numbers of at most BUCKETS distinct values (scores, counts): bucket b
   * holds exactly the rows of value distinct[b], ascending. An edit then flips whole buckets, comparing no row's value.
   */
  distinct?: Float64Array;
}

const BUCKETS = 4096;
const SAMPLE = 8192;
/** Beyond this share of the rows to compare, a pass over the column is as fast. */
const MAX_SHARE = 1 / 16;

const indexes = new WeakMap<Float64Array, RangeIndex>();

/** Whole-number columns with at most this many distinct values get a bucket per value (tests lower it to reach the other index). */
export const distinctIndexLimit = { max: BUCKETS };

function bucketOf(index: Pick<RangeIndex, 'origin' | 'scale'>, v: number): number {
  const x = (v - index.origin) * index.scale;
  // NaN (an infinite bound times the zero scale of a one-value column) goes to the first bucket, as
  // everything below it: every row is then in that one bucket.
  return x >= BUCKETS - 1 ? BUCKETS - 1 : x > 0 ? Math.floor(x) : 0;
}

/** Origin and scale from the 0.5% and 99.5% quantiles of a sample, so that a few outliers do not squeeze every row into one bucket. */
function scaleOf(values: Float64Array): Pick<RangeIndex, 'origin' | 'scale'> {
  const sample: number[] = [];
  const step = Math.max(1, Math.floor(values.length / SAMPLE));
  for (let r = 0; r < values.length; r += step) if (Number.isFinite(values[r])) sample.push(values[r]);
  sample.sort((a, b) => a - b);
  if (sample.length === 0) return { origin: 0, scale: 0 };
  const lo = sample[Math.floor(sample.length * 0.005)];
  const hi = sample[Math.floor(sample.length * 0.995)];
  return { origin: lo, scale: hi > lo ? BUCKETS / (hi - lo) : 0 };
}

/** The column's bucket index (rows without a value are in none), made once per column: two passes. */
export function rangeIndex(values: Float64Array): RangeIndex {
  const known = indexes.get(values);
  if (known) return known;
  const index = distinctIndex(values) ?? bucketIndex(values);
  indexes.set(values, index);
  return index;
}

/** Whole values spanning at most this many: counted in a table indexed by value (256 KB at most). */
const MAX_SPAN = 1 << 16;

/** The smallest and largest value when every value is a whole number spanning at most MAX_SPAN, else undefined. */
function wholeSpan(values: Float64Array): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (v !== v) continue;
    if (Math.floor(v) !== v) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
    if (max - min > MAX_SPAN) return undefined;
  }
  return min <= max ? { min, max } : undefined;
}

/**
 * One bucket per distinct value (a counting sort by value), for whole-number columns of few distinct
 * values (scores, counts): three passes over the column through a table indexed by value.
 */
function distinctIndex(values: Float64Array): RangeIndex | undefined {
  const span = wholeSpan(values);
  if (!span) return undefined;
  const { min } = span;
  const perValue = new Uint32Array(span.max - min + 1);
  for (let r = 0; r < values.length; r++) if (values[r] === values[r]) perValue[values[r] - min]++;
  const present: number[] = [];
  for (let k = 0; k < perValue.length; k++) if (perValue[k] > 0) present.push(k);
  if (present.length > distinctIndexLimit.max) return undefined;
  // perValue becomes the next free slot of each value's bucket.
  const offsets = new Uint32Array(present.length + 1);
  const distinct = new Float64Array(present.length);
  present.forEach((k, b) => {
    distinct[b] = k + min;
    offsets[b + 1] = offsets[b] + perValue[k];
    perValue[k] = offsets[b];
  });
  const rows = new Uint32Array(offsets[present.length]);
  for (let r = 0; r < values.length; r++) if (values[r] === values[r]) rows[perValue[values[r] - min]++] = r;
  return { origin: 0, scale: 0, offsets, rows, distinct };
}

/** Equal-width buckets of value ranges, for columns of many distinct values. */
function bucketIndex(values: Float64Array): RangeIndex {
  const scaled = scaleOf(values);
  const offsets = new Uint32Array(BUCKETS + 1);
  // `v === v`: the row has a value (not NaN). Buckets are computed twice rather than kept per row:
  // the arithmetic is cheaper than 2 MB more at the engine's peak.
  for (let r = 0; r < values.length; r++) if (values[r] === values[r]) offsets[bucketOf(scaled, values[r]) + 1]++;
  for (let b = 0; b < BUCKETS; b++) offsets[b + 1] += offsets[b];
  const next = offsets.slice(0, BUCKETS);
  const rows = new Uint32Array(offsets[BUCKETS]);
  for (let r = 0; r < values.length; r++) if (values[r] === values[r]) rows[next[bucketOf(scaled, values[r])]++] = r;
  return { ...scaled, offsets, rows };
}

/** Bucket ranges [first, last] covering the values in [a, b] (a <= b); first > last when no distinct value lies there. */
function bucketsOf(index: RangeIndex, a: number, b: number): [number, number] {
  if (index.distinct) return [firstAtLeast(index.distinct, a), firstAtLeast(index.distinct, b, true) - 1];
  return [bucketOf(index, a), bucketOf(index, b)];
}

/** The first position whose value is >= x (> x with `after`), by binary search. */
function firstAtLeast(sorted: Float64Array, x: number, after = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x || (after && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bucket ranges, disjoint, holding every value inside exactly one of [a1, b1] and [a2, b2] (each
 * possibly empty, a > b): around the two lower bounds and the two upper ones.
 */
function changedBuckets(index: RangeIndex, [a1, b1]: [number, number], [a2, b2]: [number, number]): [number, number][] {
  const spans: [number, number][] = [];
  if (a1 <= b1 && a2 <= b2 && a1 <= b2 && a2 <= b1) {
    // Overlapping: an end that did not move (`> 20` → `> 21` keeps +Infinity) changes no row.
    if (a1 !== a2) spans.push([Math.min(a1, a2), Math.max(a1, a2)]);
    if (b1 !== b2) spans.push([Math.min(b1, b2), Math.max(b1, b2)]);
  } else for (const [a, b] of [[a1, b1], [a2, b2]]) if (a <= b) spans.push([a, b]);
  const ranges = spans.map(([a, b]) => bucketsOf(index, a, b)).filter(([first, last]) => first <= last).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

interface Kept {
  bounds: [number, number];
  rows: Bitset;
}

/**
 * The last rows computed per property and filter shape (inside or outside an interval, with or
 * without contacts lacking a value), for the next edit of a bound. Belongs to one evaluator (one store).
 */
export class RangeMemo {
  private readonly kept = new Map<string, Kept>();

  /** The rows of `f` from the kept rows of its shape when few rows change, else from `compute` (a pass). */
  rows(f: PropertyFilter, store: ColumnStore, compute: () => LeafResult): LeafResult {
    const shape = rangeShape(f, store);
    if (!shape) return compute();
    const before = this.kept.get(shape.key);
    const rows = (before && flipped(before, shape.bounds, shape.column, store.size)) ?? compute();
    if (rows instanceof Uint32Array) this.kept.set(shape.key, { bounds: shape.bounds, rows });
    return rows;
  }

  clear(): void {
    this.kept.clear();
  }
}

/** The property, interval and flags of a plain number or date filter on a loaded column, else undefined. */
function rangeShape(f: PropertyFilter, store: ColumnStore): { key: string; bounds: [number, number]; column: NumberColumn } | undefined {
  if (f.propertyParser !== 'VALUE' || isHistoryOperator(f.operator) || f.pointRef || f.lowerRef || f.upperRef) return undefined;
  const col = store.columns.get(f.property);
  if (!col || (col.kind !== 'number' && col.kind !== 'date')) return undefined;
  const iv = valueInterval(f);
  if ('reason' in iv) return undefined;
  return { key: `${f.property}|${iv.outside}|${f.includeUnknown}`, bounds: closedBounds(iv), column: col };
}

/**
 * The kept rows with every row flipped whose value is inside one interval but not the other (the
 * same flip whether the shape keeps the inside or the outside; rows without a value are in neither).
 * Undefined when too many rows would be compared.
 */
function flipped(before: Kept, bounds: [number, number], { values, known }: NumberColumn, size: number): Bitset | undefined {
  const index = rangeIndex(values);
  const buckets = changedBuckets(index, before.bounds, bounds);
  const { offsets } = index;
  const compared = buckets.reduce((n, [first, last]) => n + offsets[last + 1] - offsets[first], 0);
  if (compared > size * MAX_SHARE) return undefined;
  const rows = before.rows.slice();
  let change = 0;
  for (const [first, last] of buckets) {
    if (index.distinct) change += flipBuckets(rows, index, first, last, known, before.bounds, bounds);
    else change += flipBetween(rows, index.rows, offsets[first], offsets[last + 1], values, known, before.bounds, bounds);
  }
  // The clause's count follows from the flips: no popcount of the new rows on each edit.
  const was = knownCount(before.rows);
  if (was !== undefined) rememberCount(rows, was + change);
  return rows;
}

/**
 * Flips, for the index rows [from, to), the bit of each row with a value inside exactly one of the two
 * intervals; returns the change in set bits. Plain locals only: this runs on an edit, often before the
 * engine has optimised it.
 */
function flipBetween(rows: Bitset, candidates: Uint32Array, from: number, to: number, values: Float64Array, known: Bitset, [min1, max1]: [number, number], [min2, max2]: [number, number]): number {
  let change = 0;
  for (let k = from; k < to; k++) {
    const r = candidates[k];
    const v = values[r];
    const bit = 1 << (r & 31);
    // Only rows with a value are judged by the interval (as the pass's `and` with `known`).
    if ((v >= min1 && v <= max1) !== (v >= min2 && v <= max2) && (known[r >>> 5] & bit) !== 0) {
      const word = rows[r >>> 5] ^ bit;
      rows[r >>> 5] = word;
      change += (word & bit) !== 0 ? 1 : -1;
    }
  }
  return change;
}

/** flipBetween for a distinct-value index: a bucket's value decides for all its rows. */
function flipBuckets(rows: Bitset, index: RangeIndex, first: number, last: number, known: Bitset, [min1, max1]: [number, number], [min2, max2]: [number, number]): number {
  const distinct = index.distinct as Float64Array;
  let change = 0;
  for (let b = first; b <= last; b++) {
    const v = distinct[b];
    if ((v >= min1 && v <= max1) === (v >= min2 && v <= max2)) continue;
    change += flipAll(rows, index.rows, index.offsets[b], index.offsets[b + 1], known);
  }
  return change;
}

/** Flips the bit of each index row in [from, to) that has a known value; returns the change in set bits. */
function flipAll(rows: Bitset, candidates: Uint32Array, from: number, to: number, known: Bitset): number {
  let change = 0;
  for (let k = from; k < to; k++) {
    const r = candidates[k];
    const bit = 1 << (r & 31);
    if ((known[r >>> 5] & bit) === 0) continue;
    const word = rows[r >>> 5] ^ bit;
    rows[r >>> 5] = word;
    change += (word & bit) !== 0 ? 1 : -1;
  }
  return change;
}
