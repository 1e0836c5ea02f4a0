// Every HubSpot API path hslist calls, in one place. HubSpot's v3 (and v4 associations) paths become
// unsupported in September 2027; the date-based versions that replace them keep the sub-paths and move
// the version after the API family (`/crm/v3/lists/{id}` → `/crm/lists/2026-09/{id}`,
// `/crm/v4/associations/{from}/{to}/batch/read` → `/crm/associations/2026-09/{from}/{to}/batch/read`,
// `/account-info/v3/details` → `/account-info/2026-09/details`, `/crm/v3/owners` → `/crm/owners/2026-09`, `/marketing/v3/forms` → `/marketing/forms/2026-09-beta`, the only dated Forms path yet), as HubSpot's public OpenAPI specs
// (HubSpot/HubSpot-public-api-spec-collection, PublicApiSpecs/CRM/*/Rollouts/*/2026-09/) show. Switching
// `version` switches every call.

/** `v3` (the legacy paths) or a date-based version such as `2026-09`. */
export type HubSpotApiVersion = string;

export const DEFAULT_API_VERSION: HubSpotApiVersion = 'v3';

export function isApiVersion(value: string): boolean {
  return value === 'v3' || /^20\d\d-(0[1-9]|1[0-2])$/.test(value);
}

const encode = encodeURIComponent;

/** Where an API family's dated version is only published as a beta so far, the path it has. */
const FORMS_DATED: Record<string, string> = { '2026-09': '2026-09-beta' };
/** CMS Pages publishes one dated version so far (2026-03): a later version calls it until its own appears. */
const PAGES_DATED: Record<string, string> = { '2026-09': '2026-03' };

export interface ApiPaths {
  readonly version: HubSpotApiVersion;
  accountDetails(): string;
  properties(objectType: string): string;
  property(objectType: string, name: string): string;
  objects(objectType: string): string;
  objectsSearch(objectType: string): string;
  objectsBatchRead(objectType: string): string;
  associationsBatchRead(fromObjectType: string, toObjectType: string): string;
  lists(): string;
  list(listId: string): string;
  listByName(objectTypeId: string, name: string): string;
  listsSearch(): string;
  listFilters(listId: string): string;
  listName(listId: string): string;
  listRestore(listId: string): string;
  listMemberships(listId: string): string;
  listMembershipsAddAndRemove(listId: string): string;
  folders(): string;
  folderMoveList(): string;
  folderRename(folderId: string): string;
  owners(): string;
  forms(): string;
  marketingEmails(): string;
  landingPages(): string;
  sitePages(): string;
  associationLabels(fromObjectType: string, toObjectType: string): string;
  formSubmissions(formGuid: string): string;
  subscriptionDefinitions(): string;
  subscriptionStatusesBatchRead(): string;
  unsubscribeAllStatusesBatchRead(): string;
  emailEvents(): string;
  events(): string;
  exportStart(): string;
  exportStatus(taskId: string): string;
  exportById(exportId: string): string;
}

