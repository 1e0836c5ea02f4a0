// TIME_POINT / TIME_RANGED operations back to `is before|after D`, `is D`, `is between D1 and D2`,
// with date literals where the wall clock is a day's start or end in the list's zone, and datetime
// literals (with the zone's offset) otherwise.

import type { Expr, Value } from '../../../grammar/src/ast';
import { dateValue, datetimeValue, not, NO_SPAN, propertyCondition, single } from './decompile-ast';
import { isObject, numberField, Reporter, type Json } from './decompile-report';
import { formatDate, formatDatetimeLiteral, instantOf, isValidTimeZone, validWall, wallClockAt } from './compile/time';
import type { WallClock } from './filter-branch';

export interface TimeEnv {
  /** The list's zone (from the first time point's `zoneId`). */
  zone: string;
  r: Reporter;
}

interface Point {
  wall: WallClock;
  zone: string;
}

/** A DATE time point; INDEXED and PROPERTY_REFERENCED ones have no phrase. */
export function readTimePoint(v: unknown, path: string, env: TimeEnv): Point | undefined {
  if (!isObject(v)) return env.r.invalid(path, 'must be a time point object');
  if (v.timeType !== 'DATE') return env.r.notRepresentable(path, `a ${String(v.timeType)} time point`);
  const zone = typeof v.zoneId === 'string' ? v.zoneId : env.zone;
  if (!isValidTimeZone(zone)) return env.r.invalid(`${path}.zoneId`, `unknown time zone ${zone}`);
  const num = (k: string) => (v[k] === undefined ? 0 : numberField(v, k, path, env.r));
  const parts = [numberField(v, 'year', path, env.r), numberField(v, 'month', path, env.r), numberField(v, 'day', path, env.r)];
  const [hour, minute, second, millisecond] = ['hour', 'minute', 'second', 'millisecond'].map(num);
  const [year, month, day] = parts;
  if ([year, month, day, hour, minute, second, millisecond].some((n) => n === undefined)) return undefined;
  const wall = { year, month, day, hour, minute, second, millisecond } as WallClock;
  if (!validWall(wall)) return env.r.invalid(path, 'is not a valid date and time');
  return { wall, zone };
}

/** The point as the list zone's wall clock (equal when zones match). */
function inListZone(p: Point, env: TimeEnv): WallClock | undefined {
  if (p.zone === env.zone) return p.wall;
  const instant = instantOf(p.zone, p.wall);
  return instant === undefined ? undefined : wallClockAt(env.zone, instant);
}

function isStart(w: WallClock): boolean {
  return w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;
}

function isEnd(w: WallClock): boolean {
  return w.hour === 23 && w.minute === 59 && w.second === 59 && w.millisecond === 999;
}

/** `edge` says which day boundary a date literal stands for in this position. */
function literal(p: Point, edge: 'start' | 'end', env: TimeEnv): Value | undefined {
  const w = inListZone(p, env);
  if (w && (edge === 'start' ? isStart(w) : isEnd(w))) return dateValue(w.year, w.month, w.day, formatDate(w));
  const raw = formatDatetimeLiteral(p.wall, p.zone);
  return raw === undefined ? undefined : datetimeValue(raw);
}

function behaviour(op: Json, key: string, path: string, env: TimeEnv, fallback?: string): string | undefined {
  const v = op[key] ?? fallback;
  if (v === 'INCLUSIVE' || v === 'EXCLUSIVE') return v;
  if (v === undefined) return env.r.notRepresentable(`${path}.${key}`, 'a time point without endpoint behaviour (its default is undocumented)');
  return env.r.invalid(`${path}.${key}`, 'must be INCLUSIVE or EXCLUSIVE');
}

function checkParser(op: Json, path: string, env: TimeEnv): boolean {
  if (op.propertyParser === undefined || op.propertyParser === 'VALUE') return true;
  env.r.notRepresentable(`${path}.propertyParser`, `a ${String(op.propertyParser)} date comparison`);
  return false;
}

export function decompileTimePoint(op: Json, property: string, flag: boolean, path: string, env: TimeEnv): Expr | undefined {
  const point = readTimePoint(op.timePoint, `${path}.timePoint`, env);
  const endpoint = behaviour(op, 'endpointBehavior', path, env);
  if (!point || !endpoint || !checkParser(op, path, env)) return undefined;
  const after = op.operator === 'IS_AFTER';
  if (!after && op.operator !== 'IS_BEFORE') return env.r.invalid(`${path}.operator`, 'must be IS_BEFORE or IS_AFTER');
  // v <= t (INCLUSIVE) is written as not (v > t), with the no-value flag flipped.
  const phraseAfter = endpoint === 'EXCLUSIVE' ? after : !after;
  const value = literal(point, phraseAfter ? 'end' : 'start', env);
  if (!value) return env.r.invalid(`${path}.timePoint`, 'cannot be placed in its time zone');
  const operator = phraseAfter ? 'is after' : 'is before';
  if (endpoint === 'EXCLUSIVE') return propertyCondition(property, operator, single(value), flag);
  return not(propertyCondition(property, operator, single(value), !flag));
}

export function decompileTimeRanged(op: Json, property: string, flag: boolean, path: string, env: TimeEnv): Expr | undefined {
  const lower = readTimePoint(op.lowerBoundTimePoint, `${path}.lowerBoundTimePoint`, env);
  const upper = readTimePoint(op.upperBoundTimePoint, `${path}.upperBoundTimePoint`, env);
  const lowerEnd = behaviour(op, 'lowerBoundEndpointBehavior', path, env, 'INCLUSIVE');
  const upperEnd = behaviour(op, 'upperBoundEndpointBehavior', path, env, 'INCLUSIVE');
  if (!lower || !upper || !lowerEnd || !upperEnd || !checkParser(op, path, env)) return undefined;
  if (lowerEnd === 'EXCLUSIVE' || upperEnd === 'EXCLUSIVE') return env.r.notRepresentable(path, 'a date range with an exclusive end');
  const negated = op.operator === 'IS_NOT_BETWEEN';
  if (!negated && op.operator !== 'IS_BETWEEN') return env.r.invalid(`${path}.operator`, 'must be IS_BETWEEN or IS_NOT_BETWEEN');
  const low = literal(lower, 'start', env);
  const high = literal(upper, 'end', env);
  if (!low || !high) return env.r.invalid(path, 'has a time point that cannot be placed in its time zone');
  if (sameLiteral(low, high)) return propertyCondition(property, negated ? 'is not' : 'is', single(low), flag);
  const range = { ...NO_SPAN, kind: 'range' as const, low, high };
  return propertyCondition(property, negated ? 'is not between' : 'is between', range, flag);
}

/** `is D` covers exactly D's start to end; `is t` exactly [t, t]. */
function sameLiteral(a: Value, b: Value): boolean {
  if (a.kind === 'date' && b.kind === 'date') return a.raw === b.raw;
  return a.kind === 'datetime' && b.kind === 'datetime' && a.raw === b.raw;
}
