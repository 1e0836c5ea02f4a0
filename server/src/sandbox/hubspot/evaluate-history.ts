// History operators (HAS_EVER_* / HAS_NEVER_*) and "updated in the last N days": they judge every value
// the property has had, the current one included, and ignore includeObjectsWithNoValueSet.

import { asArray, DAY_MS, isUnknownValue, type EvalHistoryEntry, type EvalRecord, type Json } from './evaluate-types';
import { compareBool, compareNumber, compareString, enumMatches, enumSet, parseBool, parseNumberValue } from './evaluate-values';
import { parseInstant } from './evaluate-time';

export function isHistoryOperator(operator: string): boolean {
  return operator.startsWith('HAS_EVER_') || operator.startsWith('HAS_NEVER_');
}

/** The record's history of a property; without loaded history, the current value alone. */
export function historyOf(record: EvalRecord, property: string): EvalHistoryEntry[] {
  const loaded = record.history?.[property];
  if (loaded) return loaded.filter((entry) => !isUnknownValue(entry.value));
  const current = record.properties[property];
  return isUnknownValue(current) ? [] : [{ value: current, timestamp: '' }];
}

/** HAS_EVER_X / HAS_NEVER_X: some / no past value meets X. */
export function evaluateHistory(record: EvalRecord, property: string, operation: Json): boolean | undefined {
  const operator = String(operation.operator);
  const never = operator.startsWith('HAS_NEVER_');
  const test = pastValueTest(String(operation.operationType), operator.replace(/^HAS_(EVER|NEVER)_/, ''), operation);
  if (!test) return undefined;
  const some = historyOf(record, property).some((entry) => test(entry.value) === true);
  return never ? !some : some;
}

function pastValueTest(operationType: string, core: string, operation: Json): ((value: string) => boolean | undefined) | undefined {
  const equal = { ...operation, operator: 'IS_EQUAL_TO' };
  if (core === 'BEEN_EQUAL_TO' && (operationType === 'STRING' || operationType === 'MULTISTRING')) return (v) => compareString(v, equal);
  if (core === 'CONTAINED' && (operationType === 'STRING' || operationType === 'MULTISTRING')) {
    return (v) => compareString(v, { ...operation, operator: 'CONTAINS' });
  }
  if (core === 'BEEN_EQUAL_TO' && operationType === 'NUMBER') {
    return (v) => { const n = parseNumberValue(v); return n === undefined ? undefined : compareNumber(n, equal); };
  }
  if (core === 'BEEN_EQUAL_TO' && operationType === 'BOOL') {
    return (v) => { const b = parseBool(v); return b === undefined ? undefined : compareBool(b, equal); };
  }
  const enumOperator: Record<string, string> = { BEEN_ANY_OF: 'IS_ANY_OF', BEEN_EXACTLY: 'IS_EXACTLY', CONTAINED_ALL: 'CONTAINS_ALL' };
  if (operationType === 'ENUMERATION' && enumOperator[core]) {
    return (v) => enumMatches(enumSet(v), asArray(operation.values).map(String), enumOperator[core]);
  }
  return undefined;
}

/** The newest history timestamp (epoch ms), or undefined when the property was never set. */
export function lastUpdatedAt(record: EvalRecord, property: string): number | undefined {
  const stamps = (record.history?.[property] ?? [])
    .map((entry) => parseInstant(entry.timestamp))
    .filter((t): t is number => t !== undefined);
  return stamps.length > 0 ? Math.max(...stamps) : undefined;
}

export function evaluateRollingUpdated(record: EvalRecord, property: string, operation: Json, now: number): boolean | undefined {
  const updated = lastUpdatedAt(record, property);
  const recent = updated !== undefined && updated >= now - Number(operation.numberOfDays) * DAY_MS && updated <= now;
  if (operation.operator === 'UPDATED_IN_LAST_X_DAYS') return recent;
  if (operation.operator === 'NOT_UPDATED_IN_LAST_X_DAYS') return !recent;
  return undefined;
}
