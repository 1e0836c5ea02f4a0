// Date phrases → TIME_POINT / TIME_RANGED operations. A date literal is a whole day and a datetime
// literal an instant, both as wall clocks in the list's zone; a relative time is INDEXED
// (relative.ts). A `date` property holds a calendar day that HubSpot stores as midnight UTC, so its
// DATE points carry `UTC`: the day compares exactly whatever zone HubSpot would otherwise read.

import type { Operand, RelativeOffset, Value } from '@hslist/grammar';
import { typeClassOf } from '../../language/operators';
import type { PropertyDef } from '../../language/schema-types';
import type { DateTimePoint, EndpointBehavior, PropertyOperation, PropertyParser, PropertyReferencedTimePoint, TimePoint, WallClock } from '../filter-branch';
import { relativePoints } from './relative';
import { datetimeLiteralToWallClock, endOfDay, startOfDay, validWall } from './time';

export interface TimeEnv {
  /** The list's zone. */
  zone: string;
  /** The property is `date` (a day), not `datetime`. */
  dateOnly: boolean;
  propertyParser: PropertyParser;
  /** Another property of the same record (for `property P` and `when P was updated`). */
  property?(name: string): PropertyDef | undefined;
}

export type Base = { operator: string; includeObjectsWithNoValueSet: boolean };

/** Thrown inside the compiler's operation builders and turned into an `{ error }` result at their edge. */
export class OperandError extends Error {}

function datePoint(wall: WallClock, env: TimeEnv): DateTimePoint {
  return { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: env.dateOnly ? 'UTC' : env.zone, ...wall };
}

/** [first, last] moment of a time value: a date is its whole day, a datetime or `now` one instant. */
export function timeBounds(v: Value, env: TimeEnv): [TimePoint, TimePoint] {
  if (v.kind === 'date') {
    const start = startOfDay(v.year, v.month, v.day);
    if (!validWall(start)) throw new OperandError(`${v.raw} is not a date`);
    return [datePoint(start, env), datePoint(endOfDay(v.year, v.month, v.day), env)];
  }
  if (v.kind === 'datetime') {
    const wall = datetimeLiteralToWallClock(v.raw, env.zone);
    if (!wall) throw new OperandError(`${v.raw} is not a datetime in time zone ${env.zone}`);
    return [datePoint(wall, env), datePoint(wall, env)];
  }
  if (v.kind === 'relative') {
    if (v.offset && (!Number.isInteger(v.offset.count) || v.offset.count < 0)) throw new OperandError('the count before `before` / `after` must be a whole number');
    return relativePoints(v.anchor, v.offset, env.zone);
  }
  if (v.kind === 'property') {
    const point = referencedPoint(v, env);
    return [point, point];
  }
  throw new OperandError('expected a date (2024-01-31), a datetime (2024-01-31T10:00:00Z) or a relative time (today, 3 days before today)');
}

/** `property P` / `when P was updated`: HubSpot's PROPERTY_REFERENCED point, read per record when HubSpot evaluates the list. */
function referencedPoint(v: Extract<Value, { kind: 'property' }>, env: TimeEnv): PropertyReferencedTimePoint {
  const other = env.property?.(v.property.text);
  if (!other) throw new OperandError(`unknown property \`${v.property.text}\``);
  if (!v.updated && typeClassOf(other.type) !== 'date') throw new OperandError(`\`${other.name}\` is not a date property`);
  return { timeType: 'PROPERTY_REFERENCED', timezoneSource: 'CUSTOM', zoneId: env.zone, property: other.name, referenceType: v.updated ? 'UPDATED_AT' : 'VALUE' };
}

/** `is after T` is after T's last moment; `is before T` before its first. */
export function timePointOperation(base: Base, v: Value, env: TimeEnv): PropertyOperation {
  const [start, end] = timeBounds(v, env);
  const after = base.operator === 'IS_AFTER';
  return {
    operationType: 'TIME_POINT',
    type: 'TIME_POINT',
    ...base,
    operator: after ? 'IS_AFTER' : 'IS_BEFORE',
    timePoint: after ? end : start,
    endpointBehavior: 'EXCLUSIVE',
    propertyParser: env.propertyParser,
  };
}

/** From the first moment of `low` to the last of `high`, both included. */
export function timeRangedOperation(base: Base, low: Value, high: Value, env: TimeEnv): PropertyOperation {
  const inclusive: EndpointBehavior = 'INCLUSIVE';
  return {
    operationType: 'TIME_RANGED',
    type: 'TIME_RANGED',
    ...base,
    operator: base.operator === 'IS_NOT_BETWEEN' ? 'IS_NOT_BETWEEN' : 'IS_BETWEEN',
    lowerBoundTimePoint: timeBounds(low, env)[0],
    upperBoundTimePoint: timeBounds(high, env)[1],
    lowerBoundEndpointBehavior: inclusive,
    upperBoundEndpointBehavior: inclusive,
    propertyParser: env.propertyParser,
  };
}

const NO_SPAN = { start: 0, end: 0 };

function relative(anchor: 'today' | 'now', offset?: RelativeOffset): Value {
  return { ...NO_SPAN, kind: 'relative', anchor, offset };
}

/**
 * The rolling phrases as HubSpot encodes them: `is less than N days ago` = from the start of the day
 * N days ago to now (`is between N days before today and now`); `is more than N days ago` = before
 * that day; `… from now` mirrors them up to the end of the day N days ahead.
 */
export function rollingOperand(surface: string, days: number): Operand {
  const ago = relative('today', { count: days, unit: 'day', direction: 'before' });
  const ahead = relative('today', { count: days, unit: 'day', direction: 'after' });
  const range = (low: Value, high: Value): Operand => ({ ...NO_SPAN, kind: 'range', low, high });
  switch (surface) {
    case 'is less than days ago': return range(ago, relative('now'));
    case 'is more than days ago': return { ...NO_SPAN, kind: 'single', value: ago };
    case 'is less than days from now': return range(relative('now'), ahead);
    default: return { ...NO_SPAN, kind: 'single', value: ahead };
  }
}

export function rollingOperation(surface: string, days: number, base: Base, env: TimeEnv): PropertyOperation {
  const o = rollingOperand(surface, days);
  if (o.kind === 'range') return timeRangedOperation(base, o.low, o.high, env);
  return timePointOperation(base, (o as { value: Value }).value, env);
}
