// A PROPERTY filter's operation back to a phrase, through the operator table (`rowsForOperation`):
// the operand shape comes from the JSON, the type class from the schema (or from the operation
// type when the schema does not know the property).

import type { Expr, Operand, SurfaceOperator, Value } from '@hslist/grammar';
import { operationFor, rowsForOperation, type OperatorRow, type TypeClass } from '../language/operators';
import type { PropertyDef } from '../language/schema-types';
import * as ast from './decompile-ast';
import { arrayField, isObject, numberField, Reporter, stringField, type Json } from './decompile-report';
import { decompileTimePoint, decompileTimeRanged, readParser, type TimeEnv } from './decompile-time';
import { decompileRolling } from './decompile-rolling';

export interface OperationEnv extends TimeEnv {
  properties: Map<string, PropertyDef>;
}

/** Lowercase legacy names HubSpot's docs still show, where the mapping is one to one. */
const LEGACY_TYPES: Record<string, string> = {
  alltypes: 'ALL_PROPERTY',
  string: 'STRING',
  multistring: 'MULTISTRING',
  number: 'NUMBER',
  'number-ranged': 'NUMBER_RANGED',
  bool: 'BOOL',
  enumeration: 'ENUMERATION',
  'datetime-rolling': 'ROLLING_DATE_RANGE',
  'rolling-property-updated': 'ROLLING_PROPERTY_UPDATED',
  'datetime-comparative': 'COMPARATIVE_DATE',
};

const TYPE_CLASS_OF_OPERATION: Record<string, TypeClass> = {
  STRING: 'string',
  MULTISTRING: 'string',
  NUMBER: 'number',
  NUMBER_RANGED: 'number',
  BOOL: 'bool',
  ENUMERATION: 'enumeration',
};

/** List operands that read "… any of (…)". */
const ANY_OF_SURFACES = new Set<SurfaceOperator>(['starts with', 'ends with', 'has ever been', 'has never been']);

export function decompilePropertyFilter(f: Json, path: string, env: OperationEnv): Expr | undefined {
  const property = stringField(f, 'property', path, env.r);
  const op = f.operation;
  if (!isObject(op)) return env.r.invalid(`${path}.operation`, 'must be an operation object');
  const opPath = `${path}.operation`;
  const rawType = stringField(op, 'operationType', opPath, env.r);
  const operator = stringField(op, 'operator', opPath, env.r);
  if (property === undefined || rawType === undefined || operator === undefined) return undefined;
  const type = rawType === rawType.toUpperCase() ? rawType : LEGACY_TYPES[rawType];
  if (!type) return env.r.notRepresentable(`${opPath}.operationType`, `the legacy operation type ${rawType}`);
  const flagValue = op.includeObjectsWithNoValueSet ?? false;
  if (typeof flagValue !== 'boolean') return env.r.invalid(`${opPath}.includeObjectsWithNoValueSet`, 'must be true or false');
  if (type === 'TIME_POINT' || type === 'TIME_RANGED') {
    const parser = readParser(op, opPath, env);
    if (!parser) return undefined;
    const dateOnly = parser === 'VALUE' && env.properties.get(property)?.type === 'date';
    const reading = { property, flag: flagValue, updatedAt: parser === 'UPDATED_AT', dateOnly };
    return type === 'TIME_POINT' ? decompileTimePoint(op, reading, opPath, env) : decompileTimeRanged(op, reading, opPath, env);
  }
  if (type === 'ROLLING_DATE_RANGE') return decompileRolling(op, property, flagValue, opPath, env);
  if (type === 'COMPARATIVE_DATE') return decompileComparativeDate(op, property, operator, flagValue, opPath, env);
  const rows = rowsForOperation(type, operator.toUpperCase());
  if (rows.length === 0) return env.r.notRepresentable(`${opPath}.operator`, `the ${type} operation ${operator}`);
  const operand = operandOf(type, op, opPath, env);
  if (!operand) return undefined;
  return phrase(property, rows, operand, flagValue, opPath, env);
}

/**
 * The rows whose phrase compiles back to this very operation for the property (a string `is` is
 * STRING, a single-select's `is` IS_ANY_OF, a multi-select's IS_EXACTLY): another row would change
 * what the list matches. A property the schema does not know is judged by the operation's type.
 */
function rankRows(rows: OperatorRow[], property: string, type: string, env: OperationEnv): OperatorRow[] {
  const def = env.properties.get(property) ?? { type: HUBSPOT_TYPE_OF_CLASS[TYPE_CLASS_OF_OPERATION[type] ?? 'date'] };
  return rows.filter((r) => {
    const back = operationFor(r.surface, r.operand, def);
    return back?.operationType === r.operationType && back.operator === r.operator;
  });
}

const HUBSPOT_TYPE_OF_CLASS: Record<TypeClass, string> = {
  string: 'string', number: 'number', bool: 'bool', enumeration: 'enumeration', date: 'datetime', other: 'other',
};

function phrase(property: string, rows: OperatorRow[], operand: Operand, flag: boolean, path: string, env: OperationEnv): Expr | undefined {
  const ranked = rankRows(rows, property, rows[0].operationType, env);
  if (ranked.length === 0) return env.r.notRepresentable(path, `${rows[0].operationType} ${rows[0].operator} on ${property}`);
  if (operand.kind === 'list') {
    const wanted = operand.values.length === 1 ? ['single', 'list'] : ['list'];
    const row = wanted.map((k) => ranked.find((r) => r.operand === k)).find((r) => r !== undefined);
    if (row?.operand === 'single') return ast.propertyCondition(property, row.surface, ast.single(operand.values[0]), flag);
    if (row) return ast.propertyCondition(property, row.surface, { ...operand, anyOf: ANY_OF_SURFACES.has(row.surface) }, flag);
    return expandSingles(property, ranked, operand.values, flag, path, env);
  }
  const row = ranked.find((r) => r.operand === operand.kind);
  if (!row) return env.r.notRepresentable(path, `${rows[0].operationType} ${rows[0].operator} on ${property} with this value`);
  return ast.propertyCondition(property, row.surface, operand, flag);
}

