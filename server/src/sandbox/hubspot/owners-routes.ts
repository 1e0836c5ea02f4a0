// Owners v3 (HubSpot's PublicApiSpecs/CRM/Crm Owners/Rollouts/146888/v3/crmOwners.json): `GET /crm/v3/owners`
// pages by `after` (default `limit` 100), active owners unless `archived=true` (then only archived ones),
// optionally one `email`. Read-only, as HubSpot's.

import { SANDBOX_OWNERS, type SandboxOwner } from '../data/hubspot-owners';
import { intParam, ok, route, validationError, type Route } from './http-kit';

const CREATED = '2024-01-15T09:00:00.000Z';

export function ownersRoutes(owners: readonly SandboxOwner[] = SANDBOX_OWNERS): Route[] {
  return [
    route('GET', '/crm/v3/owners', (r) => {
      const limit = intParam(r.query.get('limit')) ?? 100;
      if (Number.isNaN(limit) || limit < 1 || limit > 500) return validationError(`limit must be a whole number from 1 to 500; got "${r.query.get('limit')}".`);
      const archived = r.query.get('archived') === 'true';
      const email = r.query.get('email');
      const matching = owners.filter((o) => o.archived === archived && (email === null || o.email.toLowerCase() === email.toLowerCase()));
      const start = Number(r.query.get('after') ?? 0);
      if (!Number.isInteger(start) || start < 0) return validationError(`after must be a cursor from an earlier page; got "${r.query.get('after')}".`);
      const results = matching.slice(start, start + limit).map(ownerView);
      const next = start + limit < matching.length ? { paging: { next: { after: String(start + limit) } } } : {};
      return ok({ results, ...next });
    }),
  ];
}

function ownerView(owner: SandboxOwner): Record<string, unknown> {
  return { ...owner, userId: Number(owner.id) + 9_000_000, userIdIncludingInactive: Number(owner.id) + 9_000_000, createdAt: CREATED, updatedAt: CREATED };
}
