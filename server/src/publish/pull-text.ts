// One pulled list as .hslist text: the decompiled criteria, its folder, and a comment naming where it
// came from. Refused, with every reason, when any part of HubSpot's definition has no .hslist phrase
// (the decompiler would leave it out, and the list would match more contacts than HubSpot's).

import { type FileNode, type ListNode, type Setting, printFile } from '@hslist/grammar';
import { decompileList } from '../hubspot/decompile';
import type { HubSpotList } from '../hubspot/account/types';
import type { PublishWorkspace } from './session';
import { membersSetting, type MembersForm } from './pull-members';

export interface PulledList {
  list: HubSpotList;
  folder?: string;
  text: string;
}

/** Decompiler notes that mean the text would match more than HubSpot's list does. */
const BROADENING_NOTES = [/is read as "any associated company"/];

export function pulledText(list: HubSpotList, folder: string | undefined, workspace: PublishWorkspace, listNameFor: (id: string) => string | undefined, members?: MembersForm): PulledList | { reasons: string[] } {
  const decompiled = decompileList(list, { schema: workspace.schema, listNameFor, defaultTimezone: workspace.defaultTimezone });
  const reasons = decompiled.diagnostics
    .filter((d) => d.severity === 'error' || BROADENING_NOTES.some((re) => re.test(d.message)))
    .map((d) => d.severity === 'error'
      ? d.message.replace(/, so the list is not decompiled\.$/, ': the list is not pulled, because leaving it out would make the list broader.')
      : `${d.message.replace(/\.$/, '')}: the list is not pulled, because that reading is broader than HubSpot's.`);
  if (!decompiled.list || reasons.length > 0) return { reasons: reasons.length > 0 ? reasons : ['HubSpot\'s definition could not be read'] };
  const settings = withFolder(decompiled.list.settings, folder);
  const node: ListNode = { ...decompiled.list, settings: members ? [...settings, membersSetting(members)] : settings };
  const file: FileNode = { start: 0, end: 0, kind: 'file', lists: [node], syncBlocks: [], comments: [] };
  return { list, ...(folder ? { folder } : {}), text: `// Pulled from HubSpot list #${list.listId}.\n${printFile(file)}` };
}

function withFolder(settings: Setting[], folder: string | undefined): Setting[] {
  if (!folder) return settings;
  const span = { start: 0, end: 0 };
  const setting: Setting = { ...span, kind: 'setting', key: { ...span, text: 'folder' }, value: { ...span, kind: 'string', value: folder } };
  return [settings[0], setting, ...settings.slice(1)].filter((s): s is Setting => s !== undefined);
}
