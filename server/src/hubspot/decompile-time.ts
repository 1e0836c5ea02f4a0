// TIME_POINT / TIME_RANGED operations back to `is before|after T`, `is T`, `is between T1 and T2`
// and `was updated …` (UPDATED_AT). A DATE point becomes a date literal where its wall clock is a
// day's start or end in the list's zone, else a datetime literal with the zone's offset; an INDEXED
// point a relative time (compile/relative.ts); a PROPERTY_REFERENCED one `property P` (its value) or
// `when P was updated` (its last update).

import type { Expr, SurfaceOperator, Value } from '@hslist/grammar';
import { dateValue, datetimeValue, not, NO_SPAN, propertyCondition, single } from './decompile-ast';
import { isObject, numberField, Reporter, type Json } from './decompile-report';
import { formatDate, formatDatetimeLiteral, instantOf, isValidTimeZone, validWall, wallClockAt } from './compile/time';
import { readIndexed, rollingPhrase, type IndexedPoint } from './decompile-relative';
import type { WallClock } from './filter-branch';

export interface TimeEnv {
  /** The list's zone (from the first time point's `zoneId`). */
  zone: string;
  r: Reporter;
}

/** How one operation reads its property: its value (a day for `date` properties) or its update time. */
interface Reading {
  property: string;
  flag: boolean;
  updatedAt: boolean;
  /** A `date` property: its DATE points are days whatever their zone (HubSpot stores midnight UTC). */
  dateOnly: boolean;
}

type Point = { kind: 'date'; wall: WallClock; zone: string } | IndexedPoint | { kind: 'property'; property: string; updated: boolean };

function readDate(v: Json, path: string, env: TimeEnv): Point | undefined {
  const zone = typeof v.zoneId === 'string' ? v.zoneId : env.zone;
  if (!isValidTimeZone(zone)) return env.r.invalid(`${path}.zoneId`, `unknown time zone ${zone}`);
  const num = (k: string) => (v[k] === undefined ? 0 : numberField(v, k, path, env.r));
  const [year, month, day] = ['year', 'month', 'day'].map((k) => numberField(v, k, path, env.r));
  const [hour, minute, second, millisecond] = ['hour', 'minute', 'second', 'millisecond'].map(num);
  if ([year, month, day, hour, minute, second, millisecond].some((n) => n === undefined)) return undefined;
  const wall = { year, month, day, hour, minute, second, millisecond } as WallClock;
  if (!validWall(wall)) return env.r.invalid(path, 'is not a valid date and time');
  return { kind: 'date', wall, zone };
}

export function readTimePoint(v: unknown, path: string, env: TimeEnv): Point | undefined {
  if (!isObject(v)) return env.r.invalid(path, 'must be a time point object');
  if (v.timeType === 'DATE') return readDate(v, path, env);
  if (v.timeType === 'INDEXED') return readIndexed(v, path, env);
  if (v.timeType !== 'PROPERTY_REFERENCED') return env.r.notRepresentable(path, `a ${String(v.timeType)} time point`);
  if (typeof v.property !== 'string') return env.r.invalid(`${path}.property`, 'must be a property name');
  const reference = v.referenceType ?? 'VALUE';
  if (reference !== 'VALUE' && reference !== 'UPDATED_AT') return env.r.notRepresentable(`${path}.referenceType`, `a ${String(reference)} reference to another property`);
  return { kind: 'property', property: v.property, updated: reference === 'UPDATED_AT' };
}

function inListZone(p: { wall: WallClock; zone: string }, env: TimeEnv): WallClock | undefined {
  if (p.zone === env.zone) return p.wall;
  const instant = instantOf(p.zone, p.wall);
  return instant === undefined ? undefined : wallClockAt(env.zone, instant);
}

const isStart = (w: WallClock) => w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;
const isEnd = (w: WallClock) => w.hour === 23 && w.minute === 59 && w.second === 59 && w.millisecond === 999;

/** The value a point stands for at the `edge` (start or end) of what a literal means. */
function valueOf(p: Point, edge: 'start' | 'end', reading: Reading, path: string, env: TimeEnv): Value | undefined {
  if (p.kind === 'property') return { ...NO_SPAN, kind: 'property', property: { ...NO_SPAN, text: p.property }, updated: p.updated };
  if (p.kind === 'indexed') return p.at(edge) ?? env.r.notRepresentable(path, 'an INDEXED time point no relative time of .hslist writes');
  // A `date` property's day is compared as written, whatever zone the point names.
  const w = reading.dateOnly ? p.wall : inListZone(p, env);
  if (w && (edge === 'start' ? isStart(w) : isEnd(w))) return dateValue(w.year, w.month, w.day, formatDate(w));
  const raw = reading.dateOnly && w ? formatDatetimeLiteral(w, env.zone) : formatDatetimeLiteral(p.wall, p.zone);
  return raw === undefined ? env.r.invalid(path, 'cannot be placed in its time zone') : datetimeValue(raw);
}

function behaviour(op: Json, key: string, path: string, env: TimeEnv, fallback?: string): string | undefined {
  const v = op[key] ?? fallback;
  if (v === 'INCLUSIVE' || v === 'EXCLUSIVE') return v;
  if (v === undefined) return env.r.notRepresentable(`${path}.${key}`, 'a time point without endpoint behaviour (its default is undocumented)');
  return env.r.invalid(`${path}.${key}`, 'must be INCLUSIVE or EXCLUSIVE');
}

