// Drift shown as the language shows it: HubSpot's current criteria decompiled to .hslist text, and a
// line diff from the file's criteria to HubSpot's. Both are printed by the canonical printer with only
// the settings HubSpot holds (type, timezone), so layout and comments never show up as differences.

import type { FileNode, ListNode } from '../../../grammar/src/ast';
import { printFile } from '../../../grammar/src/print';
import { decompileList } from '../hubspot/decompile';
import type { Schema } from '../language/schema-types';
import { lineDiff } from './line-diff';
import type { Plan, PlanEntry } from './plan-types';

const HUBSPOT_SETTINGS = new Set(['type', 'timezone']);

export interface DriftContext {
  schema: Schema;
  defaultTimezone: string;
}

export function addDriftTexts(plan: Plan, ctx: DriftContext): void {
  const nameById = new Map<string, string>();
  for (const e of plan.entries) if (e.listId) nameById.set(e.listId, e.name);
  for (const [name, id] of Object.entries(plan.foreignIds)) nameById.set(id, name);
  for (const entry of plan.entries) {
    if (entry.status === 'drifted' && entry.remote) entry.drift = driftOf(entry, ctx, (id) => nameById.get(id));
  }
}

function driftOf(entry: PlanEntry, ctx: DriftContext, listNameFor: (id: string) => string | undefined): PlanEntry['drift'] {
  const decompiled = decompileList(entry.remote, { schema: ctx.schema, listNameFor, defaultTimezone: ctx.defaultTimezone });
  const dropped = decompiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  if (!decompiled.list) return { note: `HubSpot's criteria cannot be read as .hslist: ${dropped.join(' ')}` };
  const remoteText = printOne({ ...decompiled.list, name: { ...decompiled.list.name, text: entry.name } }, ctx.defaultTimezone);
  const fileText = entry.desired ? printOne(entry.desired.node, ctx.defaultTimezone) : '';
  const note = dropped.length > 0 ? `parts of HubSpot's criteria have no .hslist phrase and are not shown: ${dropped.join(' ')}` : undefined;
  return { remoteText, diff: lineDiff(fileText, remoteText, { before: `${entry.location ?? 'file'} (the files)`, after: `HubSpot #${entry.listId}` }), ...(note ? { note } : {}) };
}

/** The list with only HubSpot's settings; a `timezone:` equal to the workspace default is left out on both sides. */
function printOne(list: ListNode, defaultZone: string): string {
  const shown = (s: ListNode['settings'][number]) => HUBSPOT_SETTINGS.has(s.key.text) && !(s.key.text === 'timezone' && s.value?.kind === 'string' && s.value.value === defaultZone);
  const only: ListNode = { ...list, settings: list.settings.filter(shown) };
  const file: FileNode = { start: 0, end: 0, kind: 'file', lists: [only], syncBlocks: [], comments: [] };
  return printFile(file);
}
