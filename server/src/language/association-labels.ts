// The portal's association labels (`hslist schema pull`'s association-labels.json, from the v4
// associations labels endpoint: `{ category, typeId, label }` per contact → company / deal / ticket), so
// a file can write `associated deal labeled "Decision maker" where …`; HubSpot's association branch takes
// the label's association type id. Names are compared without case; an id (`labeled #12`) stays accepted.

import type { AssociationLabelRef } from '@hslist/grammar';
import type { AssociatedObjectType, PortalAssociationLabel, Schema } from './schema-types';
import { catalogueEntries, type CatalogueProblem } from './schema-catalogue';

export const ASSOCIATION_LABELS_FILE = 'association-labels.json';

const OBJECTS: readonly AssociatedObjectType[] = ['companies', 'deals', 'tickets'];

export type LabelsProblem = CatalogueProblem;

/** The labels, and the objects whose labels were read (`objects` in the file; all three when it says none). */
export function parseAssociationLabels(value: unknown, file: string, problems: LabelsProblem[]): { labels: PortalAssociationLabel[]; objects: AssociatedObjectType[] } | undefined {
  const labels = catalogueEntries(value, file, 'labels', problems, (l): PortalAssociationLabel | { lacks: string } => {
    const typeId = typeof l.typeId === 'number' || typeof l.typeId === 'string' ? String(l.typeId) : '';
    if (!(OBJECTS as readonly unknown[]).includes(l.toObjectType) || !/^[1-9]\d*$/.test(typeId) || typeof l.label !== 'string' || l.label === '') {
      return { lacks: 'a toObjectType (companies, deals or tickets), a typeId and a label' };
    }
    return { object: l.toObjectType as AssociatedObjectType, typeId, label: l.label, category: typeof l.category === 'string' ? l.category : 'USER_DEFINED' };
  });
  if (!labels) return undefined;
  const listed = (value as { objects?: unknown }).objects;
  const objects = Array.isArray(listed) ? OBJECTS.filter((o) => listed.includes(o)) : [...OBJECTS];
  return { labels, objects };
}

export type LabelMatch =
  | { kind: 'id'; id: string; label: PortalAssociationLabel | undefined }
  | { kind: 'name'; label: PortalAssociationLabel }
  | { kind: 'ambiguous'; labels: PortalAssociationLabel[] }
  | { kind: 'unknown' }
  /** A name, but the schema holds no labels to look it up in. */
  | { kind: 'no-catalogue' };

/** The portal's labels of associations from contacts to `object`, or undefined when none were pulled. */
export function labelsOf(schema: Pick<Schema, 'associationLabels'>, object: AssociatedObjectType): PortalAssociationLabel[] | undefined {
  const pulled = schema.associationLabels;
  return pulled?.objects.includes(object) ? pulled.labels.filter((l) => l.object === object) : undefined;
}

export function matchLabel(ref: AssociationLabelRef, object: AssociatedObjectType, schema: Pick<Schema, 'associationLabels'>): LabelMatch {
  const labels = labelsOf(schema, object);
  if (ref.by !== 'name') return { kind: 'id', id: ref.text, label: labels?.find((l) => l.typeId === ref.text) };
  if (!labels) return { kind: 'no-catalogue' };
  const folded = ref.text.trim().toLowerCase();
  const named = labels.filter((l) => l.label.trim().toLowerCase() === folded);
  if (named.length === 1) return { kind: 'name', label: named[0] };
  return named.length > 1 ? { kind: 'ambiguous', labels: named } : { kind: 'unknown' };
}

/** The association type id HubSpot gets for a written label; undefined when a name names no one label. */
export function labelIdOf(ref: AssociationLabelRef, object: AssociatedObjectType, schema: Pick<Schema, 'associationLabels'>): string | undefined {
  const match = matchLabel(ref, object, schema);
  return match.kind === 'id' ? match.id : match.kind === 'name' ? match.label.typeId : undefined;
}
