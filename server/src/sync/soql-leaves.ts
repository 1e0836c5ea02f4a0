// One HubSpot filter as a SOQL condition on the mapped Salesforce field, true for exactly the records whose
// value, as HubSpot would hold it (values.ts), passes the filter (docs/language.md, matching semantics).
// Unknown values follow the filter's no-value flag: SOQL comparisons other than `!=`, NOT IN, EXCLUDES and
// NOT (…) are false on null, so only those get `F != null` added, and `including unknown` adds `OR F = null`.
// A Salesforce boolean is never null (null reads as false), as HubSpot's view of it is never unknown.

import type { PropertyDef } from '../language/schema-types';
import type { PropertyFilter } from '../preview/plan-types';
import type { SalesforceField } from '../salesforce/field-model';
import type { SoqlCondition, SoqlValue } from '../salesforce/soql';

export type Leaf = { condition: SoqlCondition; matchesNull: boolean } | { error: string };

const DAY = 86_400_000;
const STRING_TYPES = ['string', 'email', 'phone', 'url', 'picklist', 'id', 'reference', 'combobox'];
const NUMBER_TYPES = ['double', 'int', 'currency', 'percent', 'long'];

function datetimeLiteral(t: number): SoqlValue {
  const iso = new Date(t).toISOString();
  return { soqlDate: t % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso };
}

function dateLiteral(day: number): SoqlValue {
  return { soqlDate: new Date(day * DAY).toISOString().slice(0, 10) };
}

/** `v op t` for the field's values: a date field holds whole UTC days, so t is moved to the day that gives the same answer. */
export function instantCondition(field: SalesforceField, op: '<' | '<=' | '>' | '>=', t: number): SoqlCondition {
  if (field.type !== 'date') return { field: field.name, op, value: datetimeLiteral(t) };
  const floor = Math.floor(t / DAY);
  const ceil = Math.ceil(t / DAY);
  switch (op) {
    case '>': return { field: field.name, op: '>', value: dateLiteral(floor) };
    case '>=': return { field: field.name, op: '>=', value: dateLiteral(ceil) };
    case '<': return { field: field.name, op: '<', value: dateLiteral(ceil) };
    default: return { field: field.name, op: '<=', value: dateLiteral(floor) };
  }
}

function anyOf(items: SoqlCondition[]): SoqlCondition {
  return items.length === 1 ? items[0] : { or: items };
}

const LIKE: Record<string, (v: string) => SoqlValue> = {
  CONTAINS: (v) => ({ likeText: v, anyBefore: true, anyAfter: true }),
  STARTS_WITH: (v) => ({ likeText: v, anyAfter: true }),
  ENDS_WITH: (v) => ({ likeText: v, anyBefore: true }),
};
const NEGATED_STRING: Record<string, string> = { DOES_NOT_CONTAIN: 'CONTAINS' };

function stringLeaf(f: PropertyFilter, field: SalesforceField): Leaf {
  if (!STRING_TYPES.includes(field.type)) return { error: `${field.name} is a ${field.type} field, which SOQL cannot compare as text here` };
  if (f.operator === 'IS_EQUAL_TO' || f.operator === 'IS_NOT_EQUAL_TO') {
    const negative = f.operator === 'IS_NOT_EQUAL_TO';
    return { condition: { field: field.name, op: negative ? 'NOT IN' : 'IN', values: f.values }, matchesNull: negative };
  }
  const positive = NEGATED_STRING[f.operator] ?? f.operator;
  if (!LIKE[positive]) return { error: `"${f.operator}" has no SOQL equivalent (whole-word matching)` };
  const test = anyOf(f.values.map((v) => ({ field: field.name, op: 'LIKE' as const, value: LIKE[positive](v) })));
  return positive === f.operator ? { condition: test, matchesNull: false } : { condition: { not: test }, matchesNull: true };
}

const NUMBER_OPS: Record<string, '=' | '!=' | '<' | '<=' | '>' | '>='> = {
  IS_EQUAL_TO: '=', IS_NOT_EQUAL_TO: '!=', IS_GREATER_THAN: '>', IS_GREATER_THAN_OR_EQUAL_TO: '>=', IS_LESS_THAN: '<', IS_LESS_THAN_OR_EQUAL_TO: '<=',
};

