// List memberships (HubSpot's Lists v3 memberships reference): cursor pages by record id or join order, manual
// changes for MANUAL / SNAPSHOT lists, and the lists a record belongs to.

import { asJson } from './evaluate-types';
import { intParam, ok, route, validationError, type Route, type RouteRequest, type RouteResult } from './http-kit';
import { activeList, isRouteResult } from './lists-routes';
import { byNumericId, type EmulatorList, type EmulatorState, type Membership } from './state';

const encodeCursor = (recordId: string): string => Buffer.from(`rid:${recordId}`).toString('base64url');

function decodeCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, 'base64url').toString();
  return text.startsWith('rid:') ? text.slice(4) : undefined;
}

export function membershipsRoutes(state: EmulatorState): Route[] {
  const withList = (request: RouteRequest, then: (list: EmulatorList) => RouteResult): RouteResult => {
    const list = activeList(state, request.params.listId);
    return isRouteResult(list) ? list : then(list);
  };
  return [
    route('GET', '/crm/v3/lists/:listId/memberships', (r) => withList(r, (list) => page(r, state.membersOf(list), false))),
    route('GET', '/crm/v3/lists/:listId/memberships/join-order', (r) => withList(r, (list) => page(r, joinOrder(state.membersOf(list)), true))),
    route('PUT', '/crm/v3/lists/:listId/memberships/add', (r) => withList(r, (list) => change(state, list, idsOf(r.body), []))),
    route('PUT', '/crm/v3/lists/:listId/memberships/remove', (r) => withList(r, (list) => change(state, list, [], idsOf(r.body)))),
    route('PUT', '/crm/v3/lists/:listId/memberships/add-and-remove', (r) => withList(r, (list) => {
      const body = asJson(r.body);
      // MembershipChangeRequest: both arrays are required (HubSpot's Lists v3 spec).
      if (!Array.isArray(body.recordIdsToAdd) || !Array.isArray(body.recordIdsToRemove)) return validationError('"recordIdsToAdd" and "recordIdsToRemove" are required arrays of record ids.');
      return change(state, list, idsOf(body.recordIdsToAdd), idsOf(body.recordIdsToRemove));
    })),
    route('PUT', '/crm/v3/lists/:listId/memberships/add-from/:sourceListId', (r) => withList(r, (list) => {
      const source = activeList(state, r.params.sourceListId);
      return isRouteResult(source) ? source : change(state, list, state.membersOf(source).map((m) => m.recordId), []);
    })),
    route('DELETE', '/crm/v3/lists/:listId/memberships', (r) => withList(r, (list) => {
      const result = change(state, list, [], state.membersOf(list).map((m) => m.recordId));
      return result.status === 200 ? { status: 204 } : result;
    })),
    route('GET', '/crm/v3/lists/records/:objectTypeId/:recordId/memberships', (r) => recordMemberships(state, r.params.recordId)),
  ];
}

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function joinOrder(members: Membership[]): Membership[] {
  return [...members].sort((a, b) => a.membershipTimestamp.localeCompare(b.membershipTimestamp) || byNumericId(a.recordId, b.recordId));
}

function page(request: RouteRequest, members: Membership[], joinOrdered: boolean): RouteResult {
  const limit = intParam(request.query.get('limit')) ?? 100;
  if (Number.isNaN(limit) || limit < 1 || limit > 250) return validationError('"limit" must be between 1 and 250.');
  const after = request.query.get('after');
  const before = request.query.get('before');
  const position = (cursor: string, offset: number): number => {
    const id = decodeCursor(cursor);
    if (id === undefined) return -1;
    const exact = members.findIndex((m) => m.recordId === id);
    if (exact >= 0 || joinOrdered) return exact + offset;
    const next = members.findIndex((m) => byNumericId(m.recordId, id) > 0);
    return next < 0 ? members.length : next;
  };
  let start = 0;
  if (after) start = position(after, 1);
  if (before) start = Math.max(0, position(before, 0) - limit);
  if (start < 0) return validationError(`Invalid paging cursor "${after ?? before}".`);
  const end = before ? Math.min(members.length, start + limit, position(before, 0)) : Math.min(members.length, start + limit);
  const results = members.slice(start, end);
  const paging: Record<string, unknown> = {};
  if (end < members.length && results.length > 0) paging.next = { after: encodeCursor(results[results.length - 1].recordId) };
  if (start > 0 && results.length > 0) paging.prev = { before: encodeCursor(results[0].recordId) };
  return ok({ results, ...(Object.keys(paging).length > 0 ? { paging } : {}), total: members.length });
}

function change(state: EmulatorState, list: EmulatorList, toAdd: string[], toRemove: string[]): RouteResult {
  if (list.processingType === 'DYNAMIC') {
    return validationError(`List ${list.listId} is a DYNAMIC list; memberships can only be changed on MANUAL or SNAPSHOT lists.`);
  }
  const at = new Date(state.now()).toISOString();
  const exists = (id: string): boolean => (list.objectTypeId === '0-2' ? state.companies.has(id) : state.contacts.has(id));
  const missing = [...toAdd, ...toRemove].filter((id) => !exists(id));
  const added = toAdd.filter((id) => exists(id) && !list.members.has(id));
  const removed = toRemove.filter((id) => exists(id) && list.members.has(id));
  for (const id of added) list.members.set(id, at);
  for (const id of removed) list.members.delete(id);
  if (added.length + removed.length > 0) state.touch();
  return ok({ recordsIdsAdded: added, recordIdsRemoved: removed, recordIdsMissing: [...new Set(missing)] });
}

function recordMemberships(state: EmulatorState, recordId: string): RouteResult {
  const results = [...state.lists.values()]
    .filter((list) => !list.deletedAt)
    .flatMap((list) => {
      const member = state.membersOf(list).find((m) => m.recordId === recordId);
      return member ? [{ listId: list.listId, listVersion: list.listVersion, firstAddedTimestamp: member.membershipTimestamp, lastAddedTimestamp: member.membershipTimestamp, isPublicList: true }] : [];
    });
  return ok({ results, total: results.length });
}
