// A contact's page views from HubSpot's Events API (`GET /events/v3/events`, dated
// `/events/event-occurrences/{version}`; Enterprise subscriptions only, HubSpot's event analytics guide):
// the contact's `e_visited_page` events, asked by `objectType=contact` and `objectId`, from
// `occurredAfter` on, in pages joined by the `paging.next.after` cursor. Each result is an
// ExternalUnifiedEvent (`eventType`, `id`, `objectId`, `objectType`, `occurredAt` ISO 8601, `properties`
// a string map).
//
// **Assumed**: the page's URL is the event property `hs_url` (the example e_visited_page event of
// HubSpot's earlier published Events API spec carries `hs_url`, `hs_title`, `hs_referrer`, …); an event
// without one is HubSpot's mistake and said so, never read as a view of no page.

import { arrayOf, type Api } from './api';
import { nextAfter } from './account-lists';
import { toAccountError } from './errors';
import { withQuery } from './paths';
import type { PageViewData, PageViewQuery } from './types';

/** HubSpot's reference gives no largest `limit` for this endpoint; 100 is that of its CRM reads (**Assumed**). */
export const PAGE_VIEWS_PAGE = 100;

export const PAGE_VIEW_EVENT = 'e_visited_page';

export async function pageViews(api: Api, query: PageViewQuery, onPage?: (read: number) => void): Promise<PageViewData[]> {
  const views: PageViewData[] = [];
  const what = `the page views of contact ${query.contactId}`;
  const occurredAfter = query.occurredAfter === undefined ? undefined : new Date(query.occurredAfter).toISOString();
  let after: string | undefined;
  do {
    const params = { objectType: 'contact', objectId: query.contactId, eventType: PAGE_VIEW_EVENT, occurredAfter, limit: PAGE_VIEWS_PAGE, after };
    const page = await api.call('GET', withQuery(api.paths.events(), params), undefined, { background: true });
    for (const item of arrayOf(page, 'results', what, api.host)) views.push(toPageView(item, `${what} (event ${views.length + 1})`, api.host));
    onPage?.(views.length);
    after = nextAfter(page);
  } while (after !== undefined);
  return views;
}

function toPageView(value: unknown, what: string, host: string): PageViewData {
  const e = value as { id?: unknown; occurredAt?: unknown; eventType?: unknown; properties?: unknown } | null;
  const occurredAt = typeof e?.occurredAt === 'string' ? Date.parse(e.occurredAt) : typeof e?.occurredAt === 'number' ? e.occurredAt : NaN;
  if (!e || typeof e !== 'object' || typeof e.id !== 'string' || !Number.isFinite(occurredAt)) {
    throw toAccountError(new Error(`HubSpot at ${host} sent ${what} without an id and an occurredAt time`), host);
  }
  if (e.eventType !== PAGE_VIEW_EVENT) throw toAccountError(new Error(`HubSpot at ${host} sent ${what} of type ${String(e.eventType)}, not ${PAGE_VIEW_EVENT}`), host);
  const url = (e.properties as Record<string, unknown> | null | undefined)?.hs_url;
  if (typeof url !== 'string' || url === '') throw toAccountError(new Error(`HubSpot at ${host} sent ${what} without the page's URL (hs_url)`), host);
  return { id: e.id, occurredAt, url };
}
