// The portal's owners (`hslist schema pull`'s owners.json, in Owners v3's response shape) become the
// options of every property that refers to owners (`referencedObjectType: OWNER`, e.g. hubspot_owner_id):
// value the owner id, label the name, description the email. The property keeps `externalOptions`, so
// every check that treats owners as opaque ids still does; option checks, the compiler and the preview
// read `optionsFrom: 'owners'` and let a file name an owner by name or email.

import type { OwnerRef, PropertyOption, Schema } from './schema-types';
import { catalogueEntries, type CatalogueProblem } from './schema-catalogue';

export type { OwnerRef };

export const OWNERS_FILE = 'owners.json';

export type OwnersProblem = CatalogueProblem;

export function parseOwners(value: unknown, file: string, problems: OwnersProblem[]): OwnerRef[] | undefined {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return catalogueEntries<OwnerRef>(value, file, 'owners', problems, (o) =>
    typeof o.id !== 'string' || !/^\d+$/.test(o.id)
      ? { lacks: 'an id of digits (an owner id)' }
      : { id: o.id, firstName: text(o.firstName), lastName: text(o.lastName), email: text(o.email), archived: o.archived === true });
}

export function ownerName(owner: OwnerRef): string {
  return `${owner.firstName} ${owner.lastName}`.trim() || owner.email || `owner ${owner.id}`;
}

/** A copy of the schema with the owners as the options of the properties that refer to owners. */
export function withOwnerOptions(schema: Schema, owners: OwnerRef[]): Schema {
  const options: PropertyOption[] = owners.map((o, i) => ({ value: o.id, label: ownerName(o), description: o.email, displayOrder: i, ...(o.archived ? { hidden: true } : {}) }));
  const objects = { ...schema.objects };
  for (const [type, properties] of Object.entries(schema.objects) as [keyof Schema['objects'], Schema['objects'][keyof Schema['objects']]][]) {
    if (!properties) continue;
    const copy = new Map(properties);
    for (const [name, def] of properties) if (def.referencedObjectType === 'OWNER') copy.set(name, { ...def, options, optionsFrom: 'owners' });
    objects[type] = copy;
  }
  return { ...schema, objects, owners };
}
