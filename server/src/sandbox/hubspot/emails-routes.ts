// Marketing Emails v3 (HubSpot's PublicApiSpecs/Marketing/Marketing Emails/Rollouts/145892/v3/marketingEmails.json):
// `GET /marketing/v3/emails` pages by `after` (default `limit` 10 here, none given by the spec), live emails
// unless `archived=true` (then only archived ones), answered as CollectionResponseWithTotalPublicEmail.

import { SANDBOX_MARKETING_EMAILS, type SandboxMarketingEmail } from '../data/hubspot-emails';
import { offsetPage, ok, route, type Route } from './http-kit';

const CREATED = '2024-01-15T09:00:00.000Z';

export function marketingEmailsRoutes(emails: readonly SandboxMarketingEmail[] = SANDBOX_MARKETING_EMAILS): Route[] {
  return [
    route('GET', '/marketing/v3/emails', (r) => {
      const matching = emails.filter((e) => e.archived === (r.query.get('archived') === 'true'));
      const paged = offsetPage(r.query, matching, { byDefault: 10, max: 500 });
      if ('error' in paged) return paged.error;
      return ok({ total: matching.length, results: paged.page.map(emailView), ...paged.paging });
    }),
  ];
}

function emailView(e: SandboxMarketingEmail): Record<string, unknown> {
  return { ...e, isAb: false, isTransactional: false, isPublished: e.state === 'PUBLISHED', type: 'BATCH_EMAIL', subcategory: 'batch', createdAt: CREATED, updatedAt: CREATED };
}
