// What HubSpot holds for the static lists whose members the files give: each existing list's current
// members (all pages), the record ids of the emails the files name (contacts batch read by email), and
// which of the ids to add are contacts at all. Emails and ids HubSpot has no contact for are reported
// by the plan and never sent, so a second plan after apply has nothing left to do.

import type { HubSpotAccount } from '../hubspot/account/types';
import type { DesiredList, DesiredWorkspace } from './desired';

export interface RemoteMembers {
  /** List id → its members' record ids, for the existing lists that have members in the files. */
  current: Map<string, string[]>;
  /** Lowercased email → record id, for the emails some contact has. */
  emailIds: Map<string, string>;
  /** Record ids named in the files that are contacts in HubSpot (members already, or read to check). */
  existingIds: Set<string>;
}

export async function readRemoteMembers(account: HubSpotAccount, desired: DesiredWorkspace, listIdOf: (d: DesiredList) => string | undefined): Promise<RemoteMembers | undefined> {
  const withMembers = desired.lists.filter((d) => d.members && !d.members.problem && d.problems.length === 0);
  if (withMembers.length === 0) return undefined;
  const current = new Map<string, string[]>();
  for (const d of withMembers) {
    const listId = listIdOf(d);
    if (listId !== undefined) current.set(listId, (await account.listMemberships(listId)).map((m) => m.recordId));
  }
  const emails = [...new Set(withMembers.flatMap((d) => d.members!.emails))];
  const emailIds = emails.length > 0 ? await account.contactIdsByEmail(emails) : new Map<string, string>();
  const members = new Set([...current.values()].flat());
  const unknown = [...new Set(withMembers.flatMap((d) => d.members!.ids))].filter((id) => !members.has(id));
  const existingIds = new Set([...members, ...(unknown.length > 0 ? await account.existingContactIds(unknown) : [])]);
  return { current, emailIds, existingIds };
}
