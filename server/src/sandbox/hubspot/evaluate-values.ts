// Current-value comparisons for STRING, MULTISTRING, NUMBER, NUMBER_RANGED, BOOL and ENUMERATION
// operations, exactly as docs/semantics.md states them. Each returns undefined for an operator it does
// not know, so the caller can report it instead of guessing.

import { asArray, isUnknownValue, type Json } from './evaluate-types';
import { parseInstant } from './evaluate-time';

const lower = (text: string): string => text.toLowerCase();

/** Whole-word occurrence: bounded by text edges or by a character that is not a letter or digit. */
export function containsExactly(text: string, word: string): boolean {
  if (word === '') return false;
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + word.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = at + 1;
  }
}

const POSITIVE: Record<string, (text: string, value: string) => boolean> = {
  IS_EQUAL_TO: (t, v) => t === v,
  CONTAINS: (t, v) => t.includes(v),
  STARTS_WITH: (t, v) => t.startsWith(v),
  ENDS_WITH: (t, v) => t.endsWith(v),
  CONTAINS_EXACTLY: (t, v) => containsExactly(t, v),
};

const NEGATED: Record<string, string> = {
  IS_NOT_EQUAL_TO: 'IS_EQUAL_TO', DOES_NOT_CONTAIN: 'CONTAINS', DOES_NOT_CONTAIN_EXACTLY: 'CONTAINS_EXACTLY',
};

/** STRING uses `value`, MULTISTRING `values`; positive operators match any value, negated ones none. */
export function compareString(raw: string, operation: Json): boolean | undefined {
  const values = (operation.values !== undefined ? asArray(operation.values) : [operation.value]).map((v) => lower(String(v)));
  const operator = String(operation.operator);
  const text = lower(raw);
  const positive = POSITIVE[operator];
  if (positive) return values.some((v) => positive(text, v));
  const negatedOf = NEGATED[operator];
  if (negatedOf) return !values.some((v) => POSITIVE[negatedOf](text, v));
  return undefined;
}

export function compareNumber(value: number, operation: Json): boolean | undefined {
  const target = Number(operation.value);
  switch (operation.operator) {
    case 'IS_EQUAL_TO': return value === target;
    case 'IS_NOT_EQUAL_TO': return value !== target;
    case 'IS_GREATER_THAN': return value > target;
    case 'IS_GREATER_THAN_OR_EQUAL_TO': return value >= target;
    case 'IS_LESS_THAN': return value < target;
    case 'IS_LESS_THAN_OR_EQUAL_TO': return value <= target;
    default: return undefined;
  }
}

export function compareNumberRange(value: number, operation: Json): boolean | undefined {
  const inside = Number(operation.lowerBound) <= value && value <= Number(operation.upperBound);
  if (operation.operator === 'IS_BETWEEN') return inside;
  if (operation.operator === 'IS_NOT_BETWEEN') return !inside;
  return undefined;
}

/** "true"/"false" in any case; anything else is not a boolean. */
export function parseBool(raw: unknown): boolean | undefined {
  const text = String(raw).toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

export function compareBool(value: boolean, operation: Json): boolean | undefined {
  const target = parseBool(operation.value);
  if (operation.operator === 'IS_EQUAL_TO') return value === target;
  if (operation.operator === 'IS_NOT_EQUAL_TO') return value !== target;
  return undefined;
}

/** `"a;b"` → {a, b}; empty items dropped. */
export function enumSet(raw: string): Set<string> {
  return new Set(raw.split(';').filter((item) => item !== ''));
}

export function enumMatches(set: Set<string>, wanted: string[], operator: string): boolean | undefined {
  const anyOf = wanted.some((v) => set.has(v));
  const allOf = wanted.every((v) => set.has(v));
  const exactly = allOf && set.size === new Set(wanted).size;
  switch (operator) {
    case 'IS_ANY_OF': return anyOf;
    case 'IS_NONE_OF': return !anyOf;
    case 'IS_EXACTLY': return exactly;
    case 'IS_NOT_EXACTLY': return !exactly;
    case 'CONTAINS_ALL': return allOf;
    case 'DOES_NOT_CONTAIN_ALL': return !allOf;
    default: return undefined;
  }
}

export function compareEnumeration(raw: string, operation: Json): boolean | undefined {
  return enumMatches(enumSet(raw), asArray(operation.values).map(String), String(operation.operator));
}

/** A plain decimal (sign, digits, optional fraction) as HubSpot stores numbers; undefined (unknown) otherwise (docs/semantics.md). */
export function parseNumberValue(raw: string): number | undefined {
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Whether a raw value is a value of the property's HubSpot type. docs/semantics.md: a number that
 * does not parse, a boolean other than true/false, a date that does not parse and an enumeration
 * with no options are unknown, exactly like no value. Without a type only "no value" is unknown.
 */
export function hasTypedValue(raw: string | null | undefined, propertyType: string | undefined): boolean {
  if (isUnknownValue(raw)) return false;
  switch (propertyType) {
    case 'number':
      return parseNumberValue(raw) !== undefined;
    case 'bool':
      return parseBool(raw) !== undefined;
    case 'date':
    case 'datetime':
      return parseInstant(raw) !== undefined;
    case 'enumeration':
      return enumSet(raw).size > 0;
    default:
      return true;
  }
}
