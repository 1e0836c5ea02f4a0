// Lists folders (`/crm/v3/lists/folders`): the folder tree, creating a folder, moving a list into one.

import type { Api } from './api';
import { toAccountError } from './errors';
import { withQuery } from './paths';
import type { HubSpotAccount, Json, ListFolder } from './types';

export const ROOT_FOLDER_ID = '0';

type FoldersPart = Pick<HubSpotAccount, 'getFolder' | 'createFolder' | 'moveListToFolder'>;

export function foldersApi(api: Api): FoldersPart {
  return {
    getFolder: async (folderId = ROOT_FOLDER_ID) => toFolder((await api.call('GET', withQuery(api.paths.folders(), { folderId }))).folder, api.host),
    createFolder: async (name, parentFolderId = ROOT_FOLDER_ID) => toFolder((await api.call('POST', api.paths.folders(), { name, parentFolderId })).folder, api.host),
    moveListToFolder: async (listId, folderId) => {
      await api.call('PUT', api.paths.folderMoveList(), { listId, newFolderId: folderId });
    },
  };
}

function toFolder(value: unknown, host: string): ListFolder {
  const f = value as Json | null;
  if (!f || typeof f !== 'object' || (typeof f.id !== 'string' && typeof f.id !== 'number')) {
    throw toAccountError(new Error(`HubSpot at ${host} answered with a folder that has no id`), host);
  }
  return {
    id: String(f.id),
    name: typeof f.name === 'string' ? f.name : '',
    parentFolderId: f.parentFolderId === undefined || f.parentFolderId === null ? '' : String(f.parentFolderId),
    childLists: Array.isArray(f.childLists) ? f.childLists.map(String) : [],
    childNodes: Array.isArray(f.childNodes) ? f.childNodes.map((c) => toFolder(c, host)) : [],
  };
}
