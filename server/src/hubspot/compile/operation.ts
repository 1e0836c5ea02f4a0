// One property condition → one PROPERTY operation, per the row of the operator table
// (server/src/language/operators.ts) and the shapes of hubspot-api.md §2.3.

import type { Operand, PropertyCondition, Value } from '../../../../grammar/src/ast';
import { resolveOperation, typeClassOf, type OperatorRow } from '../../language/operators';
import type { PropertyDef } from '../../language/schema-types';
import type { DateTimePoint, EndpointBehavior, PropertyOperation, WallClock } from '../filter-branch';
import { datetimeLiteralToWallClock, endOfDay, startOfDay, validWall } from './time';

/** What an operation needs to know besides the condition. */
export interface OperationEnv {
  zone: string;
  /** Looks up another property of the same object (for `is before property P`). */
  property(name: string): PropertyDef | undefined;
}

export type OperationResult = { operation: PropertyOperation } | { error: string };

/** Thrown only inside this module and turned into an `{ error }` result at its edge. */
class OperandError extends Error {}

export function compileOperation(cond: PropertyCondition, prop: PropertyDef, env: OperationEnv): OperationResult {
  const typeClass = typeClassOf(prop.type);
  const row = resolveOperation(cond.operator, cond.operands.kind, typeClass);
  if (!row) {
    return { error: `\`${cond.operator}\` with this operand does not apply to \`${prop.name}\` (type ${prop.type})` };
  }
  try {
    return { operation: buildOperation(row, cond, env) };
  } catch (e) {
    if (e instanceof OperandError) return { error: e.message };
    throw e;
  }
}

function buildOperation(row: OperatorRow, cond: PropertyCondition, env: OperationEnv): PropertyOperation {
  const base = { operator: row.operator, includeObjectsWithNoValueSet: cond.includeUnknown !== undefined };
  const o = cond.operands;
  switch (row.operationType) {
    case 'ALL_PROPERTY':
      return { operationType: 'ALL_PROPERTY', ...base };
    case 'STRING':
      return { operationType: 'STRING', ...base, value: text(single(o)) };
    case 'MULTISTRING':
      return { operationType: 'MULTISTRING', ...base, values: values(o).map(text) };
    case 'NUMBER':
      return { operationType: 'NUMBER', ...base, value: num(single(o)) };
    case 'NUMBER_RANGED':
      return { operationType: 'NUMBER_RANGED', ...base, lowerBound: num(range(o)[0]), upperBound: num(range(o)[1]) };
    case 'BOOL':
      return { operationType: 'BOOL', ...base, value: bool(single(o)) };
    case 'ENUMERATION':
      return { operationType: 'ENUMERATION', ...base, values: values(o).map(text) };
    case 'ROLLING_DATE_RANGE':
      return { operationType: 'ROLLING_DATE_RANGE', ...base, numberOfDays: days(o), requiresTimeZoneConversion: true };
    case 'ROLLING_PROPERTY_UPDATED':
      return { operationType: 'ROLLING_PROPERTY_UPDATED', ...base, numberOfDays: days(o) };
    case 'CALENDAR_DATE':
      return calendar(base, o);
    case 'COMPARATIVE_DATE':
      return { operationType: 'COMPARATIVE_DATE', ...base, comparisonPropertyName: otherDate(o, env) };
    case 'TIME_POINT':
      return timePoint(base, single(o), env.zone);
    case 'TIME_RANGED':
      return timeRanged(base, o, env.zone);
  }
}

// ---------------------------------------------------------------------------------------------
// Operands

function single(o: Operand): Value {
  if (o.kind !== 'single') throw new OperandError('expected one value');
  return o.value;
}

function values(o: Operand): Value[] {
  if (o.kind === 'single') return [o.value];
  if (o.kind === 'list' && o.values.length > 0) return o.values;
  throw new OperandError('expected a non-empty list of values');
}

function range(o: Operand): [Value, Value] {
  if (o.kind !== 'range') throw new OperandError('expected `A and B`');
  return [o.low, o.high];
}

/** Strings and enumeration option values: quoted text, a bare word, or a number's spelling. */
function text(v: Value): string {
  if (v.kind === 'string' || v.kind === 'word') return v.value;
  if (v.kind === 'number') return v.raw;
  if (v.kind === 'boolean') return String(v.value);
  throw new OperandError(`expected text, found the ${v.kind} ${v.raw}`);
}

