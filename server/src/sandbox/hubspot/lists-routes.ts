// Lists v3 (HubSpot's Lists v3 reference and OpenAPI spec): create, read by id / ids / name, search, rename,
// update filters, delete and restore.

import { asJson, type Json } from './evaluate-types';
import { boolParam, intParam, notFound, ok, route, validationError, type Route, type RouteRequest, type RouteResult } from './http-kit';
import { validateFilterBranch } from './list-validate';
import { normaliseFilterBranch } from './filter-rewrite';
import { ROOT_FOLDER_ID } from './folders';
import { listView, searchView } from './list-view';
import { newList, type EmulatorList, type EmulatorState, type ProcessingType } from './state';

export interface ListsEnv {
  state: EmulatorState;
  processingDelayMs: number;
}

const PROCESSING_TYPES = new Set(['MANUAL', 'DYNAMIC', 'SNAPSHOT']);
/** Kept as sent; `listFolderId` is not among them: a list's folder is emulator state (EmulatorList.folderId). */
const OPTIONAL_CREATE_FIELDS = ['customProperties', 'membershipSettings', 'listPermissions'];

export function activeList(state: EmulatorState, listId: string): EmulatorList | RouteResult {
  const list = state.lists.get(listId);
  return list && !list.deletedAt ? list : notFound(`List does not exist with ID ${listId}.`);
}

export function isRouteResult(value: unknown): value is RouteResult {
  return typeof (value as RouteResult).status === 'number';
}

export function listsRoutes(env: ListsEnv): Route[] {
  const { state } = env;
  const view = (list: EmulatorList, includeFilters: boolean, isRead: boolean): Json =>
    listView(state, list, { includeFilters, isRead, delayMs: env.processingDelayMs });
  const validation = {
    contactProperties: new Map(state.schema.contacts.map((p) => [p.name, p])),
    companyProperties: new Map(state.schema.companies.map((p) => [p.name, p])),
    listExists: (id: string) => state.lists.has(id) && !state.lists.get(id)!.deletedAt,
  };
  const create = (request: RouteRequest): RouteResult => {
    const body = asJson(request.body);
    const problem = createProblem(body, state) ?? (body.filterBranch !== undefined ? validateFilterBranch(body.filterBranch, validation) : undefined);
    if (problem) return validationError(problem);
    const at = new Date(state.now()).toISOString();
    const list = newList(state.newListId(), String(body.name), body.processingType as ProcessingType, at, state.now());
    list.objectTypeId = String(body.objectTypeId);
    list.folderId = body.listFolderId === undefined || body.listFolderId === null ? ROOT_FOLDER_ID : String(body.listFolderId);
    state.folders.touchContents(list.folderId, at);
    for (const field of OPTIONAL_CREATE_FIELDS) if (body[field] !== undefined) list.extra[field] = body[field];
    if (body.filterBranch !== undefined && list.processingType !== 'MANUAL') list.filterBranch = normaliseFilterBranch(asJson(body.filterBranch));
    state.lists.set(list.listId, list);
    if (list.processingType === 'SNAPSHOT' && list.filterBranch) {
      for (const id of state.evaluateBranch(list.filterBranch)) list.members.set(id, at);
    }
    // No touch(): a new list changes no other list's members (nothing can refer to it yet), so the
    // members already computed stay valid; the new list's own are computed on first read.
    return ok({ list: view(list, true, false) });
  };
  return [
    route('POST', '/crm/v3/lists', create),
    route('GET', '/crm/v3/lists', (r) => getMany(r, state, view)),
    route('POST', '/crm/v3/lists/search', (r) => search(r, env)),
    route('GET', '/crm/v3/lists/object-type-id/:objectTypeId/name/:listName', (r) => getByName(r, state, view)),
    route('GET', '/crm/v3/lists/:listId', (r) => withList(state, r, (list) => ok({ list: view(list, boolParam(r.query.get('includeFilters')), true) }))),
    route('PUT', '/crm/v3/lists/:listId/update-list-name', (r) => withList(state, r, (list) => rename(r, list, state, view))),
    route('PUT', '/crm/v3/lists/:listId/update-list-filters', (r) => withList(state, r, (list) => {
      const body = asJson(r.body);
      if (list.processingType !== 'DYNAMIC') return validationError(`List ${list.listId} is a ${list.processingType} list; only DYNAMIC lists can have their filters updated.`);
      const problem = validateFilterBranch(body.filterBranch, validation);
      if (problem) return validationError(problem);
      const at = new Date(state.now()).toISOString();
      Object.assign(list, { filterBranch: normaliseFilterBranch(asJson(body.filterBranch)), listVersion: list.listVersion + 1, updatedAt: at, filtersUpdatedAt: at, processingSince: state.now(), processingSeen: false });
      state.touch();
      return ok({ updatedList: view(list, true, false) });
    })),
    route('DELETE', '/crm/v3/lists/:listId', (r) => withList(state, r, (list) => {
      list.deletedAt = new Date(state.now()).toISOString();
      state.touch();
      return { status: 204 };
    })),
    route('PUT', '/crm/v3/lists/:listId/restore', (r) => restore(r, state)),
  ];
}

