// The HubSpot account as the rest of hslist sees it: plain JSON values (ISO strings, not Dates), so
// results compare, diff and serialise without surprises.

import type { CmsPageRef, MarketingEmailRef, PropertyDef, SubscriptionDef } from '../../language/schema-types';
import type { ContactIdList, ListsById } from './contact-lists';

export type Json = Record<string, unknown>;
export type CrmObjectType = 'contacts' | 'companies';

export interface HubSpotList {
  listId: string;
  name: string;
  objectTypeId: string;
  processingType: string;
  processingStatus: string;
  listVersion: number;
  size?: number;
  createdAt?: string;
  updatedAt?: string;
  filtersUpdatedAt?: string;
  deletedAt?: string;
  /** Present when asked for (`includeFilters`) and on create / update. */
  filterBranch?: Json;
  additionalProperties?: Record<string, string>;
}

/** An owner (Owners v3): `hubspot_owner_id` holds its `id`. */
export interface HubSpotOwner {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** PERSON or QUEUE. */
  type: string;
  /** Deactivated: still the owner of the records it had. */
  archived: boolean;
  teams: { id: string; name: string; primary: boolean }[];
}

/** An association type of contacts with another object (v4 `…/labels`): `label` is null for an unlabeled type. */
export interface HubSpotAssociationLabel {
  category: string;
  typeId: number;
  label: string | null;
}

/** A form (Marketing Forms v3): FORM_SUBMISSION filters take its `id`, a GUID. */
export interface HubSpotForm {
  id: string;
  name: string;
  /** hubspot, captured, flow, … */
  formType: string;
  archived: boolean;
}

/** A landing or website page (CMS Pages v3): FORM_SUBMISSION_ON_PAGE filters take its `id`. */
export type HubSpotPage = CmsPageRef;

/**
 * A marketing email (Marketing Emails v3), as much as a file needs to name it. EMAIL_EVENT filters take an
 * `emailId` and an `appId`; which of these ids is the `emailId` HubSpot's documents do not say, so all are kept.
 */
export type HubSpotMarketingEmail = MarketingEmailRef;

/** One submission of a form (Form Integrations v1), as much of it as the preview reads. */
export interface FormSubmissionData {
  formId: string;
  /** Epoch ms. */
  submittedAt: number;
  /** The submission's `email` field, when it has one. */
  email?: string;
  /** The address of the page the form was sent from, when HubSpot gives one. */
  pageUrl?: string;
}

/** A contact's email subscription status (Communication Preferences v4); no `subscriptionId`: the portal-wide one. */
export interface EmailSubscriptionStatus {
  subscriptionId?: string;
  /** SUBSCRIBED, UNSUBSCRIBED and NOT_SPECIFIED, read as the list filters' opt states. */
  status: 'OPT_IN' | 'OPT_OUT' | 'NOT_OPTED';
}

/** Which marketing email events to read (Email Analytics v1): one type, of one email campaign of one app, from a time on. */
export interface EmailEventQuery {
  appId: string;
  campaignId: string;
  /** HubSpot's event type, case-sensitive: SENT, DELIVERED, OPEN, CLICK, BOUNCE, SPAMREPORT, … */
  eventType: string;
  /** Epoch ms: only events at or after it; absent: all time. */
  startTimestamp?: number;
}

/** One marketing email event (Email Analytics v1), as much of it as the preview reads. */
export interface EmailEventData {
  id: string;
  /** Epoch ms. */
  created: number;
  type: string;
  /** The recipient's email address, as HubSpot gives it. */
  recipient: string;
  appId: string;
  emailCampaignId: string;
  /** The link clicked (CLICK events). */
  url?: string;
}

/** Which page views to read (Events API): one contact's `e_visited_page` events, from a time on. */
export interface PageViewQuery {
  contactId: string;
  /** Epoch ms: only views after it (`occurredAfter`); absent: all time. */
  occurredAfter?: number;
}

/** One page view (an `e_visited_page` event), as much of it as the preview reads. */
export interface PageViewData {
  id: string;
  /** Epoch ms (the event's `occurredAt`). */
  occurredAt: number;
  /** The page's URL: the event property `hs_url`. */
  url: string;
}

export interface ListCreateRequest {
  name: string;
  objectTypeId: string;
  processingType: 'MANUAL' | 'DYNAMIC' | 'SNAPSHOT';
  filterBranch?: Json;
  listFolderId?: number | string;
  customProperties?: Record<string, string>;
}

export interface ListSearchOptions {
  query?: string;
  processingTypes?: string[];
  additionalProperties?: string[];
}

export interface ListMembership {
  recordId: string;
  membershipTimestamp: string;
}

/** What HubSpot reports of an add-and-remove: ids added, removed, and missing (no such record). */
export interface MembershipChange {
  added: string[];
  removed: string[];
  missing: string[];
}

