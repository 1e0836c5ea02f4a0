// Wall-clock ↔ instant conversion in an IANA time zone, with nothing but Intl. HubSpot's time points
// name a zone (`zoneId`); calendar units ("this month") are read in the list's zone.

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone name. */
export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone. */
export function toWallTime(instant: number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const millisecond = ((instant % 1000) + 1000) % 1000;
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second, millisecond };
}

function asUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

const DAY = 86_400_000;

/**
 * The instant at which the zone's clocks read `wall`, as java.time resolves it: the earlier one in a
 * DST overlap; in a gap, the wall clock moved forward by the gap (read with the offset before it).
 */
export function fromWallTime(wall: WallTime, zone: string): number {
  const target = asUtc(wall);
  const offsetAt = (t: number) => asUtc(toWallTime(t, zone)) - t;
  const before = target - offsetAt(target - DAY);
  const after = target - offsetAt(target + DAY);
  const fitting = [before, after].filter((t) => asUtc(toWallTime(t, zone)) === target);
  return fitting.length > 0 ? Math.min(...fitting) : before;
}

/** Normalises overflowing fields (month 13, day 0, ...) the way Date.UTC does. */
export function normaliseWall(wall: WallTime): WallTime {
  const d = new Date(asUtc(wall));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
  };
}

export function startOfDay(wall: WallTime): WallTime {
  return { ...wall, hour: 0, minute: 0, second: 0, millisecond: 0 };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(wall: WallTime): number {
  return (new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7;
}
