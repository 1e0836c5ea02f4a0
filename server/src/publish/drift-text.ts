// A list's criteria as the language shows them: HubSpot's decompiled to .hslist text, the file's, and a
// line diff from the file's to HubSpot's for drift. Both are printed by the canonical printer with only
// the settings HubSpot holds (type, timezone), so layout, comments and folders never show up as
// differences. The plan and the editor's diff editor use the same texts.

import { type FileNode, type ListNode, printFile } from '@hslist/grammar';
import { decompileList } from '../hubspot/decompile';
import type { Schema } from '../language/schema-types';
import { lineDiff } from './line-diff';
import type { Plan, PlanEntry } from './plan-types';

const HUBSPOT_SETTINGS = new Set(['type', 'timezone']);

export interface DriftContext {
  schema: Schema;
  defaultTimezone: string;
}

export interface CriteriaTexts {
  fileText: string;
  /** Absent when HubSpot's definition cannot be read as .hslist at all. */
  remoteText?: string;
  /** What of HubSpot's definition has no .hslist phrase (left out of remoteText). */
  dropped: string[];
}

/** HubSpot's list names by id: the lists referred to that are not kept as code, then the plan's lists. */
export function listNamesById(plan: Plan): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, id] of Object.entries(plan.foreignIds)) names.set(id, name);
  for (const e of plan.entries) if (e.listId) names.set(e.listId, e.name);
  return names;
}

/** The file's and HubSpot's criteria of an entry that has both. */
export function criteriaTexts(entry: PlanEntry, ctx: DriftContext, names: Map<string, string>): CriteriaTexts {
  const decompiled = decompileList(entry.remote, { schema: ctx.schema, listNameFor: (id) => names.get(id), defaultTimezone: ctx.defaultTimezone });
  const dropped = decompiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  const fileText = entry.desired ? printCriteria(entry.desired.node, ctx.defaultTimezone) : '';
  if (!decompiled.list) return { fileText, dropped };
  const remoteText = printCriteria({ ...decompiled.list, name: { ...decompiled.list.name, text: entry.name } }, ctx.defaultTimezone);
  return { fileText, remoteText, dropped };
}

export function addDriftTexts(plan: Plan, ctx: DriftContext): void {
  const names = listNamesById(plan);
  for (const entry of plan.entries) {
    if (entry.status === 'drifted' && entry.remote) entry.drift = driftOf(entry, criteriaTexts(entry, ctx, names));
  }
}

function driftOf(entry: PlanEntry, texts: CriteriaTexts): PlanEntry['drift'] {
  if (texts.remoteText === undefined) return { note: `HubSpot's criteria cannot be read as .hslist: ${texts.dropped.join(' ')}` };
  const note = texts.dropped.length > 0 ? `parts of HubSpot's criteria have no .hslist phrase and are not shown: ${texts.dropped.join(' ')}` : undefined;
  const diff = lineDiff(texts.fileText, texts.remoteText, { before: `${entry.location ?? 'file'} (the files)`, after: `HubSpot #${entry.listId}` });
  return { remoteText: texts.remoteText, diff, ...(note ? { note } : {}) };
}

/** The list with only HubSpot's settings; a `timezone:` equal to the workspace default is left out on both sides. */
function printCriteria(list: ListNode, defaultZone: string): string {
  const shown = (s: ListNode['settings'][number]) => HUBSPOT_SETTINGS.has(s.key.text) && !(s.key.text === 'timezone' && s.value?.kind === 'string' && s.value.value === defaultZone);
  const only: ListNode = { ...list, settings: list.settings.filter(shown) };
  const file: FileNode = { start: 0, end: 0, kind: 'file', lists: [only], syncBlocks: [], comments: [] };
  return printFile(file);
}
