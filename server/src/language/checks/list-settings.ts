// List settings: `unknown-list-setting`, `duplicate-setting`, `invalid-list-type`,
// `invalid-timezone`, `invalid-setting-value` (folder/description need text), and the type/criteria
// agreement: `static-list-with-criteria` (a MANUAL list has no filters) and `missing-criteria`
// (an active or snapshot list needs `where`). A list without `type:` is active. Members: only a static
// list has `members` / `members from` (`members-on-non-static-list`); the members themselves are
// checked across the workspace (members.ts), since a members file can change without this file.

import { type ListNode, diagnostic, type Diagnostic } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { replaceFixes, type FileCheckContext } from './context';
import { checkSettingKeys, findSetting, settingText, settingWord } from './settings';
import { isValidTimeZone } from '../../hubspot/compile/time';

export const LIST_SETTINGS = ['type', 'folder', 'timezone', 'description', 'members', 'members from'] as const;
export const LIST_TYPES = ['active', 'static', 'snapshot'] as const;
export type ListType = (typeof LIST_TYPES)[number];

/** The list's type as written, `active` when absent; undefined when the value is not a known type. */
export function listTypeOf(list: ListNode): ListType | undefined {
  const setting = findSetting(list.settings, 'type');
  if (!setting) return 'active';
  const word = settingWord(setting.value);
  return (LIST_TYPES as readonly string[]).includes(word ?? '') ? (word as ListType) : undefined;
}

function checkType(list: ListNode): Diagnostic[] {
  const setting = findSetting(list.settings, 'type');
  if (!setting || listTypeOf(list)) return [];
  const written = setting.value ? settingText(setting.value) : '';
  const suggestions = written ? suggest(written, LIST_TYPES.map((t) => ({ value: t }))) : [];
  const base = written ? `List type \`${written}\` is not active, static or snapshot` : 'The list type is missing; use active, static or snapshot';
  const span = setting.value ?? setting.key;
  return [diagnostic('invalid-list-type', withDidYouMean(base, suggestions), span, 'error', setting.value ? replaceFixes(span, suggestions) : undefined)];
}

function checkTimezone(list: ListNode): Diagnostic[] {
  const setting = findSetting(list.settings, 'timezone');
  if (!setting) return [];
  const zone = setting.value && (setting.value.kind === 'string' || setting.value.kind === 'word') ? setting.value.value : undefined;
  if (zone && isValidTimeZone(zone)) return [];
  const message = `${zone ? `\`${zone}\` is not a known time zone` : 'The time zone is missing'}; use an IANA name such as "Europe/Warsaw" or "UTC".`;
  return [diagnostic('invalid-timezone', message, setting.value ?? setting.key)];
}

function checkTextSettings(list: ListNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of ['folder', 'description']) {
    const setting = findSetting(list.settings, key);
    if (!setting || setting.value?.kind === 'string') continue;
    const message = `\`${key}\` takes text in double quotes${setting.value ? `, not \`${settingText(setting.value)}\`` : ''}.`;
    out.push(diagnostic('invalid-setting-value', message, setting.value ?? setting.key));
  }
  return out;
}

function checkCriteriaAgreement(list: ListNode): Diagnostic[] {
  const type = listTypeOf(list);
  if (type === 'static' && list.where) {
    const message = 'A static list has no criteria in HubSpot (members are added by hand or by import); remove `where` or make the list active.';
    return [diagnostic('static-list-with-criteria', message, list.whereKeyword ?? list.where)];
  }
  if ((type === 'active' || type === 'snapshot') && !list.where) {
    const message = `${type === 'active' ? 'An' : 'A'} ${type} list needs criteria: add \`where ...\`, or make it \`type: static\` to fill it by hand.`;
    return [diagnostic('missing-criteria', message, list.name)];
  }
  return [];
}

function checkMembersSettings(list: ListNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  const type = listTypeOf(list);
  for (const key of ['members', 'members from']) {
    const setting = findSetting(list.settings, key);
    if (!setting) continue;
    if (type !== undefined && type !== 'static') {
      const message = `Only a static list has members; this list is ${type} (HubSpot fills it from its criteria). Add \`type: static\` and remove \`where\`, or remove \`${key}\`.`;
      out.push(diagnostic('members-on-non-static-list', message, setting.key));
    }
    const wanted = key === 'members' ? 'members' : 'string';
    if (setting.value?.kind === wanted) continue;
    const shape = key === 'members' ? 'record ids and emails in parentheses: `members: (#123, "ann@example.com")`' : 'a file name in double quotes: `members from: "people.csv"`';
    out.push(diagnostic('invalid-setting-value', `\`${key}\` takes ${shape}${setting.value ? `, not \`${settingText(setting.value)}\`` : ''}.`, setting.value ?? setting.key));
  }
  return out;
}

export function checkListSettings(ctx: FileCheckContext): Diagnostic[] {
  return ctx.file.lists.flatMap((list) => [
    ...checkSettingKeys(list.settings, LIST_SETTINGS, 'unknown-list-setting', 'list'),
    ...checkType(list),
    ...checkTimezone(list),
    ...checkTextSettings(list),
    ...checkCriteriaAgreement(list),
    ...checkMembersSettings(list),
  ]);
}
