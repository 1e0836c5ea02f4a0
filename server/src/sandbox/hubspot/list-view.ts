// How lists leave the emulator: the PublicObjectList shape with processingStatus derived from time
// and reads. (Stored filters are rewritten on the way in, by filter-rewrite.ts.)

import type { Json } from './evaluate-types';
import type { EmulatorList, EmulatorState } from './state';

/**
 * Create fields that PublicObjectList also has (HubSpot's PublicApiSpecs/CRM/Lists/Rollouts/144891/v3/lists.json).
 * `listFolderId` and `customProperties` are create-only: PublicObjectList has neither.
 */
const ECHOED_CREATE_FIELDS = ['membershipSettings', 'listPermissions'];

/** PROCESSING right after a change; COMPLETE once the delay passed, or on the read after one that saw PROCESSING. */
export function processingStatus(list: EmulatorList, nowMs: number, delayMs: number, isRead: boolean): string {
  if (list.processingType === 'MANUAL') return 'COMPLETE';
  // A portal that never finishes (Infinity): how a client's time limit is tested.
  if (delayMs === Number.POSITIVE_INFINITY) return 'PROCESSING';
  const done = nowMs - list.processingSince >= delayMs || list.processingSeen;
  if (!done && isRead) list.processingSeen = true;
  return done ? 'COMPLETE' : 'PROCESSING';
}

export interface ViewOptions {
  includeFilters: boolean;
  isRead: boolean;
  delayMs: number;
}

export function listView(state: EmulatorState, list: EmulatorList, options: ViewOptions): Json {
  const view: Json = {
    listId: list.listId,
    listVersion: list.listVersion,
    name: list.name,
    objectTypeId: list.objectTypeId,
    processingType: list.processingType,
    processingStatus: processingStatus(list, state.now(), options.delayMs, options.isRead),
    createdAt: list.createdAt,
    updatedAt: list.updatedAt,
    filtersUpdatedAt: list.filtersUpdatedAt,
    createdById: '1',
    updatedById: '1',
    size: state.membersOf(list).length,
  };
  for (const field of ECHOED_CREATE_FIELDS) if (list.extra[field] !== undefined) view[field] = list.extra[field];
  if (list.deletedAt) view.deletedAt = list.deletedAt;
  if (options.includeFilters && list.filterBranch) view.filterBranch = list.filterBranch;
  return view;
}

/** Search results carry `additionalProperties` as strings, HubSpot's default set plus any asked for. */
export function searchView(state: EmulatorState, list: EmulatorList, delayMs: number, extraProperties: string[]): Json {
  const members = state.membersOf(list);
  const lastAdded = members.reduce((max, m) => (m.membershipTimestamp > max ? m.membershipTimestamp : max), '');
  const all: Record<string, string> = {
    hs_list_size: String(members.length),
    hs_last_record_added_at: lastAdded === '' ? '' : String(Date.parse(lastAdded)),
    hs_last_record_removed_at: '',
    hs_folder_name: state.folders.get(list.folderId)?.name ?? '',
    hs_list_reference_count: '0',
  };
  const wanted = new Set(['hs_list_size', 'hs_last_record_added_at', 'hs_last_record_removed_at', 'hs_folder_name', 'hs_list_reference_count', ...extraProperties]);
  const additionalProperties: Record<string, string> = {};
  for (const name of wanted) if (name in all) additionalProperties[name] = all[name];
  const base = listView(state, list, { includeFilters: false, isRead: true, delayMs });
  delete base.size;
  return { ...base, additionalProperties };
}
