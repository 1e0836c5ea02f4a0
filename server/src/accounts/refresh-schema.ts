// `refreshSchema(root, accounts)`: pulls each connected account's schema into `<root>/.hslist/schema/`
// (HubSpot: contacts.json, companies.json; Salesforce: salesforce/lead.json, contact.json), the cache
// `hslist check` and the language server read. Each side is fetched completely before anything is written
// and written all-or-nothing, so a failure leaves that side's previous files untouched. Never throws: each
// side reports either what it wrote or one sentence saying why not (worded by its account layer).

import { join } from 'node:path';
import { stableJson } from '../hubspot/account/pull-schema';
import type { HubSpotAccount } from '../hubspot/account/types';
import { schemaJson } from '../salesforce/schema-pull';
import { ASSOCIATION_LABELS_FILE, FORMS_FILE, LISTS_FILE, MARKETING_EMAILS_FILE, OWNERS_FILE, PAGES_FILE, SUBSCRIPTIONS_FILE } from '../language/schema';
import { HubSpotAccountError } from '../hubspot/account/errors';
import { SALESFORCE_OBJECTS, SALESFORCE_SCHEMA_SUBDIR, salesforceFileName } from '../language/salesforce-schema';
import type { Accounts, SalesforceConnector } from './accounts';
import { writeFilesAtomically, type FileToWrite } from './atomic-write';

export const SCHEMA_CACHE_DIR = join('.hslist', 'schema');

export type SideResult =
  | { ok: true; source: string; files: string[]; counts: Record<string, number>; notes?: string[] }
  | { ok: false; source: string; message: string };

export interface SchemaRefresh {
  dir: string;
  /** Absent when that account is not configured. */
  hubspot?: SideResult;
  salesforce?: SideResult;
}

export interface RefreshOptions {
  /** Folder to write into instead of `<root>/.hslist/schema`. */
  dir?: string;
}

export async function refreshSchema(root: string, accounts: Accounts, options: RefreshOptions = {}): Promise<SchemaRefresh> {
  const dir = options.dir ?? join(root, SCHEMA_CACHE_DIR);
  const result: SchemaRefresh = { dir };
  // The two services are independent: pull them side by side.
  const [hubspot, salesforce] = await Promise.all([
    accounts.hubspot ? guarded(accounts.hubspot.host, () => pullHubSpot(accounts.hubspot as HubSpotAccount, dir)) : undefined,
    accounts.salesforce ? guarded(accounts.salesforce.where, () => pullSalesforce(accounts.salesforce as SalesforceConnector, dir)) : undefined,
  ]);
  if (hubspot) result.hubspot = hubspot;
  if (salesforce) result.salesforce = salesforce;
  return result;
}

interface Pulled {
  files: FileToWrite[];
  counts: Record<string, number>;
  /** What was left out and why (a scope the token lacks), said beside the counts. */
  notes?: string[];
}

async function guarded(source: string, pull: () => Promise<Pulled>): Promise<SideResult> {
  let pulled: Pulled;
  try {
    pulled = await pull();
  } catch (error) {
    // The account layers' errors are one redacted sentence already.
    return { ok: false, source, message: messageOf(error) };
  }
  try {
    await writeFilesAtomically(pulled.files);
  } catch (error) {
    return { ok: false, source, message: `Could not write the schema files: ${messageOf(error)}.` };
  }
  return { ok: true, source, files: pulled.files.map((f) => f.path), counts: pulled.counts, ...(pulled.notes?.length ? { notes: pulled.notes } : {}) };
}

const COUNT_WORDS: Record<string, string> = {
  contacts: 'contact properties',
  companies: 'company properties',
  Lead: 'Lead fields',
  Contact: 'Contact fields',
  lists: 'lists',
  owners: 'owners',
  forms: 'forms',
  pages: 'pages',
  marketingEmails: 'marketing emails',
  deals: 'deal properties',
  tickets: 'ticket properties',
  associationLabels: 'association labels',
  subscriptions: 'subscription definitions',
};