/** MULTISTRING CONTAINS_EXACTLY [a, b] = any of them; DOES_NOT_CONTAIN_EXACTLY [a, b] = none of them. */
function expandSingles(property: string, rows: OperatorRow[], values: Value[], flag: boolean, path: string, env: OperationEnv): Expr | undefined {
  const row = rows.find((r) => r.operand === 'single' && /CONTAINS?_EXACTLY$/.test(r.operator));
  if (!row) return env.r.notRepresentable(path, `${rows[0].operationType} ${rows[0].operator} with several values`);
  const parts = values.map((v) => ast.propertyCondition(property, row.surface, ast.single(v), flag));
  return row.operator.startsWith('DOES_NOT') ? ast.and(parts) : ast.paren(ast.or(parts));
}

function operandOf(type: string, op: Json, path: string, env: OperationEnv): Operand | undefined {
  const r = env.r;
  switch (type) {
    case 'ALL_PROPERTY':
      return { ...ast.NO_SPAN, kind: 'none' };
    case 'STRING': {
      const value = stringField(op, 'value', path, r);
      return value === undefined ? undefined : ast.single(ast.stringValue(value));
    }
    case 'MULTISTRING':
    case 'ENUMERATION':
      return valuesOperand(type, op, path, r);
    case 'NUMBER': {
      const value = numberField(op, 'value', path, r);
      return value === undefined ? undefined : ast.single(ast.numberValue(value));
    }
    case 'NUMBER_RANGED': {
      const low = numberField(op, 'lowerBound', path, r);
      const high = numberField(op, 'upperBound', path, r);
      if (low === undefined || high === undefined) return undefined;
      return { ...ast.NO_SPAN, kind: 'range', low: ast.numberValue(low), high: ast.numberValue(high) };
    }
    case 'BOOL':
      return boolOperand(op, path, r);
    case 'ROLLING_PROPERTY_UPDATED':
      return daysOperand(op, path, r);
    case 'CALENDAR_DATE':
      return calendarOperand(op, path, r);
    default:
      return r.notRepresentable(`${path}.operationType`, `the ${type} operation`);
  }
}

/**
 * The older encoding of `is before|after property P` (strict; false when P has no value, as the
 * PROPERTY_REFERENCED point the language writes now): the same phrase, so a pulled list says the same.
 */
function decompileComparativeDate(op: Json, property: string, operator: string, flag: boolean, path: string, env: OperationEnv): Expr | undefined {
  if (op.defaultComparisonValue !== undefined) return env.r.notRepresentable(`${path}.defaultComparisonValue`, 'a default comparison value');
  const other = stringField(op, 'comparisonPropertyName', path, env.r);
  if (other === undefined) return undefined;
  const upper = operator.toUpperCase();
  if (upper !== 'IS_BEFORE' && upper !== 'IS_AFTER') return env.r.notRepresentable(`${path}.operator`, `the COMPARATIVE_DATE operation ${operator}`);
  const operand: Operand = { ...ast.NO_SPAN, kind: 'property', property: ast.name(other) };
  return ast.propertyCondition(property, upper === 'IS_BEFORE' ? 'is before' : 'is after', operand, flag);
}

function valuesOperand(type: string, op: Json, path: string, r: Reporter): Operand | undefined {
  const raw = arrayField(op, 'values', path, r);
  if (!raw) return undefined;
  if (raw.length === 0) return r.invalid(`${path}.values`, 'must not be empty');
  const bad = raw.findIndex((v) => typeof v !== 'string' && typeof v !== 'number');
  if (bad >= 0) return r.invalid(`${path}.values[${bad}]`, 'must be a string');
  const strings = raw.map(String);
  return ast.list(strings.map(type === 'ENUMERATION' ? ast.optionValue : ast.stringValue), false);
}

function boolOperand(op: Json, path: string, r: Reporter): Operand | undefined {
  const v = op.value;
  const b = v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
  if (b === undefined) return r.invalid(`${path}.value`, 'must be true or false');
  return ast.single(ast.booleanValue(b));
}

function daysOperand(op: Json, path: string, r: Reporter): Operand | undefined {
  const n = numberField(op, 'numberOfDays', path, r);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 0) return r.invalid(`${path}.numberOfDays`, 'must be a whole number, 0 or more');
  return { ...ast.NO_SPAN, kind: 'days', count: ast.numberValue(n) };
}

const UNITS = new Set(['day', 'week', 'month', 'quarter', 'year']);

function calendarOperand(op: Json, path: string, r: Reporter): Operand | undefined {
  if (op.useFiscalYear === true) return r.notRepresentable(`${path}.useFiscalYear`, 'a fiscal-year calendar filter');
  const unit = stringField(op, 'timeUnit', path, r)?.toLowerCase();
  if (unit === undefined) return undefined;
  if (!UNITS.has(unit)) return r.invalid(`${path}.timeUnit`, 'must be DAY, WEEK, MONTH, QUARTER or YEAR');
  const count = op.timeUnitCount === undefined ? undefined : numberField(op, 'timeUnitCount', path, r);
  if (op.timeUnitCount !== undefined && count === undefined) return undefined;
  const countValue = count === undefined ? undefined : ast.numberValue(count);
  return { ...ast.NO_SPAN, kind: 'calendar', unit: unit as 'day', count: countValue };
}