/** A lists folder (`PublicListFolder`); `childLists` holds list ids, only for the folder asked for. */
export interface ListFolder {
  id: string;
  name: string;
  parentFolderId: string;
  childLists: string[];
  childNodes: ListFolder[];
}

export interface HistoryValue {
  value: string;
  timestamp: string;
}

export interface CrmRecordData {
  id: string;
  properties: Record<string, string | null>;
  /** Newest first, when history was asked for. */
  history?: Record<string, HistoryValue[]>;
  /** When HubSpot last changed the record (ISO), when HubSpot says. */
  updatedAt?: string;
  /** A company read as a contact's association: true when it is that contact's primary company. */
  primary?: boolean;
}

/** The objects a contact's associations are read for (v4 associations, then a batch read). */
export type AssociatedObjectType = 'companies' | 'deals' | 'tickets';

/** A record associated with a contact, with that association's USER_DEFINED labels (type ids; [] for none). */
export interface AssociatedRecordData extends CrmRecordData {
  labels: string[];
}

export interface PageContactsOptions {
  /** Properties whose history to load (page size drops to 50, HubSpot's limit with history). */
  history?: string[];
  pageSize?: number;
}

export type ModifiedContacts = { records: CrmRecordData[] } | { tooMany: number };

/** One filter of a CRM search (HubSpot's CRM search guide): `value`, or `values` for IN and NOT_IN. */
export interface SearchFilter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
}

export interface ModifiedSinceOptions {
  /** Default 10,000, the search API's ceiling; lower only in tests. */
  ceiling?: number;
  onPage?: (done: number, total: number) => void;
}

/** An export's progress (CRM Exports `GET …/export/async/tasks/{taskId}/status`). */
export interface ExportTaskStatus {
  /** PENDING, PROCESSING, COMPLETE or CANCELED (the spec's values), or whatever else HubSpot says. */
  status: string;
  /** Where the file can be downloaded, once COMPLETE (on HubSpot's file host, for five minutes). */
  url?: string;
  /** HubSpot's own error messages, when it gave any. */
  errors: string[];
}

/** What HubSpot says of a finished export (`GET …/export/{exportId}`). */
export interface ExportDetails {
  /** DONE, PROCESSING, FAILED, CANCELED, … (the spec's `exportState`). */
  exportState: string;
  /** How many records the file holds, when HubSpot says. */
  recordCount?: number;
}

export interface ExportDownloadOptions {
  /** A file larger than this is refused (before reading when the answer says its size). */
  maxBytes?: number;
  /** Hears the bytes written so far. */
  onBytes?: (bytes: number) => void;
}

/** Who the account is: `GET /account-info/v3/details`. */
export interface AccountDetails {
  portalId: string;
  /** The portal's time zone setting (an IANA name), when HubSpot gives one. */
  timeZone: string | undefined;
}

