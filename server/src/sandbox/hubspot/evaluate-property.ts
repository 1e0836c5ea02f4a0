// One PROPERTY filter against one record. Unknown values get `includeObjectsWithNoValueSet`, except
// IS_KNOWN / IS_UNKNOWN and the history and updated-at operators (docs/semantics.md).

import { isUnknownValue, type EvalContext, type EvalRecord, type Json } from './evaluate-types';
import { compareBool, compareEnumeration, compareNumber, compareNumberRange, compareString, hasTypedValue, parseBool, parseNumberValue } from './evaluate-values';
import { evaluateHistory, evaluateRollingUpdated, isHistoryOperator, lastUpdatedAt } from './evaluate-history';
import { compareDate, DATE_OPERATION_TYPES } from './evaluate-dates';
import { parseInstant, type TimeContext } from './evaluate-time';

export function evaluatePropertyFilter(record: EvalRecord, property: string, operation: Json, ctx: EvalContext): boolean {
  const verdict = judge(record, property, operation, ctx);
  if (verdict === undefined) {
    ctx.report?.(`Cannot evaluate ${String(operation.operationType)} ${String(operation.operator)} on property "${property}".`);
    return false;
  }
  return verdict;
}

function judge(record: EvalRecord, property: string, operation: Json, ctx: EvalContext): boolean | undefined {
  const operationType = String(operation.operationType);
  const operator = String(operation.operator);
  const raw = record.properties[property];
  if (operationType === 'ALL_PROPERTY') return knownness(hasTypedValue(raw, ctx.propertyType?.(property)), operator);
  if (operationType === 'ROLLING_PROPERTY_UPDATED') return evaluateRollingUpdated(record, property, operation, ctx.now);
  if (isHistoryOperator(operator)) return evaluateHistory(record, property, operation);
  if (operationType === 'COMPARATIVE_PROPERTY_UPDATED') return comparativeUpdated(record, property, operation);
  const noValue = operation.includeObjectsWithNoValueSet === true;
  const current = currentValue(record, property, operation);
  if (current === undefined) return noValue;
  const parsed = parseFor(operationType, current);
  if (parsed === undefined) {
    ctx.report?.(`Record ${record.id}: property "${property}" has value "${current}", which is not a valid ${operationType} value; treated as unknown.`);
    return noValue;
  }
  const dateOnly = operation.propertyParser !== 'UPDATED_AT' && ctx.propertyType?.(property) === 'date';
  return compareParsed(operationType, parsed, operation, timeContext(record, ctx, dateOnly));
}

function knownness(known: boolean, operator: string): boolean | undefined {
  if (operator === 'IS_KNOWN' || operator === 'IS_NOT_BLANK') return known;
  if (operator === 'IS_UNKNOWN' || operator === 'IS_BLANK') return !known;
  return undefined;
}

/** The value a filter looks at: the property's value, or its last update time (`propertyParser: UPDATED_AT`). */
function currentValue(record: EvalRecord, property: string, operation: Json): string | undefined {
  if (operation.propertyParser === 'UPDATED_AT') {
    const updated = lastUpdatedAt(record, property);
    return updated === undefined ? undefined : String(updated);
  }
  const raw = record.properties[property];
  return isUnknownValue(raw) ? undefined : raw;
}

type Parsed = string | number | boolean;

function parseFor(operationType: string, value: string): Parsed | undefined {
  if (operationType === 'NUMBER' || operationType === 'NUMBER_RANGED') return parseNumberValue(value);
  if (operationType === 'BOOL') return parseBool(value);
  if (DATE_OPERATION_TYPES.has(operationType)) return parseInstant(value);
  return value;
}

function compareParsed(operationType: string, value: Parsed, operation: Json, time: TimeContext): boolean | undefined {
  switch (operationType) {
    case 'STRING':
    case 'MULTISTRING':
      return compareString(String(value), operation);
    case 'NUMBER': return compareNumber(value as number, operation);
    case 'NUMBER_RANGED': return compareNumberRange(value as number, operation);
    case 'BOOL': return compareBool(value as boolean, operation);
    case 'ENUMERATION': return compareEnumeration(String(value), operation);
    default:
      return DATE_OPERATION_TYPES.has(operationType) ? compareDate(value as number, operation, time) : undefined;
  }
}

function timeContext(record: EvalRecord, ctx: EvalContext, dateOnly: boolean): TimeContext {
  return {
    now: ctx.now,
    zone: ctx.timeZone ?? 'UTC',
    dateOnly,
    propertyInstant(name, referenceType) {
      if (referenceType === 'UPDATED_AT') return lastUpdatedAt(record, name);
      const raw = record.properties[name];
      return isUnknownValue(raw) ? undefined : parseInstant(raw);
    },
  };
}

function comparativeUpdated(record: EvalRecord, property: string, operation: Json): boolean | undefined {
  const mine = lastUpdatedAt(record, property);
  const other = lastUpdatedAt(record, String(operation.comparisonPropertyName));
  if (mine === undefined || other === undefined) return false;
  if (operation.operator === 'IS_BEFORE') return mine < other;
  if (operation.operator === 'IS_AFTER') return mine > other;
  return undefined;
}
