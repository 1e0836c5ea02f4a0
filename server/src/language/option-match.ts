// Which option of an enumeration a written value means. Filters send internal values, compared exactly
// by HubSpot; a file may also write an option's label ("Marketing Qualified Lead"), a value in another
// case, or, for owners, the owner's name or email. Those resolve to the one option they name, and the
// compiler and the preview send its internal value; a label two options share resolves to none.

import type { PropertyDef, PropertyOption } from './schema-types';

export type OptionMatch =
  | { kind: 'exact'; option: PropertyOption }
  | { kind: 'resolved'; option: PropertyOption; via: 'label' | 'case' | 'email' }
  | { kind: 'ambiguous'; options: PropertyOption[] }
  | { kind: 'none' };

export function matchOption(def: PropertyDef, text: string): OptionMatch {
  const exact = def.options.find((o) => o.value === text);
  if (exact) return { kind: 'exact', option: exact };
  const folded = text.toLowerCase();
  const byValue = def.options.filter((o) => o.value.toLowerCase() === folded);
  if (byValue.length === 1) return { kind: 'resolved', option: byValue[0], via: 'case' };
  const byLabel = unique(def.options.filter((o) => o.label.toLowerCase() === folded));
  if (byLabel.length === 1) return { kind: 'resolved', option: byLabel[0], via: 'label' };
  if (byLabel.length > 1) return { kind: 'ambiguous', options: byLabel };
  if (def.optionsFrom === 'owners') {
    const byEmail = unique(def.options.filter((o) => (o.description ?? '').toLowerCase() === folded && folded !== ''));
    if (byEmail.length === 1) return { kind: 'resolved', option: byEmail[0], via: 'email' };
    if (byEmail.length > 1) return { kind: 'ambiguous', options: byEmail };
  }
  return byValue.length > 1 ? { kind: 'ambiguous', options: byValue } : { kind: 'none' };
}

/** The internal value a written value stands for; the text itself when it names no one option. */
export function optionValue(def: PropertyDef, text: string): string {
  const match = matchOption(def, text);
  return match.kind === 'exact' || match.kind === 'resolved' ? match.option.value : text;
}

function unique(options: PropertyOption[]): PropertyOption[] {
  return [...new Map(options.map((o) => [o.value, o])).values()];
}
