// Dates for the evaluator: parsing property values into instants, resolving HubSpot time points
// (DATE, INDEXED, PROPERTY_REFERENCED) and calendar units, all in an explicit zone (docs/semantics.md).

import { asJson, type Json } from './evaluate-types';
import { fromWallTime, normaliseWall, startOfDay, toWallTime, weekdayIndex, type WallTime } from './zoned-time';

export type CalendarUnit = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

/** `2024-03-01` (midnight UTC), an ISO datetime, or epoch ms; undefined when it is none of these. */
export function parseInstant(value: string): number | undefined {
  if (/^-?\d+$/.test(value)) return Number(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

export interface TimeContext {
  now: number;
  zone: string;
  /**
   * The filtered property is `date`: its stored value is a day at midnight UTC, so time points are
   * put on that scale (their wall clock in their zone, read as UTC) and days compare as days.
   */
  dateOnly: boolean;
  /** Instant of another property of the same record (PROPERTY_REFERENCED time points). */
  propertyInstant(name: string, referenceType: string): number | undefined;
}

/** A wall clock as an instant in `zone`, or on a `date` property's scale. */
export function onScale(wall: WallTime, zone: string, dateOnly: boolean): number {
  return dateOnly ? Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond) : fromWallTime(wall, zone);
}

export function resolveTimePoint(point: Json, ctx: TimeContext): number | undefined {
  const zone = typeof point.zoneId === 'string' ? point.zoneId : ctx.zone;
  switch (point.timeType) {
    case 'DATE':
      return onScale(dateWall(point), zone, ctx.dateOnly);
    case 'INDEXED':
      return indexedInstant(point, ctx, zone);
    case 'PROPERTY_REFERENCED':
      return ctx.propertyInstant(String(point.property), String(point.referenceType ?? 'VALUE'));
    default:
      return undefined;
  }
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : fallback;
}

function dateWall(point: Json): WallTime {
  return {
    year: num(point.year, 1970), month: num(point.month, 1), day: num(point.day, 1), hour: num(point.hour, 0),
    minute: num(point.minute, 0), second: num(point.second, 0), millisecond: num(point.millisecond, 0),
  };
}

function indexedInstant(point: Json, ctx: TimeContext, zone: string): number {
  const reference = asJson(point.indexReference);
  const type = String(reference.referenceType ?? 'NOW');
  const offset = asJson(point.offset);
  // NOW itself: its wall clock read back would be ambiguous in the hour a DST change repeats.
  if (type === 'NOW' && Object.values(offset).every((n) => !n) && !ctx.dateOnly) return ctx.now;
  const today = toWallTime(ctx.now, zone);
  const wall = type === 'NOW' ? today : withTimeOfDay(referenceDay(type, reference, today), reference);
  return onScale(applyOffset(wall, offset), zone, ctx.dateOnly);
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** The reference's day in the current week, month, quarter or year (TODAY: today). */
function referenceDay(type: string, reference: Json, today: WallTime): WallTime {
  const day = startOfDay(today);
  const at = (month: number, dayOfMonth: number): WallTime => ({ ...day, month, day: Math.min(dayOfMonth, daysIn(day.year, month)) });
  switch (type.replace('FISCAL_', '')) {
    case 'WEEK': return normaliseWall({ ...day, day: day.day - weekdayIndex(day) + Math.max(0, WEEKDAYS.indexOf(String(reference.dayOfWeek ?? 'MONDAY'))) });
    case 'MONTH': return at(day.month, num(reference.day, 1));
    case 'QUARTER': return at(Math.floor((day.month - 1) / 3) * 3 + num(reference.month, 1), num(reference.day, 1));
    case 'YEAR': return at(num(reference.month, 1), num(reference.day, 1));
    default: return day;
  }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function withTimeOfDay(wall: WallTime, reference: Json): WallTime {
  return {
    ...wall, hour: num(reference.hour, wall.hour), minute: num(reference.minute, wall.minute),
    second: num(reference.second, wall.second), millisecond: num(reference.millisecond, wall.millisecond),
  };
}

/**
 * Offsets are wall-clock arithmetic in the zone: years, quarters and months first, keeping the day of
 * the month (the month's last day when it has fewer: Jan 31 + 1 month = Feb 29 in 2024), then weeks,
 * days and the time units (docs/language.md § Matching semantics, Assumed).
 */
export function applyOffset(wall: WallTime, offset: Json): WallTime {
  const monthIndex = wall.year * 12 + wall.month - 1 + num(offset.months, 0) + 3 * num(offset.quarters, 0) + 12 * num(offset.years, 0);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return normaliseWall({
    year,
    month,
    day: Math.min(wall.day, daysIn(year, month)) + num(offset.days, 0) + 7 * num(offset.weeks, 0),
    hour: wall.hour + num(offset.hours, 0),
    minute: wall.minute + num(offset.minutes, 0),
    second: wall.second + num(offset.seconds, 0),
    millisecond: wall.millisecond + num(offset.milliseconds, 0),
  });
}

/** Start of the calendar unit containing `wall`; weeks start on Monday (Assumed in docs/semantics.md). */
export function unitStart(wall: WallTime, unit: CalendarUnit): WallTime {
  const day = startOfDay(wall);
  switch (unit) {
    case 'DAY':
      return day;
    case 'WEEK':
      return normaliseWall({ ...day, day: day.day - weekdayIndex(day) });
    case 'MONTH':
      return { ...day, day: 1 };
    case 'QUARTER':
      return { ...day, day: 1, month: Math.floor((day.month - 1) / 3) * 3 + 1 };
    case 'YEAR':
      return { ...day, day: 1, month: 1 };
  }
}

export function addUnits(wall: WallTime, unit: CalendarUnit, count: number): WallTime {
  const offsets: Record<CalendarUnit, Json> = {
    DAY: { days: count }, WEEK: { weeks: count }, MONTH: { months: count }, QUARTER: { quarters: count }, YEAR: { years: count },
  };
  return applyOffset(wall, offsets[unit]);
}

/** [start, end) of a CALENDAR_DATE operator; `end` is exclusive except SO_FAR, which ends at now inclusive. */
export function calendarWindow(operator: string, unit: CalendarUnit, count: number, now: number, zone: string, dateOnly = false): [number, number] | undefined {
  const current = unitStart(toWallTime(now, zone), unit);
  const at = (wall: WallTime): number => onScale(wall, zone, dateOnly);
  switch (operator) {
    case 'IN_THIS_TIME_UNIT':
      return [at(current), at(addUnits(current, unit, 1))];
    case 'IN_THIS_TIME_UNIT_SO_FAR':
      return [at(current), (dateOnly ? at(toWallTime(now, zone)) : now) + 1];
    case 'IN_NEXT_TIME_UNIT':
      return [at(addUnits(current, unit, 1)), at(addUnits(current, unit, 1 + count))];
    case 'IN_LAST_TIME_UNIT':
      return [at(addUnits(current, unit, -count)), at(current)];
    default:
      return undefined;
  }
}
