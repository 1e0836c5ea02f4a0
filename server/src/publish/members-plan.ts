// The member difference of each static list whose members the files give: the ids wanted (ids named
// that are contacts, and the contacts of the emails named) against the list's current members in
// HubSpot. Only the difference is sent; what names no contact is reported and never sent.

import type { Change, MemberPlan, PlanEntry } from './plan-types';
import type { RemoteMembers } from './members-remote';

const WORKING: ReadonlySet<PlanEntry['status']> = new Set(['create', 'change', 'unchanged']);

/** The entry with its member difference (a `members` change when there is one). */
export function withMemberChanges(entry: PlanEntry, remote: RemoteMembers | undefined): PlanEntry {
  const members = entry.desired?.members;
  if (!members || members.problem || !remote || !WORKING.has(entry.status)) return entry;
  const plan = memberPlan(members.ids, members.emails, entry.listId ? remote.current.get(entry.listId) : undefined, remote);
  const next: PlanEntry = { ...entry, members: plan };
  if (plan.add.length === 0 && plan.remove.length === 0) return next;
  const change: Change = { kind: 'members', add: plan.add, remove: plan.remove };
  return { ...next, status: entry.status === 'unchanged' ? 'change' : entry.status, changes: [...entry.changes, change] };
}

function memberPlan(ids: string[], emails: string[], current: string[] | undefined, remote: RemoteMembers): MemberPlan {
  const wanted = new Set<string>();
  const unmatched: string[] = [];
  for (const id of ids) {
    if (remote.existingIds.has(id)) wanted.add(id);
    else unmatched.push(`#${id}`);
  }
  for (const email of emails) {
    const id = remote.emailIds.get(email);
    if (id !== undefined) wanted.add(id);
    else unmatched.push(email);
  }
  const now = new Set(current ?? []);
  const add = [...wanted].filter((id) => !now.has(id)).sort(byNumber);
  const remove = [...now].filter((id) => !wanted.has(id)).sort(byNumber);
  return { wanted: wanted.size, add, remove, unmatched };
}

function byNumber(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