function withList(state: EmulatorState, request: RouteRequest, then: (list: EmulatorList) => RouteResult): RouteResult {
  const list = activeList(state, request.params.listId);
  return isRouteResult(list) ? list : then(list);
}

function createProblem(body: Json, state: EmulatorState): string | undefined {
  for (const field of ['name', 'objectTypeId', 'processingType']) {
    if (typeof body[field] !== 'string' || body[field] === '') return `Request body: "${field}" is required.`;
  }
  if (!PROCESSING_TYPES.has(String(body.processingType))) return `Request body: processingType must be MANUAL, DYNAMIC or SNAPSHOT (got ${String(body.processingType)}).`;
  if (body.processingType === 'MANUAL' && body.filterBranch !== undefined) return 'Request body: a MANUAL list cannot have a filterBranch.';
  if (body.processingType !== 'MANUAL' && body.filterBranch === undefined) return `Request body: a ${String(body.processingType)} list requires a filterBranch.`;
  if (state.activeListByName(String(body.name))) return `A list named "${String(body.name)}" already exists.`;
  return folderProblem(body.listFolderId, state);
}

/** ListCreateRequest.listFolderId is an int32 (a numeric string is accepted too); absent = the root. */
function folderProblem(listFolderId: unknown, state: EmulatorState): string | undefined {
  if (listFolderId === undefined || listFolderId === null) return undefined;
  const id = typeof listFolderId === 'number' || typeof listFolderId === 'string' ? String(listFolderId) : '';
  if (!/^\d+$/.test(id)) return `Request body: "listFolderId" must be an integer (got ${JSON.stringify(listFolderId)}).`;
  return state.folders.get(id) ? undefined : `Request body: folder ${id} (listFolderId) does not exist.`;
}

type View = (list: EmulatorList, includeFilters: boolean, isRead: boolean) => Json;

function getMany(request: RouteRequest, state: EmulatorState, view: View): RouteResult {
  const includeFilters = boolParam(request.query.get('includeFilters'));
  const lists = request.query.getAll('listIds')
    .map((id) => state.lists.get(id))
    .filter((list): list is EmulatorList => list !== undefined && !list.deletedAt)
    .map((list) => view(list, includeFilters, true));
  return ok({ lists });
}

function getByName(request: RouteRequest, state: EmulatorState, view: View): RouteResult {
  const { objectTypeId, listName } = request.params;
  const list = state.activeListByName(listName);
  if (!list || list.objectTypeId !== objectTypeId) return notFound(`List does not exist with name ${listName} and object type ${objectTypeId}.`);
  return ok({ list: view(list, boolParam(request.query.get('includeFilters')), true) });
}

function rename(request: RouteRequest, list: EmulatorList, state: EmulatorState, view: View): RouteResult {
  const name = request.query.get('listName');
  if (!name) return validationError('Query parameter "listName" is required.');
  const clash = state.activeListByName(name);
  if (clash && clash.listId !== list.listId) return validationError(`A list named "${name}" already exists.`);
  list.name = name;
  list.updatedAt = new Date(state.now()).toISOString();
  return ok({ updatedList: view(list, boolParam(request.query.get('includeFilters')), false) });
}

function restore(request: RouteRequest, state: EmulatorState): RouteResult {
  const list = state.lists.get(request.params.listId);
  if (!list || !list.deletedAt) return notFound(`No deleted list exists with ID ${request.params.listId}.`);
  if (state.activeListByName(list.name)) return validationError(`A list named "${list.name}" already exists; rename it before restoring.`);
  delete list.deletedAt;
  // Its folder may have been deleted while the list was (a deleted list leaves its folder's childLists).
  if (!state.folders.get(list.folderId)) list.folderId = ROOT_FOLDER_ID;
  state.touch();
  return { status: 204 };
}

function search(request: RouteRequest, env: ListsEnv): RouteResult {
  const body = asJson(request.body);
  const offset = intParam(body.offset) ?? 0;
  const count = intParam(body.count) ?? 20;
  if (Number.isNaN(offset) || offset < 0) return validationError('"offset" must be a non-negative integer.');
  if (Number.isNaN(count) || count < 1 || count > 500) return validationError('"count" must be between 1 and 500.');
  const query = typeof body.query === 'string' ? body.query.toLowerCase() : '';
  const types = Array.isArray(body.processingTypes) ? body.processingTypes.map(String) : [];
  const ids = Array.isArray(body.listIds) ? body.listIds.map(String) : [];
  const matching = [...env.state.lists.values()].filter((list) =>
    !list.deletedAt && list.name.toLowerCase().includes(query) &&
    (types.length === 0 || types.includes(list.processingType)) && (ids.length === 0 || ids.includes(list.listId)));
  const extra = Array.isArray(body.additionalProperties) ? body.additionalProperties.map(String) : [];
  const page = matching.slice(offset, offset + count).map((list) => searchView(env.state, list, env.processingDelayMs, extra));
  return ok({ lists: page, total: matching.length, offset: offset + page.length, hasMore: offset + page.length < matching.length });
}
