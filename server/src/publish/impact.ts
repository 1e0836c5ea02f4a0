// Who would enter and who would leave each list the plan changes, judged on contact data (a contact
// export or the live portal's snapshot, the preview's sources): the criteria in the files against the
// criteria HubSpot holds now (decompiled), both evaluated by the preview engine on the same contacts.
// For the inclusion list this is who starts and who stops syncing to Salesforce. Contacts the data
// cannot judge are counted apart, never guessed.

import type { ListNode } from '@hslist/grammar';
import { decompileList } from '../hubspot/decompile';
import type { Schema } from '../language/schema-types';
import { andNot, emptyBitset, firstRows, or, popcount, type Bitset } from '../preview/bitset';
import type { TriSet } from '../preview/compiled';
import { previewList, sampleContact, type PreviewData } from '../preview/run';
import type { PlanWorkspace } from '../preview/run-plan';
import type { ContactSample, Impact, Plan, PlanEntry } from './plan-types';

export interface ImpactInputs {
  data: PreviewData;
  /** The workspace as the files have it. */
  workspace: PlanWorkspace;
  /** How to name the data in the plan ("contacts.csv", "HubSpot (api.hubapi.com)"). */
  source: string;
  now: number;
  sampleSize?: number;
}

const CHANGING = new Set(['create', 'restore', 'filters']);

/** Fills `entry.impact` for every entry whose criteria change (or that is created); returns notes. */
export function addImpacts(plan: Plan, inputs: ImpactInputs): string[] {
  const before = workspaceBefore(plan, inputs.workspace);
  const notes: string[] = [];
  for (const entry of plan.entries) {
    if (!entry.desired || entry.processingType === 'MANUAL' || !entry.changes.some((c) => CHANGING.has(c.kind))) continue;
    const after = rowsOf(inputs.workspace, inputs.data, entry.name, inputs.now);
    const creating = entry.changes.some((c) => c.kind === 'create') && !entry.remote;
    const old = creating ? emptyRows(inputs.data) : before.has(entry.name.toLowerCase()) ? rowsOf(before.workspace, inputs.data, entry.name, inputs.now) : undefined;
    if (!after || !old) {
      notes.push(`"${entry.name}": who would enter and leave is unknown (HubSpot's current criteria cannot be read as .hslist)`);
      continue;
    }
    entry.impact = impactOf(after, old, inputs);
  }
  return notes;
}

function impactOf(after: TriSet, before: TriSet, inputs: ImpactInputs): Impact {
  const enter = andNot(after.lo, before.hi);
  const leave = andNot(before.lo, after.hi);
  const undecided = or(andNot(after.hi, after.lo), andNot(before.hi, before.lo));
  const samples = (bits: Bitset): ContactSample[] => firstRows(bits, inputs.sampleSize ?? 3).map((row) => {
    const c = sampleContact(inputs.data.store, row, []);
    return { id: c.id, email: c.email, name: c.name };
  });
  return { enter: popcount(enter), leave: popcount(leave), undecided: popcount(undecided), after: popcount(after.lo), enterSamples: samples(enter), leaveSamples: samples(leave), source: inputs.source };
}

function rowsOf(workspace: PlanWorkspace, data: PreviewData, name: string, now: number): TriSet | undefined {
  const preview = previewList(workspace, data, name, { now, sampleSize: 0 });
  return 'error' in preview ? undefined : preview.rows;
}

function emptyRows(data: PreviewData): TriSet {
  const none = emptyBitset(data.store.size);
  return { lo: none, hi: none };
}

/** The workspace as HubSpot has it now: each published list's criteria decompiled under the file's name. */
function workspaceBefore(plan: Plan, workspace: PlanWorkspace): { workspace: PlanWorkspace; has(key: string): boolean } {
  const nameById = new Map(plan.entries.filter((e) => e.listId && e.desired).map((e) => [e.listId!, e.name]));
  const lists: ListNode[] = [];
  for (const entry of plan.entries) {
    if (!entry.desired || !entry.remote) continue;
    const old = decompiledAs(entry, workspace.schema, workspace.defaultTimezone, (id) => nameById.get(id));
    if (old) lists.push(old);
  }
  const keys = new Set(lists.map((l) => l.name.text.toLowerCase()));
  return { workspace: { ...workspace, lists }, has: (key) => keys.has(key) };
}

function decompiledAs(entry: PlanEntry, schema: Schema, zone: string, listNameFor: (id: string) => string | undefined): ListNode | undefined {
  const decompiled = decompileList(entry.remote, { schema, listNameFor, defaultTimezone: zone });
  if (!decompiled.list || decompiled.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return { ...decompiled.list, name: { ...decompiled.list.name, text: entry.name } };
}
