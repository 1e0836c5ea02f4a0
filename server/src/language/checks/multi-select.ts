// `multi-select-is-exact` (info): `is V` / `is not V` on a multi-select (checkbox) property. HubSpot's
// "is equal to" on a property that holds several options needs the whole set to match (Lists FAQ),
// so `product_interest is alpha` leaves out a contact with {alpha, beta}; `contains alpha` is the
// phrase for "alpha among others". Worth knowing, not a mistake: the fix rewrites the phrase.

import { type PropertyCondition, diagnostic, type Diagnostic } from '@hslist/grammar';
import { isMultiSelect } from '../operators';
import { propertyConditions } from '../walk';
import { formatPropertyName, type FileCheckContext } from './context';

const CONTAINS: Record<string, string> = { is: 'contains', 'is not': 'does not contain' };

function explain(c: PropertyCondition): Diagnostic {
  const name = formatPropertyName(c.property.text);
  const other = CONTAINS[c.operator];
  const message =
    `${name} can hold several options: \`${c.operator} …\` is HubSpot's "is equal to", which compares the whole set ` +
    `(a contact with this option and another ${c.operator === 'is' ? 'does not match' : 'matches'}); \`${other} …\` looks for this option among the others.`;
  const fix = { title: `Write \`${other}\` (this option among others)`, edits: [{ start: c.operatorSpan.start, end: c.operatorSpan.end, newText: other }] };
  return diagnostic('multi-select-is-exact', message, c.operatorSpan, 'info', [fix]);
}

export function checkMultiSelectEquality(ctx: FileCheckContext): Diagnostic[] {
  return propertyConditions(ctx.file, ctx.schema)
    .filter(({ condition, property }) => property && isMultiSelect(property) && condition.operands.kind === 'single' && CONTAINS[condition.operator])
    .map(({ condition }) => explain(condition));
}
