// CRM search (HubSpot's CRM search guide): filterGroups ORed, filters ANDed, one sort, `total`,
// offset cursor, and HubSpot's limits (5 groups, 6 filters a group, 18 in all, 200 a page,
// 10,000 results, 3,000-character body). Contacts, companies, deals and tickets (no free-text `query`
// for the last two here).

import type { CrmRecord } from '../data/hubspot-records';
import { asArray, asJson, type Json } from './evaluate-types';
import { parseInstant } from './evaluate-time';
import { intParam, notFound, ok, route, validationError, type Route, type RouteResult } from './http-kit';
import { recordView, type ServedObjectType } from './objects-view';
import type { EmulatorState } from './state';

const OPERATORS = new Set(['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN']);
const QUERY_PROPERTIES: Record<ServedObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company', 'hs_email_domain'],
  companies: ['name', 'domain', 'website', 'phone'],
  deals: [],
  tickets: [],
};
const SEARCHED = new Set(['contacts', 'companies', 'deals', 'tickets']);

export function searchRoutes(state: EmulatorState): Route[] {
  return [
    route('POST', '/crm/v3/objects/:objectType/search', (r) => {
      const type = r.params.objectType;
      if (!SEARCHED.has(type)) return notFound(`Unknown object type ${type}.`);
      return search(state, type as ServedObjectType, r.body, JSON.stringify(r.body ?? {}).length);
    }),
  ];
}

function limitsProblem(groups: Json[], bodyLength: number): string | undefined {
  if (bodyLength > 3000) return 'Request body is too large: search requests are limited to 3000 characters.';
  if (groups.length > 5) return `There were ${groups.length} filter groups, but the maximum is 5.`;
  const counts = groups.map((g) => asArray(g.filters).length);
  if (counts.some((n) => n > 6)) return `There were ${Math.max(...counts)} filters in a filter group, but the maximum is 6 filters per group.`;
  const total = counts.reduce((a, b) => a + b, 0);
  if (total > 18) return `There were ${total} filters in all filter groups, but the maximum is 18.`;
  for (const group of groups) {
    for (const filter of asArray(group.filters).map(asJson)) {
      if (!OPERATORS.has(String(filter.operator))) return `Unknown search operator "${String(filter.operator)}" on property "${String(filter.propertyName)}".`;
      if (typeof filter.propertyName !== 'string') return 'Every search filter requires "propertyName".';
    }
  }
  return undefined;
}

function search(state: EmulatorState, type: ServedObjectType, rawBody: unknown, bodyLength: number): RouteResult {
  const body = asJson(rawBody);
  const groups = asArray(body.filterGroups).map(asJson);
  const problem = limitsProblem(groups, bodyLength);
  if (problem) return validationError(problem);
  const limit = intParam(body.limit) ?? 10;
  const after = intParam(body.after) ?? 0;
  if (Number.isNaN(limit) || limit < 0 || limit > 200) return validationError('limit must be between 0 and 200.');
  if (Number.isNaN(after) || after < 0) return validationError('"after" must be an integer-like string.');
  if (after + limit > 10_000) return validationError('Paging past 10,000 results is not supported; narrow the search.');
  const propertyTypes = new Map(state.schema[type].map((p) => [p.name, p.type]));
  const linked = type === 'deals' || type === 'tickets' ? state.linkedRecords(type) : undefined;
  const store: ReadonlyMap<string, CrmRecord> = linked ?? (type === 'contacts' ? state.contacts : state.companies);
  const ids = linked ? [...linked.keys()] : type === 'contacts' ? state.contactIds() : state.companyIds();
  const query = typeof body.query === 'string' ? body.query.toLowerCase() : '';
  const matching: CrmRecord[] = [];
  for (const id of ids) {
    const record = store.get(id)!;
    if (record.archived) continue;
    if (groups.length > 0 && !groups.some((g) => asArray(g.filters).every((f) => filterMatches(record, asJson(f), propertyTypes)))) continue;
    if (query && !QUERY_PROPERTIES[type].some((p) => (record.properties[p] ?? '').toLowerCase().includes(query))) continue;
    matching.push(record);
  }
  sortRecords(matching, asArray(body.sorts)[0], propertyTypes);
  const options = { properties: asArray(body.properties).map(String), propertiesWithHistory: [], associations: [] };
  const results = matching.slice(after, after + limit).map((record) => recordView(state, type, record, options));
  const next = after + limit < matching.length && limit > 0 ? { paging: { next: { after: String(after + limit) } } } : {};
  return ok({ total: matching.length, results, ...next });
}

