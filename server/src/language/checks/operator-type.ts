// `operator-type-mismatch`: the operator phrase has no row in operators.ts for the property's type.
// `value-type-mismatch` (operand shape): the phrase works on the type, but not with this kind of
// operand (a list where one value is expected, ...).

import type { PropertyCondition } from '../../../../grammar/src/ast';
import { diagnostic, type Diagnostic } from '../../../../grammar/src/diagnostic';
import { OPERATOR_TABLE, operatorsFor, resolveOperation, typeClassOf, type OperandKind, type TypeClass } from '../operators';
import type { PropertyDef } from '../schema-types';
import { describeProperty, propertyConditions } from '../walk';
import type { FileCheckContext } from './context';

const OPERAND_WORDS: Record<OperandKind, string> = {
  none: 'no value',
  single: 'a single value',
  list: 'a list of values in parentheses',
  range: 'a range (`A and B`)',
  days: 'a number of days',
  calendar: 'a calendar unit',
  property: 'another property',
};

/** Operand kinds the table accepts for this phrase on this type class. */
function operandKindsFor(surface: PropertyCondition['operator'], typeClass: TypeClass): OperandKind[] {
  const kinds = new Set<OperandKind>();
  for (const r of OPERATOR_TABLE) {
    if (r.surface === surface && (r.types === 'any' || r.types.includes(typeClass))) kinds.add(r.operand);
  }
  return [...kinds];
}

function typePhrase(def: PropertyDef): string {
  if (typeClassOf(def.type) === 'other') return `a property of type \`${def.type}\``;
  return `${/^[aeiou]/i.test(def.type) ? 'an' : 'a'} ${def.type} property`;
}

function operatorMismatch(condition: PropertyCondition, def: PropertyDef): Diagnostic {
  const valid = operatorsFor(typeClassOf(def.type)).map((s) => `\`${s}\``).join(', ');
  const message = `\`${condition.operator}\` does not apply to ${describeProperty(def)}, ${typePhrase(def)}; valid operators for it are ${valid}.`;
  return diagnostic('operator-type-mismatch', message, condition.operatorSpan);
}

function shapeMismatch(condition: PropertyCondition, def: PropertyDef, kinds: OperandKind[]): Diagnostic {
  const expected = kinds.map((k) => OPERAND_WORDS[k]).join(' or ');
  const found = OPERAND_WORDS[condition.operands.kind];
  const message = `\`${condition.operator}\` on ${typePhrase(def)} takes ${expected}, not ${found}.`;
  const span = condition.operands.kind === 'none' ? condition.operatorSpan : condition.operands;
  return diagnostic('value-type-mismatch', message, span);
}

/** The diagnostic for a condition whose operator or operand shape has no row, if any. */
export function operatorProblem(condition: PropertyCondition, def: PropertyDef): Diagnostic | undefined {
  const typeClass = typeClassOf(def.type);
  if (resolveOperation(condition.operator, condition.operands.kind, typeClass)) return undefined;
  const kinds = operandKindsFor(condition.operator, typeClass);
  return kinds.length === 0 ? operatorMismatch(condition, def) : shapeMismatch(condition, def, kinds);
}

export function checkOperatorTypes(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition, property } of propertyConditions(ctx.file, ctx.schema)) {
    if (!property) continue;
    const problem = operatorProblem(condition, property);
    if (problem) out.push(problem);
  }
  return out;
}
