// A list's criteria as the files have them and as HubSpot has them, both printed by the canonical
// printer with only the settings HubSpot holds (type, timezone), so that a diff editor shows what
// apply would change and never layout, comments or folders. The same printing as the plan's drift
// diff (publish/drift-text.ts), for every list HubSpot holds with other criteria, not only drifted ones.

import type { FileNode, ListNode } from '../../../../grammar/src/ast';
import { printFile } from '../../../../grammar/src/print';
import { decompileList } from '../../hubspot/decompile';
import type { Schema } from '../../language/schema-types';
import type { Plan, PlanEntry } from '../../publish/plan-types';
import type { CriteriaAnswer } from './protocol';

const HUBSPOT_SETTINGS = new Set(['type', 'timezone']);

export interface PrintContext {
  schema: Schema;
  defaultTimezone: string;
}

/** HubSpot's list names by id: the plan's lists first, then the lists referred to that are not kept as code. */
export function listNamesById(plan: Plan): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, id] of Object.entries(plan.foreignIds)) names.set(id, name);
  for (const e of plan.entries) if (e.listId) names.set(e.listId, e.name);
  return names;
}

/** Whether the diff editor has something to show: HubSpot's list was read and the criteria differ. */
export function hasCriteriaDiff(entry: PlanEntry): boolean {
  if (!entry.desired || !entry.remote) return false;
  return entry.status === 'drifted' || (entry.status === 'change' && entry.changes.some((c) => c.kind === 'filters'));
}

export function criteriaTexts(plan: Plan, entry: PlanEntry, ctx: PrintContext): CriteriaAnswer {
  if (!entry.desired) return { state: 'none', message: `"${entry.name}" is not in the files.` };
  if (!entry.remote || !entry.listId) return { state: 'none', message: `"${entry.name}" is not in HubSpot yet: there is nothing to compare with.` };
  const names = listNamesById(plan);
  const decompiled = decompileList(entry.remote, { schema: ctx.schema, listNameFor: (id) => names.get(id), defaultTimezone: ctx.defaultTimezone });
  const dropped = decompiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  if (!decompiled.list) return { state: 'none', message: `HubSpot's criteria of "${entry.name}" cannot be read as .hslist: ${dropped.join(' ')}` };
  const hubspotText = printCriteria({ ...decompiled.list, name: { ...decompiled.list.name, text: entry.name } }, ctx.defaultTimezone);
  const note = dropped.length > 0 ? `Parts of HubSpot's criteria have no .hslist phrase and are not shown: ${dropped.join(' ')}` : undefined;
  return {
    state: 'texts',
    name: entry.name,
    listId: entry.listId,
    ...(entry.location ? { location: entry.location } : {}),
    fileText: printCriteria(entry.desired.node, ctx.defaultTimezone),
    hubspotText,
    ...(note ? { note } : {}),
  };
}

/** The list with only HubSpot's settings; a `timezone:` equal to the workspace default is left out on both sides. */
function printCriteria(list: ListNode, defaultZone: string): string {
  const shown = (s: ListNode['settings'][number]) =>
    HUBSPOT_SETTINGS.has(s.key.text) && !(s.key.text === 'timezone' && s.value?.kind === 'string' && s.value.value === defaultZone);
  const only: ListNode = { ...list, settings: list.settings.filter(shown) };
  const file: FileNode = { start: 0, end: 0, kind: 'file', lists: [only], syncBlocks: [], comments: [] };
  return printFile(file);
}