function rangeCondition(f: PropertyFilter, name: string): { condition: SoqlCondition; negated: boolean } {
  const between: SoqlCondition = { and: [{ field: name, op: f.lowerInclusive ? '>=' : '>', value: f.lowerBound }, { field: name, op: f.upperInclusive ? '<=' : '<', value: f.upperBound }] };
  return f.operator === 'IS_BETWEEN' ? { condition: between, negated: false } : { condition: { not: between }, negated: true };
}

function numberLeaf(f: PropertyFilter, field: SalesforceField): Leaf {
  if (!NUMBER_TYPES.includes(field.type)) return { error: `${field.name} is a ${field.type} field, which SOQL cannot compare as a number` };
  if (f.operationType === 'NUMBER_RANGED') {
    const range = rangeCondition(f, field.name);
    return { condition: range.condition, matchesNull: range.negated };
  }
  const op = NUMBER_OPS[f.operator];
  if (!op) return { error: `"${f.operator}" has no SOQL equivalent` };
  return { condition: { field: field.name, op, value: f.value }, matchesNull: op === '!=' };
}

function boolLeaf(f: PropertyFilter, field: SalesforceField): Leaf {
  if (field.type !== 'boolean') return { error: `${field.name} is a ${field.type} field, not a checkbox` };
  const wanted = f.value === 1;
  return { condition: { field: field.name, op: '=', value: f.operator === 'IS_EQUAL_TO' ? wanted : !wanted }, matchesNull: false };
}

/** Every spelling of the options in `values` a Salesforce value may take (values.ts matches value or label). */
function spellings(values: string[], property: PropertyDef | undefined): string[] {
  const out = new Set<string>();
  for (const value of values) {
    out.add(value);
    const option = property?.options.find((o) => o.value === value);
    if (option) out.add(option.label);
  }
  return [...out];
}

function enumerationLeaf(f: PropertyFilter, field: SalesforceField, property: PropertyDef | undefined): Leaf {
  const negative = f.operator === 'IS_NONE_OF';
  if (f.operator !== 'IS_ANY_OF' && !negative) return { error: `"${f.operator}" has no SOQL equivalent here (only is any of / is none of)` };
  const values = spellings(f.values, property);
  if (field.type === 'multipicklist') return { condition: { field: field.name, op: negative ? 'EXCLUDES' : 'INCLUDES', values }, matchesNull: negative };
  if (field.type !== 'picklist') return { error: `${field.name} is a ${field.type} field, not a picklist` };
  return { condition: { field: field.name, op: negative ? 'NOT IN' : 'IN', values }, matchesNull: negative };
}

function dateLeaf(f: PropertyFilter, field: SalesforceField): Leaf {
  if (field.type !== 'date' && field.type !== 'datetime') return { error: `${field.name} is a ${field.type} field, not a date` };
  // "was updated …" compares when the HubSpot property last changed, which no Salesforce field holds.
  if (f.propertyParser === 'UPDATED_AT') return { error: 'it compares when the property was last updated, which SOQL cannot' };
  const between = (lo: number, loIn: boolean, hi: number, hiIn: boolean): SoqlCondition => ({ and: [instantCondition(field, loIn ? '>=' : '>', lo), instantCondition(field, hiIn ? '<=' : '<', hi)] });
  switch (f.operationType) {
    case 'TIME_POINT':
      return { condition: instantCondition(field, f.operator === 'IS_AFTER' ? (f.inclusive ? '>=' : '>') : (f.inclusive ? '<=' : '<'), f.timePoint), matchesNull: false };
    case 'TIME_RANGED': {
      const range = between(f.lowerBound, f.lowerInclusive, f.upperBound, f.upperInclusive);
      return f.operator === 'IS_BETWEEN' ? { condition: range, matchesNull: false } : { condition: { not: range }, matchesNull: true };
    }
    case 'CALENDAR_DATE':
      return { condition: between(f.spanStart, true, f.operator === 'IN_THIS_TIME_UNIT_SO_FAR' ? f.now : f.spanEnd, f.operator === 'IN_THIS_TIME_UNIT_SO_FAR'), matchesNull: false };
    default:
      return { error: `"${f.operator}" compares two properties, which SOQL cannot` };
  }
}

export function leafCondition(f: PropertyFilter, field: SalesforceField, property: PropertyDef | undefined): Leaf {
  switch (f.operationType) {
    case 'STRING': case 'MULTISTRING': return stringLeaf(f, field);
    case 'NUMBER': case 'NUMBER_RANGED': return numberLeaf(f, field);
    case 'BOOL': return boolLeaf(f, field);
    case 'ENUMERATION': return enumerationLeaf(f, field, property);
    default: return dateLeaf(f, field);
  }
}
