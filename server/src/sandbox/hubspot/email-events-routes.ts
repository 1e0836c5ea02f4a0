// Email Analytics v1, "Get email events" (HubSpot's legacy reference, `GET /email/public/v1/events`):
// the marketing email events the emulator holds for its own list evaluator (each contact's
// `emailEvents`, set through the admin route), newest first, paged by an `offset` token (`{hasMore,
// offset, events}`, `limit` 1–1,000, default 10), filtered by `appId`, `campaignId`, `recipient`,
// `eventType` (case-sensitive), `startTimestamp` and `endTimestamp` (both inclusive). A malformed
// parameter is a 400, as HubSpot's validation errors are.
//
// An event's `emailCampaignId` is the `emailId` the evaluator matches EMAIL_EVENT filters on (the
// reading hslist takes, docs/preview.md). The types the evaluator knows and the API has are served
// under the API's names; UNSUBSCRIBE is served as the API's STATUSCHANGE (a change of the recipient's
// subscriptions) and REPLY not at all (the API has no reply event). An event needs a recipient: a
// contact without an email address has none served. Archived contacts' events stay (HubSpot keeps its
// email log), so a reader meets events of recipients who are no contact now.

import type { EmulatorState } from './state';
import { intParam, ok, route, validationError, type Route, type RouteRequest, type RouteResult } from './http-kit';
import type { PortalContact } from '../data/hubspot-records';

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 10;
const APP_NAME = 'Batch';

/** HubSpot's event types (its email events guide). */
const API_TYPES = ['SENT', 'DROPPED', 'PROCESSED', 'DELIVERED', 'DEFERRED', 'BOUNCE', 'OPEN', 'CLICK', 'PRINT', 'FORWARD', 'STATUSCHANGE', 'SPAMREPORT', 'SUPPRESSED', 'UNBOUNCE'];

/** The evaluator's event types → the API's; REPLY has none. */
const WIRE_TYPE: Record<string, string> = { SENT: 'SENT', DELIVERED: 'DELIVERED', OPEN: 'OPEN', CLICK: 'CLICK', BOUNCE: 'BOUNCE', SPAMREPORT: 'SPAMREPORT', UNSUBSCRIBE: 'STATUSCHANGE' };

interface WireEvent {
  id: string;
  created: number;
  type: string;
  recipient: string;
  appId: string;
  campaignId: string;
  url?: string;
}

export function emailEventsRoutes(state: EmulatorState, portalId: number): Route[] {
  let gathered: { key: string; all: WireEvent[] } | undefined;
  /** Every event, newest first, gathered once per state revision (a large portal has many). */
  const allEvents = (): WireEvent[] => {
    const key = `${state.revision}:${state.contacts.size}`;
    if (gathered?.key !== key) gathered = { key, all: gatherEvents(state.contacts.values()) };
    return gathered.all;
  };
  return [route('GET', '/email/public/v1/events', (r) => events(r, allEvents, portalId))];
}

function events(request: RouteRequest, allEvents: () => WireEvent[], portalId: number): RouteResult {
  const query = readQuery(request.query);
  if ('error' in query) return query.error;
  const matching = allEvents().filter(query.matches);
  const page = matching.slice(query.start, query.start + query.limit);
  const next = query.start + page.length;
  return ok({ hasMore: next < matching.length, offset: offsetToken(next), events: page.map((e) => wireView(e, portalId)) });
}

interface ReadQuery {
  matches: (e: WireEvent) => boolean;
  start: number;
  limit: number;
}

function readQuery(q: URLSearchParams): ReadQuery | { error: RouteResult } {
  const bad = (name: string, what: string) => ({ error: validationError(`${name} must be ${what}; got "${q.get(name)}".`, [{ message: `Invalid ${name}`, in: name }]) });
  const ints: Record<string, number | undefined> = {};
  for (const name of ['appId', 'campaignId', 'startTimestamp', 'endTimestamp', 'limit']) {
    const value = intParam(q.get(name));
    if (Number.isNaN(value)) return bad(name, 'a whole number');
    ints[name] = value;
  }
  const limit = ints.limit ?? DEFAULT_LIMIT;
  if (limit < 1 || limit > MAX_LIMIT) return bad('limit', `from 1 to ${MAX_LIMIT}`);
  const eventType = q.get('eventType');
  if (eventType !== null && !API_TYPES.includes(eventType)) return bad('eventType', `one of ${API_TYPES.join(', ')}`);
  const filtered = q.get('excludeFilteredEvents');
  if (filtered !== null && filtered !== 'true' && filtered !== 'false') return bad('excludeFilteredEvents', 'true or false');
  const start = q.get('offset') === null ? 0 : positionOf(q.get('offset')!);
  if (start === undefined) return bad('offset', 'a token from an earlier page');
  const recipient = q.get('recipient')?.toLowerCase();
  const matches = (e: WireEvent) =>
    (ints.appId === undefined || e.appId === String(ints.appId)) &&
    (ints.campaignId === undefined || e.campaignId === String(ints.campaignId)) &&
    (eventType === null || e.type === eventType) &&
    (recipient === undefined || e.recipient.toLowerCase() === recipient) &&
    (ints.startTimestamp === undefined || e.created >= ints.startTimestamp) &&
    (ints.endTimestamp === undefined || e.created <= ints.endTimestamp);
  return { matches, start, limit };
}

/** HubSpot's offset is opaque: here the position, base64-encoded so that no reader takes it for a number. */
function offsetToken(position: number): string {
  return Buffer.from(`pos:${position}`).toString('base64url');
}

function positionOf(token: string): number | undefined {
  const match = /^pos:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  return match ? Number(match[1]) : undefined;
}

function gatherEvents(contacts: Iterable<PortalContact>): WireEvent[] {
  const all: WireEvent[] = [];
  for (const contact of contacts) {
    const recipient = contact.properties.email;
    if (!recipient) continue;
    (contact.emailEvents ?? []).forEach((e, k) => {
      const type = WIRE_TYPE[e.type];
      if (!type) return;
      all.push({ id: `${contact.id}-${k}`, created: Date.parse(e.timestamp), type, recipient, appId: e.appId, campaignId: e.emailId, ...(e.url ? { url: e.url } : {}) });
    });
  }
  return all.sort((a, b) => b.created - a.created || a.id.localeCompare(b.id));
}

/** The documented event properties the emulator can give; numbers where HubSpot's are integers. */
function wireView(e: WireEvent, portalId: number): Record<string, unknown> {
  const number = (id: string) => (/^\d+$/.test(id) ? Number(id) : id);
  const common = { id: e.id, created: e.created, type: e.type, recipient: e.recipient, portalId, appId: number(e.appId), appName: APP_NAME, emailCampaignId: number(e.campaignId) };
  if (e.type === 'CLICK') return { ...common, ...(e.url ? { url: e.url } : {}) };
  if (e.type === 'STATUSCHANGE') return { ...common, source: 'SOURCE_RECIPIENT', portalSubscriptionStatus: 'UNSUBSCRIBED' };
  return common;
}
