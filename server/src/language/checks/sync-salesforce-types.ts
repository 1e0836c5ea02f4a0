// `incompatible-mapping`: HubSpot blocks a mapping whose types do not fit (rule M3), whatever its sync rule.
// The HubSpot side is judged by its field type (how the property is edited), falling back to its data type
// for field types M3 does not name; a property whose kind cannot be told is not judged.

import { diagnostic, type Diagnostic } from '@hslist/grammar';
import type { PropertyDef } from '../schema-types';
import type { FileCheckContext } from './context';
import { fieldName, resolveMappings, type ResolvedMapping } from './sync-salesforce-target';

interface Compatibility {
  /** How HubSpot's UI calls the property's field type. */
  kind: string;
  salesforceTypes: string[];
}

const PICKLIST: Compatibility = { kind: 'dropdown select or radio select', salesforceTypes: ['picklist', 'reference'] };
const TEXT: Compatibility = { kind: 'single-line text', salesforceTypes: ['string', 'textarea', 'email', 'phone', 'url'] };
const NUMBER: Compatibility = { kind: 'number', salesforceTypes: ['double', 'int', 'currency', 'percent'] };
const DATE: Compatibility = { kind: 'date picker', salesforceTypes: ['date', 'datetime'] };
const BOOLEAN: Compatibility = { kind: 'single checkbox', salesforceTypes: ['boolean'] };

/** Rule M3, by HubSpot field type. `phonenumber` is not in M3; it holds text, so it maps like text (assumed). */
const BY_FIELD_TYPE: Record<string, Compatibility> = {
  select: PICKLIST,
  radio: PICKLIST,
  checkbox: { kind: 'multiple checkboxes', salesforceTypes: ['multipicklist'] },
  booleancheckbox: BOOLEAN,
  number: NUMBER,
  text: TEXT,
  phonenumber: { ...TEXT, kind: 'phone number' },
  textarea: { kind: 'multi-line text', salesforceTypes: ['textarea'] },
  date: DATE,
};

/** For field types M3 does not name (calculations, future ones): the data type decides. */
const BY_TYPE: Record<string, Compatibility> = {
  enumeration: PICKLIST,
  string: TEXT,
  phone_number: { ...TEXT, kind: 'phone number' },
  number: NUMBER,
  date: DATE,
  datetime: DATE,
  bool: BOOLEAN,
};

export function compatibilityOf(property: PropertyDef): Compatibility | undefined {
  return BY_FIELD_TYPE[property.fieldType] ?? BY_TYPE[property.type];
}

function orList(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function checkMapping(resolved: ResolvedMapping): Diagnostic[] {
  const allowed = compatibilityOf(resolved.property);
  if (!allowed) return [];
  const misfit = resolved.fields.find(({ field }) => !allowed.salesforceTypes.includes(field.type.toLowerCase()));
  if (!misfit) return [];
  const { property, mapping } = resolved;
  const hubspot = property.label && property.label !== property.name ? `${property.label} (\`${property.name}\`)` : `\`${property.name}\``;
  const message = `${hubspot} is a HubSpot ${allowed.kind} property, which maps only to Salesforce ${orList(allowed.salesforceTypes)} fields, but ${fieldName(misfit.field, misfit.object)} is ${misfit.field.type} (rule M3).`;
  return [diagnostic('incompatible-mapping', message, mapping.salesforceField)];
}

export function checkSalesforceTypes(ctx: FileCheckContext): Diagnostic[] {
  const sf = ctx.salesforceSchema;
  if (!sf) return [];
  return ctx.file.syncBlocks.flatMap((sync) => resolveMappings(ctx, sync, sf).flatMap(checkMapping));
}
