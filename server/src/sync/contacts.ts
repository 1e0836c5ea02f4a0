// The HubSpot side of the simulation: contacts by row, whatever the preview loaded them from (a contact
// export or the live portal), with their inclusion-list membership as the preview's evaluator judged it.

import type { ColumnStore } from '../preview/columns';
import { rawValue } from '../preview/columns';
import type { TriSet } from '../preview/compiled';
import type { Tri } from '../preview/types';
import { parseInstant } from '../preview/values';

export interface HubSpotContacts {
  readonly size: number;
  id(row: number): string;
  /** The contact's email, or null. */
  email(row: number): string | null;
  /** A property's value as HubSpot holds it (a string), or null; null too when the data did not load it. */
  value(row: number, property: string): string | null;
  /** `lastmodifieddate` in epoch ms; NaN when unknown. */
  lastModified(row: number): number;
  /** Membership of the inclusion list (true for everyone without one, E1); 'unknown' when the data cannot tell. */
  membership(row: number): Tri;
  /** The row of a contact id, or -1. */
  rowOf(id: string): number;
}

function bit(words: Uint32Array, row: number): boolean {
  return (words[row >>> 5] & (1 << (row & 31))) !== 0;
}

/** `inclusion` is the list's rows (certain / possible), or undefined when the sync has no inclusion list. */
export function contactsFromStore(store: ColumnStore, inclusion: TriSet | undefined): HubSpotContacts {
  const value = (row: number, property: string): string | null => {
    const col = store.columns.get(property);
    return col ? rawValue(col, row) : null;
  };
  const modified = store.columns.get('lastmodifieddate');
  return {
    size: store.size,
    id: (row) => store.ids.at(row),
    email: (row) => value(row, 'email'),
    value,
    lastModified: (row) => {
      if (!modified) return NaN;
      if (modified.kind === 'date' || modified.kind === 'number') return modified.values[row];
      const raw = rawValue(modified, row);
      return raw === null ? NaN : parseInstant(raw);
    },
    membership: (row) => {
      if (!inclusion) return true;
      if (bit(inclusion.lo, row)) return true;
      return bit(inclusion.hi, row) ? 'unknown' : false;
    },
    rowOf: (id) => store.ids.rowOf(id),
  };
}
