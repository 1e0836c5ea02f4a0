// Date operations on a known instant `v` (docs/semantics.md, "Dates and time zones").

import { asJson, type Json } from './evaluate-types';
import { applyOffset, calendarWindow, onScale, resolveTimePoint, type CalendarUnit, type TimeContext } from './evaluate-time';
import { toWallTime } from './zoned-time';

export const DATE_OPERATION_TYPES = new Set([
  'TIME_POINT', 'TIME_RANGED', 'ROLLING_DATE_RANGE', 'CALENDAR_DATE', 'COMPARATIVE_DATE', 'DATETIME', 'RANGED_DATE',
]);

/** undefined = cannot judge (unknown operator, unresolvable time point); the caller reports it. */
export function compareDate(v: number, operation: Json, ctx: TimeContext): boolean | undefined {
  switch (operation.operationType) {
    case 'TIME_POINT': return timePoint(v, operation, ctx);
    case 'TIME_RANGED': return timeRanged(v, operation, ctx);
    case 'ROLLING_DATE_RANGE': return rolling(v, operation, ctx);
    case 'CALENDAR_DATE': return calendar(v, operation, ctx);
    case 'COMPARATIVE_DATE': return comparative(v, operation, ctx);
    case 'DATETIME': return beforeAfter(v, String(operation.operator).replace(/_DATE$/, ''), Number(operation.timestamp), false);
    case 'RANGED_DATE': return ranged(v, String(operation.operator), Number(operation.lowerBound), Number(operation.upperBound), true, true);
    default: return undefined;
  }
}

function beforeAfter(v: number, operator: string, t: number | undefined, inclusive: boolean): boolean | undefined {
  if (t === undefined || Number.isNaN(t)) return undefined;
  if (operator === 'IS_AFTER') return inclusive ? v >= t : v > t;
  if (operator === 'IS_BEFORE') return inclusive ? v <= t : v < t;
  return undefined;
}

function timePoint(v: number, operation: Json, ctx: TimeContext): boolean | undefined {
  const point = asJson(operation.timePoint);
  const t = resolveTimePoint(point, ctx);
  // Another property with no value: nothing to compare with, so no match (Assumed, as COMPARATIVE_DATE).
  if (t === undefined && point.timeType === 'PROPERTY_REFERENCED') return false;
  return beforeAfter(v, String(operation.operator), t, operation.endpointBehavior === 'INCLUSIVE');
}

function ranged(v: number, operator: string, lower: number | undefined, upper: number | undefined, lowerInclusive: boolean, upperInclusive: boolean): boolean | undefined {
  if (lower === undefined || upper === undefined || Number.isNaN(lower) || Number.isNaN(upper)) return undefined;
  const aboveLower = lowerInclusive ? v >= lower : v > lower;
  const belowUpper = upperInclusive ? v <= upper : v < upper;
  if (operator === 'IS_BETWEEN') return aboveLower && belowUpper;
  if (operator === 'IS_NOT_BETWEEN') return !(aboveLower && belowUpper);
  return undefined;
}

/** Endpoints are INCLUSIVE unless the operation says EXCLUSIVE for that side. */
function timeRanged(v: number, operation: Json, ctx: TimeContext): boolean | undefined {
  const points = [asJson(operation.lowerBoundTimePoint), asJson(operation.upperBoundTimePoint)];
  const [lower, upper] = points.map((p) => resolveTimePoint(p, ctx));
  // A bound that is another property with no value: no range to be in or out of (Assumed, as TIME_POINT).
  if (points.some((p, i) => p.timeType === 'PROPERTY_REFERENCED' && [lower, upper][i] === undefined)) return false;
  return ranged(v, String(operation.operator), lower, upper,
    operation.lowerBoundEndpointBehavior !== 'EXCLUSIVE', operation.upperBoundEndpointBehavior !== 'EXCLUSIVE');
}

/** N days are N calendar days back or ahead from now on the wall clock of the list's zone (Assumed in docs/language.md). */
function rolling(v: number, operation: Json, ctx: TimeContext): boolean | undefined {
  const days = Number(operation.numberOfDays);
  if (!Number.isInteger(days)) return undefined;
  const wall = toWallTime(ctx.now, ctx.zone);
  const now = ctx.dateOnly ? onScale(wall, ctx.zone, true) : ctx.now;
  // 0 days is now itself (its wall clock read back is ambiguous in the hour a DST change repeats).
  const moved = (n: number) => (n === 0 ? now : onScale(applyOffset(wall, { days: n }), ctx.zone, ctx.dateOnly));
  const back = moved(-days);
  const ahead = moved(days);
  switch (operation.operator) {
    case 'IS_LESS_THAN_X_DAYS_AGO': return back <= v && v <= now;
    case 'IS_MORE_THAN_X_DAYS_AGO': return v < back;
    case 'IS_LESS_THAN_X_DAYS_FROM_NOW': return now <= v && v <= ahead;
    case 'IS_MORE_THAN_X_DAYS_FROM_NOW': return v > ahead;
    default: return undefined;
  }
}

const UNITS = new Set(['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']);

function calendar(v: number, operation: Json, ctx: TimeContext): boolean | undefined {
  const unit = String(operation.timeUnit);
  if (!UNITS.has(unit)) return undefined;
  const count = operation.timeUnitCount === undefined ? 1 : Number(operation.timeUnitCount);
  const window = calendarWindow(String(operation.operator), unit as CalendarUnit, count, ctx.now, ctx.zone, ctx.dateOnly);
  return window ? window[0] <= v && v < window[1] : undefined;
}

/** Strict comparison with another property; false when that one is unknown (Assumed). */
function comparative(v: number, operation: Json, ctx: TimeContext): boolean | undefined {
  const other = ctx.propertyInstant(String(operation.comparisonPropertyName), 'VALUE');
  if (other === undefined) return operation.operator === 'IS_BEFORE' || operation.operator === 'IS_AFTER' ? false : undefined;
  return beforeAfter(v, String(operation.operator), other, false);
}