/** `VALUE` (or absent) and `UPDATED_AT` have phrases; undefined when reported. */
export function readParser(op: Json, path: string, env: TimeEnv): 'VALUE' | 'UPDATED_AT' | undefined {
  const parser = op.propertyParser ?? 'VALUE';
  if (parser === 'VALUE' || parser === 'UPDATED_AT') return parser;
  return env.r.notRepresentable(`${path}.propertyParser`, `a ${String(parser)} date comparison`);
}

function comparison(reading: Reading, after: boolean, value: Value, flag: boolean): Expr {
  const rolling = reading.updatedAt ? undefined : rollingPhrase(after, value);
  if (rolling) return propertyCondition(reading.property, rolling.surface, rolling.operand, flag);
  const operator: SurfaceOperator = reading.updatedAt ? (after ? 'updated after' : 'updated before') : after ? 'is after' : 'is before';
  return propertyCondition(reading.property, operator, single(value), flag);
}

export function decompileTimePoint(op: Json, reading: Reading, path: string, env: TimeEnv): Expr | undefined {
  const point = readTimePoint(op.timePoint, `${path}.timePoint`, env);
  const endpoint = behaviour(op, 'endpointBehavior', path, env);
  if (!point || !endpoint) return undefined;
  const after = op.operator === 'IS_AFTER';
  if (!after && op.operator !== 'IS_BEFORE') return env.r.invalid(`${path}.operator`, 'must be IS_BEFORE or IS_AFTER');
  if (point.kind === 'property' && endpoint !== 'EXCLUSIVE') {
    // HubSpot documents only EXCLUSIVE for these; its `not` form would also differ where the other property is unknown.
    return env.r.notRepresentable(`${path}.endpointBehavior`, 'an inclusive comparison with another property');
  }
  // v <= t (INCLUSIVE) is written as not (v > t), with the no-value flag flipped.
  const phraseAfter = endpoint === 'EXCLUSIVE' ? after : !after;
  const value = valueOf(point, phraseAfter ? 'end' : 'start', reading, `${path}.timePoint`, env);
  if (!value) return undefined;
  if (endpoint === 'EXCLUSIVE') return comparison(reading, phraseAfter, value, reading.flag);
  return not(comparison(reading, phraseAfter, value, !reading.flag));
}

export function decompileTimeRanged(op: Json, reading: Reading, path: string, env: TimeEnv): Expr | undefined {
  const lower = readTimePoint(op.lowerBoundTimePoint, `${path}.lowerBoundTimePoint`, env);
  const upper = readTimePoint(op.upperBoundTimePoint, `${path}.upperBoundTimePoint`, env);
  const lowerEnd = behaviour(op, 'lowerBoundEndpointBehavior', path, env, 'INCLUSIVE');
  const upperEnd = behaviour(op, 'upperBoundEndpointBehavior', path, env, 'INCLUSIVE');
  if (!lower || !upper || !lowerEnd || !upperEnd) return undefined;
  if (lowerEnd === 'EXCLUSIVE' || upperEnd === 'EXCLUSIVE') return env.r.notRepresentable(path, 'a date range with an exclusive end');
  const negated = op.operator === 'IS_NOT_BETWEEN';
  if (!negated && op.operator !== 'IS_BETWEEN') return env.r.invalid(`${path}.operator`, 'must be IS_BETWEEN or IS_NOT_BETWEEN');
  const low = valueOf(lower, 'start', reading, `${path}.lowerBoundTimePoint`, env);
  const high = valueOf(upper, 'end', reading, `${path}.upperBoundTimePoint`, env);
  if (!low || !high) return undefined;
  if (reading.updatedAt) {
    // `was updated between` has no `not` form of its own: IS_NOT_BETWEEN is its negation, flag flipped.
    const cond = propertyCondition(reading.property, 'updated between', { ...NO_SPAN, kind: 'range', low, high }, negated ? !reading.flag : reading.flag);
    return negated ? not(cond) : cond;
  }
  return rangeCondition(reading, low, high, negated);
}

function rangeCondition(reading: Reading, low: Value, high: Value, negated: boolean): Expr {
  const rolling = negated ? undefined : rollingPhrase(undefined, low, high);
  if (rolling) return propertyCondition(reading.property, rolling.surface, rolling.operand, reading.flag);
  if (sameLiteral(low, high)) return propertyCondition(reading.property, negated ? 'is not' : 'is', single(low), reading.flag);
  const range = { ...NO_SPAN, kind: 'range' as const, low, high };
  return propertyCondition(reading.property, negated ? 'is not between' : 'is between', range, reading.flag);
}

/** `is D` covers exactly D's start to end; `is t` exactly [t, t]; `is today` the whole of today. */
function sameLiteral(a: Value, b: Value): boolean {
  if (a.kind === 'date' && b.kind === 'date') return a.raw === b.raw;
  if (a.kind === 'relative' && b.kind === 'relative') return JSON.stringify([a.anchor, a.offset]) === JSON.stringify([b.anchor, b.offset]);
  if (a.kind === 'property' && b.kind === 'property') return a.property.text === b.property.text && a.updated === b.updated;
  return a.kind === 'datetime' && b.kind === 'datetime' && a.raw === b.raw;
}
