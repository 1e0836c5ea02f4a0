// Ordered enumerations (`is at least`, `is at most`, and `is after` / `is before` on a dropdown or radio
// property, language/ordered.ts):
//   `not-ordered`: the property has no order to compare along (not an enumeration, a multi-select, or
//     one whose options the schema does not list); the message says what to write instead;
//   `ordered-range-empty`: no option lies on that side of the value (`is after other`), so the condition
//     matches no contact.
// A value that is not an option is `unknown-option` (options.ts), with did-you-mean.

import { diagnostic, type Diagnostic, type Fix, type PropertyCondition } from '@hslist/grammar';
import { isMultiSelect, typeClassOf } from '../operators';
import { isOrderedUse, orderedOptions, whyNoOrder, type OrderedSurface } from '../ordered';
import type { PropertyDef } from '../schema-types';
import { describeProperty, propertyConditions, valueText } from '../walk';
import type { FileCheckContext } from './context';

const NUMBER_INSTEAD: Record<string, string> = { 'is at least': '`>=`', 'is at most': '`<=`', 'is after': '`>`', 'is before': '`<`' };

/** What to write instead of an ordered phrase on a property without an order. */
function instead(surface: string, def: PropertyDef): string {
  const type = typeClassOf(def.type);
  if (type === 'number') return NUMBER_INSTEAD[surface];
  if (type === 'date') return '`is after` or `is before` (a date is compared as a time)';
  if (isMultiSelect(def)) return '`contains any of (…)` with the options meant';
  return '`is any of (…)` with the values meant';
}

/** On a number, `is at least 5` means `>= 5`: the one case where the replacement is certain. */
function numberFix(c: PropertyCondition, def: PropertyDef): Fix[] {
  if (typeClassOf(def.type) !== 'number') return [];
  const symbol = NUMBER_INSTEAD[c.operator].replace(/`/g, '');
  return [{ title: `Write \`${symbol}\``, edits: [{ start: c.operatorSpan.start, end: c.operatorSpan.end, newText: symbol }] }];
}

/** The problem of an ordered phrase's property or operand, if any (undefined: the phrase applies here). */
export function orderedProblem(c: PropertyCondition, def: PropertyDef): Diagnostic | undefined {
  const why = whyNoOrder(def);
  if (why) {
    const message = `\`${c.operator}\` follows the order of a dropdown or radio property's options, but ${describeProperty(def)} has none: ${why}; write ${instead(c.operator, def)} instead.`;
    return diagnostic('not-ordered', message, c.operatorSpan, 'error', numberFix(c, def));
  }
  return undefined;
}

function emptyRange(c: PropertyCondition & { operator: OrderedSurface }, def: PropertyDef): Diagnostic | undefined {
  if (c.operands.kind !== 'single' || orderedProblem(c, def)) return undefined;
  const options = orderedOptions(c.operator, c.operands.value, def);
  if (!options || options.length > 0) return undefined;
  const side = c.operator === 'is after' ? 'after' : 'before';
  const message = `No option of ${describeProperty(def)} comes ${side} \`${valueText(c.operands.value)}\` in its order, so this condition matches no contact.`;
  return diagnostic('ordered-range-empty', message, c);
}

export function checkOrderedRanges(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition, property } of propertyConditions(ctx.file, ctx.schema)) {
    if (!property || !isOrderedUse(condition, property)) continue;
    const empty = emptyRange(condition, property);
    if (empty) out.push(empty);
  }
  return out;
}