export function apiPaths(version: HubSpotApiVersion = DEFAULT_API_VERSION): ApiPaths {
  if (!isApiVersion(version)) throw new Error(`Unknown HubSpot API version "${version}"; use v3 or a date such as 2026-09.`);
  const legacy = version === 'v3';
  const crm = (family: string, legacyVersion = 'v3') => (legacy ? `/crm/${legacyVersion}/${family}` : `/crm/${family}/${version}`);
  const lists = crm('lists');
  const objects = legacy ? '/crm/v3/objects' : `/crm/objects/${version}`;
  const preferences = `/communication-preferences/${legacy ? 'v4' : version}`;
  return {
    version,
    accountDetails: () => `/account-info/${legacy ? 'v3' : version}/details`,
    properties: (type) => `${crm('properties')}/${encode(type)}`,
    property: (type, name) => `${crm('properties')}/${encode(type)}/${encode(name)}`,
    objects: (type) => `${objects}/${encode(type)}`,
    objectsSearch: (type) => `${objects}/${encode(type)}/search`,
    objectsBatchRead: (type) => `${objects}/${encode(type)}/batch/read`,
    associationsBatchRead: (from, to) => `${crm('associations', 'v4')}/${encode(from)}/${encode(to)}/batch/read`,
    lists: () => lists,
    list: (id) => `${lists}/${encode(id)}`,
    listByName: (objectTypeId, name) => `${lists}/object-type-id/${encode(objectTypeId)}/name/${encode(name)}`,
    listsSearch: () => `${lists}/search`,
    listFilters: (id) => `${lists}/${encode(id)}/update-list-filters`,
    listName: (id) => `${lists}/${encode(id)}/update-list-name`,
    listRestore: (id) => `${lists}/${encode(id)}/restore`,
    listMemberships: (id) => `${lists}/${encode(id)}/memberships`,
    listMembershipsAddAndRemove: (id) => `${lists}/${encode(id)}/memberships/add-and-remove`,
    folders: () => `${lists}/folders`,
    folderMoveList: () => `${lists}/folders/move-list`,
    folderRename: (id) => `${lists}/folders/${encode(id)}/rename`,
    owners: () => crm('owners'),
    // Marketing, not CRM: `/marketing/v3/forms`. Forms has no dated version of its own yet: HubSpot's
    // 2026-09-beta Forms guide moves it to `/marketing/forms/2026-09-beta` (spec Marketing/Forms/Rollouts/144909/).
    associationLabels: (from, to) => `${crm('associations', 'v4')}/${encode(from)}/${encode(to)}/labels`,
    forms: () => (legacy ? '/marketing/v3/forms' : `/marketing/forms/${FORMS_DATED[version] ?? version}`),
    // Marketing Emails v3 `/marketing/v3/emails`, dated `/marketing/emails/2026-09` (spec Marketing/Marketing Emails/Rollouts/145892/).
    marketingEmails: () => (legacy ? '/marketing/v3/emails' : `/marketing/emails/${version}`),
    // CMS Pages v3 `/cms/v3/pages/{landing-pages,site-pages}`, dated `/cms/pages/2026-03/…` (spec CMS/Pages/Rollouts/59888/{v3,2026-03}/).
    landingPages: () => (legacy ? '/cms/v3/pages/landing-pages' : `/cms/pages/${PAGES_DATED[version] ?? version}/landing-pages`),
    sitePages: () => (legacy ? '/cms/v3/pages/site-pages' : `/cms/pages/${PAGES_DATED[version] ?? version}/site-pages`),
    // A form's submissions exist only under the legacy Form Integrations v1 API (no v3 and no dated
    // version publishes them), so every `version` calls the same path.
    formSubmissions: (guid) => `/form-integrations/v1/submissions/forms/${encode(guid)}`,
    // Communication Preferences: the batch reads are v4's (v3 has none); the dated versions keep the
    // sub-paths (spec Communication Preferences/Subscriptions/Rollouts/176901/{v4,2026-09}/). The definitions
    // are v4's too: v4 and the dated versions answer `{results: [...]}` (v3's `/communication-preferences/v3/definitions`
    // answers `{subscriptionDefinitions: [...]}`, spec Rollouts/147906/v3/), so one reading serves every `version`.
    subscriptionDefinitions: () => `${preferences}/definitions`,
    subscriptionStatusesBatchRead: () => `${preferences}/statuses/batch/read`,
    unsubscribeAllStatusesBatchRead: () => `${preferences}/statuses/batch/unsubscribe-all/read`,
    // Marketing email events exist only under the legacy Email Analytics v1 API (no v3 and no dated
    // version publishes them), so every `version` calls the same path.
    emailEvents: () => '/email/public/v1/events',
    // The Events API (a contact's page views, `e_visited_page`): v3's `/events/v3/events`; its dated
    // versions moved to `/events/event-occurrences/{version}` (spec Events/Events/Rollouts/147897/{v3,2025-09,2026-03,2026-09}/).
    events: () => (legacy ? '/events/v3/events' : `/events/event-occurrences/${version}`),
    // CRM Exports v3 `/crm/v3/exports/export/…`, dated `/crm/exports/{version}/export/…` (spec CRM/Exports/Rollouts/95922/{v3,2025-09,2026-03,2026-09}/).
    exportStart: () => `${crm('exports')}/export/async`,
    exportStatus: (id) => `${crm('exports')}/export/async/tasks/${encode(id)}/status`,
    exportById: (id) => `${crm('exports')}/export/${encode(id)}`,
  };
}

/** A path with its query string; undefined values are left out, arrays repeat the parameter. */
export function withQuery(path: string, query: Record<string, string | number | boolean | readonly string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(name, v);
    else params.append(name, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
