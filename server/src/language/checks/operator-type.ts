// `operator-type-mismatch`: the operator phrase has no row in operators.ts for the property's type.
// `value-type-mismatch` (operand shape): the phrase works on the type, but not with this kind of
// operand (a list where one value is expected, ...).

import { type PropertyCondition, diagnostic, type Diagnostic } from '@hslist/grammar';
import { OPERATOR_TABLE, isMultiSelect, operationFor, typeClassOf, type OperandKind, type TypeClass } from '../operators';
import type { PropertyDef } from '../schema-types';
import { describeProperty, propertyConditions } from '../walk';
import type { FileCheckContext } from './context';
import { fitsType, PHRASES } from '../completion-phrases';
import { isOrderedUse } from '../ordered';
import { orderedProblem } from './ordered';

const OPERAND_WORDS: Record<OperandKind, string> = {
  none: 'no value',
  single: 'a single value',
  list: 'a list of values in parentheses',
  range: 'a range (`A and B`)',
  days: 'a number of days',
  calendar: 'a calendar unit',
  property: 'another property',
};

/** Operand kinds the table accepts for this phrase on this property. */
function operandKindsFor(surface: PropertyCondition['operator'], def: PropertyDef): OperandKind[] {
  return [...new Set(OPERATOR_TABLE.filter((r) => r.surface === surface && operationFor(r.surface, r.operand, def) !== undefined).map((r) => r.operand))];
}

function typePhrase(def: PropertyDef): string {
  if (typeClassOf(def.type) === 'other') return `a property of type \`${def.type}\``;
  return `${/^[aeiou]/i.test(def.type) ? 'an' : 'a'} ${def.type} property`;
}

const SLOT_WORDS: Record<string, string> = { $V: '…', $L: '(…)', $N: 'N', $U: 'month', $P: 'P' };

/** Operator phrases as the user writes them (`was updated in last N days`), one spelling each. */
function spelledPhrases(typeClass: TypeClass, multi: boolean): string[] {
  const seen = new Set<string>();
  for (const phrase of PHRASES) {
    if (!phrase.offered || !fitsType(phrase, typeClass, multi)) continue;
    seen.add(phrase.parts.map((part) => SLOT_WORDS[part] ?? part).join(' '));
  }
  return [...seen];
}

function operatorMismatch(condition: PropertyCondition, def: PropertyDef, written: string): Diagnostic {
  const valid = spelledPhrases(typeClassOf(def.type), isMultiSelect(def)).map((s) => `\`${s}\``).join(', ');
  const message = `\`${written}\` does not apply to ${describeProperty(def)}, ${typePhrase(def)}; valid operators for it are ${valid}.`;
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
/** `text` is the document, so the message can quote the operator as written; without it, its canonical name. */
export function operatorProblem(condition: PropertyCondition, def: PropertyDef, text?: string): Diagnostic | undefined {
  // `is at least` and its kin are written out as `is any of (…)`; checks/ordered.ts says when they do not apply.
  if (isOrderedUse(condition, def)) return orderedProblem(condition, def);
  if (operationFor(condition.operator, condition.operands.kind, def)) return undefined;
  const kinds = operandKindsFor(condition.operator, def);
  const written = text?.slice(condition.operatorSpan.start, condition.operatorSpan.end).replace(/\s+/g, ' ') ?? condition.operator;
  return kinds.length === 0 ? operatorMismatch(condition, def, written) : shapeMismatch(condition, def, kinds);
}

export function checkOperatorTypes(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition, property } of propertyConditions(ctx.file, ctx.schema)) {
    if (!property) continue;
    const problem = operatorProblem(condition, property, ctx.text);
    if (problem) out.push(problem);
  }
  return out;
}
