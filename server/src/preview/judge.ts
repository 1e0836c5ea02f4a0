// docs/semantics.md applied literally to one property value of one contact. The reference
// interpreter uses this; it is written for obviousness, not speed.

import type { PropertyFilter, TimeRef } from './plan-types';
import type { HistoryEntry, Tri } from './types';
import { containsWord, isUnknownValue, parseBoolean, parseEnumeration, parseInstant, parseNumber } from './values';
import { isHistoryOperator } from '../language/operators';
import { DAY_MS } from './time';

type Props = Record<string, string | null | undefined>;

/** The filter's result for a contact's properties (and history, when loaded). */
export function judgeFilter(f: PropertyFilter, props: Props, history: Record<string, HistoryEntry[]> | undefined): Tri {
  if (isHistoryOperator(f.operator)) return history ? judgeHistory(f, props[f.property], history[f.property] ?? []) : 'unknown';
  if (f.propertyParser === 'UPDATED_AT') return history ? judgeUpdatedAt(f, history[f.property] ?? [], props, history) : 'unknown';
  const value = typedValue(f, props[f.property]);
  if (value === undefined) {
    if (f.operator === 'IS_KNOWN' || f.operator === 'IS_NOT_BLANK') return false;
    if (f.operator === 'IS_UNKNOWN' || f.operator === 'IS_BLANK') return true;
    return f.includeUnknown;
  }
  if (f.operationType === 'ALL_PROPERTY') return f.operator === 'IS_KNOWN' || f.operator === 'IS_NOT_BLANK';
  const resolved = withReferences(f, props, history);
  return typeof resolved === 'object' ? judgeValue(resolved, value) : resolved;
}

/** The instant a referenced property stands for on this contact; undefined when it has none, 'unknown' when its history is not loaded. */
function referenceInstant(ref: TimeRef, props: Props, history: Record<string, HistoryEntry[]> | undefined): number | undefined | 'unknown' {
  if (!ref.updated) return typedValue({ typeClass: 'date' }, props[ref.property]) as number | undefined;
  if (!history) return 'unknown';
  const entries = history[ref.property] ?? [];
  return entries.length === 0 ? undefined : Math.max(...entries.map((e) => e.timestamp));
}

/**
 * The filter with its PROPERTY_REFERENCED bounds read from this contact. Another property with no
 * value (or never updated) makes the comparison false (Assumed, docs/language.md).
 */
function withReferences(f: PropertyFilter, props: Props, history: Record<string, HistoryEntry[]> | undefined): PropertyFilter | false | 'unknown' {
  if (!f.pointRef && !f.lowerRef && !f.upperRef) return f;
  const read = (ref: TimeRef | undefined, fallback: number) => (ref ? referenceInstant(ref, props, history) : fallback);
  const [point, lower, upper] = [read(f.pointRef, f.timePoint), read(f.lowerRef, f.lowerBound), read(f.upperRef, f.upperBound)];
  if (point === undefined || lower === undefined || upper === undefined) return false;
  if (point === 'unknown' || lower === 'unknown' || upper === 'unknown') return 'unknown';
  return { ...f, timePoint: point, lowerBound: lower, upperBound: upper };
}

export type Typed = string | number | boolean | string[];

/** The value parsed for the property's type; undefined when unknown or unparsable. */
export function typedValue(f: Pick<PropertyFilter, 'typeClass'>, raw: string | null | undefined): Typed | undefined {
  if (isUnknownValue(raw)) return undefined;
  switch (f.typeClass) {
    case 'number': {
      const n = parseNumber(raw);
      return Number.isNaN(n) ? undefined : n;
    }
    case 'bool':
      return parseBoolean(raw);
    case 'date': {
      const t = parseInstant(raw);
      return Number.isNaN(t) ? undefined : t;
    }
    case 'enumeration': {
      const set = parseEnumeration(raw);
      return set.length === 0 ? undefined : set;
    }
    default:
      return raw;
  }
}

function judgeValue(f: PropertyFilter, v: Typed): boolean {
  switch (f.operationType) {
    case 'STRING':
    case 'MULTISTRING':
      return judgeString(f.operator, String(v).toLowerCase(), f.values.map((x) => x.toLowerCase()));
    case 'NUMBER':
      return judgeNumber(f.operator, v as number, f.value);
    case 'BOOL':
      return f.operator === 'IS_EQUAL_TO' ? v === (f.value === 1) : v !== (f.value === 1);
    case 'NUMBER_RANGED':
    case 'TIME_RANGED': {
      const n = v as number;
      const above = f.lowerInclusive ? n >= f.lowerBound : n > f.lowerBound;
      const below = f.upperInclusive ? n <= f.upperBound : n < f.upperBound;
      return f.operator === 'IS_BETWEEN' ? above && below : !(above && below);
    }
    case 'ENUMERATION':
      return judgeEnumeration(f.operator, v as string[], f.values);
    case 'TIME_POINT':
      return judgeTimePoint(f, v as number);
    case 'CALENDAR_DATE':
      return f.operator === 'IN_THIS_TIME_UNIT_SO_FAR'
        ? (v as number) >= f.spanStart && (v as number) <= f.now
        : (v as number) >= f.spanStart && (v as number) < f.spanEnd;
    default:
      return false;
  }
}

