// A pulled static (MANUAL) list comes back with its members, so that `plan` right after has nothing to
// do and the files say who is in it: a few inline (`members: (#1, #2)`), more in a CSV file beside the
// .hslist (`members from: "<file>.members.csv"`, one `id` column: HubSpot's memberships give record ids,
// which the plan matches exactly). A static list without members is written without any: its members
// stay HubSpot's users' (docs/publish.md).

import { basename } from 'node:path';
import type { Setting } from '@hslist/grammar';
import type { HubSpotAccount, HubSpotList } from '../hubspot/account/types';

/** Lists with more members than this get a members file instead of an inline list. */
export const INLINE_MEMBERS = 20;

/** How a pulled list's members are written: inline ids, or a file name relative to the .hslist. */
export type MembersForm = { inline: string[] } | { file: string };

/** Record ids of each MANUAL list's members; a list whose members cannot be read is recorded in `failed`. */
export async function staticListMembers(account: HubSpotAccount, lists: HubSpotList[], failed: (list: HubSpotList, reason: string) => void): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>();
  for (const list of lists.filter((l) => l.processingType === 'MANUAL')) {
    try {
      members.set(list.listId, (await account.listMemberships(list.listId)).map((m) => m.recordId));
    } catch (error) {
      failed(list, `its members could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return members;
}

/** The members file beside `hslistFile`: `trade-show.hslist` → `trade-show.members.csv`. */
export function membersFilePath(hslistFile: string): string {
  return hslistFile.replace(/\.hslist$/, '.members.csv');
}

/** How `ids` are written for the file `hslistFile`: inline when few (and always for the check), else a file. */
export function membersForm(ids: string[], hslistFile: string, inline = ids.length <= INLINE_MEMBERS): MembersForm {
  return inline ? { inline: ids } : { file: basename(membersFilePath(hslistFile)) };
}

export function membersCsv(ids: string[]): string {
  return `id\n${ids.join('\n')}\n`;
}

export function membersSetting(form: MembersForm): Setting {
  const span = { start: 0, end: 0 };
  if ('file' in form) return { ...span, kind: 'setting', key: { ...span, text: 'members from' }, value: { ...span, kind: 'string', value: form.file } };
  return { ...span, kind: 'setting', key: { ...span, text: 'members' }, value: { ...span, kind: 'members', items: form.inline.map((value) => ({ ...span, kind: 'id' as const, value })) } };
}
