// What the target portal holds now, read in a few paged and batch reads whatever the number of lists:
// every list's name and type (list search, 500 a page), the filters of the lists the workspace and the
// state file care about (batch reads, 100 ids a request), and the folder tree with the lists of the
// folders the workspace uses (one read for the tree, one per such folder).

import type { HubSpotAccount, HubSpotList, ListFolder } from '../hubspot/account/types';
import { ROOT_FOLDER_ID } from '../hubspot/account/account-folders';
import type { DesiredWorkspace } from './desired';
import { findListState, type PortalState } from './state-file';
import { readRemoteMembers, type RemoteMembers } from './members-remote';

export interface FolderIndex {
  /** Lowercased path ("events/2025") → folder id; the root is "". */
  idByPath: Map<string, string>;
  /** Folder id → path as HubSpot spells it. */
  pathById: Map<string, string>;
  /** List id → the id of the folder holding it, for the folders that were read. */
  folderOfList: Map<string, string>;
  /** Folders whose lists were read: a list in none of them is somewhere else. */
  readFolders: Set<string>;
}

export interface RemotePortal {
  portalId: string;
  host: string;
  /** Every list of the portal (any object type; names are unique across them). */
  lists: HubSpotList[];
  /** Lowercased name → list. */
  byName: Map<string, HubSpotList>;
  /** Lists read with their filters, by id. */
  withFilters: Map<string, HubSpotList>;
  folders: FolderIndex;
  /** What static lists with members in the files need (members-remote.ts); absent when none has any. */
  members?: RemoteMembers;
}

export async function readRemote(account: HubSpotAccount, portalId: string, desired: DesiredWorkspace, portal: PortalState | undefined): Promise<RemotePortal> {
  const lists = await account.searchLists();
  const byName = new Map(lists.map((l) => [l.name.toLowerCase(), l]));
  const wanted = new Set<string>(Object.values(portal?.lists ?? {}).map((l) => l.listId));
  for (const d of desired.lists) {
    const found = byName.get(d.name.toLowerCase());
    if (found) wanted.add(found.listId);
  }
  const withFilters = new Map((await account.getLists([...wanted], true)).map((l) => [l.listId, l]));
  const folderPaths = [...desired.lists.map((d) => d.folder), ...Object.values(portal?.lists ?? {}).map((l) => l.folder)];
  const folders = await readFolders(account, folderPaths.filter((p): p is string => p !== undefined));
  const members = await readRemoteMembers(account, desired, (d) => existingListId(d.name, byName, portal));
  return { portalId, host: account.host, lists, byName, withFilters, folders, ...(members ? { members } : {}) };
}

/** The id of the list HubSpot holds for this name: the state file's, else the portal's list of that name. */
function existingListId(name: string, byName: Map<string, HubSpotList>, portal: PortalState | undefined): string | undefined {
  return findListState(portal, name)?.entry.listId ?? byName.get(name.toLowerCase())?.listId;
}

async function readFolders(account: HubSpotAccount, paths: string[]): Promise<FolderIndex> {
  const root = await account.getFolder(ROOT_FOLDER_ID);
  const index: FolderIndex = { idByPath: new Map([['', root.id]]), pathById: new Map([[root.id, '']]), folderOfList: new Map(), readFolders: new Set([root.id]) };
  indexTree(root, '', index);
  for (const id of root.childLists) index.folderOfList.set(id, root.id);
  const ids = new Set(paths.map((p) => index.idByPath.get(p.toLowerCase())).filter((id): id is string => id !== undefined && id !== root.id));
  for (const id of ids) {
    const folder = await account.getFolder(id);
    index.readFolders.add(id);
    for (const listId of folder.childLists) index.folderOfList.set(listId, id);
  }
  return index;
}

function indexTree(folder: ListFolder, path: string, index: FolderIndex): void {
  for (const child of folder.childNodes) {
    const childPath = path === '' ? child.name : `${path}/${child.name}`;
    index.idByPath.set(childPath.toLowerCase(), child.id);
    index.pathById.set(child.id, childPath);
    indexTree(child, childPath, index);
  }
}

/** The folder path a list is in: "" for the root, undefined when it is in a folder that was not read. */
export function folderPathOfList(folders: FolderIndex, listId: string): string | undefined {
  const id = folders.folderOfList.get(listId);
  return id === undefined ? undefined : folders.pathById.get(id);
}