const POSITIVE_STRING: Record<string, (text: string, value: string) => boolean> = {
  IS_EQUAL_TO: (t, v) => t === v,
  CONTAINS: (t, v) => t.includes(v),
  STARTS_WITH: (t, v) => t.startsWith(v),
  ENDS_WITH: (t, v) => t.endsWith(v),
  CONTAINS_EXACTLY: (t, v) => containsWord(t, v),
};
const NEGATIVE_STRING: Record<string, string> = {
  IS_NOT_EQUAL_TO: 'IS_EQUAL_TO',
  DOES_NOT_CONTAIN: 'CONTAINS',
  DOES_NOT_CONTAIN_EXACTLY: 'CONTAINS_EXACTLY',
};

/** Any value matches (positive operators); no value matches the positive counterpart (negative ones). */
export function judgeString(operator: string, text: string, values: string[]): boolean {
  const positive = POSITIVE_STRING[operator];
  if (positive) return values.some((v) => positive(text, v));
  const counterpart = POSITIVE_STRING[NEGATIVE_STRING[operator]];
  return counterpart ? !values.some((v) => counterpart(text, v)) : false;
}

function judgeNumber(operator: string, v: number, x: number): boolean {
  switch (operator) {
    case 'IS_EQUAL_TO': return v === x;
    case 'IS_NOT_EQUAL_TO': return v !== x;
    case 'IS_GREATER_THAN': return v > x;
    case 'IS_GREATER_THAN_OR_EQUAL_TO': return v >= x;
    case 'IS_LESS_THAN': return v < x;
    case 'IS_LESS_THAN_OR_EQUAL_TO': return v <= x;
    default: return false;
  }
}

export function judgeEnumeration(operator: string, s: string[], v: string[]): boolean {
  const anyOf = s.some((x) => v.includes(x));
  const containsAll = v.every((x) => s.includes(x));
  const exactly = containsAll && s.every((x) => v.includes(x));
  switch (operator) {
    case 'IS_ANY_OF': return anyOf;
    case 'IS_NONE_OF': return !anyOf;
    case 'IS_EXACTLY': return exactly;
    case 'IS_NOT_EXACTLY': return !exactly;
    case 'CONTAINS_ALL': return containsAll;
    case 'DOES_NOT_CONTAIN_ALL': return !containsAll;
    default: return false;
  }
}

function judgeTimePoint(f: PropertyFilter, v: number): boolean {
  if (f.operator === 'IS_AFTER') return f.inclusive ? v >= f.timePoint : v > f.timePoint;
  return f.inclusive ? v <= f.timePoint : v < f.timePoint;
}

/** The time of the last update (the newest history timestamp) compared as a value; never updated → the flag. */
function judgeUpdatedAt(f: PropertyFilter, entries: HistoryEntry[], props: Props, history: Record<string, HistoryEntry[]>): Tri {
  if (entries.length === 0) return f.includeUnknown;
  const resolved = withReferences(f, props, history);
  return typeof resolved === 'object' ? judgeValue(resolved, Math.max(...entries.map((e) => e.timestamp))) : resolved;
}

/** History operators: every value the property has had, the current one included. */
function judgeHistory(f: PropertyFilter, current: string | null | undefined, entries: HistoryEntry[]): boolean {
  if (f.operationType === 'ROLLING_PROPERTY_UPDATED') {
    const newest = entries.length ? Math.max(...entries.map((e) => e.timestamp)) : undefined;
    const recent = newest !== undefined && newest >= f.now - f.days * DAY_MS;
    return f.operator === 'UPDATED_IN_LAST_X_DAYS' ? recent : !recent;
  }
  const past = [current, ...entries.map((e) => e.value)].map((raw) => typedValue(f, raw)).filter((x) => x !== undefined);
  const ever = f.operator.startsWith('HAS_EVER_');
  const hit = past.some((v) => historyMatch(f, v));
  return ever ? hit : !hit;
}

/** One past (typed) value against a history operator's value test. */
export function historyMatch(f: PropertyFilter, v: Typed): boolean {
  const op = f.operator.replace(/^HAS_(EVER|NEVER)_/, '');
  if (f.operationType === 'ENUMERATION') {
    const map: Record<string, string> = { BEEN_ANY_OF: 'IS_ANY_OF', BEEN_EXACTLY: 'IS_EXACTLY', CONTAINED_ALL: 'CONTAINS_ALL' };
    return judgeEnumeration(map[op] ?? '', v as string[], f.values);
  }
  if (f.operationType === 'STRING') {
    return judgeString(op === 'CONTAINED' ? 'CONTAINS' : 'IS_EQUAL_TO', String(v).toLowerCase(), f.values.map((x) => x.toLowerCase()));
  }
  return f.operationType === 'BOOL' ? v === (f.value === 1) : v === f.value;
}
