// Values crossing between HubSpot (every value a string, enumerations as `;`-separated option values) and
// Salesforce (JSON types; picklists by value). Picklist values and HubSpot options correspond when their
// value or label match case-insensitively, the rule `missing-picklist-value` checks with. Dates cross as
// instants: a Salesforce date is its UTC midnight, as HubSpot stores a date property.

import type { SalesforceField } from '../salesforce/field-model';
import type { PropertyDef } from '../language/schema-types';
import { isUnknownValue, parseEnumeration, parseInstant, parseNumber } from '../preview/values';
import { parseSalesforceInstant, type SfValue } from './salesforce-data';

/** The HubSpot option a Salesforce picklist value stands for (its internal value), or the value as is. */
function optionFor(value: string, property: PropertyDef | undefined): string {
  const lower = value.toLowerCase();
  const option = property?.options.find((o) => o.value.toLowerCase() === lower || o.label.toLowerCase() === lower);
  return option ? option.value : value;
}

/** The Salesforce picklist value a HubSpot option stands for, or undefined when the picklist has none. */
export function picklistValueFor(optionValue: string, property: PropertyDef | undefined, field: SalesforceField | undefined): string | undefined {
  if (!field) return undefined;
  const option = property?.options.find((o) => o.value === optionValue);
  const spellings = new Set([optionValue.toLowerCase(), ...(option ? [option.label.toLowerCase()] : [])]);
  const entry = field.picklistValues.find((v) => v.active && (spellings.has(v.value.toLowerCase()) || spellings.has(v.label.toLowerCase())));
  return entry?.value;
}

/** A Salesforce value as HubSpot would hold it, by the HubSpot property's type; null for no value. */
export function toHubSpotValue(value: SfValue, property: PropertyDef | undefined): string | null {
  if (value === null || value === '') return null;
  switch (property?.type) {
    case 'enumeration':
      return String(value).split(';').filter((v) => v !== '').map((v) => optionFor(v, property)).join(';') || null;
    case 'bool':
      return String(value).toLowerCase() === 'true' ? 'true' : 'false';
    case 'date':
    case 'datetime': {
      const at = parseSalesforceInstant(value);
      if (Number.isNaN(at)) return String(value);
      return property.type === 'date' ? new Date(at).toISOString().slice(0, 10) : new Date(at).toISOString();
    }
    default:
      return String(value);
  }
}

/** A HubSpot value as HubSpot writes it to Salesforce (picklists by their Salesforce value); null for no value. */
export function toSalesforceValue(raw: string | null, property: PropertyDef | undefined, field: SalesforceField | undefined): string | null {
  if (isUnknownValue(raw)) return null;
  if (property?.type !== 'enumeration' || !field || field.picklistValues.length === 0) return raw;
  return parseEnumeration(raw).map((v) => picklistValueFor(v, property, field) ?? v).join(';');
}

/** HubSpot option values of `raw` that the (restricted) picklist has no value for. */
export function valuesOutsidePicklist(raw: string | null, property: PropertyDef | undefined, field: SalesforceField | undefined): string[] {
  if (isUnknownValue(raw) || property?.type !== 'enumeration' || !field || field.picklistValues.length === 0) return [];
  return parseEnumeration(raw).filter((v) => picklistValueFor(v, property, field) === undefined);
}

/** Values of a HubSpot-side enumeration value that are none of the property's options (none for owners and open lists). */
export function optionsMissing(raw: string | null, property: PropertyDef | undefined): string[] {
  if (isUnknownValue(raw) || property?.type !== 'enumeration' || property.externalOptions || property.options.length === 0) return [];
  return parseEnumeration(raw).filter((v) => !property.options.some((o) => o.value === v));
}

/** Whether two HubSpot-side values are the same value for the property's type. */
export function sameHubSpotValue(a: string | null, b: string | null, property: PropertyDef | undefined): boolean {
  if (isUnknownValue(a) || isUnknownValue(b)) return isUnknownValue(a) && isUnknownValue(b);
  switch (property?.type) {
    case 'number':
      return parseNumber(a) === parseNumber(b);
    case 'date':
    case 'datetime':
      return parseInstant(a) === parseInstant(b);
    case 'bool':
      return a.toLowerCase() === b.toLowerCase();
    case 'enumeration': {
      const left = parseEnumeration(a);
      const right = parseEnumeration(b);
      return left.length === right.length && left.every((v) => right.includes(v));
    }
    default:
      return a === b;
  }
}
