// Bearer-token checks in HubSpot's words: 401 for a missing or unknown token, 401 EXPIRED_AUTHENTICATION
// for an expired one, 403 MISSING_SCOPES when the token lacks the scope a path needs.

import { hubspotError, type RouteResult } from './http-kit';

export interface AuthOptions {
  /** Accepted tokens. Default: ["emulator-token"]. */
  tokens?: string[];
  /** Tokens answered with "expired". */
  expiredTokens?: string[];
  /** Token → granted scopes; a token not listed here has every scope. */
  scopes?: Record<string, string[]>;
}

export const DEFAULT_TOKEN = 'emulator-token';

const NOT_FOUND_MESSAGE = 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

/** The scope HubSpot wants for a call (the scopes HubSpot's API references list for each endpoint). */
export function requiredScope(method: string, path: string): string {
  // Account information needs only `oauth`, which every token has.
  if (path.startsWith('/account-info/')) return 'oauth';
  if (path.startsWith('/crm/v3/lists')) {
    const read = method === 'GET' || path === '/crm/v3/lists/search';
    return read ? 'crm.lists.read' : 'crm.lists.write';
  }
  // Owners v3 is read-only, behind its own scope (HubSpot's owners guide).
  if (path.startsWith('/crm/v3/owners')) return 'crm.objects.owners.read';
  // Marketing Forms v3 wants the `forms` scope (its spec's oauth2 security).
  if (path.startsWith('/marketing/v3/forms')) return 'forms';
  // Marketing Emails v3 accepts marketing.email.read, marketing.email.write or content (its spec's security): `content` here.
  if (path.startsWith('/marketing/v3/emails')) return 'content';
  // Marketing email events (Email Analytics v1) want `content` (its reference's scope requirements).
  if (path.startsWith('/email/public/v1/events')) return 'content';
  // CMS Pages v3 accepts `content` or a read scope per kind (its spec's security): `content` here.
  if (path.startsWith('/cms/v3/pages/')) return 'content';
  // The Events API's read wants only `oauth` (its spec's security); what it needs is an Enterprise subscription (events-routes.ts).
  if (path.startsWith('/events/')) return 'oauth';
  // A form's submissions (Form Integrations v1) want `forms` too (HubSpot's scopes reference).
  if (path.startsWith('/form-integrations/')) return 'forms';
  // The subscription definitions want communication_preferences.read (or …read_write; the v4 spec's security).
  if (path.startsWith('/communication-preferences/v4/definitions')) return 'communication_preferences.read';
  // Reading many contacts' subscription statuses wants its own scope (the v4 spec's oauth2 security).
  if (path.startsWith('/communication-preferences/')) return 'communication_preferences.statuses.batch.read';
  // CRM exports want `crm.export` (the exports spec's security; with OAuth only a Super Admin can grant it).
  if (path.startsWith('/crm/v3/exports')) return 'crm.export';
  // Deals and tickets, and a contact's associations to them, want the scope of those records.
  if (/^\/crm\/v3\/objects\/deals(\/|$)|^\/crm\/(v4\/associations|associations\/v4)\/contacts\/deals\//.test(path)) return 'crm.objects.deals.read';
  if (/^\/crm\/v3\/objects\/tickets(\/|$)|^\/crm\/(v4\/associations|associations\/v4)\/contacts\/tickets\//.test(path)) return 'tickets';
  // Properties writes need the schema scope of the object ("crm.schemas.contacts.write").
  if (path.startsWith('/crm/v3/properties/') && method !== 'GET') return `crm.schemas.${path.split('/')[4] ?? 'contacts'}.write`;
  return path.includes('/companies') && !path.includes('/contacts') ? 'crm.objects.companies.read' : 'crm.objects.contacts.read';
}

export function checkAuth(authorization: string | undefined, method: string, path: string, options: AuthOptions): RouteResult | undefined {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (token !== undefined && (options.expiredTokens ?? []).includes(token)) {
    return hubspotError(401, 'EXPIRED_AUTHENTICATION', 'The OAuth token used to make this call expired 2 hour(s) ago.');
  }
  if (token === undefined || !(options.tokens ?? [DEFAULT_TOKEN]).includes(token)) {
    return hubspotError(401, 'INVALID_AUTHENTICATION', NOT_FOUND_MESSAGE);
  }
  const granted = options.scopes?.[token];
  const needed = requiredScope(method, path);
  if (granted && needed !== 'oauth' && !granted.includes(needed)) {
    return hubspotError(403, 'MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", {
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [needed] } }],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    });
  }
  return undefined;
}
