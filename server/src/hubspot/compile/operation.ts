// One property condition → one PROPERTY operation, per the row of the operator table
// (server/src/language/operators.ts) and the shapes of hubspot-api.md §2.3.

import type { Operand, PropertyCondition, Value } from '@hslist/grammar';
import { operationFor, type OperatorRow } from '../../language/operators';
import type { PropertyDef } from '../../language/schema-types';
import { optionValue } from '../../language/option-match';
import type { PropertyOperation } from '../filter-branch';
import { OperandError, rollingOperation, timePointOperation, timeRangedOperation, type TimeEnv } from './time-operation';

/** What an operation needs to know besides the condition. */
export interface OperationEnv {
  zone: string;
  /** Looks up another property of the same object (for `is before property P`). */
  property(name: string): PropertyDef | undefined;
}

export type OperationResult = { operation: PropertyOperation } | { error: string };

export function compileOperation(cond: PropertyCondition, prop: PropertyDef, env: OperationEnv): OperationResult {
  const row = operationFor(cond.operator, cond.operands.kind, prop);
  if (!row) {
    return { error: `\`${cond.operator}\` with this operand does not apply to \`${prop.name}\` (type ${prop.type})` };
  }
  try {
    return { operation: buildOperation(row, cond, prop, env) };
  } catch (e) {
    if (e instanceof OperandError) return { error: e.message };
    throw e;
  }
}

function buildOperation(row: OperatorRow, cond: PropertyCondition, prop: PropertyDef, env: OperationEnv): PropertyOperation {
  const base = { operator: row.operator, includeObjectsWithNoValueSet: cond.includeUnknown !== undefined };
  const o = cond.operands;
  if (row.operationType === 'TIME_POINT' || row.operationType === 'TIME_RANGED') return timeOperation(row, base, o, timeEnv(row, prop, env));
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
      // A label (or an owner's name) is sent as the internal value HubSpot compares with.
      return { operationType: 'ENUMERATION', ...base, values: values(o).map((v) => optionValue(prop, text(v))) };
    case 'ROLLING_PROPERTY_UPDATED':
      return { operationType: 'ROLLING_PROPERTY_UPDATED', ...base, numberOfDays: days(o) };
    case 'CALENDAR_DATE':
      return calendar(base, o);
    default:
      throw new OperandError(`${row.operationType} is not written by this compiler`);
  }
}

/** Updated-at phrases compare a timestamp; a `date` property's own value is a day. */
function timeEnv(row: OperatorRow, prop: PropertyDef, env: OperationEnv): TimeEnv {
  const parser = row.propertyParser ?? 'VALUE';
  return { zone: env.zone, dateOnly: parser === 'VALUE' && prop.type === 'date', propertyParser: parser, property: (name) => env.property(name) };
}

function timeOperation(row: OperatorRow, base: { operator: string; includeObjectsWithNoValueSet: boolean }, o: Operand, env: TimeEnv): PropertyOperation {
  if (o.kind === 'days') return rollingOperation(row.surface, days(o), base, env);
  if (o.kind === 'range') return timeRangedOperation(base, o.low, o.high, env);
  // `is before|after property P`: P's value as the time point.
  if (o.kind === 'property') return timePointOperation(base, { kind: 'property', property: o.property, updated: false, start: o.start, end: o.end }, env);
  const v = single(o);
  return row.operationType === 'TIME_POINT' ? timePointOperation(base, v, env) : timeRangedOperation(base, v, v, env);
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
  throw new OperandError(`expected text, found ${v.kind === 'relative' ? `the relative time ${v.anchor}` : v.kind === 'property' ? `property ${v.property.text}` : `the ${v.kind} ${v.raw}`}`);
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
