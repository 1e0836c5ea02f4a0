// `value-type-mismatch` for literals: text for a number, a number for a bool, a non-date for a
// date... (fix: quote or unquote when that makes it right). Also runs the literal checks
// (`invalid-date`, `invalid-number`) on every value of a property condition.

import { type PropertyCondition, type Value, diagnostic, type Diagnostic, type Fix } from '@hslist/grammar';
import { operationFor, typeClassOf, type TypeClass } from '../operators';
import type { PropertyDef, Schema, ObjectTypeName } from '../schema-types';
import { describeProperty, operandValues, propertyConditions, quoteString, valueText } from '../walk';
import type { FileCheckContext } from './context';
import { checkCount, checkDateValue, describeValue } from './literals';
import { operatorProblem } from './operator-type';
import { propertiesOf } from '../schema';

const ACCEPTED: Record<Exclude<TypeClass, 'other'>, Value['kind'][]> = {
  string: ['string'],
  number: ['number'],
  bool: ['boolean'],
  // Option values are compared as text, so any literal can name one (`unknown-option` checks it).
  enumeration: ['string', 'word', 'number', 'boolean'],
  date: ['date', 'datetime', 'relative', 'property'],
};

const EXPECTED_WORDS: Record<Exclude<TypeClass, 'other'>, string> = {
  string: 'text in double quotes',
  number: 'a number',
  bool: '`true` or `false`',
  enumeration: 'an option value',
  date: 'a date such as 2024-01-31',
};

function replaceWith(value: Value, newText: string, title: string): Fix[] {
  return [{ title, edits: [{ start: value.start, end: value.end, newText }] }];
}

/** A fix when the literal is right but written as the wrong kind (`"42"` for a number, `lead` for text). */
function literalFix(value: Value, typeClass: TypeClass): Fix[] | undefined {
  if (typeClass === 'string' && value.kind !== 'string') {
    const text = valueText(value);
    return replaceWith(value, quoteString(text), `Quote it: ${quoteString(text)}`);
  }
  if (value.kind !== 'string') return undefined;
  const text = value.value.trim();
  if (typeClass === 'number' && text !== '' && Number.isFinite(Number(text))) return replaceWith(value, text, `Write the number ${text}`);
  if (typeClass === 'bool' && /^(true|false)$/i.test(text)) return replaceWith(value, text.toLowerCase(), `Write ${text.toLowerCase()}`);
  return undefined;
}

function literalMismatch(value: Value, def: PropertyDef, typeClass: TypeClass): Diagnostic | undefined {
  if (typeClass === 'other' || ACCEPTED[typeClass].includes(value.kind)) return undefined;
  const message = `${describeProperty(def)} is ${/^[aeiou]/i.test(def.type) ? 'an' : 'a'} ${def.type} property, so it needs ${EXPECTED_WORDS[typeClass]}, not ${describeValue(value)}.`;
  return diagnostic('value-type-mismatch', message, value, 'error', literalFix(value, typeClass));
}

/** `property P` must name a date property; `when P was updated` may name any (its update is a time). */
function comparedPropertyMismatches(condition: PropertyCondition, schema: Schema, objectType: ObjectTypeName): Diagnostic[] {
  const operand = condition.operands;
  const valueRefs = operandValues(condition).flatMap((v) => (v.kind === 'property' && !v.updated ? [v.property] : []));
  const refs = operand.kind === 'property' ? [operand.property] : valueRefs;
  return refs.flatMap((name) => {
    const other = propertiesOf(schema, objectType).get(name.text);
    if (!other || typeClassOf(other.type) === 'date') return [];
    const message = `\`property ${name.text}\` compares with a date property, but ${describeProperty(other)} is ${/^[aeiou]/i.test(other.type) ? 'an' : 'a'} ${other.type} property (\`when ${name.text} was updated\` compares with the time it was last updated).`;
    return [diagnostic('value-type-mismatch', message, name)];
  });
}

/** The value problems of one condition on property `def` (also run on the values a value set gives a use). */
export function conditionValueProblems(condition: PropertyCondition, def: PropertyDef, ctx: { schema: Schema }, objectType: ObjectTypeName): Diagnostic[] {
  const out: Diagnostic[] = [];
  // `was updated before|after|between` compares the time of the last update, whatever the property's type.
  const typeClass = operationFor(condition.operator, condition.operands.kind, def)?.propertyParser === 'UPDATED_AT' ? 'date' : typeClassOf(def.type);
  for (const value of operandValues(condition)) {
    const problem = literalMismatch(value, def, typeClass) ?? checkDateValue(value);
    if (problem) out.push(problem);
  }
  const operand = condition.operands;
  const count = operand.kind === 'days' ? checkCount(operand.count, 'days') : operand.kind === 'calendar' ? checkCount(operand.count, `${operand.unit}s`) : undefined;
  if (count) out.push(count);
  out.push(...comparedPropertyMismatches(condition, ctx.schema, objectType));
  return out;
}

export function checkValues(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition, property, objectType } of propertyConditions(ctx.file, ctx.schema)) {
    // Without a property or a valid operator the expected value is unknown: those are reported elsewhere.
    if (!property || operatorProblem(condition, property)) continue;
    out.push(...conditionValueProblems(condition, property, ctx, objectType));
  }
  return out;
}
