// One property filter evaluated over a column into a bitset. String operators run once per
// distinct dictionary entry, then a pass over the row codes; numbers and dates are one tight loop
// over a Float64Array; enumerations are word operations on per-option bitsets.

import type { PropertyFilter } from './plan-types';
import type { Column, ColumnStore, EnumColumn, NumberColumn, StringColumn } from './columns';
import { type Bitset, and, andInPlace, andNot, emptyBitset, not, or, orNotInPlace, setBit } from './bitset';
import { dictionaryMatches, rowsWithCodes } from './compiled-strings';
import { historyRows, updatedAtRows } from './compiled-history';
import type { LeafResult } from './leaf-result';
import { isHistoryOperator } from '../language/operators';
import { referencedRows, withPendingHistory } from './compiled-references';

type Rows = Bitset | { reason: string };

export function evaluateFilter(f: PropertyFilter, store: ColumnStore): LeafResult {
  if (isHistoryOperator(f.operator)) return historyRows(f, store, positiveRows);
  if (f.propertyParser === 'UPDATED_AT') return updatedAtRows(f, store, (vs) => numericRows(f, { values: vs }, store));
  const col = store.columns.get(f.property);
  if (!col) return { reason: `property "${f.property}" is not loaded` };
  if (f.operator === 'IS_KNOWN' || f.operator === 'IS_NOT_BLANK') return col.known.slice();
  if (f.operator === 'IS_UNKNOWN' || f.operator === 'IS_BLANK') return not(col.known, store.size);
  const positive = positiveRows(f, col, store);
  if (!(positive instanceof Uint32Array)) return positive;
  // Rows with a value judged by the operator; rows without one take the no-value flag. In place:
  // positiveRows always returns a fresh array, and fewer 125 KB arrays per clause means fewer GCs.
  andInPlace(positive, col.known);
  if (f.includeUnknown) orNotInPlace(positive, col.known, store.size);
  return withPendingHistory(f, positive, col.known, store);
}

/** Rows whose value satisfies the operator (only rows with a value matter to the caller); always a fresh array. */
export function positiveRows(f: PropertyFilter, col: Column, store: ColumnStore): Rows {
  switch (col.kind) {
    case 'string':
      return stringRows(f, col, store.size);
    case 'number':
    case 'date':
      return numericRows(f, col, store);
    case 'bool': {
      const wantTrue = (f.value === 1) === (f.operator === 'IS_EQUAL_TO');
      return wantTrue ? col.trues.slice() : andNot(col.known, col.trues);
    }
    case 'enumeration':
      return enumerationRows(f, col, store.size);
  }
}

function stringRows(f: PropertyFilter, col: StringColumn, size: number): Rows {
  if (f.operationType !== 'STRING' && f.operationType !== 'MULTISTRING') return { reason: `"${f.operator}" does not apply to text` };
  return rowsWithCodes(col, dictionaryMatches(col.dict, f.operator, f.values), size);
}

/**
 * A numeric filter as one interval of values: the rows with a value inside it pass (or, `outside`,
 * those with a value outside it). Strict bounds become the adjacent double (closedBounds), so one
 * comparison serves all four cases, here and where a re-evaluation compares values (compiled-ranges.ts).
 */
export interface ValueInterval {
  lo: number;
  loIncl: boolean;
  hi: number;
  hiIncl: boolean;
  outside: boolean;
}

/** [min, max] with both ends included, equal to the interval's. */
export function closedBounds(iv: ValueInterval): [number, number] {
  return [iv.loIncl ? iv.lo : nextUp(iv.lo), iv.hiIncl ? iv.hi : nextDown(iv.hi)];
}

/**
 * Rows with min <= v <= max. Branch-free (`&` of the two comparisons): on unsorted data a branch per row
 * mispredicts half the time and costs several times the loop itself.
 */
function rangeRows(values: Float64Array, size: number, [min, max]: [number, number]): Bitset {
  const out = emptyBitset(size);
  const full = size & ~31;
  for (let base = 0; base < full; base += 32) {
    let bits = 0;
    // Four rows a step: fewer loop iterations and independent comparisons (~30% faster at 1M rows).
    for (let j = 0; j < 32; j += 4) {
      const a = values[base + j];
      const b = values[base + j + 1];
      const c = values[base + j + 2];
      const d = values[base + j + 3];
      const four = (Number(a >= min) & Number(a <= max)) | ((Number(b >= min) & Number(b <= max)) << 1) | ((Number(c >= min) & Number(c <= max)) << 2) | ((Number(d >= min) & Number(d <= max)) << 3);
      bits |= four << j;
    }
    out[base >>> 5] = bits;
  }
  for (let r = full; r < size; r++) if (values[r] >= min && values[r] <= max) setBit(out, r);
  return out;
}

