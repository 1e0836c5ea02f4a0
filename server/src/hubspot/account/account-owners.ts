// Owners v3 (`GET /crm/v3/owners`): the people (and queues) a record can be assigned to. `hubspot_owner_id`
// holds an owner's `id`; the schema pull keeps the catalogue so files can name owners instead. Active
// and archived (deactivated) owners are both read: a contact may still be owned by someone who left.

import { arrayOf, type Api } from './api';
import { nextAfter } from './account-lists';
import { withQuery } from './paths';
import { toAccountError } from './errors';
import type { HubSpotOwner, Json } from './types';

/** HubSpot's documented default page; owners are few, so there is no reason to ask for more. */
const OWNERS_PAGE = 100;

export async function allOwners(api: Api): Promise<HubSpotOwner[]> {
  return [...(await ownersPages(api, false)), ...(await ownersPages(api, true))];
}

async function ownersPages(api: Api, archived: boolean): Promise<HubSpotOwner[]> {
  const owners: HubSpotOwner[] = [];
  let after: string | undefined;
  do {
    const page = await api.call('GET', withQuery(api.paths.owners(), { limit: OWNERS_PAGE, after, archived }));
    for (const item of arrayOf(page, 'results', 'the owners', api.host)) owners.push(toOwner(item, api.host, archived));
    after = nextAfter(page);
  } while (after);
  return owners;
}

function toOwner(value: unknown, host: string, archived: boolean): HubSpotOwner {
  const o = value as Json | null;
  if (!o || typeof o !== 'object' || (typeof o.id !== 'string' && typeof o.id !== 'number')) {
    throw toAccountError(new Error(`HubSpot at ${host} answered the owners with an entry that has no id`), host);
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const teams = Array.isArray(o.teams) ? (o.teams as Json[]).map((t) => ({ id: String(t.id), name: text(t.name), primary: t.primary === true })) : [];
  return { id: String(o.id), firstName: text(o.firstName), lastName: text(o.lastName), email: text(o.email), type: text(o.type) || 'PERSON', archived: o.archived === true || archived, teams };
}
