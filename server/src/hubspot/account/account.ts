// createHubSpotAccount: the HubSpot account behind one small interface. Every call is JSON through the
// SDK's `client.apiRequest` and rawRequest (raw-request.ts), on the paths of paths.ts, because the SDK's
// models drop fields they do not know and throw on unknown discriminators, and so that the API version
// is switched in one place.

import type { PropertyDef } from '../../language/schema-types';
import { arrayOf, makeApi } from './api';
import { transportFor, hubSpotClient, type ClientOptions } from './client';
import { toAccountError } from './errors';
import { listsApi } from './account-lists';
import { allOwners } from './account-owners';
import { allForms } from './account-forms';
import { allPages } from './account-pages';
import { allMarketingEmails } from './account-emails';
import { formSubmissions } from './account-submissions';
import { emailSubscriptionStatuses } from './account-subscriptions';
import { subscriptionDefinitions } from './account-definitions';
import { emailEvents } from './account-email-events';
import { pageViews } from './account-page-views';
import { foldersApi } from './account-folders';
import { propertiesApi } from './account-properties';
import { pageContacts } from './account-records';
import { associatedFor } from './account-associations';
import { changeListMemberships, contactIdsByEmail, existingContactIds } from './account-memberships';
import { contactsModifiedSince, countContacts, countContactsWhere, readContactsHistory, recordsModifiedSince } from './account-search';
import { exportDetails, exportStatus, startContactsExport } from './account-exports';
import { downloadExport } from './export-download';
import type { HubSpotAccount, HubSpotAssociationLabel, Json } from './types';

export interface HubSpotAccountOptions extends ClientOptions {
  /** Cancels every request of this account object (a cancelled apply or preview). */
  signal?: AbortSignal;
}

export function createHubSpotAccount(options: HubSpotAccountOptions): HubSpotAccount {
  const api = makeApi(hubSpotClient(options), transportFor(options), options.apiVersion, options.signal);
  return {
    host: api.host,
    readConcurrency: api.concurrency,
    accountDetails: async () => {
      const details = await api.call('GET', api.paths.accountDetails());
      if (typeof details.portalId !== 'number' && typeof details.portalId !== 'string') throw toAccountError(new Error('HubSpot gave account details without a portalId.'), api.host);
      return { portalId: String(details.portalId), timeZone: typeof details.timeZone === 'string' ? details.timeZone : undefined };
    },
    getProperties: async (objectType) => {
      const answer = await api.call('GET', api.paths.properties(objectType));
      if (!Array.isArray(answer.results)) throw toAccountError(new Error(`HubSpot answered the ${objectType} properties without a "results" array.`), api.host);
      return answer.results as PropertyDef[];
    },
    getOwners: () => allOwners(api),
    getForms: () => allForms(api),
    getMarketingEmails: () => allMarketingEmails(api),
    getPages: () => allPages(api),
    getSubscriptionDefinitions: () => subscriptionDefinitions(api),
    getAssociationLabels: async (to) => {
      const answer = await api.call('GET', api.paths.associationLabels('contacts', to));
      return arrayOf(answer, 'results', `the contact–${to} association labels`, api.host).map((item) => toAssociationLabel(item, api.host));
    },
    getFormSubmissions: (formId, onPage, since) => formSubmissions(api, formId, onPage, since),
    getEmailSubscriptionStatuses: (emails, onBatch) => emailSubscriptionStatuses(api, emails, onBatch),
    getEmailEvents: (query, onPage) => emailEvents(api, query, onPage),
    getPageViews: (query, onPage) => pageViews(api, query, onPage),
    ...propertiesApi(api),
    ...listsApi(api),
    ...foldersApi(api),
    pageContacts: (properties, pageOptions) => pageContacts(api, properties, pageOptions ?? {}),
    getCompaniesFor: (contactIds, companyProperties) => associatedFor(api, contactIds, 'companies', companyProperties ?? ['name', 'domain']),
    getAssociatedFor: (contactIds, object, properties) => associatedFor(api, contactIds, object, properties),
    contactsModifiedSince: (since, properties, searchOptions) => contactsModifiedSince(api, since, properties, searchOptions ?? {}),
    recordsModifiedSince: (object, since, properties, searchOptions) => recordsModifiedSince(api, object, since, properties, searchOptions ?? {}),
    countContacts: () => countContacts(api),
    countContactsWhere: (filters) => countContactsWhere(api, filters),
    readContactsHistory: (ids, history, onRead) => readContactsHistory(api, ids, history, onRead),
    changeListMemberships: (listId, add, remove) => changeListMemberships(api, listId, add, remove),
    contactIdsByEmail: (emails) => contactIdsByEmail(api, emails),
    existingContactIds: (ids) => existingContactIds(api, ids),
    startContactsExport: (properties, exportName) => startContactsExport(api, properties, exportName),
    exportStatus: (taskId) => exportStatus(api, taskId),
    exportDetails: (exportId) => exportDetails(api, exportId),
    // Outside `api.call` on purpose: the file host is not the connected host, and gets no token.
    downloadExport: (url, file, downloadOptions) => downloadExport(url, file, { ...downloadOptions, timeoutMs: api.timeoutMs, signal: api.signal }),
  };
}

function toAssociationLabel(value: unknown, host: string): HubSpotAssociationLabel {
  const l = value as Json | null;
  if (!l || typeof l !== 'object' || typeof l.typeId !== 'number' || typeof l.category !== 'string') {
    throw toAccountError(new Error(`HubSpot at ${host} answered the association labels with an entry that has no typeId or category`), host);
  }
  return { category: l.category, typeId: l.typeId, label: typeof l.label === 'string' && l.label !== '' ? l.label : null };
}
