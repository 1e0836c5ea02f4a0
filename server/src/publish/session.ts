// One entry point for the CLI and the language server: plan (read the portal, compare, explain) and
// apply (carry the plan out, keep the state file true, wait for HubSpot to process the lists).

import type { HubSpotAccount } from '../hubspot/account/types';
import type { Schema } from '../language/schema-types';
import type { WorkspaceAnalysis } from '../language/workspace';
import { applyPlan, type ApplyOptions, type ApplyOutcome } from './apply';
import { desiredWorkspace, type DesiredWorkspace } from './desired';
import { addDriftTexts } from './drift-text';
import { makePlan } from './plan';
import type { Plan } from './plan-types';
import { readRemote, type RemotePortal } from './remote';
import { portalState, readStateFile, StateWriter, writeStateFile, type StateFile } from './state-file';
import { recordSheet, sheetItems, sheetLines, type SheetItem } from './settings-sheet';
import { syncSettingsOf } from '../sync/settings';
import { portalMismatch, type ResolvedTarget } from './targets';

export class PublishError extends Error {}

export interface PublishWorkspace {
  root: string;
  analysis: WorkspaceAnalysis;
  schema: Schema;
  defaultTimezone: string;
}

export interface Planned {
  plan: Plan;
  remote: RemotePortal;
  state: StateFile;
  desired: DesiredWorkspace;
  workspace: PublishWorkspace;
}

export interface PlanRequest {
  prune?: boolean;
  target?: ResolvedTarget;
}

export async function planPublish(workspace: PublishWorkspace, account: HubSpotAccount, request: PlanRequest = {}): Promise<Planned> {
  const read = readStateFile(workspace.root);
  if (!read.ok) throw new PublishError(read.message);
  const details = await account.accountDetails();
  const mismatch = request.target && portalMismatch(request.target, details.portalId);
  if (mismatch) throw new PublishError(mismatch);
  const desired = desiredOf(workspace);
  const remote = await readRemote(account, details.portalId, desired, read.state.portals[details.portalId]);
  return { ...planFromRemote(workspace, remote, read.state, request, desired), remote, state: read.state, workspace };
}

/** The plan against a portal already read (pure: the editor recomputes it on every edit from its last read). */
export function planFromRemote(workspace: PublishWorkspace, remote: RemotePortal, state: StateFile, request: PlanRequest = {}, desired = desiredOf(workspace)): { plan: Plan; desired: DesiredWorkspace } {
  const plan = makePlan(desired, remote, state.portals[remote.portalId], { prune: request.prune });
  addDriftTexts(plan, { schema: workspace.schema, defaultTimezone: workspace.defaultTimezone });
  const sheet = settingsSheetOf(workspace.analysis);
  if (sheet.length > 0) plan.settings = sheetLines(sheet, state.portals[remote.portalId]);
  return { plan, desired };
}

export function desiredOf(workspace: PublishWorkspace): DesiredWorkspace {
  return desiredWorkspace(workspace.analysis, { root: workspace.root, schema: workspace.schema, defaultTimezone: workspace.defaultTimezone });
}

export async function applyPublish(planned: Planned, account: HubSpotAccount, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const writer = new StateWriter(planned.workspace.root, planned.state);
  return applyPlan(planned.plan, account, writer, planned.remote.folders, options);
}

/** What no API sets is recorded in the state file as to set by hand, never as done (settings-sheet.ts). */
export async function recordSettingsSheet(planned: Planned): Promise<boolean> {
  if (!recordSheet(portalState(planned.state, planned.plan.portalId), settingsSheetOf(planned.workspace.analysis))) return false;
  await writeStateFile(planned.workspace.root, planned.state);
  return true;
}

/** The settings sheet of the workspace's sync block (none without one). */
export function settingsSheetOf(analysis: WorkspaceAnalysis): SheetItem[] {
  const sync = analysis.syncBlocks[0];
  return sync ? sheetItems(syncSettingsOf(sync.node)) : [];
}

export interface WaitOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  intervalMs?: number;
  onProgress?: (processing: number, total: number) => void;
}

/** Polls until HubSpot no longer reports the lists as PROCESSING; returns the names still processing at the time limit. */
export async function waitForProcessing(account: HubSpotAccount, lists: { name: string; listId: string }[], options: WaitOptions = {}): Promise<string[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  let waiting = lists;
  for (let round = 0; waiting.length > 0; round++) {
    const read = new Map((await account.getLists(waiting.map((l) => l.listId))).map((l) => [l.listId, l]));
    waiting = waiting.filter((l) => read.get(l.listId)?.processingStatus === 'PROCESSING');
    options.onProgress?.(waiting.length, lists.length);
    if (waiting.length === 0 || Date.now() >= deadline || options.signal?.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.intervalMs ?? 2000, 500 * (round + 1))));
  }
  return waiting.map((l) => l.name);
}
