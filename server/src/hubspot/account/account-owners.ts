// Owners v3 (`GET /crm/v3/owners`): the people (and queues) a record can be assigned to. `hubspot_owner_id`
// holds an owner's `id`; the schema pull keeps the catalogue so files can name owners instead. Active
// and archived (deactivated) owners are both read: a contact may still be owned by someone who left.

import type { Api } from './api';
import { liveAndArchived } from './account-catalogue';
import { toAccountError } from './errors';
import type { HubSpotOwner, Json } from './types';

/** HubSpot's documented default page; owners are few, so there is no reason to ask for more. */
const OWNERS_PAGE = 100;

export async function allOwners(api: Api): Promise<HubSpotOwner[]> {
  return liveAndArchived(api, api.paths.owners(), 'the owners', OWNERS_PAGE, (item, archived) => toOwner(item, api.host, archived));
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
