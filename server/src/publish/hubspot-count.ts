// HubSpot's own count of a list as the files define it, for criteria the local data cannot judge (form
// submissions, email events, lists known only by id). The public API has no "evaluate these filters"
// call, so each list is created as a temporary list, read once HubSpot has processed it, and deleted.
// The temporary lists are always deleted, on failure and on Ctrl-C too; one that cannot be deleted is
// named with its id so the admin can delete it by hand, and is never reported as a success.

import { randomBytes } from 'node:crypto';
import type { HubSpotAccount, HubSpotList, ListCreateRequest } from '../hubspot/account/types';
import { createListOnce } from './apply-create';
import { waitForProcessing } from './session';

/** Every temporary list's name starts so: an admin recognises it, and a later run finds leftovers. */
export const COUNT_LIST_PREFIX = 'hslist temporary count · ';
/** HubSpot's list names are short; the list's own name is cut to keep the whole under this. */
const NAME_LIMIT = 200;
/** A leftover older than this is from a run that died (a live run deletes its lists within its timeout). */
const LEFTOVER_AGE_MS = 60 * 60_000;

export interface CountRequest {
  /** The list's name in the files. */
  name: string;
  request: Omit<ListCreateRequest, 'name'>;
}

export type CountOutcome =
  | { name: string; counted: true; size: number; temporaryListId: string }
  | { name: string; counted: false; reason: string; temporaryListId?: string };

export interface TemporaryListLeft {
  listId: string;
  name: string;
  reason: string;
}

export interface CountResult {
  outcomes: CountOutcome[];
  /** Temporary lists that could not be deleted: the admin must delete them. */
  left: TemporaryListLeft[];
  /** Leftovers of earlier runs deleted before this one. */
  cleaned: string[];
}

export interface CountOptions {
  /** Deletes use this account: it must not carry the signal that cancels the run. */
  cleanupAccount: HubSpotAccount;
  signal?: AbortSignal;
  timeoutMs?: number;
  intervalMs?: number;
  now?: () => number;
  onProgress?: (message: string) => void;
}

export async function countInHubSpot(account: HubSpotAccount, requests: CountRequest[], options: CountOptions): Promise<CountResult> {
  const cleaned = await deleteLeftovers(options.cleanupAccount, options.now ?? Date.now);
  const created = new Map<string, HubSpotList>();
  const outcomes = new Map<string, CountOutcome>();
  let left: TemporaryListLeft[] = [];
  try {
    for (const r of requests) {
      if (options.signal?.aborted) break;
      try {
        created.set(r.name, await createListOnce(account, { ...r.request, name: temporaryName(r.name) }));
        options.onProgress?.(`created a temporary list for "${r.name}"`);
      } catch (error) {
        outcomes.set(r.name, { name: r.name, counted: false, reason: `HubSpot did not create it: ${messageOf(error)}` });
      }
    }
    await readSizes(account, created, outcomes, options);
  } finally {
    // Deleted whatever happened above, with the account that no Ctrl-C aborts.
    left = await deleteAll(options.cleanupAccount, created);
  }
  for (const r of requests) if (!outcomes.has(r.name)) outcomes.set(r.name, { name: r.name, counted: false, reason: 'stopped before it was counted' });
  return { outcomes: requests.map((r) => outcomes.get(r.name)!), left, cleaned };
}

async function readSizes(account: HubSpotAccount, created: Map<string, HubSpotList>, outcomes: Map<string, CountOutcome>, options: CountOptions): Promise<void> {
  const lists = [...created].map(([name, list]) => ({ name, listId: list.listId }));
  if (lists.length === 0 || options.signal?.aborted) return;
  let still: Set<string>;
  try {
    still = new Set(
      await waitForProcessing(account, lists, {
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        intervalMs: options.intervalMs,
        onProgress: (waiting, total) => options.onProgress?.(`HubSpot is processing ${waiting} of ${total}`),
      }),
    );
  } catch (error) {
    // Stopped (Ctrl-C) or a failed read: each list says so; the caller deletes them all the same.
    if (options.signal?.aborted) return;
    for (const { name, listId } of lists) outcomes.set(name, { name, counted: false, reason: `its processing could not be followed: ${messageOf(error)}`, temporaryListId: listId });
    return;
  }
  for (const { name, listId } of lists) {
    if (options.signal?.aborted) return;
    if (still.has(name)) {
      outcomes.set(name, { name, counted: false, reason: 'HubSpot was still processing it when the time ran out (--timeout)', temporaryListId: listId });
      continue;
    }
    try {
      outcomes.set(name, { name, counted: true, size: await sizeOf(account, listId), temporaryListId: listId });
    } catch (error) {
      outcomes.set(name, { name, counted: false, reason: `its size could not be read: ${messageOf(error)}`, temporaryListId: listId });
    }
  }
}

/** The list's `size`; when HubSpot leaves it out, its members counted page by page. */
async function sizeOf(account: HubSpotAccount, listId: string): Promise<number> {
  const list = await account.getList(listId);
  const size = (list as { size?: unknown }).size;
  if (typeof size === 'number' && Number.isInteger(size) && size >= 0) return size;
  return (await account.listMemberships(listId)).length;
}

async function deleteAll(account: HubSpotAccount, created: Map<string, HubSpotList>): Promise<TemporaryListLeft[]> {
  const left: TemporaryListLeft[] = [];
  for (const list of created.values()) {
    try {
      await account.deleteList(list.listId);
    } catch (error) {
      left.push({ listId: list.listId, name: list.name, reason: messageOf(error) });
    }
  }
  return left;
}

/** Temporary lists of runs that died (a crash, a kill -9), found by their name and age. */
async function deleteLeftovers(account: HubSpotAccount, now: () => number): Promise<string[]> {
  const found = await account.searchLists({ query: COUNT_LIST_PREFIX.trim(), processingTypes: ['DYNAMIC', 'SNAPSHOT'] });
  const old = found.filter((l) => l.name.startsWith(COUNT_LIST_PREFIX) && now() - Date.parse(String(l.createdAt ?? '')) > LEFTOVER_AGE_MS);
  const cleaned: string[] = [];
  for (const list of old) {
    await account.deleteList(list.listId);
    cleaned.push(`#${list.listId} "${list.name}"`);
  }
  return cleaned;
}

function temporaryName(listName: string): string {
  const tag = ` · ${randomBytes(4).toString('hex')}`;
  const room = NAME_LIMIT - COUNT_LIST_PREFIX.length - tag.length;
  return `${COUNT_LIST_PREFIX}${listName.length > room ? `${listName.slice(0, room - 1)}…` : listName}${tag}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
