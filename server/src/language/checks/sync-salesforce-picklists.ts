// `missing-picklist-value`: an option of a mapped HubSpot enumeration has no matching active value in the
// Salesforce picklist. On a restricted picklist Salesforce refuses the write (warning, A-PICKLIST); on an
// unrestricted one it stores a value outside the picklist (info); when the schema does not say, a warning.
// Options match a picklist value case-insensitively on value or label, either way round. Only mappings that
// can write HubSpot values into Salesforce are judged (sync-salesforce-target.ts). The reverse direction is
// `missing-hubspot-option` (sync-salesforce-options.ts).

import { diagnostic, type Diagnostic } from '@hslist/grammar';
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

function consequence(field: SalesforceField): string {
  if (field.restrictedPicklist === true) return 'the picklist is restricted, so Salesforce refuses HubSpot\'s writes of those values.';
  if (field.restrictedPicklist === false) return 'the picklist is not restricted, so Salesforce stores them as values outside its list.';
  return 'HubSpot cannot write those values to Salesforce if the picklist is restricted.';
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
    const message = `${fieldName(field, object)} has no picklist value for ${count} options of \`${property.name}\`: ${namedList(missing)}; ${consequence(field)}`;
    return [diagnostic('missing-picklist-value', message, mapping.salesforceField, field.restrictedPicklist === false ? 'info' : 'warning')];
  }
  return [];
}

export function checkSalesforcePicklists(ctx: FileCheckContext): Diagnostic[] {
  const sf = ctx.salesforceSchema;
  if (!sf) return [];
  return ctx.file.syncBlocks.flatMap((sync) => resolveMappings(ctx, sync, sf).flatMap(checkMapping));
}
