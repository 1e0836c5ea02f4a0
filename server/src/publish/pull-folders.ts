// Which folder each list of the portal is in, for the `folder:` of pulled lists: the folder tree, then
// each folder's lists (HubSpot gives a folder's lists only when that folder itself is read).

import { ROOT_FOLDER_ID } from '../hubspot/account/account-folders';
import type { HubSpotAccount, ListFolder } from '../hubspot/account/types';

/** List id → folder path ("Events/2025"); lists in the root folder are not in the map. */
export async function folderPaths(account: HubSpotAccount): Promise<Map<string, string>> {
  const root = await account.getFolder(ROOT_FOLDER_ID);
  const paths = new Map<string, string>();
  const byList = new Map<string, string>();
  const walk = (folder: ListFolder, path: string) => {
    for (const child of folder.childNodes) {
      const childPath = path === '' ? child.name : `${path}/${child.name}`;
      paths.set(child.id, childPath);
      walk(child, childPath);
    }
  };
  walk(root, '');
  for (const [id, path] of paths) {
    const folder = await account.getFolder(id);
    for (const listId of folder.childLists) byList.set(listId, path);
  }
  return byList;
}
