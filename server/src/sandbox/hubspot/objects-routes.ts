// CRM objects v3 (contacts, companies, deals, tickets: page, read one, batch read), v4 associations
// from contacts to companies, deals and tickets (batch read, with each association's types and labels),
// and Properties v3 reads.

import type { CrmRecord } from '../data/hubspot-records';
import { asArray, asJson } from './evaluate-types';
import { batchAnswer, boolParam, hubspotError, intParam, notFound, ok, route, validationError, type Route, type RouteRequest, type RouteResult } from './http-kit';
import { listParam, recordView, type ServedObjectType } from './objects-view';
import { contactAssociations, labelDefinitions, links, ASSOCIATED_OBJECTS } from './associations-view';
import { byNumericId, type EmulatorState } from './state';

const OBJECT_TYPES = new Set(['contacts', 'companies', 'deals', 'tickets']);
/** HubSpot's object names in batch errors. */
const OBJECT_NAMES: Record<ServedObjectType, string> = { contacts: 'CONTACT', companies: 'COMPANY', deals: 'DEAL', tickets: 'TICKET' };

export function recordsOf(state: EmulatorState, type: ServedObjectType): Map<string, CrmRecord> {
  if (type === 'contacts') return state.contacts;
  if (type === 'companies') return state.companies;
  return state.linkedRecords(type);
}

function idsOf(state: EmulatorState, type: ServedObjectType): string[] {
  if (type === 'contacts') return state.contactIds();
  if (type === 'companies') return state.companyIds();
  return [...state.linkedRecords(type).keys()];
}

export function objectsRoutes(state: EmulatorState): Route[] {
  const store = (type: ServedObjectType): Map<string, CrmRecord> => recordsOf(state, type);
  const typed = (request: RouteRequest, then: (type: ServedObjectType) => RouteResult): RouteResult =>
    OBJECT_TYPES.has(request.params.objectType) ? then(request.params.objectType as ServedObjectType) : notFound(`Unknown object type ${request.params.objectType}.`);
  return [
    route('GET', '/crm/v3/objects/:objectType', (r) => typed(r, (type) => pageObjects(state, type, r))),
    route('GET', '/crm/v3/objects/:objectType/:objectId', (r) => typed(r, (type) => {
      const record = store(type).get(r.params.objectId);
      if (!record || record.archived !== boolParam(r.query.get('archived'))) return notFound(`resource not found`);
      return ok(recordView(state, type, record, viewOptions(r.query)));
    })),
    route('POST', '/crm/v3/objects/:objectType/batch/read', (r) => typed(r, (type) => batchRead(state, type, r))),
    route('GET', '/crm/v4/objects/contacts/:contactId/associations/:toObjectType', (r) => {
      const to = r.params.toObjectType;
      if (!(ASSOCIATED_OBJECTS as readonly string[]).includes(to)) return notFound(`Unknown object type ${to}.`);
      const contact = state.contacts.get(r.params.contactId);
      if (!contact) return notFound(`Contact ${r.params.contactId} does not exist.`);
      return ok({ results: links(contact, to as (typeof ASSOCIATED_OBJECTS)[number]) });
    }),
    // The v4 labels path, and where a dated one (`/crm/associations/2026-09/…/labels`) is mapped to.
    ...['/crm/associations/v4/contacts/:toObjectType/labels', '/crm/v4/associations/contacts/:toObjectType/labels'].map((path) => route('GET', path, (r) => {
      const to = r.params.toObjectType;
      if (!(ASSOCIATED_OBJECTS as readonly string[]).includes(to)) return notFound(`Unknown object type ${to}.`);
      return ok({ results: labelDefinitions(to as (typeof ASSOCIATED_OBJECTS)[number]) });
    })),
    route('POST', '/crm/v4/associations/contacts/:toObjectType/batch/read', (r) => {
      const to = r.params.toObjectType;
      if (!(ASSOCIATED_OBJECTS as readonly string[]).includes(to)) return notFound(`Unknown object type ${to}.`);
      const answer = contactAssociations(state, asArray(asJson(r.body).inputs), to as (typeof ASSOCIATED_OBJECTS)[number]);
      if (typeof answer === 'string') return validationError(answer);
      return batchAnswer(batchEnvelope(state, answer.results), answer.errors);
    }),
    route('GET', '/crm/v3/properties/:objectType', (r) => typed(r, (type) => ok({ results: state.schema[type] }))),
    route('GET', '/crm/v3/properties/:objectType/:propertyName', (r) => typed(r, (type) => {
      const property = state.schema[type].find((p) => p.name === r.params.propertyName);
      return property ? ok(property) : notFound(`Unable to find property ${r.params.propertyName} for object type ${type}.`);
    })),
  ];
}

