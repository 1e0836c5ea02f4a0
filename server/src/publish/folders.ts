// Folder paths ("Events/2025") → HubSpot folder ids, creating what is missing one level at a time. Each
// path is created once even when several lists ask for it at the same moment, and a create whose answer
// was lost is followed by a look at the folder tree, never by a second create.

import { HubSpotAccountError } from '../hubspot/account/errors';
import type { HubSpotAccount, ListFolder } from '../hubspot/account/types';
import type { FolderIndex } from './remote';

export class FolderResolver {
  private readonly pending = new Map<string, Promise<string>>();
  created: string[] = [];

  constructor(
    private readonly account: HubSpotAccount,
    private readonly index: FolderIndex,
  ) {}

  /** The id of the folder at `path` when it is known now (read, or created in this run). */
  known(path: string): string | undefined {
    return this.index.idByPath.get(path.toLowerCase());
  }

  /** The id of the folder at `path` ("" is the root), created with its parents when missing. */
  idOf(path: string): Promise<string> {
    const key = path.toLowerCase();
    const known = this.index.idByPath.get(key);
    if (known !== undefined) return Promise.resolve(known);
    let work = this.pending.get(key);
    if (!work) {
      work = this.create(path);
      this.pending.set(key, work);
      work.catch(() => this.pending.delete(key));
    }
    return work;
  }

  private async create(path: string): Promise<string> {
    const cut = path.lastIndexOf('/');
    const parentPath = cut < 0 ? '' : path.slice(0, cut);
    const name = cut < 0 ? path : path.slice(cut + 1);
    const parentId = await this.idOf(parentPath);
    let folder: ListFolder;
    try {
      folder = await this.account.createFolder(name, parentId);
    } catch (error) {
      const found = await this.findAfterFailure(error, parentId, name);
      if (!found) throw error;
      folder = found;
    }
    this.index.idByPath.set(path.toLowerCase(), folder.id);
    this.index.pathById.set(folder.id, path);
    this.created.push(path);
    return folder.id;
  }

  /** After a failed create (lost answer, "already exists"): the folder, when HubSpot has it after all. */
  private async findAfterFailure(error: unknown, parentId: string, name: string): Promise<ListFolder | undefined> {
    if (!(error instanceof HubSpotAccountError) || !(error.uncertain || error.status === 400 || error.status === 409 || (error.status ?? 0) >= 500)) return undefined;
    const parent = await this.account.getFolder(parentId);
    return parent.childNodes.find((c) => c.name.toLowerCase() === name.toLowerCase());
  }
}
