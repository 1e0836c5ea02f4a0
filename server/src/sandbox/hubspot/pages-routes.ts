// CMS Pages v3 (HubSpot's PublicApiSpecs/CMS/Pages/Rollouts/59888/v3/pages.json): `GET
// /cms/v3/pages/landing-pages` and `/cms/v3/pages/site-pages` page by `after` (`limit` default 100), live
// pages unless `archived=true` (then only the deleted ones), each answer `{total, results, paging}`. Each
// page carries the fields hslist reads (id, name, url, subcategory, archivedAt, state) and a few more of the
// spec's; the emulator's pages are the seeded portal's (data/hubspot-pages.ts).

import type { EmulatorState } from './state';
import { offsetPage, ok, route, type Route, type RouteRequest, type RouteResult } from './http-kit';
import type { PortalPage } from '../data/hubspot-records';

const CREATED = '2024-01-15T09:00:00.000Z';
const DELETED = '2025-06-30T12:00:00.000Z';
const MAX_LIMIT = 100;

export function pagesRoutes(state: EmulatorState): Route[] {
  return [
    route('GET', '/cms/v3/pages/landing-pages', (r) => pagesOf(state, 'landing page', r)),
    route('GET', '/cms/v3/pages/site-pages', (r) => pagesOf(state, 'website page', r)),
  ];
}

function pagesOf(state: EmulatorState, kind: PortalPage['kind'], request: RouteRequest): RouteResult {
  const archived = request.query.get('archived') === 'true';
  const matching = state.pages.filter((p) => p.kind === kind && p.archived === archived);
  const paged = offsetPage(request.query, matching, { byDefault: MAX_LIMIT, max: MAX_LIMIT });
  if ('error' in paged) return paged.error;
  return ok({ total: matching.length, results: paged.page.map(pageView), ...paged.paging });
}

function pageView(page: PortalPage): Record<string, unknown> {
  const url = new URL(page.url);
  return {
    id: page.id,
    name: page.name,
    url: page.url,
    domain: url.host,
    slug: url.pathname.replace(/^\//, ''),
    htmlTitle: page.name,
    subcategory: page.kind === 'landing page' ? 'landing_page' : 'site_page',
    state: 'PUBLISHED',
    currentState: 'PUBLISHED',
    currentlyPublished: !page.archived,
    archivedAt: page.archived ? DELETED : '1970-01-01T00:00:00Z',
    archivedInDashboard: false,
    language: 'en',
    created: CREATED,
    updated: CREATED,
    publishDate: CREATED,
  };
}

/** A page's url by id, for the submissions the emulator serves (Form Integrations v1 `pageUrl`). */
export function pageUrlOf(state: EmulatorState, pageId: string | undefined): string | undefined {
  return pageId === undefined ? undefined : state.pages.find((p) => p.id === pageId)?.url;
}
