// The named conditions of a file, on their own: a named condition takes only `description:` (text) and
// needs `where` (`missing-criteria`), as a list does. Its criteria get every check a list's get. A value
// set's values mean something only for the property they are used with, so they are checked at each
// use (definitions-workspace.ts).

import { diagnostic, type Diagnostic, type NamedConditionNode } from '@hslist/grammar';
import type { FileCheckContext } from './context';
import { checkSettingKeys, findSetting, settingText } from './settings';

export const CONDITION_SETTINGS = ['description'] as const;

function conditionProblems(condition: NamedConditionNode): Diagnostic[] {
  const out = checkSettingKeys(condition.settings, CONDITION_SETTINGS, 'unknown-condition-setting', 'condition');
  const description = findSetting(condition.settings, 'description');
  if (description && description.value?.kind !== 'string') {
    const message = `\`description\` takes text in double quotes${description.value ? `, not \`${settingText(description.value)}\`` : ''}.`;
    out.push(diagnostic('invalid-setting-value', message, description.value ?? description.key));
  }
  if (!condition.where) {
    out.push(diagnostic('missing-criteria', `The condition \`${condition.name.text}\` needs criteria: add \`where ...\`.`, condition.name));
  }
  return out;
}

export function checkNamedConditions(ctx: FileCheckContext): Diagnostic[] {
  return (ctx.file.conditions ?? []).flatMap(conditionProblems);
}
