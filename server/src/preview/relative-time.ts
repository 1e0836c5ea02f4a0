// When a relative time (`today`, `3 days before now`, `end of month`) falls, for the preview. It
// resolves the very INDEXED time points the compiler writes (compile/relative.ts), as
// docs/language.md § Matching semantics says HubSpot reads them: the reference (today, now, the
// current week, month, quarter or year, in the point's zone) on the wall clock, then the offset in
// years, quarters and months (the day kept, or the month's last day when it has fewer), then in
// weeks and days.

import type { RelativeAnchor, RelativeOffset } from '@hslist/grammar';
import { relativePoints } from '../hubspot/compile/relative';
import { wallClockAt } from '../hubspot/compile/time';
import type { IndexedTimePoint, IndexReference, WallClock } from '../hubspot/filter-branch';
import { wallClockToInstant } from './time';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Months added on the calendar, the day clamped to the new month's length. */
function addMonths(w: WallClock, months: number): WallClock {
  const index = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { ...w, year, month, day: Math.min(w.day, daysInMonth(year, month)) };
}

function addDays(w: WallClock, days: number): WallClock {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** The reference's day (and time of day) for the wall clock `today` of now. */
function referenceWall(r: IndexReference, today: WallClock): WallClock {
  if (r.referenceType === 'NOW') return today;
  const time = { hour: r.hour ?? 0, minute: r.minute ?? 0, second: r.second ?? 0, millisecond: r.millisecond ?? 0 };
  const day = { ...today, ...time };
  switch (r.referenceType) {
    case 'TODAY':
      return day;
    case 'WEEK': {
      const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7; // Monday = 0
      return addDays(day, WEEKDAYS.indexOf(r.dayOfWeek ?? 'MONDAY') - weekday);
    }
    case 'MONTH':
      return { ...day, day: Math.min(r.day ?? 1, daysInMonth(today.year, today.month)) };
    case 'QUARTER': {
      const month = today.month - ((today.month - 1) % 3) + ((r.month ?? 1) - 1);
      return { ...day, month, day: Math.min(r.day ?? 1, daysInMonth(today.year, month)) };
    }
    case 'YEAR':
      return { ...day, month: r.month ?? 1, day: Math.min(r.day ?? 1, daysInMonth(today.year, r.month ?? 1)) };
  }
}

/** The wall clock an INDEXED point stands for at `now`, in the point's zone. */
export function indexedWall(point: IndexedTimePoint, now: number): WallClock {
  const today = wallClockAt(point.zoneId, now);
  if (!today) throw new RangeError(`Invalid time zone specified: ${point.zoneId}`);
  const o = point.offset ?? {};
  const months = (o.years ?? 0) * 12 + (o.quarters ?? 0) * 3 + (o.months ?? 0);
  return addDays(addMonths(referenceWall(point.indexReference, today), months), (o.weeks ?? 0) * 7 + (o.days ?? 0));
}

/** Midnight UTC of the wall clock's day plus its time: how a `date` property's stored day compares with it. */
export function asUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** A wall clock in `zone` as an instant, or on the scale of a `date` property's stored days. */
export function wallInstant(w: WallClock, zone: string, dateOnly: boolean): number {
  return dateOnly ? asUtc(w) : wallClockToInstant(zone, w, w.hour, w.minute, w.second, w.millisecond);
}

/** The first (`start`) or last (`end`) moment of a relative time at `now`. */
export function relativeInstant(anchor: RelativeAnchor, offset: RelativeOffset | undefined, edge: 'start' | 'end', env: { zone: string; now: number; dateOnly: boolean }): number {
  const point = relativePoints(anchor, offset, env.zone)[edge === 'start' ? 0 : 1];
  // `now` itself, not its wall clock read back (which is ambiguous in the hour a DST change repeats).
  if (point.indexReference.referenceType === 'NOW' && !point.offset && !env.dateOnly) return env.now;
  return wallInstant(indexedWall(point, env.now), env.zone, env.dateOnly);
}
