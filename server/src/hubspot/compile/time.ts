// Wall-clock ↔ instant conversions in an IANA time zone, with Intl only (no tz database of our
// own). Time points in HubSpot's filters are wall-clock times in a zone; the language's datetime
// literals are instants, so both directions are needed (compile and decompile).

import type { WallClock } from '../filter-branch';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  formatters.set(zone, f);
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  return formatterFor(zone) !== undefined;
}

/** The wall clock in `zone` at the instant `epochMs`. Undefined for an unknown zone. */
export function wallClockAt(zone: string, epochMs: number): WallClock | undefined {
  const f = formatterFor(zone);
  if (!f || !Number.isFinite(epochMs)) return undefined;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond,
  };
}

function utcOf(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

const DAY_MS = 86_400_000;

/**
 * The instant of a wall clock in `zone`, as java.time resolves it: the earlier one when a DST overlap
 * makes two; in a gap, the wall clock moved forward by the gap. Undefined for an unknown zone.
 */
export function instantOf(zone: string, wall: WallClock): number | undefined {
  const target = utcOf(wall);
  const offsetAt = (t: number) => {
    const w = wallClockAt(zone, t);
    return w ? utcOf(w) - t : undefined;
  };
  const [early, late] = [offsetAt(target - DAY_MS), offsetAt(target + DAY_MS)];
  if (early === undefined || late === undefined) return undefined;
  const candidates = [target - early, target - late];
  const fitting = candidates.filter((t) => offsetAt(t) !== undefined && utcOf(wallClockAt(zone, t)!) === target);
  return fitting.length > 0 ? Math.min(...fitting) : candidates[0];
}

/** Offset of `zone` from UTC at `epochMs`, in minutes. */
export function offsetMinutes(zone: string, epochMs: number): number | undefined {
  const w = wallClockAt(zone, epochMs);
  return w ? Math.round((utcOf(w) - epochMs) / 60000) : undefined;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A datetime literal as a wall clock in `zone`. A literal with `Z` or an offset is an instant and
 * is converted; one without names a wall-clock time in `zone` already.
 */
export function datetimeLiteralToWallClock(raw: string, zone: string): WallClock | undefined {
  const m = DATETIME.exec(raw.trim());
  if (!m) return undefined;
  const wall: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] ? Number(m[6]) : 0,
    millisecond: m[7] ? Number(m[7].padEnd(3, '0')) : 0,
  };
  if (!validWall(wall)) return undefined;
  if (!m[8]) return isValidTimeZone(zone) ? wall : undefined;
  return wallClockAt(zone, utcOf(wall) - zoneSuffixMinutes(m[8]) * 60000);
}

/** The instant of a datetime literal that carries `Z` or an offset (undefined without one, or when it is no real time). */
export function suffixedLiteralInstant(raw: string): number | undefined {
  const m = DATETIME.exec(raw.trim());
  const wall = datetimeLiteralToWallClock(raw, 'UTC');
  if (!m || !m[8] || !wall) return undefined;
  return utcOf(wall);
}

function zoneSuffixMinutes(suffix: string): number {
  if (suffix.toUpperCase() === 'Z') return 0;
  const sign = suffix.startsWith('-') ? -1 : 1;
  const digits = suffix.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

export function validWall(w: WallClock): boolean {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return (
    d.getUTCFullYear() === w.year &&
    d.getUTCMonth() === w.month - 1 &&
    d.getUTCDate() === w.day &&
    inRange(w.hour, 0, 23) &&
    inRange(w.minute, 0, 59) &&
    inRange(w.second, 0, 59) &&
    inRange(w.millisecond, 0, 999)
  );
}

function inRange(n: number, lo: number, hi: number): boolean {
  return Number.isInteger(n) && n >= lo && n <= hi;
}

export function startOfDay(year: number, month: number, day: number): WallClock {
  return { year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
}

export function endOfDay(year: number, month: number, day: number): WallClock {
  return { year, month, day, hour: 23, minute: 59, second: 59, millisecond: 999 };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDate(w: { year: number; month: number; day: number }): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** A wall clock in `zone` as an ISO datetime literal with the zone's offset (`Z` for UTC). */
export function formatDatetimeLiteral(w: WallClock, zone: string): string | undefined {
  const instant = instantOf(zone, w);
  if (instant === undefined) return undefined;
  const offset = offsetMinutes(zone, instant) ?? 0;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${w.millisecond ? `.${pad(w.millisecond, 3)}` : ''}`;
  const abs = Math.abs(offset);
  const suffix = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${formatDate(w)}T${time}${suffix}`;
}
