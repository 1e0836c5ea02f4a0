// Associated records for the filterBranch evaluator: which of a contact's companies, deals or tickets
// an ASSOCIATION branch or a NUM_ASSOCIATIONS filter looks at. HubSpot-defined types: contact →
// company 279 (any) and 1 (primary), contact → deal 4, contact → ticket 15; a USER_DEFINED type is a
// label, which the records carry in `associationLabels`.

import type { EvalContact, EvalContext, EvalRecord, Json } from './evaluate-types';

const OBJECTS: Record<string, { list: 'companies' | 'deals' | 'tickets'; typeId: number; primaryTypeId?: number }> = {
  '0-2': { list: 'companies', typeId: 279, primaryTypeId: 1 },
  '0-3': { list: 'deals', typeId: 4 },
  '0-5': { list: 'tickets', typeId: 15 },
};

/** The object a HubSpot-defined contact association type leads to (NUM_ASSOCIATIONS carries no object type). */
function objectOfType(typeId: unknown): string | undefined {
  return Object.keys(OBJECTS).find((id) => OBJECTS[id].typeId === typeId || OBJECTS[id].primaryTypeId === typeId);
}

/** The contact's records the association type selects; undefined (reported) when this evaluator cannot tell. */
export function associatedRecords(contact: EvalContact, objectTypeId: unknown, typeId: unknown, category: unknown, ctx: EvalContext): EvalRecord[] | undefined {
  const object = OBJECTS[String(objectTypeId)];
  if (!object) {
    ctx.report?.(`Cannot evaluate an association to object type ${String(objectTypeId)}; only companies, deals and tickets.`);
    return undefined;
  }
  const all = contact[object.list] ?? [];
  if (category === 'USER_DEFINED') return all.filter((r) => (r.associationLabels ?? []).includes(String(typeId)));
  if (category === 'HUBSPOT_DEFINED' && typeId === object.typeId) return all;
  if (category === 'HUBSPOT_DEFINED' && typeId === object.primaryTypeId) return all.filter((c) => c.id === contact.primaryCompanyId);
  ctx.report?.(`Cannot evaluate the ${String(category)} association type ${String(typeId)} to ${String(objectTypeId)}; it matches no one here.`);
  return undefined;
}

/** NUM_ASSOCIATIONS: the number of records of the (HubSpot-defined) type within NUM_OCCURRENCES' bounds. */
export function evaluateNumAssociations(filter: Json, contact: EvalContact, ctx: EvalContext): boolean {
  const objectTypeId = filter.associationCategory === 'HUBSPOT_DEFINED' ? objectOfType(filter.associationTypeId) : undefined;
  if (!objectTypeId) {
    ctx.report?.(`Cannot evaluate NUM_ASSOCIATIONS of the ${String(filter.associationCategory)} type ${String(filter.associationTypeId)}; it matches no one here.`);
    return false;
  }
  const records = associatedRecords(contact, objectTypeId, filter.associationTypeId, filter.associationCategory, ctx);
  const refine = (filter.coalescingRefineBy ?? {}) as Json;
  if (!records || refine.type !== 'NUM_OCCURRENCES') return false;
  const min = refine.minOccurrences === undefined ? 0 : Number(refine.minOccurrences);
  const max = refine.maxOccurrences === undefined ? Infinity : Number(refine.maxOccurrences);
  return records.length >= min && records.length <= max;
}
