// The portal's owners (`hslist schema pull`'s owners.json, in Owners v3's response shape) become the
// options of every property that refers to owners (`referencedObjectType: OWNER`, e.g. hubspot_owner_id):
// value the owner id, label the name, description the email. The property keeps `externalOptions`, so
// every check that treats owners as opaque ids still does; option checks, the compiler and the preview
// read `optionsFrom: 'owners'` and let a file name an owner by name or email.

import type { OwnerRef, PropertyDef, PropertyOption, Schema, TeamRef } from './schema-types';
import { catalogueEntries, type CatalogueProblem } from './schema-catalogue';

export type { OwnerRef };

export const OWNERS_FILE = 'owners.json';

export type OwnersProblem = CatalogueProblem;

export function parseOwners(value: unknown, file: string, problems: OwnersProblem[]): OwnerRef[] | undefined {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return catalogueEntries<OwnerRef>(value, file, 'owners', problems, (o) =>
    typeof o.id !== 'string' || !/^\d+$/.test(o.id)
      ? { lacks: 'an id of digits (an owner id)' }
      : { id: o.id, firstName: text(o.firstName), lastName: text(o.lastName), email: text(o.email), archived: o.archived === true, teams: teamsOf(o.teams) });
}

/** An owner's teams; an entry without an id of digits is left out, as it names no team a property can hold. */
function teamsOf(value: unknown): TeamRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((t: unknown) => {
    const team = (t ?? {}) as Record<string, unknown>;
    const id = typeof team.id === 'number' ? String(team.id) : team.id;
    return typeof id === 'string' && /^\d+$/.test(id) ? [{ id, name: typeof team.name === 'string' ? team.name : '' }] : [];
  });
}

/** The portal's teams, each once (by id), in the order the owners name them first. */
export function teamsOfOwners(owners: readonly OwnerRef[]): TeamRef[] {
  const teams = new Map<string, TeamRef>();
  for (const owner of owners) for (const team of owner.teams) if (!teams.has(team.id)) teams.set(team.id, team);
  return [...teams.values()];
}

/**
 * Properties whose values are team ids: HubSpot's `hubspot_team_id` ("HubSpot team"), and any property the
 * schema says refers to teams (`referencedObjectType: TEAM`, Assumed: the name HubSpot would give them).
 */
export function holdsTeamIds(def: PropertyDef): boolean {
  return def.referencedObjectType === 'TEAM' || (def.name === 'hubspot_team_id' && def.type === 'enumeration');
}

export function ownerName(owner: OwnerRef): string {
  return `${owner.firstName} ${owner.lastName}`.trim() || owner.email || `owner ${owner.id}`;
}

/**
 * A copy of the schema with the owners as the options of the properties that refer to owners, and their
 * teams as the options of the properties that hold team ids (`hubspot_team_id`).
 */
export function withOwnerOptions(schema: Schema, owners: OwnerRef[]): Schema {
  const options: PropertyOption[] = owners.map((o, i) => ({ value: o.id, label: ownerName(o), description: o.email, displayOrder: i, ...(o.archived ? { hidden: true } : {}) }));
  const teamOptions: PropertyOption[] = teamsOfOwners(owners).map((t, i) => ({ value: t.id, label: t.name || `team ${t.id}`, displayOrder: i }));
  const objects = { ...schema.objects };
  for (const [type, properties] of Object.entries(schema.objects) as [keyof Schema['objects'], Schema['objects'][keyof Schema['objects']]][]) {
    if (!properties) continue;
    const copy = new Map(properties);
    for (const [name, def] of properties) {
      if (def.referencedObjectType === 'OWNER') copy.set(name, { ...def, options, optionsFrom: 'owners' });
      else if (holdsTeamIds(def)) copy.set(name, { ...def, options: teamOptions, optionsFrom: 'teams' });
    }
    objects[type] = copy;
  }
  return { ...schema, objects, owners };
}