function num(v: Value): number {
  // `+ 0` turns -0 into 0, as JSON would anyway.
  if (v.kind === 'number' && Number.isFinite(v.value)) return v.value + 0;
  throw new OperandError('expected a number');
}

function bool(v: Value): boolean {
  if (v.kind === 'boolean') return v.value;
  throw new OperandError('expected true or false');
}

function days(o: Operand): number {
  if (o.kind !== 'days') throw new OperandError('expected a number of days');
  const n = num(o.count);
  if (!Number.isInteger(n) || n < 0) throw new OperandError('the number of days must be a whole number, 0 or more');
  return n;
}

function calendar(base: { operator: string; includeObjectsWithNoValueSet: boolean }, o: Operand): PropertyOperation {
  if (o.kind !== 'calendar') throw new OperandError('expected day, week, month, quarter or year');
  const op: PropertyOperation = {
    operationType: 'CALENDAR_DATE',
    ...base,
    timeUnit: o.unit.toUpperCase() as 'DAY',
    useFiscalYear: false,
  };
  if (o.count !== undefined) {
    const n = num(o.count);
    if (!Number.isInteger(n) || n < 1) throw new OperandError('the count of units must be a whole number, 1 or more');
    op.timeUnitCount = n;
  }
  return op;
}

function otherDate(o: Operand, env: OperationEnv): string {
  if (o.kind !== 'property') throw new OperandError('expected `property <name>`');
  const other = env.property(o.property.text);
  if (!other) throw new OperandError(`unknown property \`${o.property.text}\``);
  if (typeClassOf(other.type) !== 'date') throw new OperandError(`\`${other.name}\` is not a date property`);
  return other.name;
}

// ---------------------------------------------------------------------------------------------
// Dates: every literal becomes a wall clock in the list's zone.

type Base = { operator: string; includeObjectsWithNoValueSet: boolean };

function point(wall: WallClock, zone: string): DateTimePoint {
  return { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: zone, ...wall };
}

/** A date literal is the whole day [start, end]; a datetime literal is one instant [t, t]. */
function dayOrInstant(v: Value, zone: string): [WallClock, WallClock] {
  if (v.kind === 'date') {
    const start = startOfDay(v.year, v.month, v.day);
    if (!validWall(start)) throw new OperandError(`${v.raw} is not a date`);
    return [start, endOfDay(v.year, v.month, v.day)];
  }
  if (v.kind === 'datetime') {
    const wall = datetimeLiteralToWallClock(v.raw, zone);
    if (!wall) throw new OperandError(`${v.raw} is not a datetime in time zone ${zone}`);
    return [wall, wall];
  }
  throw new OperandError('expected a date (2024-01-31) or datetime (2024-01-31T10:00:00Z)');
}

function timePoint(base: Base, v: Value, zone: string): PropertyOperation {
  const [start, end] = dayOrInstant(v, zone);
  const after = base.operator === 'IS_AFTER';
  return {
    operationType: 'TIME_POINT',
    type: 'TIME_POINT',
    ...base,
    operator: after ? 'IS_AFTER' : 'IS_BEFORE',
    // `is after D` is after the end of D; `is before D` is before its start.
    timePoint: point(after ? end : start, zone),
    endpointBehavior: 'EXCLUSIVE',
    propertyParser: 'VALUE',
  };
}

function timeRanged(base: Base, o: Operand, zone: string): PropertyOperation {
  const [low, high] = o.kind === 'range' ? [o.low, o.high] : [single(o), single(o)];
  const lower = dayOrInstant(low, zone)[0];
  const upper = dayOrInstant(high, zone)[1];
  const inclusive: EndpointBehavior = 'INCLUSIVE';
  return {
    operationType: 'TIME_RANGED',
    type: 'TIME_RANGED',
    ...base,
    operator: base.operator === 'IS_NOT_BETWEEN' ? 'IS_NOT_BETWEEN' : 'IS_BETWEEN',
    lowerBoundTimePoint: point(lower, zone),
    upperBoundTimePoint: point(upper, zone),
    lowerBoundEndpointBehavior: inclusive,
    upperBoundEndpointBehavior: inclusive,
    propertyParser: 'VALUE',
  };
}
