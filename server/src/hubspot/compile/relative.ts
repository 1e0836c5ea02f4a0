// Relative times (`today`, `now`, `start of month`, `3 days before today`) → HubSpot's INDEXED time
// points, and back. HubSpot's list filters documentation encodes the UI's "is less than 3 days ago"
// as a range from TODAY offset by -3 days to NOW; every relative phrase is built the same way.

import type { CalendarUnit, RelativeAnchor, RelativeOffset } from '@hslist/grammar';
import type { IndexedTimePoint, IndexOffset, IndexReference } from '../filter-branch';

const END_OF_DAY = { hour: 23, minute: 59, second: 59, millisecond: 999 } as const;

/** A reference and the offset that turns it into the anchor (the end of a month is its first day + 1 month − 1 day). */
interface Base {
  reference: IndexReference;
  offset: IndexOffset;
}

const START: Record<CalendarUnit, IndexReference> = {
  day: { referenceType: 'TODAY' },
  week: { referenceType: 'WEEK', dayOfWeek: 'MONDAY' },
  month: { referenceType: 'MONTH', day: 1 },
  quarter: { referenceType: 'QUARTER', month: 1, day: 1 },
  year: { referenceType: 'YEAR', month: 1, day: 1 },
};

/** The last millisecond of the unit: its last day at 23:59:59.999. */
const END: Record<CalendarUnit, Base> = {
  day: { reference: { referenceType: 'TODAY', ...END_OF_DAY }, offset: {} },
  week: { reference: { referenceType: 'WEEK', dayOfWeek: 'SUNDAY', ...END_OF_DAY }, offset: {} },
  month: { reference: { ...START.month, ...END_OF_DAY }, offset: { months: 1, days: -1 } },
  quarter: { reference: { ...START.quarter, ...END_OF_DAY }, offset: { months: 3, days: -1 } },
  year: { reference: { ...START.year, ...END_OF_DAY }, offset: { years: 1, days: -1 } },
};

/** The first and the last moment an anchor stands for: a day for `today`, one instant otherwise. */
function anchorBases(anchor: RelativeAnchor): [Base, Base] {
  if (anchor === 'today') return [{ reference: START.day, offset: {} }, END.day];
  if (anchor === 'now') return [{ reference: { referenceType: 'NOW' }, offset: {} }, { reference: { referenceType: 'NOW' }, offset: {} }];
  const [edge, , unit] = anchor.split(' ') as ['start' | 'end', 'of', CalendarUnit];
  const base = edge === 'start' ? { reference: START[unit], offset: {} } : END[unit];
  return [base, base];
}

const OFFSET_KEY: Record<CalendarUnit, keyof IndexOffset> = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' };
const OFFSET_ORDER: (keyof IndexOffset)[] = ['years', 'quarters', 'months', 'weeks', 'days'];

function withOffset(base: IndexOffset, offset: RelativeOffset | undefined): IndexOffset | undefined {
  const sum: IndexOffset = { ...base };
  if (offset && offset.count !== 0) {
    const key = OFFSET_KEY[offset.unit];
    sum[key] = (sum[key] ?? 0) + (offset.direction === 'before' ? -offset.count : offset.count);
  }
  const out: IndexOffset = {};
  for (const key of OFFSET_ORDER) if (sum[key]) out[key] = sum[key];
  return Object.keys(out).length > 0 ? out : undefined;
}

function point(base: Base, offset: RelativeOffset | undefined, zone: string): IndexedTimePoint {
  const p: IndexedTimePoint = { timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId: zone, indexReference: { ...base.reference } };
  const o = withOffset(base.offset, offset);
  if (o) p.offset = o;
  return p;
}

/** [first, last] moment of a relative time, as INDEXED points in `zone`. */
export function relativePoints(anchor: RelativeAnchor, offset: RelativeOffset | undefined, zone: string): [IndexedTimePoint, IndexedTimePoint] {
  const [start, end] = anchorBases(anchor);
  return [point(start, offset, zone), point(end, offset, zone)];
}

// ---------------------------------------------------------------------------------------------
// Back: an INDEXED point → anchor and offset, when it is one the compiler writes.

function sameReference(a: IndexReference, b: IndexReference): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof IndexReference>;
  return [...keys].every((k) => a[k] === b[k]);
}

/** The anchors in the order the decompiler prefers them (`today` before `start of day`). */
const ANCHORS: RelativeAnchor[] = [
  'now', 'today',
  ...(['week', 'month', 'quarter', 'year', 'day'] as CalendarUnit[]).flatMap((u): RelativeAnchor[] => [`start of ${u}`, `end of ${u}`]),
];

/** What remains of `total` after the anchor's own offset: one unit at most, or undefined. */
function userOffset(total: IndexOffset, base: IndexOffset): RelativeOffset | undefined | null {
  const left = OFFSET_ORDER.map((k) => [k, (total[k] ?? 0) - (base[k] ?? 0)] as const).filter(([, n]) => n !== 0);
  if (left.length === 0) return undefined;
  if (left.length > 1 || !Number.isInteger(left[0][1])) return null;
  const [key, n] = left[0];
  const unit = (Object.keys(OFFSET_KEY) as CalendarUnit[]).find((u) => OFFSET_KEY[u] === key) as CalendarUnit;
  return { count: Math.abs(n), unit, direction: n < 0 ? 'before' : 'after' };
}

/**
 * The anchor and offset of an INDEXED point at the `edge` of what it stands for, or undefined when
 * no phrase writes this point. `edge: 'end'` accepts `today`'s last moment (`is after today`).
 */
export function readRelative(reference: IndexReference, offset: IndexOffset, edge: 'start' | 'end'): { anchor: RelativeAnchor; offset: RelativeOffset | undefined } | undefined {
  for (const anchor of ANCHORS) {
    const bases = anchorBases(anchor);
    const base = edge === 'start' ? bases[0] : bases[1];
    if (!sameReference(base.reference, reference)) continue;
    const rest = userOffset(offset, base.offset);
    if (rest !== null) return { anchor, offset: rest };
  }
  return undefined;
}
