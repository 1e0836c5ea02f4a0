// The Events API's read (`GET /events/v3/events`, dated `/events/event-occurrences/{version}`, spec
// Events/Events/Rollouts/147897/): the page views the emulator holds (each contact's `pageViews`, set
// through the admin route) served as ExternalUnifiedEvents of type `e_visited_page` with the page's URL
// in the event property `hs_url` (the reading hslist takes, docs/preview.md), paged by `limit` and an
// `after` cursor (`paging.next.after`), filtered by `objectType`, `objectId`, `eventType`,
// `occurredAfter` and `occurredBefore` (ISO 8601, both exclusive) and sorted by `sort` (ASCENDING or
// DESCENDING by time; newest first when absent). HubSpot's reference says an objectId goes with an
// objectType, and that `objectProperty.email=…` may name a contact instead of its id: a read naming
// neither is a 400, as is a malformed parameter.
//
// The API needs an Enterprise subscription (HubSpot's event analytics guide): an emulator started with
// `eventsApi: false` answers every read with a 403, as a portal without one would (**Assumed** wording).

import type { PortalContact } from '../data/hubspot-records';
import type { EmulatorState } from './state';
import { hubspotError, offsetPage, ok, route, validationError, type Route, type RouteRequest, type RouteResult } from './http-kit';

const PAGE_VIEW = 'e_visited_page';
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 10;

interface WireView {
  id: string;
  objectId: string;
  occurredAt: number;
  url: string;
}

export function eventsRoutes(state: EmulatorState, options: { enabled: boolean }): Route[] {
  return [route('GET', '/events/v3/events', (r) => (options.enabled ? events(r, state) : notEnterprise()))];
}

function notEnterprise(): RouteResult {
  return hubspotError(403, 'MISSING_SCOPES', 'The Events API requires a Marketing, Sales, Service, Content or Data Hub Enterprise subscription.');
}

function events(request: RouteRequest, state: EmulatorState): RouteResult {
  const query = readQuery(request.query);
  if ('error' in query) return query.error;
  const contacts = query.contact(state);
  const views = contacts.flatMap(viewsOf).filter(query.matches).sort(query.order);
  const paged = offsetPage(request.query, views, { byDefault: DEFAULT_LIMIT, max: MAX_LIMIT });
  if ('error' in paged) return paged.error;
  return ok({ results: paged.page.map(wireView), ...paged.paging });
}

interface ReadQuery {
  contact: (state: EmulatorState) => PortalContact[];
  matches: (v: WireView & { eventType: string }) => boolean;
  order: (a: WireView, b: WireView) => number;
}

function readQuery(q: URLSearchParams): ReadQuery | { error: RouteResult } {
  const bad = (name: string, what: string) => ({ error: validationError(`${name} must be ${what}; got "${q.get(name)}".`, [{ message: `Invalid ${name}`, in: name }]) });
  const objectType = q.get('objectType');
  if (objectType !== null && !['contact', 'contacts', '0-1'].includes(objectType.toLowerCase())) return { error: validationError(`Unknown objectType "${objectType}".`) };
  const objectId = q.get('objectId');
  if (objectId !== null && !/^\d+$/.test(objectId)) return bad('objectId', 'a whole number');
  const email = q.get('objectProperty.email');
  if (objectId === null && email === null) return { error: validationError('objectId or objectProperty.{propertyName} is required.', [{ message: 'Missing objectId', in: 'objectId' }]) };
  if (objectId !== null && objectType === null) return { error: validationError('objectType is required with objectId.', [{ message: 'Missing objectType', in: 'objectType' }]) };
  const times: Record<string, number | undefined> = {};
  for (const name of ['occurredAfter', 'occurredBefore']) {
    const text = q.get(name);
    times[name] = text === null ? undefined : Date.parse(text);
    if (Number.isNaN(times[name])) return bad(name, 'an ISO 8601 date-time');
  }
  const sort = q.get('sort') ?? 'DESCENDING';
  if (sort !== 'ASCENDING' && sort !== 'DESCENDING') return bad('sort', 'ASCENDING or DESCENDING');
  const eventType = q.get('eventType');
  const contact = (state: EmulatorState) => {
    const found = objectId !== null ? state.contacts.get(objectId) : [...state.contacts.values()].find((c) => c.properties.email?.toLowerCase() === email!.toLowerCase());
    return found && !found.archived ? [found] : [];
  };
  const matches = (v: WireView & { eventType: string }) =>
    (eventType === null || v.eventType === eventType) &&
    (times.occurredAfter === undefined || v.occurredAt > times.occurredAfter) &&
    (times.occurredBefore === undefined || v.occurredAt < times.occurredBefore);
  const order = (a: WireView, b: WireView) => (sort === 'ASCENDING' ? a.occurredAt - b.occurredAt : b.occurredAt - a.occurredAt) || a.id.localeCompare(b.id);
  return { contact, matches, order };
}

function viewsOf(contact: PortalContact): (WireView & { eventType: string })[] {
  return (contact.pageViews ?? []).map((v, k) => ({ id: `pv-${contact.id}-${k}`, objectId: contact.id, occurredAt: Date.parse(v.timestamp), url: v.url, eventType: PAGE_VIEW }));
}

/** An ExternalUnifiedEvent as the spec gives it: every property a string. */
function wireView(v: WireView): Record<string, unknown> {
  return { objectType: 'CONTACT', objectId: v.objectId, eventType: PAGE_VIEW, occurredAt: new Date(v.occurredAt).toISOString(), id: v.id, properties: { hs_url: v.url, hs_title: titleOf(v.url) } };
}

function titleOf(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  return path === '' || path === '/' ? 'Home' : path.split('/').filter(Boolean).pop()!;
}