/** Numbers and dates compare as such; other values case-insensitively, enumerations exactly. */
function comparable(value: string, type: string | undefined): string | number {
  if (type === 'number') return Number(value);
  if (type === 'date' || type === 'datetime') return parseInstant(value) ?? NaN;
  if (type === 'enumeration') return value;
  return value.toLowerCase();
}

function filterMatches(record: CrmRecord, filter: Json, types: Map<string, string>): boolean {
  const name = String(filter.propertyName);
  const raw = record.properties[name];
  const has = raw !== undefined && raw !== null && raw !== '';
  const operator = String(filter.operator);
  if (operator === 'HAS_PROPERTY') return has;
  if (operator === 'NOT_HAS_PROPERTY') return !has;
  if (operator === 'NEQ' || operator === 'NOT_IN' || operator === 'NOT_CONTAINS_TOKEN') {
    if (!has) return true;
  } else if (!has) return false;
  const type = types.get(name);
  const values = type === 'enumeration' ? enumValues(raw!) : [raw!];
  const test = (v: string): boolean => compareOne(comparable(v, type), operator, filter, type);
  return operator.startsWith('N') ? values.every(test) : values.some(test);
}

function enumValues(raw: string): string[] {
  return raw.split(';').filter((v) => v !== '');
}

function compareOne(v: string | number, operator: string, filter: Json, type: string | undefined): boolean {
  const target = comparable(String(filter.value ?? ''), type);
  switch (operator) {
    case 'EQ': return v === target;
    case 'NEQ': return v !== target;
    case 'LT': return v < target;
    case 'LTE': return v <= target;
    case 'GT': return v > target;
    case 'GTE': return v >= target;
    case 'BETWEEN': return v >= target && v <= comparable(String(filter.highValue ?? ''), type);
    case 'IN': return asArray(filter.values).some((x) => comparable(String(x), type) === v);
    case 'NOT_IN': return !asArray(filter.values).some((x) => comparable(String(x), type) === v);
    case 'CONTAINS_TOKEN': return tokenMatches(String(v), String(filter.value ?? ''));
    case 'NOT_CONTAINS_TOKEN': return !tokenMatches(String(v), String(filter.value ?? ''));
    default: return false;
  }
}

/** `*` is a wildcard over the whole value; otherwise the value must equal one of its word tokens. */
function tokenMatches(text: string, token: string): boolean {
  const wanted = token.toLowerCase();
  if (wanted.includes('*')) {
    const pattern = wanted.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${pattern}$`).test(text.toLowerCase());
  }
  return text.toLowerCase() === wanted || text.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(wanted);
}

function sortRecords(records: CrmRecord[], sort: unknown, types: Map<string, string>): void {
  const spec = typeof sort === 'string' ? { propertyName: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'DESCENDING' : 'ASCENDING' } : asJson(sort);
  if (!spec.propertyName) return;
  const name = String(spec.propertyName);
  const sign = spec.direction === 'DESCENDING' ? -1 : 1;
  const key = (r: CrmRecord): string | number => {
    const raw = r.properties[name];
    return raw === undefined || raw === null || raw === '' ? '' : comparable(raw, types.get(name));
  };
  records.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka === kb ? 0 : (ka < kb ? -1 : 1) * sign;
  });
}
