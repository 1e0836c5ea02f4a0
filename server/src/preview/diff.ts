// Who would enter and who would leave a published list: the preview's matches against the list's
// current members in HubSpot. Contacts the preview cannot judge are counted apart, never guessed, and
// members missing from the loaded data are counted apart too (a local file may hold other ids).

import { hasBit } from './bitset';
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
  /** Members and non-members the data cannot judge (conditions not previewable). */
  undecided: number;
  /** Members whose record id is not in the loaded data. */
  membersNotInData: number;
}

export function membershipDiff(preview: ListPreview, listId: string, memberIds: Iterable<string>, sampleSize = 5): MembershipDiff {
  const { store, rows } = preview;
  const memberRows = new Set<number>();
  let membersNotInData = 0;
  for (const id of memberIds) {
    const row = store.ids.rowOf(id);
    if (row < 0) membersNotInData++;
    else memberRows.add(row);
  }
  const enter: number[] = [];
  const leave: number[] = [];
  let undecided = 0;
  for (let row = 0; row < store.size; row++) {
    const sure = hasBit(rows.lo, row);
    const maybe = hasBit(rows.hi, row);
    const member = memberRows.has(row);
    if (sure && !member) enter.push(row);
    else if (!maybe && member) leave.push(row);
    else if (maybe && !sure) undecided++;
  }
  const change = (list: number[]): MembershipChange => ({ count: list.length, samples: list.slice(0, sampleSize).map((r) => sampleContact(store, r, preview.properties)) });
  return { listId, members: memberRows.size + membersNotInData, enter: change(enter), leave: change(leave), undecided, membersNotInData };
}
