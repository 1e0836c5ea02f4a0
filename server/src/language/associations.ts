// The objects a contact list can filter by association, with HubSpot's ids for them: the object type
// id of the ASSOCIATION branch and the HubSpot-defined contact → object association type (HubSpot's
// associations overview: contact → company 279 unlabeled and 1 "Primary", contact → deal 4, contact →
// ticket 15). A labeled association (`labeled #id`) is the USER_DEFINED type of that id.

import type { AssociatedObjectName } from './schema-types';

export interface AssociationKind {
  object: AssociatedObjectName;
  /** The word of the language, singular and plural: `associated deal where`, `number of associated deals`. */
  word: string;
  plural: string;
  objectTypeId: string;
  /** The unlabeled HubSpot-defined contact → object association. */
  typeId: number;
  /** `associated primary company`: HubSpot's "Contact with Primary Company". */
  primaryTypeId?: number;
}

export const ASSOCIATIONS: readonly AssociationKind[] = [
  { object: 'companies', word: 'company', plural: 'companies', objectTypeId: '0-2', typeId: 279, primaryTypeId: 1 },
  { object: 'deals', word: 'deal', plural: 'deals', objectTypeId: '0-3', typeId: 4 },
  { object: 'tickets', word: 'ticket', plural: 'tickets', objectTypeId: '0-5', typeId: 15 },
];

/** The kind an object word names (singular or plural, any case). */
export function associationByWord(word: string): AssociationKind | undefined {
  const w = word.toLowerCase();
  return ASSOCIATIONS.find((a) => a.word === w || a.plural === w);
}

export function associationByObjectTypeId(id: unknown): AssociationKind | undefined {
  return ASSOCIATIONS.find((a) => a.objectTypeId === id);
}

/** The kind whose HubSpot-defined (unlabeled or primary) type id this is, for filters that carry no object type. */
export function associationByTypeId(typeId: unknown): { kind: AssociationKind; primary: boolean } | undefined {
  for (const kind of ASSOCIATIONS) {
    if (kind.typeId === typeId) return { kind, primary: false };
    if (kind.primaryTypeId !== undefined && kind.primaryTypeId === typeId) return { kind, primary: true };
  }
  return undefined;
}

/**
 * Why an `associated … where` cannot be said to HubSpot, or undefined: a primary deal or ticket (only a
 * company is a contact's primary one), `primary` with a label (a branch has one association type, so one of
 * them would be dropped and the list grow), a label id that is not a positive type id.
 */
export function associationProblem(c: { objectType: { text: string }; primary: boolean; label?: { text: string } }): string | undefined {
  const kind = associationByWord(c.objectType.text);
  if (!kind) return `contacts are associated with a company, a deal or a ticket here, not \`${c.objectType.text}\``;
  if (c.primary && kind.primaryTypeId === undefined) return `a contact has no primary ${kind.word}: HubSpot's primary association is to a company only`;
  if (c.primary && c.label) return `\`primary\` and \`labeled #${c.label.text}\` are two association types, and an association filter takes one`;
  if (c.label && !/^[1-9]\d*$/.test(c.label.text)) return `\`#${c.label.text}\` is not an association type id (a whole number from 1)`;
  return undefined;
}
