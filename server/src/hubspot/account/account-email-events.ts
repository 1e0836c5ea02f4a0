// Marketing email events (Email Analytics v1, HubSpot's legacy "Get email events":
// `GET /email/public/v1/events`, scope `content`): the events of one email campaign of one app, of one
// type, from a start time on. HubSpot looks events up in bulk by `recipient` or by `appId` and
// `campaignId` together (its email events guide), and answers newest first in pages joined by an opaque
// `offset` token (`{hasMore, offset, events}`), at most 1,000 a page (the reference's `limit` range).
//
// `excludeFilteredEvents=true`: HubSpot marks opens and clicks it takes for a bot's as filtered, and its
// email reports and contact properties leave them out (its bot filtering article); **Assumed**: its list
// filters count what those count.

import { arrayOf, type Api } from './api';
import { toAccountError } from './errors';
import { withQuery } from './paths';
import type { EmailEventData, EmailEventQuery, Json } from './types';

/** The reference's largest `limit` (1 ≤ limit ≤ 1000). */
export const EVENTS_PAGE = 1000;

export async function emailEvents(api: Api, query: EmailEventQuery, onPage?: (read: number) => void): Promise<EmailEventData[]> {
  const events: EmailEventData[] = [];
  const what = `the ${query.eventType} events of email campaign ${query.campaignId} of app ${query.appId}`;
  let offset: string | undefined;
  do {
    const params = { appId: query.appId, campaignId: query.campaignId, eventType: query.eventType, startTimestamp: query.startTimestamp, excludeFilteredEvents: true, limit: EVENTS_PAGE, offset };
    const page = await api.call('GET', withQuery(api.paths.emailEvents(), params), undefined, { background: true });
    for (const item of arrayOf(page, 'events', what, api.host)) events.push(toEvent(item, `${what} (event ${events.length + 1})`, api.host));
    onPage?.(events.length);
    offset = nextOffset(page, what, api.host);
  } while (offset !== undefined);
  return events;
}

/** The next page's token, or undefined on the last page; `hasMore` without a token is HubSpot's mistake, said so. */
function nextOffset(page: Json, what: string, host: string): string | undefined {
  if (page.hasMore !== true) return undefined;
  if (typeof page.offset === 'string' && page.offset !== '') return page.offset;
  throw toAccountError(new Error(`HubSpot at ${host} answered ${what} with hasMore but no offset to read on from`), host);
}

function toEvent(value: unknown, what: string, host: string): EmailEventData {
  const e = value as Json | null;
  const created = typeof e?.created === 'number' ? e.created : NaN;
  if (!e || typeof e !== 'object' || !Number.isFinite(created) || typeof e.type !== 'string' || typeof e.recipient !== 'string' || e.recipient === '') {
    throw toAccountError(new Error(`HubSpot at ${host} sent ${what} without a created time, type and recipient`), host);
  }
  const id = idText(e.id) ?? `${created}`;
  const appId = idText(e.appId);
  const emailCampaignId = idText(e.emailCampaignId);
  if (appId === undefined || emailCampaignId === undefined) throw toAccountError(new Error(`HubSpot at ${host} sent ${what} without an appId and emailCampaignId`), host);
  return { id, created, type: e.type, recipient: e.recipient, appId, emailCampaignId, ...(typeof e.url === 'string' && e.url !== '' ? { url: e.url } : {}) };
}

function idText(value: unknown): string | undefined {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : undefined;
}
