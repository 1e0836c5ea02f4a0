// A small schema in the Properties API shape for the compile/decompile tests (no parser imports,
// so property tests can use it on their own).

import type { PropertyDef, Schema } from '../../../server/src/language/schema-types';

function prop(name: string, type: string, options: string[] = [], fieldType = type === 'enumeration' ? 'select' : 'text'): PropertyDef {
  return {
    name,
    label: name,
    type,
    fieldType,
    options: options.map((value, i) => ({ label: value, value, displayOrder: i })),
  };
}

function byName(defs: PropertyDef[]): Map<string, PropertyDef> {
  return new Map(defs.map((d) => [d.name, d]));
}

export const CONTACT_PROPERTIES: PropertyDef[] = [
  prop('email', 'string'),
  prop('firstname', 'string'),
  prop('lastname', 'string'),
  prop('country', 'string'),
  prop('phone', 'phone_number'),
  prop('annualrevenue', 'number'),
  prop('num_visits', 'number'),
  prop('is_customer', 'bool'),
  prop('lifecyclestage', 'enumeration', ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'customer']),
  prop('hs_interests', 'enumeration', ['crm', 'sales', 'service'], 'checkbox'),
  prop('birthday', 'date'),
  prop('createdate', 'datetime'),
  prop('closedate', 'datetime'),
  prop('hs_location', 'object_coordinates'),
];

export const COMPANY_PROPERTIES: PropertyDef[] = [
  prop('name', 'string'),
  prop('domain', 'string'),
  prop('industry', 'enumeration', ['COMPUTER_SOFTWARE', 'BANKING', 'RETAIL']),
  prop('numberofemployees', 'number'),
  prop('founded', 'date'),
];

export const TEST_SCHEMA: Schema = {
  source: 'compile tests',
  objects: { contacts: byName(CONTACT_PROPERTIES), companies: byName(COMPANY_PROPERTIES) },
};
