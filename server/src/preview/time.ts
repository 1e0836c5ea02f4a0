// Wall-clock time in an IANA zone, without a date library: Intl gives a zone's offset at an
// instant, and a wall-clock time becomes an instant by correcting a UTC guess with that offset.
// Calendar units (day, week from Monday, month, quarter, year) are computed on wall-clock dates.

import type { CalendarUnit } from '@hslist/grammar';
import { isValidTimeZone, wallClockAt } from '../hubspot/compile/time';

export const DAY_MS = 86_400_000;

/** True when the runtime knows the IANA zone name. */
export function isValidZone(zone: string): boolean {
  return isValidTimeZone(zone);
}

export interface WallDate {
  year: number;
  month: number; // 1-12
  day: number;
}

/** The wall-clock date (and the zone's offset) of an instant in a zone. */
export function zonedDate(zone: string, instant: number): WallDate & { offsetMs: number } {
  if (zone === 'UTC') {
    const d = new Date(instant);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), offsetMs: 0 };
  }
  // The compiler's Intl reading of a zone's wall clock (one formatter per zone for both).
  const wall = wallClockAt(zone, instant);
  if (!wall) throw new RangeError(`Invalid time zone specified: ${zone}`);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsetMs = asUtc - (instant - (((instant % 1000) + 1000) % 1000));
  return { year: wall.year, month: wall.month, day: wall.day, offsetMs };
}

/**
 * The instant of a wall-clock time in a zone, as java.time resolves it (docs/language.md § Matching
 * semantics, Assumed): in an hour a DST change repeats, the earlier instant; in one it skips, the
 * wall clock moved forward by the gap (read with the offset before the change).
 */
export function wallClockToInstant(
  zone: string,
  date: WallDate,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second, ms);
  if (zone === 'UTC') return asUtc;
  // The zone's offsets a day before and after: one of them is the offset in force at the wall clock.
  const before = asUtc - zonedDate(zone, asUtc - DAY_MS).offsetMs;
  const after = asUtc - zonedDate(zone, asUtc + DAY_MS).offsetMs;
  const found = [before, after].filter((t) => sameWall(zone, t, asUtc));
  return found.length > 0 ? Math.min(...found) : before;
}

/** Whether the wall clock of instant `t` in `zone`, read as UTC, is `asUtc`. */
function sameWall(zone: string, t: number, asUtc: number): boolean {
  const w = wallClockAt(zone, t);
  return w !== undefined && Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) === asUtc;
}

export function startOfDay(zone: string, date: WallDate): number {
  return wallClockToInstant(zone, date);
}

/** The last millisecond of a day (23:59:59.999), as HubSpot writes "end of day". */
export function endOfDay(zone: string, date: WallDate): number {
  return wallClockToInstant(zone, date, 23, 59, 59, 999);
}

function shiftDays(date: WallDate, days: number): WallDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function shiftMonths(date: WallDate, months: number): WallDate {
  const d = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: 1 };
}

/** The first day of the calendar unit containing `date` (weeks start on Monday). */
export function unitStartDate(date: WallDate, unit: CalendarUnit): WallDate {
  switch (unit) {
    case 'day':
      return date;
    case 'week': {
      const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay(); // 0 = Sunday
      return shiftDays(date, -((weekday + 6) % 7));
    }
    case 'month':
      return { year: date.year, month: date.month, day: 1 };
    case 'quarter':
      return { year: date.year, month: date.month - ((date.month - 1) % 3), day: 1 };
    case 'year':
      return { year: date.year, month: 1, day: 1 };
  }
}

/** `date` (a unit start) moved by `count` whole units. */
export function shiftUnits(date: WallDate, unit: CalendarUnit, count: number): WallDate {
  switch (unit) {
    case 'day':
      return shiftDays(date, count);
    case 'week':
      return shiftDays(date, 7 * count);
    case 'month':
      return shiftMonths(date, count);
    case 'quarter':
      return shiftMonths(date, 3 * count);
    case 'year':
      return shiftMonths(date, 12 * count);
  }
}

/**
 * [start, end) instants of the span `from` units to `to` units after the current unit; for a `date`
 * property (`dateOnly`) the days' midnights UTC, the scale its stored days are on.
 */
export function calendarSpan(zone: string, now: number, unit: CalendarUnit, from: number, to: number, dateOnly = false) {
  const current = unitStartDate(zonedDate(zone, now), unit);
  const at = (d: WallDate) => (dateOnly ? Date.UTC(d.year, d.month - 1, d.day) : startOfDay(zone, d));
  return { start: at(shiftUnits(current, unit, from)), end: at(shiftUnits(current, unit, to)) };
}

const EXPORT_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** HubSpot's export format `2024-03-01 10:15` (no zone): a wall-clock time in `zone`. */
export function parseExportDateTime(text: string, zone: string): number | undefined {
  const m = EXPORT_DATETIME.exec(text);
  if (!m) return undefined;
  const date = { year: +m[1], month: +m[2], day: +m[3] };
  const hour = +m[4];
  const minute = +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  if (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDate() !== date.day) return NaN;
  return wallClockToInstant(zone, date, hour, minute, second);
}