export function batchEnvelope(state: EmulatorState, results: unknown[]): Record<string, unknown> {
  const at = new Date(state.now()).toISOString();
  return { status: 'COMPLETE', results, startedAt: at, completedAt: at };
}

function viewOptions(query: URLSearchParams): { properties: string[]; propertiesWithHistory: string[]; associations: string[] } {
  return {
    properties: listParam(query, 'properties'),
    propertiesWithHistory: listParam(query, 'propertiesWithHistory'),
    associations: listParam(query, 'associations'),
  };
}

/** Cursor = the id of the last record returned; pages ordered by id. */
function pageObjects(state: EmulatorState, type: ServedObjectType, request: RouteRequest): RouteResult {
  const options = viewOptions(request.query);
  const max = options.propertiesWithHistory.length > 0 ? 50 : 100;
  const limit = intParam(request.query.get('limit')) ?? 10;
  if (Number.isNaN(limit) || limit < 1 || limit > max) {
    return validationError(`limit must be between 1 and ${max}${max === 50 ? ' when propertiesWithHistory is requested' : ''}.`);
  }
  const archived = boolParam(request.query.get('archived'));
  const after = request.query.get('after');
  const ids = idsOf(state, type);
  const store = recordsOf(state, type);
  let index = after ? lowerBound(ids, after) : 0;
  const results: unknown[] = [];
  let lastId: string | undefined;
  for (; index < ids.length && results.length < limit; index++) {
    const record = store.get(ids[index])!;
    if (record.archived !== archived) continue;
    results.push(recordView(state, type, record, options));
    lastId = record.id;
  }
  const more = index < ids.length && lastId !== undefined;
  const nextAfter = more ? String(Number(lastId) + 1) : undefined;
  return ok({ results, ...(nextAfter ? { paging: { next: { after: nextAfter, link: `?after=${nextAfter}` } } } : {}) });
}

/** First index whose id is ≥ `after` (ids sorted numerically). */
function lowerBound(ids: string[], after: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (byNumericId(ids[mid], after) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * How batch read finds a record: by id, or with `idProperty` by a property whose values are unique
 * (HubSpot's batch read reference: `email` for contacts, `hs_object_id`), emails compared in lower case
 * as HubSpot stores them.
 */
function recordLookup(store: Map<string, CrmRecord>, type: ServedObjectType, idProperty: unknown): ((id: string) => CrmRecord | undefined) | string {
  if (idProperty === undefined || idProperty === null || idProperty === 'hs_object_id') return (id) => store.get(id);
  if (idProperty === 'email' && type === 'contacts') {
    const byEmail = new Map<string, CrmRecord>();
    for (const record of store.values()) {
      const email = record.properties.email;
      if (typeof email === 'string' && email !== '' && !byEmail.has(email.toLowerCase())) byEmail.set(email.toLowerCase(), record);
    }
    return (id) => byEmail.get(id.toLowerCase());
  }
  return `"idProperty" ${JSON.stringify(idProperty)} is not a unique-value property of ${type}.`;
}

function batchRead(state: EmulatorState, type: ServedObjectType, request: RouteRequest): RouteResult {
  const body = asJson(request.body);
  const inputs = asArray(body.inputs).map((input) => String(asJson(input).id));
  if (inputs.length > 100) return validationError('Batch read accepts at most 100 inputs.');
  const store = recordsOf(state, type);
  const options = { properties: asArray(body.properties).map(String), propertiesWithHistory: asArray(body.propertiesWithHistory).map(String), associations: [] };
  // HubSpot refuses a batch read with history of more than 50 inputs, with this message (quoted in public
  // bug reports of integrations that sent 100, e.g. PipedreamHQ/pipedream#8462).
  if (options.propertiesWithHistory.length > 0 && inputs.length > 50) return validationError('The maximum number of inputs supported in a batch request for property histories is 50. Please reduce the number of items and try again');
  const lookup = recordLookup(store, type, body.idProperty);
  if (typeof lookup === 'string') return validationError(lookup);
  const live = (id: string) => {
    const record = lookup(id);
    return record && !record.archived ? record : undefined;
  };
  const found = [...new Set(inputs.map(live).filter((r): r is CrmRecord => r !== undefined))];
  const missing = inputs.filter((id) => !live(id));
  const envelope = batchEnvelope(state, found.map((record) => recordView(state, type, record, options)));
  if (missing.length === 0) return ok(envelope);
  const error = hubspotError(404, 'OBJECT_NOT_FOUND', `Could not get some ${OBJECT_NAMES[type]} objects, they may be deleted or not exist. Check that ids are valid.`, { context: { ids: missing } }).body;
  return batchAnswer(envelope, [error]);
}
