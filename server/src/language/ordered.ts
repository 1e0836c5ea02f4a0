// Ordered enumerations: `lifecyclestage is at least marketingqualifiedlead` (and `is at most`, and
// `is after` / `is before` on a dropdown or radio property) mean the options at or after (before) the
// value in the property's display order: `displayOrder`, then the order of the options in the schema.
// HubSpot has no such operator, so the phrase is written out as `is any of (…)` before compiling and
// previewing (expandOrdered); the checker refuses it on a property with no order, and hover shows
// what it becomes.

import { associationByWord } from './associations';
import { propertiesOf } from './schema';
import type { Expr, ListNode, PropertyCondition, Value } from '@hslist/grammar';
import { isMultiSelect, typeClassOf } from './operators';
import type { ObjectTypeName, PropertyDef, PropertyOption, Schema } from './schema-types';
import { valueText } from './walk';

export type OrderedSurface = 'is at least' | 'is at most' | 'is after' | 'is before';

/** Whether the condition is an ordered phrase: `is at least`/`is at most` always, `is after`/`is before` with one value on an enumeration. */
export function isOrderedUse(c: PropertyCondition, def: PropertyDef | undefined): c is PropertyCondition & { operator: OrderedSurface } {
  if (c.operator === 'is at least' || c.operator === 'is at most') return true;
  return (c.operator === 'is after' || c.operator === 'is before') && c.operands.kind === 'single' && def !== undefined && typeClassOf(def.type) === 'enumeration';
}

/** Why the property has no order to compare along, or undefined when it has one. */
export function whyNoOrder(def: PropertyDef): string | undefined {
  if (typeClassOf(def.type) !== 'enumeration') return `it is ${/^[aeiou]/i.test(def.type) ? 'an' : 'a'} ${def.type} property, not a dropdown or radio select`;
  if (isMultiSelect(def)) return 'it is a multi-select (checkboxes): a contact holds a set of options, which has no place in an order';
  if (def.externalOptions || def.options.length === 0) return 'the schema lists no options for it, so there is no order to follow';
  return undefined;
}

/** The options in display order: `displayOrder` (options without one after those with one), then their order in the schema. */
export function optionsInOrder(def: PropertyDef): PropertyOption[] {
  const rank = (o: PropertyOption) => (typeof o.displayOrder === 'number' ? o.displayOrder : Number.POSITIVE_INFINITY);
  return def.options.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map(({ o }) => o);
}

/** The options an ordered phrase stands for, in order; undefined when the value is not an option. */
export function orderedOptions(surface: OrderedSurface, value: Value, def: PropertyDef): PropertyOption[] | undefined {
  const ordered = optionsInOrder(def);
  const at = ordered.findIndex((o) => o.value === valueText(value));
  if (at < 0) return undefined;
  switch (surface) {
    case 'is at least':
      return ordered.slice(at);
    case 'is after':
      return ordered.slice(at + 1);
    case 'is at most':
      return ordered.slice(0, at + 1);
    case 'is before':
      return ordered.slice(0, at);
  }
}

/** What an ordered condition stands for, when it stands for something: the options and the condition written out. */
export function expandCondition(c: PropertyCondition, def: PropertyDef | undefined): { options: PropertyOption[]; condition: PropertyCondition } | undefined {
  if (!def || !isOrderedUse(c, def) || whyNoOrder(def) || c.operands.kind !== 'single') return undefined;
  const options = orderedOptions(c.operator, c.operands.value, def);
  if (!options || options.length === 0) return undefined;
  const at = { start: c.operands.start, end: c.operands.end };
  const values: Value[] = options.map((o) => ({ kind: 'word', value: o.value, ...at }));
  return { options, condition: { ...c, operator: 'is any of', operands: { kind: 'list', values, anyOf: false, ...at } } };
}

/** `list` with every ordered phrase written out as `is any of (…)`; the same object when it has none. */
export function expandOrdered(list: ListNode, schema: Schema): ListNode {
  if (!list.where) return list;
  const where = expandExpr(list.where, 'contacts', schema);
  return where === list.where ? list : { ...list, where };
}

function expandExpr(e: Expr, objectType: ObjectTypeName, schema: Schema): Expr {
  switch (e.kind) {
    case 'and':
    case 'or': {
      const operands = e.operands.map((o) => expandExpr(o, objectType, schema));
      return operands.every((o, i) => o === e.operands[i]) ? e : { ...e, operands };
    }
    case 'not': {
      const operand = expandExpr(e.operand, objectType, schema);
      return operand === e.operand ? e : { ...e, operand };
    }
    case 'paren': {
      const inner = expandExpr(e.inner, objectType, schema);
      return inner === e.inner ? e : { ...e, inner };
    }
    case 'association': {
      const where = e.where && expandExpr(e.where, associationByWord(e.objectType.text)?.object ?? 'companies', schema);
      return where === e.where ? e : { ...e, where };
    }
    case 'property':
      return expandCondition(e, propertiesOf(schema, objectType).get(e.property.text))?.condition ?? e;
    default:
      return e;
  }
}
