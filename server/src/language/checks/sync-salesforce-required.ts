// `unmapped-required-field` (warning, on the sync block's header): fields Salesforce requires to create the
// Lead or Contact the sync makes (createable, not nillable, not defaulted on create, not a picklist with a
// default value) that neither a mapping of the block nor one of HubSpot's default mappings (rule M4) fills.
// A mapping whose rule never writes to Salesforce (`always salesforce`, `don't sync`) fills nothing, even on
// a default-mapped field.

import { type MappingNode, type SyncNode, diagnostic, type Diagnostic } from '@hslist/grammar';
import { needsValueOnCreate, type SalesforceField } from '../../salesforce/field-model';
import type { SalesforceObjectName, SalesforceSchema } from '../salesforce-schema';
import type { FileCheckContext } from './context';
import { syncTarget, writesToSalesforce } from './sync-salesforce-target';

/**
 * Salesforce fields (lowercased) HubSpot's default contact mappings fill (rule M4), with the HubSpot property
 * by its default name. The HubSpot side of Status, Rating, Lead Source, Description, Email Opt Out and Account
 * ID is not named in the reference (UNCONFIRMED): `null`.
 */
const COMMON_DEFAULTS: Record<string, string | null> = {
  firstname: 'firstname', lastname: 'lastname', email: 'email', phone: 'phone', fax: 'fax', title: 'jobtitle',
  salutation: 'salutation', description: null, hasoptedoutofemail: null, ownerid: 'hubspot_owner_id', leadsource: null,
};

export const DEFAULT_MAPPINGS: Record<SalesforceObjectName, Record<string, string | null>> = {
  Lead: {
    ...COMMON_DEFAULTS, company: 'company', website: 'website', industry: 'industry', annualrevenue: 'annualrevenue',
    numberofemployees: 'numemployees', street: 'address', city: 'city', state: 'state', postalcode: 'zip',
    country: 'country', status: null, rating: null,
  },
  Contact: {
    ...COMMON_DEFAULTS, accountid: null, mailingstreet: 'address', mailingcity: 'city', mailingstate: 'state',
    mailingpostalcode: 'zip', mailingcountry: 'country',
  },
};

/**
 * Whether the field is filled on create. A mapping of the block to the field decides when it can write; one
 * that cannot (`always salesforce`, `don't sync`) turns the default off only when it is that default mapping
 * (same HubSpot property), since another property's mapping leaves the default mapping in place.
 */
function isFilled(object: SalesforceObjectName, key: string, explicit: MappingNode[]): boolean {
  if (explicit.some(writesToSalesforce)) return true;
  if (!(key in DEFAULT_MAPPINGS[object])) return false;
  const defaultProperty = DEFAULT_MAPPINGS[object][key];
  return !explicit.some((m) => m.hubspotProperty.text === defaultProperty);
}

interface Gap {
  field: SalesforceField;
  /** The block's mapping to the field whose rule never writes to Salesforce, if that is why. */
  readOnly?: MappingNode;
}

function gapsFor(sf: SalesforceSchema, object: SalesforceObjectName, mappings: MappingNode[]): Gap[] {
  const gaps: Gap[] = [];
  for (const field of sf.objects[object].fields.values()) {
    if (!needsValueOnCreate(field)) continue;
    const key = field.name.toLowerCase();
    const explicit = mappings.filter((m) => m.salesforceField.text.toLowerCase() === key);
    if (!isFilled(object, key, explicit)) gaps.push({ field, readOnly: explicit[0] });
  }
  return gaps.sort((a, b) => a.field.name.localeCompare(b.field.name));
}

function describeGap(gap: Gap): string {
  const rule = gap.readOnly?.rule;
  const why = rule && (rule.kind === 'string' || rule.kind === 'word') ? `mapped here with \`${rule.value}\`, which never writes to Salesforce` : '';
  const notes = [gap.field.label !== gap.field.name ? gap.field.label : '', why].filter((n) => n !== '').join('; ');
  return `\`${gap.field.name}\`${notes ? ` (${notes})` : ''}`;
}

function andList(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function checkSync(sf: SalesforceSchema, sync: SyncNode): Diagnostic[] {
  return syncTarget(sync).objects.flatMap((object) => {
    const gaps = gapsFor(sf, object, sync.mappings);
    if (gaps.length === 0) return [];
    const fields = andList(gaps.map(describeGap));
    const them = gaps.length === 1 ? 'it' : 'them';
    const message = `Salesforce needs ${object} ${fields} to create a ${object.toLowerCase()}, and neither a mapping here nor HubSpot's default mappings fill ${them}; new ${object.toLowerCase()}s from HubSpot will fail until a HubSpot property is mapped to ${them}.`;
    return [diagnostic('unmapped-required-field', message, sync.target, 'warning')];
  });
}

export function checkSalesforceRequiredFields(ctx: FileCheckContext): Diagnostic[] {
  const sf = ctx.salesforceSchema;
  if (!sf) return [];
  return ctx.file.syncBlocks.flatMap((sync) => checkSync(sf, sync));
}
