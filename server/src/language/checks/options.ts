// `unknown-option`: an enumeration value that is not one of the property's option values.
// Filters use internal values, compared exactly; a label (or a value in the wrong case) gets a fix
// that writes the internal value. Skipped for `externalOptions` properties (owners: any id goes)
// and for properties whose schema lists no options (portal-defined, e.g. personas in the default).

import { type Value, diagnostic, type Diagnostic } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { typeClassOf } from '../operators';
import type { PropertyDef } from '../schema-types';
import { describeProperty, formatOptionValue, operandValues, propertyConditions, valueText } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';
import { operatorProblem } from './operator-type';
import { clip } from '../clip';

export function checksOptions(def: PropertyDef): boolean {
  return typeClassOf(def.type) === 'enumeration' && !def.externalOptions && def.options.length > 0;
}

export function optionDiagnostic(value: Value, def: PropertyDef): Diagnostic | undefined {
  const text = valueText(value);
  if (def.options.some((o) => o.value === text)) return undefined;
  const exact = def.options.find((o) => o.label.toLowerCase() === text.toLowerCase() || o.value.toLowerCase() === text.toLowerCase());
  if (exact) {
    const isLabel = exact.value.toLowerCase() !== text.toLowerCase();
    const what = isLabel ? `the label of option \`${exact.value}\`` : `written in the wrong case; the option is \`${exact.value}\``;
    const message = `\`${clip(text)}\` is ${what} of ${describeProperty(def)}, and filters compare internal values exactly.`;
    const fixes = replaceFixes(value, [{ value: exact.value, distance: 0, matched: text }], formatOptionValue);
    return diagnostic('unknown-option', message, value, 'error', fixes);
  }
  const suggestions = suggest(text, def.options.map((o) => ({ value: o.value, aliases: [o.label] })));
  const message = withDidYouMean(`\`${clip(text)}\` is not an option of ${describeProperty(def)}`, suggestions);
  return diagnostic('unknown-option', message, value, 'error', replaceFixes(value, suggestions, formatOptionValue));
}

export function checkOptions(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition, property } of propertyConditions(ctx.file, ctx.schema)) {
    if (!property || !checksOptions(property) || operatorProblem(condition, property)) continue;
    for (const value of operandValues(condition)) {
      const problem = optionDiagnostic(value, property);
      if (problem) out.push(problem);
    }
  }
  return out;
}
