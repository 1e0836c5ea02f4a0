// `missing-hubspot-option` (warning, on the Salesforce field): a value of the mapped Salesforce picklist that
// none of the HubSpot enumeration's options stands for (case-insensitively on value or label, as
// `missing-picklist-value` matches the other way). A Salesforce record with that value cannot write it to
// HubSpot (A-OPTION, Assumed: HubSpot refuses a value that is not one of an enumeration's options). Only
// mappings whose rule may write to HubSpot are judged: every rule but `don't sync`.

import { diagnostic, type Diagnostic, settingValueString } from '@hslist/grammar';
import type { SalesforceField, SalesforcePicklistValue } from '../../salesforce/field-model';
import type { PropertyDef } from '../schema-types';
import type { FileCheckContext } from './context';
import { normaliseRule } from './sync-block';
import { fieldName, resolveMappings, type ResolvedMapping } from './sync-salesforce-target';

const NAMED_AT_MOST = 10;

function writesToHubSpot(resolved: ResolvedMapping): boolean {
  const rule = resolved.mapping.rule;
  if (!rule) return true;
  const text = normaliseRule(settingValueString(rule));
  return text !== "don't sync" && text !== 'do not sync';
}

export function valuesWithoutOption(field: SalesforceField, property: PropertyDef): SalesforcePicklistValue[] {
  const spellings = new Set(property.options.flatMap((o) => [o.value.toLowerCase(), o.label.toLowerCase()]));
  return field.picklistValues.filter((v) => v.active && !spellings.has(v.value.toLowerCase()) && !spellings.has(v.label.toLowerCase()));
}

function named(values: SalesforcePicklistValue[]): string {
  const shown = values.slice(0, NAMED_AT_MOST).map((v) => `"${v.value}"`).join(', ');
  return values.length > NAMED_AT_MOST ? `${shown} and ${values.length - NAMED_AT_MOST} more` : shown;
}

function checkMapping(resolved: ResolvedMapping): Diagnostic[] {
  const { property, mapping } = resolved;
  if (property.type !== 'enumeration' || property.externalOptions || property.options.length === 0 || !writesToHubSpot(resolved)) return [];
  for (const { object, field } of resolved.fields) {
    if (field.type !== 'picklist' && field.type !== 'multipicklist') continue;
    const missing = valuesWithoutOption(field, property);
    if (missing.length === 0) continue;
    const message = `\`${property.name}\` has no option for ${missing.length} of the ${field.picklistValues.filter((v) => v.active).length} values of ${fieldName(field, object)}: ${named(missing)}; Salesforce records with those values cannot write them to HubSpot.`;
    return [diagnostic('missing-hubspot-option', message, mapping.salesforceField, 'warning')];
  }
  return [];
}

export function checkSalesforceOptions(ctx: FileCheckContext): Diagnostic[] {
  const sf = ctx.salesforceSchema;
  if (!sf) return [];
  return ctx.file.syncBlocks.flatMap((sync) => resolveMappings(ctx, sync, sf).flatMap(checkMapping));
}