export interface HubSpotAccount {
  /** Where requests go, e.g. "api.hubapi.com" or "127.0.0.1:4010", for messages. */
  readonly host: string;
  /** Id-based reads in flight at once (parallel-reads.ts); absent: its default. */
  readonly readConcurrency?: number;
  accountDetails(): Promise<AccountDetails>;
  getProperties(objectType: CrmObjectType | 'deals' | 'tickets'): Promise<PropertyDef[]>;
  /** The association types and labels of contacts with `toObjectType` (v4 associations labels). */
  getAssociationLabels(toObjectType: 'companies' | 'deals' | 'tickets'): Promise<HubSpotAssociationLabel[]>;
  /** Every owner, active and archived. */
  getOwners(): Promise<HubSpotOwner[]>;
  /** Every form, live and archived. */
  getForms(): Promise<HubSpotForm[]>;
  /** The portal's marketing emails, live and archived. */
  getMarketingEmails(): Promise<HubSpotMarketingEmail[]>;
  /** The portal's landing and website pages, live and archived. */
  getPages(): Promise<HubSpotPage[]>;
  /** The portal's subscription types (Communication Preferences definitions), active and inactive, as HubSpot answers without a businessUnitId filter. */
  getSubscriptionDefinitions(): Promise<SubscriptionDef[]>;
  /**
   * The submissions of one form, newest first: every page, or with `since` (epoch ms) only until a page
   * reaches one submitted before it (the pages are newest first); `onPage` hears how many were read so far.
   */
  getFormSubmissions(formId: string, onPage?: (read: number) => void, since?: number): Promise<FormSubmissionData[]>;
  /** Lower-cased email → its email subscription statuses; addresses HubSpot did not answer for are left out. */
  getEmailSubscriptionStatuses(emails: string[], onBatch?: (done: number) => void): Promise<Map<string, EmailSubscriptionStatus[]>>;
  /** Marketing email events of one type of one email campaign, newest first, every page; `onPage` hears how many were read so far. */
  getEmailEvents(query: EmailEventQuery, onPage?: (read: number) => void): Promise<EmailEventData[]>;
  /** One contact's page views (Events API `e_visited_page`), every page; `onPage` hears how many were read so far. */
  getPageViews(query: PageViewQuery, onPage?: (read: number) => void): Promise<PageViewData[]>;
  /** One property, or undefined when the portal has none of that name. */
  getProperty(objectType: CrmObjectType, name: string): Promise<PropertyDef | undefined>;
  /** Creates a custom property (Properties API body: name, label, type, fieldType, groupName, options). */
  createProperty(objectType: CrmObjectType, body: Json): Promise<PropertyDef>;
  /** Updates a property; `options`, when sent, replace its options. */
  updateProperty(objectType: CrmObjectType, name: string, body: Json): Promise<PropertyDef>;
  findListByName(name: string, includeFilters?: boolean, objectTypeId?: string): Promise<HubSpotList | undefined>;
  getList(listId: string, includeFilters?: boolean): Promise<HubSpotList>;
  /** The lists of these ids that exist (batch reads); deleted or unknown ids are left out. */
  getLists(listIds: string[], includeFilters?: boolean): Promise<HubSpotList[]>;
  createList(request: ListCreateRequest): Promise<HubSpotList>;
  updateListFilters(listId: string, filterBranch: Json): Promise<HubSpotList>;
  renameList(listId: string, name: string): Promise<HubSpotList>;
  deleteList(listId: string): Promise<void>;
  restoreList(listId: string): Promise<void>;
  searchLists(options?: ListSearchOptions): Promise<HubSpotList[]>;
  /** Every member, all pages, ordered by record id. */
  listMemberships(listId: string): Promise<ListMembership[]>;
  /** Adds and removes members of a MANUAL or SNAPSHOT list (in batches); what HubSpot reports. */
  changeListMemberships(listId: string, add: string[], remove: string[]): Promise<MembershipChange>;
  /** Lowercased email → contact record id, for the emails some contact has (contacts batch read by email). */
  contactIdsByEmail(emails: string[]): Promise<Map<string, string>>;
  /** Which of these record ids are contacts (contacts batch read); the others are left out. */
  existingContactIds(ids: string[]): Promise<string[]>;
  /** The folder and, recursively, the folders under it (root "0" by default). */
  getFolder(folderId?: string): Promise<ListFolder>;
  createFolder(name: string, parentFolderId?: string): Promise<ListFolder>;
  moveListToFolder(listId: string, folderId: string): Promise<void>;
  /** Pages of contacts with the given properties, until the portal runs out. */
  pageContacts(properties: string[], options?: PageContactsOptions): AsyncIterable<CrmRecordData[]>;
  /** Each contact's associated companies, with the given company properties (every contact asked about has an entry). */
  getCompaniesFor(contactIds: readonly string[] | ContactIdList, companyProperties?: string[]): Promise<ListsById<AssociatedRecordData>>;
  /** Each contact's associated records of `object` with these properties, and the labels of each association (every contact asked about has an entry). */
  getAssociatedFor(contactIds: readonly string[] | ContactIdList, object: AssociatedObjectType, properties: string[]): Promise<ListsById<AssociatedRecordData>>;
  /** Contacts with `lastmodifieddate` after `since` (epoch ms), or how many there are when over the ceiling. */
  contactsModifiedSince(since: number, properties: string[], options?: ModifiedSinceOptions): Promise<ModifiedContacts>;
  /** Companies, deals or tickets with `hs_lastmodifieddate` after `since` (epoch ms), or how many when over the ceiling. */
  recordsModifiedSince(object: AssociatedObjectType, since: number, properties: string[], options?: ModifiedSinceOptions): Promise<ModifiedContacts>;
  /** How many contacts the portal holds, when HubSpot says. */
  countContacts(): Promise<number | undefined>;
  /** How many contacts pass all of these search filters (one search), when HubSpot says. */
  countContactsWhere(filters: SearchFilter[]): Promise<number | undefined>;
  /** The history of `history` properties for these contacts (batch reads of 50, a few at a time); `onRead` hears how many ids were answered so far. */
  readContactsHistory(ids: string[], history: string[], onRead?: (done: number) => void): Promise<Map<string, CrmRecordData>>;
  /** Starts a CSV export of every contact with these properties, as internal names and values (CRM Exports): its task id. */
  startContactsExport(properties: string[], exportName: string): Promise<string>;
  exportStatus(taskId: string): Promise<ExportTaskStatus>;
  exportDetails(exportId: string): Promise<ExportDetails>;
  /** Writes an export's file to `file`, fetched from the URL its status gave, never with the token; its size in bytes. */
  downloadExport(url: string, file: string, options?: ExportDownloadOptions): Promise<number>;
}