const scratch = new Float64Array(1);
const scratchBits = new BigInt64Array(scratch.buffer);

/** The smallest double greater than x (x itself for ±Infinity and NaN). */
function nextUp(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return Number.MIN_VALUE;
  scratch[0] = x;
  scratchBits[0] += x > 0 ? 1n : -1n;
  return scratch[0];
}

function nextDown(x: number): number {
  return -nextUp(-x);
}

function numericRows(f: PropertyFilter, col: Pick<NumberColumn, 'values'>, store: ColumnStore): Rows {
  if (f.pointRef || f.lowerRef || f.upperRef) return referencedRows(f, col.values, store);
  const iv = valueInterval(f);
  if ('reason' in iv) return iv;
  const inside = rangeRows(col.values, store.size, closedBounds(iv));
  return iv.outside ? not(inside, store.size) : inside;
}

/** The interval of values a NUMBER, ranged, TIME_POINT or CALENDAR_DATE filter selects (without other properties' times). */
export function valueInterval(f: PropertyFilter): ValueInterval | { reason: string } {
  switch (f.operationType) {
    case 'NUMBER':
      return numberInterval(f);
    case 'NUMBER_RANGED':
    case 'TIME_RANGED':
      return span(f.lowerBound, f.lowerInclusive, f.upperBound, f.upperInclusive, f.operator !== 'IS_BETWEEN');
    case 'TIME_POINT':
      return f.operator === 'IS_AFTER' ? span(f.timePoint, f.inclusive, Infinity, true) : span(-Infinity, true, f.timePoint, f.inclusive);
    case 'CALENDAR_DATE':
      return f.operator === 'IN_THIS_TIME_UNIT_SO_FAR' ? span(f.spanStart, true, f.now, true) : span(f.spanStart, true, f.spanEnd, false);
    default:
      return { reason: `"${f.operator}" does not apply to dates and numbers` };
  }
}

function span(lo: number, loIncl: boolean, hi: number, hiIncl: boolean, outside = false): ValueInterval {
  return { lo, loIncl, hi, hiIncl, outside };
}

function numberInterval(f: PropertyFilter): ValueInterval | { reason: string } {
  const x = f.value;
  switch (f.operator) {
    case 'IS_EQUAL_TO': return span(x, true, x, true);
    case 'IS_NOT_EQUAL_TO': return span(x, true, x, true, true);
    case 'IS_GREATER_THAN': return span(x, false, Infinity, true);
    case 'IS_GREATER_THAN_OR_EQUAL_TO': return span(x, true, Infinity, true);
    case 'IS_LESS_THAN': return span(-Infinity, true, x, false);
    case 'IS_LESS_THAN_OR_EQUAL_TO': return span(-Infinity, true, x, true);
    default: return { reason: `"${f.operator}" does not apply to numbers` };
  }
}

function enumerationRows(f: PropertyFilter, col: EnumColumn, size: number): Rows {
  const wanted = [...new Set(f.values)];
  const bitsOf = (v: string) => {
    const i = col.options.indexOf(v);
    return i < 0 ? emptyBitset(size) : col.bits[i];
  };
  const anyOf = () => wanted.reduce<Bitset>((acc, v) => or(acc, bitsOf(v)), emptyBitset(size));
  const containsAll = () => wanted.reduce<Bitset>((acc, v) => and(acc, bitsOf(v)), col.known.slice());
  const exactly = () => {
    const all = containsAll();
    for (let r = 0; r < size; r++) if (col.counts[r] !== wanted.length) all[r >>> 5] &= ~(1 << (r & 31));
    return all;
  };
  switch (f.operator) {
    case 'IS_ANY_OF': return anyOf();
    case 'IS_NONE_OF': return not(anyOf(), size);
    case 'IS_EXACTLY': return exactly();
    case 'IS_NOT_EXACTLY': return not(exactly(), size);
    case 'CONTAINS_ALL': return containsAll();
    case 'DOES_NOT_CONTAIN_ALL': return not(containsAll(), size);
    default: return { reason: `"${f.operator}" does not apply to enumerations` };
  }
}
