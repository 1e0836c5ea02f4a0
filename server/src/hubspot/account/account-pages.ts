// CMS Pages v3 (`GET /cms/v3/pages/landing-pages` and `/cms/v3/pages/site-pages`): the portal's landing
// pages and website pages, so a file can name one (`submitted form "Demo request" on page "Pricing"`) while
// FORM_SUBMISSION_ON_PAGE filters get its id. Both kinds are read live and archived (`archived=true`, the
// deleted pages): a submission sent on a page deleted since still counts in HubSpot's filter. Each page
// keeps its id, its name (HubSpot's internal page name, as its page picker shows it), its generated url
// and its kind.

import type { Api } from './api';
import { liveAndArchived } from './account-catalogue';
import { toAccountError } from './errors';
import type { HubSpotPage, Json } from './types';

/** CMS Pages pages default to 100 results (its reference's `limit`). */
const PAGES_PAGE = 100;

export async function allPages(api: Api): Promise<HubSpotPage[]> {
  const landing = await liveAndArchived(api, api.paths.landingPages(), 'the landing pages', PAGES_PAGE, (item, archived) => toPage(item, 'landing page', archived, api.host));
  const site = await liveAndArchived(api, api.paths.sitePages(), 'the website pages', PAGES_PAGE, (item, archived) => toPage(item, 'website page', archived, api.host));
  return liveFirst([...landing, ...site]);
}

function toPage(value: unknown, kind: HubSpotPage['kind'], archived: boolean, host: string): HubSpotPage {
  const p = value as Json | null;
  if (!p || typeof p !== 'object' || typeof p.id !== 'string' || p.id === '' || typeof p.name !== 'string') {
    throw toAccountError(new Error(`HubSpot at ${host} answered the ${kind}s with an entry that has no id or name`), host);
  }
  return { id: p.id, name: p.name, url: typeof p.url === 'string' ? p.url : '', kind, archived };
}

/** One entry per id: should `archived=true` answer a live page too, the live reading is kept. */
function liveFirst(pages: HubSpotPage[]): HubSpotPage[] {
  const byId = new Map<string, HubSpotPage>();
  for (const page of pages) if (!byId.has(page.id)) byId.set(page.id, page);
  return [...byId.values()];
}
