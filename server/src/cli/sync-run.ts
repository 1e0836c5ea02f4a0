// The simulation as `hslist sync-plan` and `hslist check --data … --salesforce …` run it: the workspace's sync
// block, the contacts (as `hslist preview` loads them, with the mapped properties), the Salesforce records.

import { workspaceMembers } from '../preview/members';
import type { ListNode } from '@hslist/grammar';
import { findConfigRoot } from '../config/workspace-config';
import type { PreviewData, PreviewWorkspace } from '../preview/run';
import { mappedFields, mappingsByObject } from '../sync/mappings';
import { simulationInput, syncProperties } from '../sync/run';
import type { SimulationInput } from '../sync/context';
import { syncSettingsOf, type SyncSettings } from '../sync/settings';
import { simulateSync } from '../sync/simulate';
import type { SyncSimulation } from '../sync/types';
import { UsageError } from './args';
import type { CliIo, CommandContext } from './context';
import { loadContacts, loadSalesforce, SourceFailed, type SalesforceSide } from './sync-sources';
import type { WorkspaceRun } from './workspace-run';
import { workspaceLists } from '../language/definitions/resolve';

export interface SyncFlags {
  data?: string;
  salesforce?: string;
  now: number;
  sample: number;
}

export interface SyncRun {
  settings: SyncSettings;
  workspace: PreviewWorkspace;
  data: PreviewData;
  salesforce: SalesforceSide;
  input: SimulationInput;
  sim: SyncSimulation;
  /** Simulates other criteria or settings on the same data (for a delta). */
  simulate(lists: ListNode[], settings: SyncSettings): SyncSimulation;
}

export function syncSettingsOfRun(run: WorkspaceRun): SyncSettings {
  const sync = run.analysis.syncBlocks[0];
  if (!sync) throw new UsageError('the workspace has no `sync salesforce { … }` block, so there are no sync settings to simulate.');
  return syncSettingsOf(sync.node);
}

/** `others`: settings of another workspace to compare with, whose mapped fields are loaded too. */
export async function runSync(run: WorkspaceRun, ctx: CommandContext, flags: SyncFlags, io: CliIo, signal: AbortSignal, others?: { lists: ListNode[]; settings?: SyncSettings }): Promise<SyncRun> {
  const settings = syncSettingsOfRun(run);
  const root = findConfigRoot(io.cwd) ?? io.cwd;
  const workspace: PreviewWorkspace = { schema: ctx.schema, lists: workspaceLists(run.analysis), defaultTimezone: ctx.config.timezone, root, members: workspaceMembers(run.analysis) };
  const both = others?.settings ? { ...settings, mappings: [...settings.mappings, ...others.settings.mappings] } : settings;
  const loose = mappingsByObject(both, ctx.schema, undefined);
  const loadWith = others ? { ...workspace, lists: [...workspace.lists, ...others.lists] } : workspace;
  const data = await loadContacts(loadWith, ctx.config, flags, syncProperties(loose), io, signal);
  const salesforce = await loadSalesforce(flags.salesforce, ctx.salesforceSchema, ctx.config, mappedFields(loose), io);
  const inputFor = (lists: ListNode[], s: SyncSettings): SimulationInput => {
    const input = simulationInput({ workspace: { ...workspace, lists }, settings: s, data, salesforce: salesforce.data, salesforceSchema: salesforce.schema, now: flags.now, sampleSize: flags.sample });
    if ('error' in input) throw new SourceFailed(input.error);
    return input;
  };
  const input = inputFor(workspace.lists, settings);
  return { settings, workspace, data, salesforce, input, sim: simulateSync(input), simulate: (lists, s) => simulateSync(inputFor(lists, s)) };
}
