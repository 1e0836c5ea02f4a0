// `missing-picklist-value` (warning): an option of a mapped HubSpot enumeration has no matching active
// value in the Salesforce picklist, so HubSpot's write of that value fails or lands as a value the org does
// not know (DESIGN.md §6). Options match a picklist value case-insensitively on value or label, either way
// round. Only mappings that can write HubSpot values into Salesforce are judged (sync-salesforce-target.ts).

import { diagnostic, type Diagnostic } from '../../../../grammar/src/diagnostic';
import type { SalesforceField } from '../../salesforce/field-model';
import type { PropertyDef, PropertyOption } from '../schema-types';
import type { FileCheckContext } from './context';
import { fieldName, resolveMappings, writesToSalesforce, type ResolvedMapping } from './sync-salesforce-target';

const NAMED_AT_MOST = 10;

function hasMatch(option: PropertyOption, field: SalesforceField): boolean {
  const spellings = new Set([option.value.toLowerCase(), option.label.toLowerCase()]);
  return field.picklistValues.some((v) => v.active && (spellings.has(v.value.toLowerCase()) || spellings.has(v.label.toLowerCase())));
}

export function missingOptions(property: PropertyDef, field: SalesforceField): PropertyOption[] {
  return property.options.filter((option) => !hasMatch(option, field));
}

function describeOption(option: PropertyOption): string {
  return option.label && option.label !== option.value ? `\`${option.value}\` (${option.label})` : `\`${option.value}\``;
}

function namedList(options: PropertyOption[]): string {
  const named = options.slice(0, NAMED_AT_MOST).map(describeOption).join(', ');
  const more = options.length - NAMED_AT_MOST;
  return more > 0 ? `${named} and ${more} more` : named;
}

function checkMapping(resolved: ResolvedMapping): Diagnostic[] {
  const { property, mapping } = resolved;
  if (property.type !== 'enumeration' || property.externalOptions || property.options.length === 0) return [];
  if (!writesToSalesforce(mapping)) return [];
  for (const { object, field } of resolved.fields) {
    if (field.type !== 'picklist' && field.type !== 'multipicklist') continue;
    const missing = missingOptions(property, field);
    if (missing.length === 0) continue;
    const count = missing.length === property.options.length ? `any of the ${missing.length}` : `${missing.length} of the ${property.options.length}`;
    const message = `${fieldName(field, object)} has no picklist value for ${count} options of \`${property.name}\`: ${namedList(missing)}; HubSpot cannot write those values to Salesforce.`;
    return [diagnostic('missing-picklist-value', message, mapping.salesforceField, 'warning')];
  }
  return [];
}

export function checkSalesforcePicklists(ctx: FileCheckContext): Diagnostic[] {
  const sf = ctx.salesforceSchema;
  if (!sf) return [];
  return ctx.file.syncBlocks.flatMap((sync) => resolveMappings(ctx, sync, sf).flatMap(checkMapping));
}
