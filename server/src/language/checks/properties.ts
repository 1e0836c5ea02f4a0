// `unknown-property`: a property the schema does not have, in a condition, or compared with in
// `property P` / `when P was updated`. Suggestions search internal names and labels.

import { type Name, diagnostic, type Diagnostic } from '@hslist/grammar';
import { withDidYouMean } from '../did-you-mean';
import type { ObjectTypeName } from '../schema-types';
import { comparedProperties, propertyConditions } from '../walk';
import { formatPropertyName, replaceFixes, suggestProperty, type FileCheckContext } from './context';
import { clip } from '../clip';
import { propertiesOf } from '../schema';

const OBJECT_WORD: Record<ObjectTypeName, string> = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };

export function unknownPropertyDiagnostic(ctx: FileCheckContext, objectType: ObjectTypeName, name: Name): Diagnostic {
  const suggestions = suggestProperty(ctx, objectType, name);
  const message = withDidYouMean(`Unknown ${OBJECT_WORD[objectType]} property \`${clip(name.text)}\` in ${ctx.schema.source} schema`, suggestions);
  return diagnostic('unknown-property', message, name, 'error', replaceFixes(name, suggestions, formatPropertyName));
}

export function checkUnknownProperties(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition, objectType, property } of propertyConditions(ctx.file, ctx.schema)) {
    if (!property) out.push(unknownPropertyDiagnostic(ctx, objectType, condition.property));
    for (const name of comparedProperties(condition)) {
      if (!propertiesOf(ctx.schema, objectType).has(name.text)) out.push(unknownPropertyDiagnostic(ctx, objectType, name));
    }
  }
  return out;
}