/** "103 contact properties, 44 company properties, 12 lists, 7 owners": one wording for the CLI and the editor. */
export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts).map(([key, n]) => `${n} ${COUNT_WORDS[key] ?? key}`).join(', ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function pullHubSpot(account: HubSpotAccount, dir: string): Promise<Pulled> {
  const files: FileToWrite[] = [];
  const counts: Record<string, number> = {};
  for (const objectType of ['contacts', 'companies'] as const) {
    const properties = [...(await account.getProperties(objectType))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    files.push({ path: join(dir, `${objectType}.json`), content: stableJson({ results: properties }) });
    counts[objectType] = properties.length;
  }
  // The portal's lists, so `in list "Name"` can name a list that is not kept as code.
  const lists = (await account.searchLists())
    .map((l) => ({ listId: l.listId, name: l.name, processingType: l.processingType, objectTypeId: l.objectTypeId }))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  files.push({ path: join(dir, LISTS_FILE), content: stableJson({ results: lists }) });
  counts.lists = lists.length;
  const notes: string[] = [];
  // The owners and forms, so files can name them (`hubspot_owner_id is "Jan Kowalski"`, `submitted form "Demo request"`).
  const owners = await catalogueOrNote(OWNERS, () => account.getOwners(), notes);
  if (owners) {
    owners.sort((a, b) => Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : 1));
    files.push({ path: join(dir, OWNERS_FILE), content: stableJson({ results: owners }) });
    counts.owners = owners.length;
  }
  const forms = await catalogueOrNote(FORMS, () => account.getForms(), notes);
  if (forms) {
    forms.sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
    files.push({ path: join(dir, FORMS_FILE), content: stableJson({ results: forms }) });
    counts.forms = forms.length;
  }
  // The landing and website pages, so `submitted … on page "Pricing"` resolves to the page's id.
  const pages = await catalogueOrNote(PAGES, () => account.getPages(), notes);
  if (pages) {
    pages.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.kind.localeCompare(b.kind) || Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : 1));
    files.push({ path: join(dir, PAGES_FILE), content: stableJson({ results: pages }) });
    counts.pages = pages.length;
  }
  // The marketing emails, so `marketing email "November newsletter"` resolves (hover, completion, the ids to write).
  const emails = await catalogueOrNote(EMAILS, () => account.getMarketingEmails(), notes);
  if (emails) {
    emails.sort((a, b) => a.name.localeCompare(b.name, 'en') || Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : 1));
    files.push({ path: join(dir, MARKETING_EMAILS_FILE), content: stableJson({ results: emails }) });
    counts.marketingEmails = emails.length;
  }
  // The subscription types, so `opted in to email subscription "Newsletter"` resolves to the id HubSpot takes.
  const subscriptions = await catalogueOrNote(SUBSCRIPTIONS, () => account.getSubscriptionDefinitions(), notes);
  if (subscriptions) {
    subscriptions.sort((a, b) => a.name.localeCompare(b.name, 'en') || Number(a.id) - Number(b.id));
    files.push({ path: join(dir, SUBSCRIPTIONS_FILE), content: stableJson({ results: subscriptions }) });
    counts.subscriptions = subscriptions.length;
  }
  // Deal and ticket properties (for `associated deal where …`) and the association labels (`labeled "…"`).
  for (const objectType of ['deals', 'tickets'] as const) {
    const properties = await catalogueOrNote(OBJECT_PROPERTIES[objectType], () => account.getProperties(objectType), notes);
    if (!properties) continue;
    properties.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    files.push({ path: join(dir, `${objectType}.json`), content: stableJson({ results: properties }) });
    counts[objectType] = properties.length;
  }
  const labels = await associationLabels(account, notes);
  if (labels) {
    // `objects`: whose labels were read, so a label of an object left out is not taken for an unknown one.
    files.push({ path: join(dir, ASSOCIATION_LABELS_FILE), content: stableJson({ objects: labels.objects, results: labels.entries }) });
    counts.associationLabels = labels.entries.length;
  }
  return { files, counts, notes };
}

type LabelEntry = { toObjectType: string; category: string; typeId: number; label: string };

