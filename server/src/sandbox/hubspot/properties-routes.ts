// Properties v3 writes: create a custom property (POST /crm/v3/properties/{objectType}) and update one
// (PATCH /crm/v3/properties/{objectType}/{propertyName}), in the shapes of HubSpot's Properties API reference
// ("Create a property", "Update a property"). Validation follows the reference's required fields; the
// answers a real portal gives for a duplicate name (409) and for options sent in an update (the list sent
// replaces the old one) are Assumed (docs/emulators.md). Faults apply as to every route.

import type { PropertyDef, PropertyOption } from '../../language/schema-types';
import { asArray, asJson } from './evaluate-types';
import { hubspotError, notFound, ok, route, validationError, type Route, type RouteResult } from './http-kit';
import type { EmulatorState } from './state';

const OBJECT_TYPES = new Set(['contacts', 'companies']);
const TYPES: Record<string, string[]> = {
  string: ['text', 'textarea', 'phonenumber', 'file', 'html'],
  number: ['number', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox'],
  date: ['date'],
  datetime: ['date'],
  phone_number: ['phonenumber'],
};
const NAME = /^[a-z][a-z0-9_]*$/;

function options(value: unknown): PropertyOption[] | string {
  const out: PropertyOption[] = [];
  for (const [index, raw] of asArray(value).entries()) {
    const o = asJson(raw);
    if (typeof o.label !== 'string' || typeof o.value !== 'string' || o.value === '') return `options[${index}] needs a label and a non-empty value`;
    if (out.some((x) => x.value === o.value)) return `options[${index}]: the value "${o.value}" is used twice`;
    out.push({ label: o.label, value: o.value, displayOrder: typeof o.displayOrder === 'number' ? o.displayOrder : index, hidden: o.hidden === true });
  }
  return out;
}

function created(body: Record<string, unknown>): PropertyDef | string {
  for (const field of ['name', 'label', 'type', 'fieldType', 'groupName'] as const) {
    if (typeof body[field] !== 'string' || body[field] === '') return `${field} is required`;
  }
  const { name, label, type, fieldType, groupName } = body as Record<string, string>;
  if (!NAME.test(name)) return `name "${name}" must start with a lower-case letter and hold only lower-case letters, digits and _`;
  if (!TYPES[type]?.includes(fieldType)) return `fieldType "${fieldType}" does not go with type "${type}"`;
  const opts = options(body.options);
  if (typeof opts === 'string') return opts;
  if (type === 'enumeration' && opts.length === 0 && fieldType !== 'booleancheckbox') return 'an enumeration needs options';
  return { name, label, type, fieldType, groupName, options: opts, hubspotDefined: false, calculated: false, hidden: false };
}

function create(state: EmulatorState, objectType: 'contacts' | 'companies', body: unknown): RouteResult {
  const def = created(asJson(body));
  if (typeof def === 'string') return validationError(`Property values were not valid: ${def}.`);
  if (state.schema[objectType].some((p) => p.name === def.name)) return hubspotError(409, 'OBJECT_ALREADY_EXISTS', `A property named "${def.name}" already exists.`);
  state.schema[objectType].push(def);
  return ok(def, 201);
}

function update(state: EmulatorState, objectType: 'contacts' | 'companies', name: string, body: unknown): RouteResult {
  const property = state.schema[objectType].find((p) => p.name === name);
  if (!property) return notFound(`Unable to find property ${name} for object type ${objectType}.`);
  const changes = asJson(body);
  if (changes.options !== undefined) {
    if (property.hubspotDefined) return validationError(`The options of the HubSpot-defined property ${name} cannot be changed through this API.`);
    const opts = options(changes.options);
    if (typeof opts === 'string') return validationError(`Property values were not valid: ${opts}.`);
    property.options = opts;
  }
  if (typeof changes.label === 'string' && changes.label !== '') property.label = changes.label;
  return ok(property);
}

export function propertiesRoutes(state: EmulatorState): Route[] {
  const typed = (objectType: string, then: (type: 'contacts' | 'companies') => RouteResult): RouteResult =>
    OBJECT_TYPES.has(objectType) ? then(objectType as 'contacts' | 'companies') : notFound(`Unknown object type ${objectType}.`);
  return [
    route('POST', '/crm/v3/properties/:objectType', (r) => typed(r.params.objectType, (type) => create(state, type, r.body))),
    route('PATCH', '/crm/v3/properties/:objectType/:propertyName', (r) => typed(r.params.objectType, (type) => update(state, type, r.params.propertyName, r.body))),
  ];
}
