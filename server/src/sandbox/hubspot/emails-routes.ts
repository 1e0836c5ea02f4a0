// Marketing Emails v3 (HubSpot's PublicApiSpecs/Marketing/Marketing Emails/Rollouts/145892/v3/marketingEmails.json):
// `GET /marketing/v3/emails` pages by `after` (default `limit` 10 here, none given by the spec), live emails
// unless `archived=true` (then only archived ones), answered as CollectionResponseWithTotalPublicEmail.

import { SANDBOX_MARKETING_EMAILS, type SandboxMarketingEmail } from '../data/hubspot-emails';
import { intParam, ok, route, validationError, type Route } from './http-kit';

const CREATED = '2024-01-15T09:00:00.000Z';

export function marketingEmailsRoutes(emails: readonly SandboxMarketingEmail[] = SANDBOX_MARKETING_EMAILS): Route[] {
  return [
    route('GET', '/marketing/v3/emails', (r) => {
      const limit = intParam(r.query.get('limit')) ?? 10;
      if (Number.isNaN(limit) || limit < 1 || limit > 500) return validationError(`limit must be a whole number from 1 to 500; got "${r.query.get('limit')}".`);
      const archived = r.query.get('archived') === 'true';
      const matching = emails.filter((e) => e.archived === archived);
      const start = Number(r.query.get('after') ?? 0);
      if (!Number.isInteger(start) || start < 0) return validationError(`after must be a cursor from an earlier page; got "${r.query.get('after')}".`);
      const results = matching.slice(start, start + limit).map(emailView);
      const next = start + limit < matching.length ? { paging: { next: { after: String(start + limit), link: '' } } } : {};
      return ok({ total: matching.length, results, ...next });
    }),
  ];
}

function emailView(e: SandboxMarketingEmail): Record<string, unknown> {
  return { ...e, isAb: false, isTransactional: false, isPublished: e.state === 'PUBLISHED', type: 'BATCH_EMAIL', subcategory: 'batch', createdAt: CREATED, updatedAt: CREATED };
}
