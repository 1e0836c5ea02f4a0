// Lists v3: read, search, create, update filters, rename, delete, restore, memberships. Filter branches
// travel as plain JSON, never through the SDK's models.

import { arrayOf, chunks, type Api } from './api';
import { readInParallel } from './parallel-reads';
import { toAccountError } from './errors';
import { withQuery } from './paths';
import type { HubSpotAccount, HubSpotList, Json, ListMembership, ListSearchOptions } from './types';

const CONTACTS = '0-1';
/** Ids per batch read: keeps the query string short. */
const BATCH_IDS = 100;
/** HubSpot's largest list search page. */
const SEARCH_PAGE = 500;
/** HubSpot's largest memberships page. */
const MEMBERSHIPS_PAGE = 250;

type ListsPart = Pick<HubSpotAccount, 'findListByName' | 'getList' | 'getLists' | 'createList' | 'updateListFilters' | 'renameList' | 'deleteList' | 'restoreList' | 'searchLists' | 'listMemberships'>;

export function listsApi(api: Api): ListsPart {
  const list = (value: unknown, what: string) => toList(value, what, api.host);
  return {
    findListByName: async (name, includeFilters = false, objectTypeId = CONTACTS) => {
      try {
        return list((await api.call('GET', withQuery(api.paths.listByName(objectTypeId, name), { includeFilters }))).list, 'a list by name');
      } catch (error) {
        if (toAccountError(error, api.host).status === 404) return undefined;
        throw error;
      }
    },
    getList: async (listId, includeFilters = false) => list((await api.call('GET', withQuery(api.paths.list(listId), { includeFilters }))).list, `list ${listId}`),
    getLists: async (listIds, includeFilters = false) => {
      const batches = await readInParallel(chunks([...new Set(listIds)], BATCH_IDS), async (ids, signal) => {
        const answer = await api.call('GET', withQuery(api.paths.lists(), { listIds: ids, includeFilters }), undefined, { signal });
        return arrayOf(answer, 'lists', 'a batch read of lists', api.host).map((l) => list(l, 'a batch read of lists'));
      }, { concurrency: api.concurrency });
      return batches.flat().filter((l) => !l.deletedAt);
    },
    createList: async (request) => list((await api.call('POST', api.paths.lists(), request)).list, 'the new list'),
    updateListFilters: async (listId, filterBranch) =>
      list((await api.call('PUT', withQuery(api.paths.listFilters(listId), { enrollObjectsInWorkflows: false }), { filterBranch })).updatedList, `list ${listId}'s new filters`),
    renameList: async (listId, name) => list((await api.call('PUT', withQuery(api.paths.listName(listId), { listName: name, includeFilters: false }))).updatedList, `list ${listId}'s new name`),
    deleteList: async (listId) => {
      await api.call('DELETE', api.paths.list(listId));
    },
    restoreList: async (listId) => {
      await api.call('PUT', api.paths.listRestore(listId));
    },
    searchLists: (options) => searchAllLists(api, options ?? {}),
    listMemberships: (listId) => allMemberships(api, listId),
  };
}

async function searchAllLists(api: Api, options: ListSearchOptions): Promise<HubSpotList[]> {
  const lists: HubSpotList[] = [];
  for (let offset = 0; ; ) {
    const body = { query: options.query ?? '', offset, count: SEARCH_PAGE, processingTypes: options.processingTypes, additionalProperties: options.additionalProperties };
    const page = await api.call('POST', api.paths.listsSearch(), body, { readOnly: true });
    const found = arrayOf(page, 'lists', 'a list search', api.host).map((l) => toList(l, 'a list search', api.host));
    lists.push(...found);
    if (page.hasMore !== true || found.length === 0) return lists;
    offset = typeof page.offset === 'number' ? page.offset : offset + found.length;
  }
}

async function allMemberships(api: Api, listId: string): Promise<ListMembership[]> {
  const members: ListMembership[] = [];
  let after: string | undefined;
  do {
    const page = await api.call('GET', withQuery(api.paths.listMemberships(listId), { after, limit: MEMBERSHIPS_PAGE }), undefined, { background: true });
    for (const m of arrayOf(page, 'results', `list ${listId}'s members`, api.host)) {
      const member = m as Json;
      members.push({ recordId: String(member.recordId), membershipTimestamp: String(member.membershipTimestamp ?? '') });
    }
    after = nextAfter(page);
  } while (after);
  return members;
}

export function nextAfter(page: Json): string | undefined {
  const next = (page.paging as { next?: { after?: unknown } } | undefined)?.next?.after;
  return typeof next === 'string' && next !== '' ? next : typeof next === 'number' ? String(next) : undefined;
}

function toList(value: unknown, what: string, host: string): HubSpotList {
  const list = value as Partial<HubSpotList> | null;
  if (!list || typeof list !== 'object' || typeof list.name !== 'string' || (typeof list.listId !== 'string' && typeof list.listId !== 'number')) {
    throw toAccountError(new Error(`HubSpot at ${host} answered ${what} with something that is not a list (no listId or name)`), host);
  }
  return { ...list, listId: String(list.listId) } as HubSpotList;
}