/**
 * Every labelled association type of contacts with companies, deals and tickets (unlabeled types left
 * out); an object whose labels the token may not read is left out with a note. Undefined when none was read.
 */
async function associationLabels(account: HubSpotAccount, notes: string[]): Promise<{ objects: string[]; entries: LabelEntry[] } | undefined> {
  const entries: LabelEntry[] = [];
  const objects: string[] = [];
  for (const toObjectType of ['companies', 'deals', 'tickets'] as const) {
    const types = await catalogueOrNote(LABELS[toObjectType], () => account.getAssociationLabels(toObjectType), notes);
    if (!types) continue;
    objects.push(toObjectType);
    for (const l of types) if (l.label !== null) entries.push({ toObjectType, category: l.category, typeId: l.typeId, label: l.label });
  }
  return objects.length > 0 ? { objects, entries: entries.sort((a, b) => a.toObjectType.localeCompare(b.toObjectType) || a.typeId - b.typeId) } : undefined;
}

interface Catalogue {
  what: string;
  scope: string;
  consequence: string;
}

const OWNERS: Catalogue = { what: 'owners', scope: 'crm.objects.owners.read', consequence: 'owner names cannot be checked' };
const FORMS: Catalogue = { what: 'forms', scope: 'forms', consequence: 'forms can be given by id only' };
// CMS Pages v3 accepts `content`, or content.landing_pages.read and content.site_pages.read for each kind (its spec's security).
const PAGES: Catalogue = { what: 'pages', scope: 'content (or content.landing_pages.read and content.site_pages.read)', consequence: 'pages can be given by id only' };
// Marketing Emails v3 accepts any of marketing.email.read, marketing.email.write and content (its spec's security).
const EMAILS: Catalogue = { what: 'marketing emails', scope: 'marketing.email.read (or content)', consequence: 'marketing emails can be given by id only' };
// Communication Preferences definitions accept communication_preferences.read or …read_write (the spec's security).
const SUBSCRIPTIONS: Catalogue = { what: 'subscription definitions', scope: 'communication_preferences.read', consequence: 'subscriptions can be given by id only' };
const OBJECT_PROPERTIES: Record<'deals' | 'tickets', Catalogue> = {
  deals: { what: 'deal properties', scope: 'crm.objects.deals.read', consequence: 'deal conditions are checked against the bundled standard properties' },
  tickets: { what: 'ticket properties', scope: 'tickets', consequence: 'ticket conditions are checked against the bundled standard properties' },
};
const LABELS: Record<'companies' | 'deals' | 'tickets', Catalogue> = {
  companies: { what: 'contact–company association labels', scope: 'crm.objects.companies.read', consequence: 'those labels can be given by id only' },
  deals: { what: 'contact–deal association labels', scope: 'crm.objects.deals.read', consequence: 'those labels can be given by id only' },
  tickets: { what: 'contact–ticket association labels', scope: 'tickets', consequence: 'those labels can be given by id only' },
};

/**
 * A catalogue the language names things from. A token without its scope still pulls the properties and
 * lists: the catalogue is left out with a note, not the whole side.
 */
async function catalogueOrNote<T>(catalogue: Catalogue, read: () => Promise<T[]>, notes: string[]): Promise<T[] | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof HubSpotAccountError && (error.status === 403 || error.status === 401)) {
      notes.push(`${catalogue.what} not pulled: the token may not read them (HubSpot said ${error.status}; the private app needs the ${catalogue.scope} scope), so ${catalogue.consequence}`);
      return undefined;
    }
    throw error;
  }
}

async function pullSalesforce(connector: SalesforceConnector, dir: string): Promise<Pulled> {
  const org = await connector.connect();
  const files: FileToWrite[] = [];
  const counts: Record<string, number> = {};
  for (const object of SALESFORCE_OBJECTS) {
    const schema = await org.describe(object);
    files.push({ path: join(dir, SALESFORCE_SCHEMA_SUBDIR, salesforceFileName(object)), content: schemaJson(schema) });
    counts[object] = schema.fields.length;
  }
  return { files, counts };
}
