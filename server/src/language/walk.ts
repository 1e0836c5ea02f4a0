// Walking the criteria of a list: every condition, with the object type its properties belong
// to (contacts at the top, companies inside `associated company where ...`, deals and tickets in theirs).

import { type Condition, type Expr, type FileNode, type ListNode, type Name, type NamedConditionNode, type PropertyCondition, type Value, printValue, relativeText } from '@hslist/grammar';
import type { ObjectTypeName, PropertyDef, Schema } from './schema-types';
import { associationByWord } from './associations';
import { propertiesOf } from './schema';

export function forEachCondition(
  expr: Expr | undefined,
  objectType: ObjectTypeName,
  visit: (condition: Condition, objectType: ObjectTypeName) => void,
): void {
  if (!expr) return;
  switch (expr.kind) {
    case 'and':
    case 'or':
      expr.operands.forEach((e) => forEachCondition(e, objectType, visit));
      return;
    case 'not':
      forEachCondition(expr.operand, objectType, visit);
      return;
    case 'paren':
      forEachCondition(expr.inner, objectType, visit);
      return;
    case 'association':
      visit(expr, objectType);
      forEachCondition(expr.where, associationByWord(expr.objectType.text)?.object ?? 'companies', visit);
      return;
    default:
      visit(expr, objectType);
  }
}

export interface ResolvedPropertyCondition {
  /** The list, or the named condition, whose criteria hold the condition. */
  list: ListNode | NamedConditionNode;
  condition: PropertyCondition;
  objectType: ObjectTypeName;
  /** Undefined when the schema has no such property (reported by `unknown-property`). */
  property: PropertyDef | undefined;
}

/** Lists and named conditions: the blocks of a file that have criteria. */
function blocksWithCriteria(file: FileNode): (ListNode | NamedConditionNode)[] {
  return [...file.lists, ...(file.conditions ?? [])];
}

/** Every property condition of every list and named condition in the file, with its property looked up. */
export function propertyConditions(file: FileNode, schema: Schema): ResolvedPropertyCondition[] {
  const out: ResolvedPropertyCondition[] = [];
  for (const list of blocksWithCriteria(file)) {
    forEachCondition(list.where, 'contacts', (condition, objectType) => {
      if (condition.kind !== 'property') return;
      const property = propertiesOf(schema, objectType).get(condition.property.text);
      out.push({ list, condition, objectType, property });
    });
  }
  return out;
}

/** Every condition of every list and named condition in the file. */
export function allConditions(file: FileNode): { list: ListNode | NamedConditionNode; condition: Condition; objectType: ObjectTypeName }[] {
  const out: { list: ListNode | NamedConditionNode; condition: Condition; objectType: ObjectTypeName }[] = [];
  for (const list of blocksWithCriteria(file)) {
    forEachCondition(list.where, 'contacts', (condition, objectType) => out.push({ list, condition, objectType }));
  }
  return out;
}

/** The values an operand carries, in source order. */
export function operandValues(condition: PropertyCondition): Value[] {
  const operand = condition.operands;
  switch (operand.kind) {
    case 'single':
      return [operand.value];
    case 'list':
      return operand.values;
    case 'range':
      return [operand.low, operand.high];
    default:
      return [];
  }
}

/** The other properties a condition compares with: `is before property P`, `is between property P and when Q was updated`. */
export function comparedProperties(condition: PropertyCondition): Name[] {
  const operand = condition.operands;
  if (operand.kind === 'property') return [operand.property];
  return operandValues(condition).flatMap((v) => (v.kind === 'property' ? [v.property] : []));
}

/** A value as the text HubSpot would compare (option values, strings). */
export function valueText(value: Value): string {
  switch (value.kind) {
    case 'string':
    case 'word':
      return value.value;
    case 'number':
    case 'date':
    case 'datetime':
      return value.raw;
    case 'boolean':
      return String(value.value);
    case 'relative':
      return relativeText(value);
    case 'property':
      return printValue(value);
  }
}

/** Words that cannot stand as a bare value (they join or end an expression); such values need quotes. */
const NOT_BARE_VALUES = new Set(['and', 'or', 'including', 'true', 'false']);

/** How to write an option value in source: bare when it lexes as one word, else quoted. */
export function formatOptionValue(value: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !NOT_BARE_VALUES.has(value.toLowerCase())) return value;
  return quoteString(value);
}

export function quoteString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** How a property is named in messages: "Lifecycle Stage (`lifecyclestage`)". */
export function describeProperty(def: PropertyDef): string {
  return def.label && def.label !== def.name ? `${def.label} (\`${def.name}\`)` : `\`${def.name}\``;
}

/**
 * `expr` with each condition replaced by what `rewrite` gives; the same objects where nothing changed, so a
 * caller can tell that nothing did. The conditions inside `associated … where` (about the associated records)
 * are rewritten only with `intoAssociations`; the association itself is never passed to `rewrite`.
 */
export function mapConditions(expr: Expr, rewrite: (c: Condition) => Expr, intoAssociations = false): Expr {
  const map = (e: Expr) => mapConditions(e, rewrite, intoAssociations);
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const operands = expr.operands.map(map);
      return operands.every((o, i) => o === expr.operands[i]) ? expr : { ...expr, operands };
    }
    case 'not': {
      const operand = map(expr.operand);
      return operand === expr.operand ? expr : { ...expr, operand };
    }
    case 'paren': {
      const inner = map(expr.inner);
      return inner === expr.inner ? expr : { ...expr, inner };
    }
    case 'association': {
      if (!intoAssociations || !expr.where) return expr;
      const where = map(expr.where);
      return where === expr.where ? expr : { ...expr, where };
    }
    default:
      return rewrite(expr);
  }
}

/** `expr` with each condition about the contact itself (outside `associated … where`) rewritten. */
export function mapContactConditions(expr: Expr, rewrite: (c: Condition) => Expr): Expr {
  return mapConditions(expr, rewrite);
}

/** `list` with its criteria rewritten as `mapContactConditions` does; the same object when nothing changed. */
export function mapListConditions(list: ListNode, rewrite: (c: Condition) => Expr): ListNode {
  if (!list.where) return list;
  const where = mapContactConditions(list.where, rewrite);
  return where === list.where ? list : { ...list, where };
}
