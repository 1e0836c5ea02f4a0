// Calendar arithmetic for the preview: the calendar units (day, week from Monday, month, quarter, year)
// on wall-clock dates, and HubSpot's export date-times. Reading a zone's wall clock and turning one
// back into an instant is the compiler's (hubspot/compile/time.ts: Intl only, java.time's rules for
// DST), so a list previews on the same instants it publishes with.

import type { CalendarUnit } from '@hslist/grammar';
import { instantOf, startOfDay as startOfDayWall, wallClockAt } from '../hubspot/compile/time';
import type { WallClock } from '../hubspot/filter-branch';

export const DAY_MS = 86_400_000;

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
 * semantics, Assumed): the compiler's `instantOf`, with UTC read directly (the preview asks often).
 */
export function wallClockToInstant(zone: string, date: WallDate, hour = 0, minute = 0, second = 0, ms = 0): number {
  return instantIn(zone, { ...date, hour, minute, second, millisecond: ms });
}

function instantIn(zone: string, wall: WallClock): number {
  if (zone === 'UTC') return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const instant = instantOf(zone, wall);
  if (instant === undefined) throw new RangeError(`Invalid time zone specified: ${zone}`);
  return instant;
}

export function startOfDay(zone: string, date: WallDate): number {
  return instantIn(zone, startOfDayWall(date.year, date.month, date.day));
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
