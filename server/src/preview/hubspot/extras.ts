// What the live source loads besides contact properties: members of the HubSpot lists used as
// `in list #id` (memberships API) and each contact's associated companies with the properties the
// lists read (v4 associations + companies batch read); then the columnar store of it all.

import type { HubSpotAccount } from '../../hubspot/account/types';
import type { PortalListRef, PropertyDef, Schema } from '../../language/schema-types';
import type { ColumnStore } from '../columns';
import { StoreBuilder } from '../columns-build';
import type { CompanyRecord } from '../types';
import { addContacts, type ContactSet } from './contact-set';
import { throwIfAborted, untilAborted } from './abort';
import type { Progress } from './fetch-contacts';
import type { DataNeeds } from './needs';

export interface Extras {
  /** Contact id → ids of the `#id` lists it is a member of (every referenced list that exists). */
  memberships: Map<string, string[]> | undefined;
  companies: Map<string, CompanyRecord[]> | undefined;
  /** Referenced `#id` lists that could not be read, with why: their conditions stay "not previewable". */
  missingLists: Map<string, string>;
}

interface ExtraOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** The portal's lists (schema pull's catalogue): progress names the lists it reads. */
  schema?: Pick<Schema, 'lists'>;
}

export async function readExtras(account: HubSpotAccount, contactIds: string[], needs: DataNeeds, options: ExtraOptions): Promise<Extras> {
  const missingLists = new Map<string, string>();
  const memberships = needs.listIds.length > 0 ? await readMemberships(account, needs.listIds, missingLists, options) : undefined;
  let companies: Map<string, CompanyRecord[]> | undefined;
  if (needs.companies) {
    throwIfAborted(options.signal);
    options.onProgress?.({ phase: 'companies', done: 0, total: contactIds.length });
    const found = await untilAborted(account.getCompaniesFor(contactIds, needs.companyProperties.length > 0 ? needs.companyProperties : ['name']), options.signal);
    companies = new Map([...found].map(([id, list]) => [id, list.map((c) => ({ id: c.id, properties: c.properties, ...(c.primary ? { primary: true } : {}) }))]));
    options.onProgress?.({ phase: 'companies', done: contactIds.length, total: contactIds.length });
  }
  return { memberships, companies, missingLists };
}

async function readMemberships(account: HubSpotAccount, listIds: string[], missing: Map<string, string>, options: ExtraOptions): Promise<Map<string, string[]>> {
  const byContact = new Map<string, string[]>();
  const lists = listLabels(listIds, options.schema?.lists);
  for (const [i, listId] of listIds.entries()) {
    throwIfAborted(options.signal);
    options.onProgress?.({ phase: 'memberships', done: i, total: listIds.length, lists });
    try {
      for (const m of await untilAborted(account.listMemberships(listId), options.signal)) {
        const lists = byContact.get(m.recordId);
        if (lists) lists.push(listId);
        else byContact.set(m.recordId, [listId]);
      }
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== 404) throw error;
      missing.set(listId, `HubSpot has no list #${listId}`);
    }
  }
  options.onProgress?.({ phase: 'memberships', done: listIds.length, total: listIds.length, lists });
  return byContact;
}

/** `"Webinar registrants"` for a list the catalogue names, else `#4711`. */
function listLabels(listIds: string[], catalogue: Map<string, PortalListRef> | undefined): string[] {
  const names = new Map([...(catalogue?.values() ?? [])].map((l) => [l.listId, l.name]));
  return listIds.map((id) => (names.has(id) ? `"${names.get(id)}"` : `#${id}`));
}

/** The store: every contact carries memberships / companies (maybe none) when those were loaded. */
export function buildLiveStore(contacts: ContactSet, schema: Schema, needs: DataNeeds, extras: Extras): ColumnStore {
  const defs = needs.contactProperties.map((p) => schema.objects.contacts.get(p)).filter((d): d is PropertyDef => d !== undefined);
  const companyDefs = needs.companyProperties.map((p) => schema.objects.companies.get(p)).filter((d): d is PropertyDef => d !== undefined);
  const builder = new StoreBuilder(defs, companyDefs);
  addContacts(contacts, builder, (id) => ({
    ...(extras.memberships ? { listMemberships: extras.memberships.get(id) ?? [] } : {}),
    ...(extras.companies ? { companies: extras.companies.get(id) ?? [] } : {}),
  }));
  return builder.finish();
}
