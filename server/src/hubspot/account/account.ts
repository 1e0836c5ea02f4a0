// createHubSpotAccount: the HubSpot account behind one small interface. Reads go through the SDK's
// typed calls; anything carrying a filterBranch goes through `client.apiRequest`, because the SDK's
// models drop fields they do not know and throw on unknown discriminators (hubspot-api.md §6.4).

import type { Client } from '@hubspot/api-client';
import type { PropertyDef } from '../../language/schema-types';
import { toAccountError } from './errors';
import { rawRequest } from './raw-request';
import { hostOf, hubSpotClient, type ClientOptions } from './client';
import { companiesFor, pageContacts } from './account-records';
import type { HubSpotAccount, HubSpotList, Json, ListMembership, ListSearchOptions } from './types';

export type HubSpotAccountOptions = ClientOptions;

const CONTACTS = '0-1';

export function createHubSpotAccount(options: HubSpotAccountOptions): HubSpotAccount {
  const client = hubSpotClient(options);
  const host = hostOf(options.basePath);
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toAccountError(error, host);
    }
  };
  const attempts = options.numberOfApiCallRetries ?? 3;
  const raw = (method: string, path: string, body?: unknown): Promise<Json> => guard(() => rawRequest(client, { method, path, body }, attempts));
  return {
    host,
    accountDetails: async () => {
      const details = await raw('GET', '/account-info/v3/details');
      if (typeof details.portalId !== 'number' && typeof details.portalId !== 'string') throw toAccountError(new Error('HubSpot gave account details without a portalId.'), host);
      return { portalId: String(details.portalId), timeZone: typeof details.timeZone === 'string' ? details.timeZone : undefined };
    },
    getProperties: (objectType) => guard(async () => (await client.crm.properties.coreApi.getAll(objectType)).results.map(plain) as PropertyDef[]),
    findListByName: (name, includeFilters = false, objectTypeId = CONTACTS) => guard(async () => {
      try {
        const path = `/crm/v3/lists/object-type-id/${encodeURIComponent(objectTypeId)}/name/${encodeURIComponent(name)}?includeFilters=${includeFilters}`;
        return toList((await rawRequest(client, { method: 'GET', path }, attempts)).list);
      } catch (error) {
        if (toAccountError(error, host).status === 404) return undefined;
        throw error;
      }
    }),
    getList: async (listId, includeFilters = false) => toList((await raw('GET', `/crm/v3/lists/${encodeURIComponent(listId)}?includeFilters=${includeFilters}`)).list),
    createList: async (request) => toList((await raw('POST', '/crm/v3/lists', request)).list),
    updateListFilters: async (listId, filterBranch) =>
      toList((await raw('PUT', `/crm/v3/lists/${encodeURIComponent(listId)}/update-list-filters?enrollObjectsInWorkflows=false`, { filterBranch })).updatedList),
    searchLists: (searchOptions) => guard(() => searchAllLists(client, searchOptions ?? {})),
    listMemberships: (listId) => guard(() => allMemberships(client, listId)),
    pageContacts: (properties, pageOptions) => pageContacts(client, properties, pageOptions ?? {}, host),
    getCompaniesFor: (contactIds, companyProperties) => guard(() => companiesFor(client, contactIds, companyProperties ?? ['name', 'domain'])),
  };
}

async function searchAllLists(client: Client, options: ListSearchOptions): Promise<HubSpotList[]> {
  const lists: HubSpotList[] = [];
  for (let offset = 0; ; ) {
    const page = await client.crm.lists.listsApi.doSearch({
      query: options.query, offset, count: 500, processingTypes: options.processingTypes, additionalProperties: options.additionalProperties,
    });
    lists.push(...page.lists.map(toList));
    if (!page.hasMore || page.lists.length === 0) return lists;
    offset = page.offset;
  }
}

async function allMemberships(client: Client, listId: string): Promise<ListMembership[]> {
  const members: ListMembership[] = [];
  let after: string | undefined;
  do {
    const page = await client.crm.lists.membershipsApi.getPage(listId, after, undefined, 250);
    members.push(...page.results.map((m) => ({ recordId: m.recordId, membershipTimestamp: isoOf(m.membershipTimestamp) })));
    after = page.paging?.next?.after;
  } while (after);
  return members;
}

function isoOf(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** SDK model → plain JSON: Dates become ISO strings, undefined fields vanish. */
export function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function toList(value: unknown): HubSpotList {
  return plain(value) as HubSpotList;
}
