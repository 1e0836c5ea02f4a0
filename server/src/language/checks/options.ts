// `unknown-option`: an enumeration value that is not one of the property's option values.
// Filters use internal values, compared exactly; a label, a value in the wrong case, or a label's
// initials naming one option (`mql`) get a message that says what to write and a fix that writes it.
// Skipped for `externalOptions` properties (owners: any id goes) and for properties whose schema
// lists no options (portal-defined, e.g. personas in the default).

import { type Value, diagnostic, type Diagnostic } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { typeClassOf } from '../operators';
import type { PropertyDef, PropertyOption } from '../schema-types';
import { describeProperty, formatOptionValue, operandValues, propertyConditions, valueText } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';
import { operatorProblem } from './operator-type';
import { clip } from '../clip';

export function checksOptions(def: PropertyDef): boolean {
  return typeClassOf(def.type) === 'enumeration' && !def.externalOptions && def.options.length > 0;
}

/** `mql` for "Marketing Qualified Lead": the abbreviation people write for a label of two or more words. */
function initialsOf(label: string): string | undefined {
  const words = label.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  return words.length >= 2 ? words.map((w) => w[0]).join('').toLowerCase() : undefined;
}

/** How `text` names an option other than by its exact internal value (`of` names the property), when it names exactly one. */
function optionNamedBy(text: string, def: PropertyDef, of: string): { option: PropertyOption; how: string } | undefined {
  const lower = text.toLowerCase();
  const byValue = def.options.find((o) => o.value.toLowerCase() === lower);
  if (byValue) return { option: byValue, how: `is option \`${byValue.value}\` of ${of} in another case` };
  const byLabel = def.options.find((o) => o.label.toLowerCase() === lower);
  if (byLabel) return { option: byLabel, how: `is the label of option \`${byLabel.value}\` of ${of}` };
  // Initials only when they are unambiguous: two labels with the same initials get a did-you-mean instead.
  const byInitials = def.options.filter((o) => initialsOf(o.label) === lower);
  if (byInitials.length !== 1) return undefined;
  return { option: byInitials[0], how: `reads as the initials of "${byInitials[0].label}", option \`${byInitials[0].value}\` of ${of}` };
}

export function optionDiagnostic(value: Value, def: PropertyDef): Diagnostic | undefined {
  const text = valueText(value);
  if (def.options.some((o) => o.value === text)) return undefined;
  const named = optionNamedBy(text, def, describeProperty(def));
  if (named) {
    const write = formatOptionValue(named.option.value);
    const message = `\`${clip(text)}\` ${named.how}; filters compare internal values exactly, so write \`${write}\`.`;
    const fixes = replaceFixes(value, [{ value: named.option.value, distance: 0, matched: text }], formatOptionValue);
    return diagnostic('unknown-option', message, value, 'error', fixes);
  }
  // Initials shared by two labels (`na`: North America, North Asia) are offered as both.
  const aliases = (o: PropertyOption) => [o.label, initialsOf(o.label)].filter((a): a is string => a !== undefined);
  const suggestions = suggest(text, def.options.map((o) => ({ value: o.value, aliases: aliases(o) })));
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
