// Lists v3 folders (HubSpot's PublicApiSpecs/CRM/Lists/Rollouts/144891/v3/lists.json, /crm/v3/lists/folders*):
// fetch a folder tree, create, rename, move, delete, and move a list between folders.

import { asJson, type Json } from './evaluate-types';
import { isRefusal, type EmulatorFolder, type FolderRefusal } from './folders';
import { notFound, ok, route, validationError, type Route, type RouteResult } from './http-kit';
import type { EmulatorState } from './state';

/** The emulator's only user (lists say createdById "1"); PublicListFolder.userId is an integer. */
const USER_ID = 1;

export function foldersRoutes(state: EmulatorState): Route[] {
  const answer = (outcome: EmulatorFolder | FolderRefusal): RouteResult =>
    isRefusal(outcome) ? refused(outcome) : ok({ folder: folderView(state, outcome, true) });
  return [
    route('GET', '/crm/v3/lists/folders', (r) => {
      const id = r.query.get('folderId') ?? '0';
      const folder = state.folders.get(id);
      return folder ? ok({ folder: folderView(state, folder, true) }) : notFound(`Folder does not exist with ID ${id}.`);
    }),
    route('POST', '/crm/v3/lists/folders', (r) => {
      const body = asJson(r.body);
      return answer(state.folders.create(body.name, body.parentFolderId));
    }),
    route('PUT', '/crm/v3/lists/folders/move-list', (r) => moveList(state, asJson(r.body))),
    route('PUT', '/crm/v3/lists/folders/:folderId/rename', (r) => answer(state.folders.rename(r.params.folderId, r.query.get('newFolderName')))),
    route('PUT', '/crm/v3/lists/folders/:folderId/move/:newParentFolderId', (r) => answer(state.folders.move(r.params.folderId, r.params.newParentFolderId))),
    route('DELETE', '/crm/v3/lists/folders/:folderId', (r) => {
      const id = r.params.folderId;
      const problem = state.folders.delete(id, state.listsInFolder(id).length > 0);
      return problem ? refused(problem) : { status: 204 };
    }),
  ];
}

/**
 * PublicListFolder: `childNodes` recursive; `childLists` (integer list ids) only on the folder asked
 * for and empty in every child node, as the spec's description of GET /crm/v3/lists/folders says.
 */
export function folderView(state: EmulatorState, folder: EmulatorFolder, withLists: boolean): Json {
  const view: Json = { id: folder.id };
  if (folder.name !== undefined) view.name = folder.name;
  return {
    ...view,
    parentFolderId: folder.parentFolderId,
    childLists: withLists ? state.listsInFolder(folder.id).map((list) => Number(list.listId)) : [],
    childNodes: state.folders.childrenOf(folder.id).map((child) => folderView(state, child, false)),
    createdAt: folder.createdAt,
    updatedAt: folder.updatedAt,
    updatedContentsAt: folder.updatedContentsAt,
    userId: USER_ID,
  };
}

/** ListMoveRequest `{listId, newFolderId}` (strings in the spec; numbers accepted) → 204. */
function moveList(state: EmulatorState, body: Json): RouteResult {
  for (const field of ['listId', 'newFolderId']) {
    if (body[field] === undefined || body[field] === null || body[field] === '') return validationError(`Request body: "${field}" is required.`);
  }
  const listId = String(body.listId);
  const folderId = String(body.newFolderId);
  const list = state.lists.get(listId);
  if (!list || list.deletedAt) return notFound(`List does not exist with ID ${listId}.`);
  if (!state.folders.get(folderId)) return notFound(`Folder does not exist with ID ${folderId}.`);
  const at = new Date(state.now()).toISOString();
  state.folders.touchContents(list.folderId, at);
  state.folders.touchContents(folderId, at);
  list.folderId = folderId;
  return { status: 204 };
}

function refused(refusal: FolderRefusal): RouteResult {
  return refusal.kind === 'missing' ? notFound(refusal.message) : validationError(refusal.message);
}
