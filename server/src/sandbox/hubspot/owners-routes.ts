// Owners v3 (HubSpot's PublicApiSpecs/CRM/Crm Owners/Rollouts/146888/v3/crmOwners.json): `GET /crm/v3/owners`
// pages by `after` (default `limit` 100), active owners unless `archived=true` (then only archived ones),
// optionally one `email`. Read-only, as HubSpot's.

import { SANDBOX_OWNERS, type SandboxOwner } from '../data/hubspot-owners';
import { offsetPage, ok, route, type Route } from './http-kit';

const CREATED = '2024-01-15T09:00:00.000Z';

export function ownersRoutes(owners: readonly SandboxOwner[] = SANDBOX_OWNERS): Route[] {
  return [
    route('GET', '/crm/v3/owners', (r) => {
      const archived = r.query.get('archived') === 'true';
      const email = r.query.get('email');
      const matching = owners.filter((o) => o.archived === archived && (email === null || o.email.toLowerCase() === email.toLowerCase()));
      const paged = offsetPage(r.query, matching, { byDefault: 100, max: 500, link: false });
      if ('error' in paged) return paged.error;
      return ok({ results: paged.page.map(ownerView), ...paged.paging });
    }),
  ];
}

function ownerView(owner: SandboxOwner): Record<string, unknown> {
  return { ...owner, userId: Number(owner.id) + 9_000_000, userIdIncludingInactive: Number(owner.id) + 9_000_000, createdAt: CREATED, updatedAt: CREATED };
}
