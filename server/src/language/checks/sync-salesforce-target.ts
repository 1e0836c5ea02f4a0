// What the Salesforce-aware sync checks share: which Salesforce object(s) the sync creates, and each
// mapping resolved against both schemas. Only mappings whose HubSpot side is a mappable property are
// resolved; `unknown-property` and `unmappable-property` (sync-block.ts) already speak for the others.

import { settingValueString } from '@hslist/grammar';
import type { MappingNode, SyncNode } from '@hslist/grammar';
import type { SalesforceField } from '../../salesforce/field-model';
import { findSalesforceField, type SalesforceObjectName, type SalesforceSchema } from '../salesforce-schema';
import type { PropertyDef } from '../schema-types';
import type { FileCheckContext } from './context';
import { findSetting, settingWord } from './settings';
import { normaliseRule } from './sync-block';

/** The Salesforce objects a sync block's new records become. */
export interface SyncTarget {
  objects: SalesforceObjectName[];
  /** How the block says so, for messages: "`hubspot creates in salesforce: lead`", or undefined when it does not. */
  setting: string | undefined;
}

/**
 * `hubspot creates in salesforce: lead` → Lead, `contact` → Contact (rule C1: one or the other). Without a
 * valid setting the choice is made in HubSpot's UI, so both objects are possible and both are checked.
 */
export function syncTarget(sync: SyncNode): SyncTarget {
  const word = settingWord(findSetting(sync.settings, 'hubspot creates in salesforce')?.value);
  if (word === 'lead') return { objects: ['Lead'], setting: '`hubspot creates in salesforce: lead`' };
  if (word === 'contact') return { objects: ['Contact'], setting: '`hubspot creates in salesforce: contact`' };
  return { objects: ['Lead', 'Contact'], setting: undefined };
}

export interface ResolvedMapping {
  mapping: MappingNode;
  property: PropertyDef;
  /** The Salesforce field per target object that has it (target objects only). */
  fields: { object: SalesforceObjectName; field: SalesforceField }[];
}

/** Mappings whose HubSpot property exists and can be mapped, with their Salesforce fields on the target objects. */
export function resolveMappings(ctx: FileCheckContext, sync: SyncNode, sf: SalesforceSchema): ResolvedMapping[] {
  const target = syncTarget(sync);
  const out: ResolvedMapping[] = [];
  for (const mapping of sync.mappings) {
    const property = ctx.schema.objects.contacts.get(mapping.hubspotProperty.text);
    if (!property || property.referencedObjectType?.toUpperCase() === 'OWNER') continue;
    const fields = target.objects.flatMap((object) => {
      const field = findSalesforceField(sf, object, mapping.salesforceField.text);
      return field ? [{ object, field }] : [];
    });
    out.push({ mapping, property, fields });
  }
  return out;
}

/**
 * Whether a mapping's rule ever writes HubSpot values into Salesforce (reference §1.4): `always salesforce`
 * and `don't sync` never do; the others (and a mapping without a rule, whose rule is chosen in HubSpot's UI) may.
 */
export function writesToSalesforce(mapping: MappingNode): boolean {
  if (!mapping.rule) return true;
  const rule = normaliseRule(settingValueString(mapping.rule));
  return rule !== 'always salesforce' && rule !== "don't sync" && rule !== 'do not sync';
}

/** "Lead `Status`", or "`Status`" when the object goes without saying. */
export function fieldName(field: SalesforceField, object?: SalesforceObjectName): string {
  return object ? `${object} \`${field.name}\`` : `\`${field.name}\``;
}
