// Carrying out one plan entry's changes against HubSpot, recording each in the state file as soon as
// HubSpot has confirmed it, so that the state file is true for what happened even if the next request
// fails or the run is stopped.

import { HubSpotAccountError } from '../hubspot/account/errors';
import type { HubSpotAccount, HubSpotList, ListCreateRequest } from '../hubspot/account/types';
import { createListOnce } from './apply-create';
import { definitionHash } from './canonical';
import type { DesiredList } from './desired';
import type { FolderResolver } from './folders';
import type { Change, PlanEntry } from './plan-types';
import { resolvePlaceholders } from './references';
import { applyMembers } from './apply-members';
import type { ListState, PortalState, StateWriter } from './state-file';

export interface StepContext {
  account: HubSpotAccount;
  portal: PortalState;
  writer: StateWriter;
  folders: FolderResolver;
  /** The HubSpot id for an `in list` reference, as known at this moment of the apply. */
  idOf(name: string): string | undefined;
  /** Something the user must read about a list that was applied (members HubSpot did not take). */
  note(name: string, text: string): void;
}

export class WaitingForReference extends Error {}

/** Runs the entry's changes in order; returns the list id it ends with. */
export async function runEntry(entry: PlanEntry, ctx: StepContext): Promise<string | undefined> {
  let listId = entry.listId;
  for (const change of entry.changes) listId = await runChange(change, entry, listId, ctx);
  return listId;
}

async function runChange(change: Change, entry: PlanEntry, listId: string | undefined, ctx: StepContext): Promise<string | undefined> {
  const d = entry.desired;
  switch (change.kind) {
    case 'create':
      return create(d!, entry, ctx);
    case 'restore':
      return restore(d!, entry, listId!, ctx);
    case 'filters':
      return updateFilters(d!, entry, listId!, ctx);
    case 'rename':
      await ctx.account.renameList(listId!, change.to);
      await record(ctx, entry, listId!, (s) => s);
      return listId;
    case 'move': {
      const folderId = await ctx.folders.idOf(change.to);
      await ctx.account.moveListToFolder(listId!, folderId);
      await record(ctx, entry, listId!, (s) => withFolder(s, d?.folder, folderId));
      return listId;
    }
    case 'record':
      return recordAsIs(d!, entry, listId!, ctx);
    case 'forget':
      delete ctx.portal.lists[entry.stateName ?? entry.name];
      await ctx.writer.save();
      return undefined;
    case 'delete':
      await deleteList(ctx, listId!);
      delete ctx.portal.lists[entry.stateName ?? entry.name];
      await ctx.writer.save();
      return undefined;
    case 'members':
      await applyMembers(entry, listId!, change.add, change.remove, ctx);
      return listId;
  }
}

/** The desired filters with every reference resolved; a reference to a list not created yet is an error. */
export function resolvedBranch(d: DesiredList, ctx: StepContext): Record<string, unknown> | undefined {
  if (!d.filterBranch) return undefined;
  const { branch, unresolved } = resolvePlaceholders(d.filterBranch, (name) => ctx.idOf(name));
  if (unresolved.length > 0) throw new WaitingForReference(`it refers to ${unresolved.map((n) => `"${n}"`).join(', ')}, which is not in HubSpot`);
  return branch;
}

async function create(d: DesiredList, entry: PlanEntry, ctx: StepContext): Promise<string> {
  const filterBranch = resolvedBranch(d, ctx);
  const request: ListCreateRequest = { name: d.name, objectTypeId: '0-1', processingType: d.processingType, ...(filterBranch ? { filterBranch } : {}) };
  const folderId = await ctx.folders.idOf(d.folder ?? '');
  if (d.folder) request.listFolderId = folderId;
  const list = await createListOnce(ctx.account, request);
  await record(ctx, entry, list.listId, () => stateOf(d, list, definitionHash(d.processingType, filterBranch), folderId));
  return list.listId;
}

async function restore(d: DesiredList, entry: PlanEntry, listId: string, ctx: StepContext): Promise<string> {
  try {
    await ctx.account.restoreList(listId);
  } catch (error) {
    if (!(error instanceof HubSpotAccountError) || error.status !== 404) throw error;
    return create(d, entry, ctx); // past HubSpot's 90 days, or purged: a new list
  }
  const list = await ctx.account.getList(listId, true);
  const recorded = ctx.portal.lists[entry.stateName ?? entry.name];
  await record(ctx, entry, listId, () => ({ ...recorded, remoteHash: definitionHash(list.processingType, list.filterBranch) }));
  return listId;
}

async function updateFilters(d: DesiredList, entry: PlanEntry, listId: string, ctx: StepContext): Promise<string> {
  const filterBranch = resolvedBranch(d, ctx)!;
  const list = await ctx.account.updateListFilters(listId, filterBranch);
  await record(ctx, entry, listId, (s) => withFolder(stateOf(d, list, definitionHash(d.processingType, filterBranch)), s.folder, s.folderId));
  return listId;
}

/** The list is already as the files say: the state file learns its id and both hashes. */
async function recordAsIs(d: DesiredList, entry: PlanEntry, listId: string, ctx: StepContext): Promise<string> {
  const remote = entry.remote ?? (await ctx.account.getList(listId, true));
  const filterBranch = resolvedBranch(d, ctx);
  await record(ctx, entry, listId, () => stateOf(d, remote, definitionHash(d.processingType, filterBranch), ctx.folders.known(d.folder ?? '')));
  return listId;
}

function stateOf(d: DesiredList, list: HubSpotList, filtersHash: string, folderId?: string): ListState {
  return withFolder({ listId: list.listId, processingType: list.processingType, filtersHash, remoteHash: definitionHash(list.processingType, list.filterBranch) }, d.folder, folderId);
}

function withFolder(state: ListState, folder: string | undefined, folderId: string | undefined): ListState {
  const { folder: _path, folderId: _id, ...rest } = state;
  void _path;
  void _id;
  return { ...rest, ...(folder ? { folder } : {}), ...(folderId !== undefined ? { folderId } : {}) };
}

/** Writes the entry's new state under the file's name (a rename moves the key) and saves. */
async function record(ctx: StepContext, entry: PlanEntry, listId: string, next: (current: ListState) => ListState): Promise<void> {
  const oldKey = entry.stateName;
  const current = (oldKey !== undefined ? ctx.portal.lists[oldKey] : undefined) ?? ctx.portal.lists[entry.name] ?? { listId, processingType: entry.processingType, filtersHash: '', remoteHash: '' };
  if (oldKey !== undefined && oldKey !== entry.name) delete ctx.portal.lists[oldKey];
  ctx.portal.lists[entry.name] = next(current);
  entry.stateName = entry.name;
  await ctx.writer.save();
}

async function deleteList(ctx: StepContext, listId: string): Promise<void> {
  try {
    await ctx.account.deleteList(listId);
  } catch (error) {
    if (!(error instanceof HubSpotAccountError) || error.status !== 404) throw error; // already gone: done
  }
}
