// The v4 associations batch read from contacts (`POST /crm/v4/associations/contacts/{toObjectType}/batch/read`),
// in the shape of HubSpot's Associations v4 spec (BatchResponsePublicAssociationMultiWithLabel): per input
// contact, `from` and the `to` records, each with every association type it has — the HubSpot-defined one
// (contact → company 279, and 1 for the primary company; contact → deal 4; contact → ticket 15) and one
// USER_DEFINED type per label. A contact with more associations than one result holds gets
// `paging.next.after`, which the next request sends as the input's `after`.

import { ASSOCIATION_LABELS } from '../data/hubspot-portal';
import type { PortalContact } from '../data/hubspot-records';
import { asJson } from './evaluate-types';
import type { EmulatorState } from './state';

export const ASSOCIATED_OBJECTS = ['companies', 'deals', 'tickets'] as const;
export type AssociatedObject = (typeof ASSOCIATED_OBJECTS)[number];

const DEFINED_TYPE: Record<AssociatedObject, number> = { companies: 279, deals: 4, tickets: 15 };
const PRIMARY_COMPANY_TYPE = 1;
/** Associations per contact in one result before `paging.next.after` (Assumed: docs/emulators.md). */
export const ASSOCIATIONS_PER_RESULT = 500;
/** Inputs in one batch read: HubSpot refuses more since February 2025 (its developer changelog; docs/emulators.md). */
const MAX_INPUTS = 1000;

interface TypeView {
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED';
  typeId: number;
  label: string | null;
}

/**
 * The batch read's results and errors, or why the request is invalid. A contact with no associations of
 * the type has no result but an error of subCategory `crm.associations.NO_ASSOCIATIONS_FOUND`, as
 * HubSpot answers it (status 207; its message and context as HubSpot words them). Unknown and archived
 * contacts have neither (Assumed: docs/emulators.md).
 */
export function contactAssociations(state: EmulatorState, inputs: unknown[], to: AssociatedObject): { results: unknown[]; errors: unknown[] } | string {
  if (inputs.length > MAX_INPUTS) return `Batch read accepts at most ${MAX_INPUTS} inputs.`;
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const [i, raw] of inputs.entries()) {
    const input = asJson(raw);
    const id = String(input.id);
    const start = input.after === undefined ? 0 : Number(input.after);
    if (!Number.isInteger(start) || start < 0) return `inputs[${i}].after must be a cursor from an earlier answer; got "${String(input.after)}".`;
    const contact = state.contacts.get(id);
    if (!contact || contact.archived) continue;
    const all = links(contact, to);
    if (all.length === 0) {
      errors.push(noAssociations(id, to));
      continue;
    }
    const end = start + ASSOCIATIONS_PER_RESULT;
    const result: Record<string, unknown> = { from: { id }, to: all.slice(start, end) };
    if (end < all.length) result.paging = { next: { after: String(end), link: '' } };
    results.push(result);
  }
  return { results, errors };
}

const SINGULAR: Record<AssociatedObject, string> = { companies: 'company', deals: 'deal', tickets: 'ticket' };

/** HubSpot's error item for a contact without associations of the type. */
function noAssociations(id: string, to: AssociatedObject): unknown {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
    message: `No ${SINGULAR[to]} is associated with contact ${id}.`,
    context: { fromObjectId: [id], fromObjectType: ['contact'], toObjectType: [SINGULAR[to]] },
  };
}

/** The contact's associations to `to`, each with its types (HubSpot-defined and labels). */
export function links(contact: PortalContact, to: AssociatedObject): { toObjectId: number; associationTypes: TypeView[] }[] {
  if (to === 'companies') {
    // The contact's first company is its primary one.
    return contact.companyIds.map((companyId, i) => ({
      toObjectId: Number(companyId),
      associationTypes: [
        defined(to),
        ...(i === 0 ? [{ category: 'HUBSPOT_DEFINED' as const, typeId: PRIMARY_COMPANY_TYPE, label: 'Primary' }] : []),
        ...(contact.companyLabels?.[companyId] ?? []).map((typeId) => labelled(to, typeId)),
      ],
    }));
  }
  return (contact[to] ?? []).map((record) => ({
    toObjectId: Number(record.id),
    associationTypes: [defined(to), ...(record.associationLabels ?? []).map((typeId) => labelled(to, typeId))],
  }));
}

/**
 * The association types from contacts to `to` (Associations Schema v4, `GET /crm/associations/v4/contacts/{to}/labels`,
 * `CollectionResponseAssociationSpecWithLabelNoPaging`): the HubSpot-defined ones, then the portal's labels.
 */
export function labelDefinitions(to: AssociatedObject): TypeView[] {
  const primary: TypeView[] = to === 'companies' ? [{ category: 'HUBSPOT_DEFINED', typeId: PRIMARY_COMPANY_TYPE, label: 'Primary' }] : [];
  return [defined(to), ...primary, ...ASSOCIATION_LABELS[to].map((l) => labelled(to, l.typeId))];
}

function defined(to: AssociatedObject): TypeView {
  return { category: 'HUBSPOT_DEFINED', typeId: DEFINED_TYPE[to], label: null };
}

function labelled(to: AssociatedObject, typeId: string): TypeView {
  return { category: 'USER_DEFINED', typeId: Number(typeId), label: ASSOCIATION_LABELS[to].find((l) => l.typeId === typeId)?.label ?? null };
}
