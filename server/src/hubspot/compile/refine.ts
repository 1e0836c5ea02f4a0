// A count (`at least 2 times`) and an absolute window (`after 2024-01-31`, `between D and D`) → HubSpot's
// refine-bys (its list filters overview: pruningRefineBy narrows the data to a time range first, then
// coalescingRefineBy counts what is left). A date is a whole day in the list's zone, as in date
// conditions: `after D` is after D's last moment, `before D` before its first, `between D1 and D2` from
// D1's first moment to D2's last. The checker, the compiler, hover and the preview all read them here.

import type { OccurrenceCount, Span, TimeWindow, Value } from '@hslist/grammar';
import type { AbsoluteComparativeRefineBy, AbsoluteRangedRefineBy, NumOccurrencesRefineBy } from '../filter-branch';
import { datetimeLiteralToWallClock, endOfDay, instantOf, startOfDay, suffixedLiteralInstant, validWall } from './time';

/** Why a part cannot be compiled, and where. */
export interface RefineProblem {
  code: 'invalid-number' | 'invalid-date' | 'empty-time-window';
  message: string;
  at: Span;
}

/** NUM_OCCURRENCES of a count, or the problem: each bound a whole number ≥ 1, the minimum not above the maximum. */
export function occurrencesRefine(count: OccurrenceCount): NumOccurrencesRefineBy | RefineProblem {
  const min = wholeCount(count.min);
  if (typeof min === 'object') return min;
  const max = wholeCount(count.max);
  if (typeof max === 'object') return max;
  if (min !== undefined && max !== undefined && min > max) {
    return { code: 'invalid-number', message: `No count is between ${min} and ${max}: write the smaller number first.`, at: count };
  }
  return { type: 'NUM_OCCURRENCES', ...(min !== undefined ? { minOccurrences: min } : {}), ...(max !== undefined ? { maxOccurrences: max } : {}) };
}

function wholeCount(v: Value | undefined): number | undefined | RefineProblem {
  if (!v) return undefined;
  if (v.kind === 'number' && Number.isInteger(v.value) && v.value >= 1) return v.value;
  const zero = v.kind === 'number' && v.value === 0 ? ' (for none, write `not submitted …`)' : '';
  return { code: 'invalid-number', message: `The number of times must be a whole number, 1 or more${zero}; \`${v.kind === 'number' ? v.raw : 'this'}\` is not.`, at: v };
}

/** The first and last instant (epoch ms) a date or datetime literal stands for in `zone`. */
export function instantBounds(v: Value, zone: string): [number, number] | RefineProblem {
  if (v.kind === 'date') {
    const start = startOfDay(v.year, v.month, v.day);
    const first = validWall(start) ? instantOf(zone, start) : undefined;
    const last = validWall(start) ? instantOf(zone, endOfDay(v.year, v.month, v.day)) : undefined;
    if (first !== undefined && last !== undefined) return [first, last];
  } else if (v.kind === 'datetime') {
    const at = instantOfLiteral(v.raw, zone);
    if (at !== undefined) return [at, at];
  } else {
    return { code: 'invalid-date', message: 'A window takes a date (2024-01-31) or a date and time (2024-01-31T10:00:00Z).', at: v };
  }
  return { code: 'invalid-date', message: `\`${v.raw}\` is not a real date (or time) in time zone ${zone}.`, at: v };
}

/**
 * A datetime literal's instant: with `Z` or an offset it is one already (read exactly, so an hour that a
 * clock change repeats is not moved); without, it is a wall-clock time in `zone`.
 */
function instantOfLiteral(raw: string, zone: string): number | undefined {
  const wall = datetimeLiteralToWallClock(raw, zone);
  if (!wall) return undefined;
  return suffixedLiteralInstant(raw) ?? instantOf(zone, wall);
}

/** ABSOLUTE_COMPARATIVE (after / before) or ABSOLUTE_RANGED (between) of a window, or the problem. */
export function absoluteWindowRefine(w: TimeWindow, zone: string): AbsoluteComparativeRefineBy | AbsoluteRangedRefineBy | RefineProblem {
  if (w.kind !== 'between') {
    const bounds = instantBounds(w.at, zone);
    if (!Array.isArray(bounds)) return bounds;
    return w.kind === 'after' ? { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER', timestamp: bounds[1] } : { type: 'ABSOLUTE_COMPARATIVE', comparison: 'BEFORE', timestamp: bounds[0] };
  }
  const low = instantBounds(w.low, zone);
  if (!Array.isArray(low)) return low;
  const high = instantBounds(w.high, zone);
  if (!Array.isArray(high)) return high;
  if (low[0] > high[1]) return { code: 'empty-time-window', message: `The window is empty: ${rawOf(w.low)} is after ${rawOf(w.high)}; write the earlier time first.`, at: w };
  return { type: 'ABSOLUTE_RANGED', rangeType: 'BETWEEN', lowerTimestamp: low[0], upperTimestamp: high[1] };
}

function rawOf(v: Value): string {
  return v.kind === 'date' || v.kind === 'datetime' ? v.raw : 'the first time';
}

export function isRefineProblem(x: object): x is RefineProblem {
  return 'code' in x && 'at' in x;
}
