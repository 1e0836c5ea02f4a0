// Who would enter and who would leave a published list: the preview's matches against the list's
// current members in HubSpot. Contacts the preview cannot judge are counted apart, never guessed, and
// members missing from the loaded data are counted apart too (a local file may hold other ids).
// Word operations over bitsets, so the editor can recompute it on every evaluation at 1M contacts.

import { andNot, emptyBitset, firstRows, popcount, setBit, type Bitset } from './bitset';
import type { ColumnStore } from './columns';
import type { TriSet } from './compiled';
import type { ListPreview, SampleContact } from './run';
import { sampleContact } from './run';

export interface MembershipChange {
  count: number;
  samples: SampleContact[];
}

export interface MembershipDiff {
  listId: string;
  /** Current members in HubSpot. */
  members: number;
  /** Certainly match, not members now. */
  enter: MembershipChange;
  /** Members now, certainly do not match. */
  leave: MembershipChange;
  /** Contacts the data cannot judge (conditions not previewable). */
  undecided: number;
  /** Members whose record id is not in the loaded data. */
  membersNotInData: number;
}

/** The current members as rows of the store; members the store does not hold are counted. */
export interface Members {
  bits: Bitset;
  /** All members, in the data or not. */
  count: number;
  notInData: number;
}

export function membersOf(store: ColumnStore, memberIds: Iterable<string>): Members {
  const bits = emptyBitset(store.size);
  const missing = new Set<string>();
  for (const id of memberIds) {
    const row = store.ids.rowOf(id);
    if (row < 0) missing.add(id);
    else setBit(bits, row);
  }
  return { bits, count: popcount(bits) + missing.size, notInData: missing.size };
}

export interface MembershipSets {
  enter: Bitset;
  leave: Bitset;
  undecided: number;
}

/** enter = sure matches that are not members; leave = members that surely do not match. */
export function membershipSets(rows: TriSet, members: Members): MembershipSets {
  return { enter: andNot(rows.lo, members.bits), leave: andNot(members.bits, rows.hi), undecided: popcount(andNot(rows.hi, rows.lo)) };
}

export function membershipDiff(preview: ListPreview, listId: string, memberIds: Iterable<string>, sampleSize = 5): MembershipDiff {
  const { store } = preview;
  const members = membersOf(store, memberIds);
  const sets = membershipSets(preview.rows, members);
  const change = (bits: Bitset): MembershipChange => ({
    count: popcount(bits),
    samples: firstRows(bits, sampleSize).map((r) => sampleContact(store, r, preview.properties)),
  });
  return { listId, members: members.count, enter: change(sets.enter), leave: change(sets.leave), undecided: sets.undecided, membersNotInData: members.notInData };
}
