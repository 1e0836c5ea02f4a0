// List folders, the emulator's state for the Lists v3 folders API (PublicListFolder in HubSpot's
// PublicApiSpecs/CRM/Lists/Rollouts/144891/v3/lists.json). The root folder "0" always exists. Which
// folder a list is in is kept on the list (EmulatorList.folderId), not here.

export const ROOT_FOLDER_ID = '0';

export interface EmulatorFolder {
  id: string;
  /** Undefined only for the root, whose name HubSpot does not document. */
  name?: string;
  parentFolderId: string;
  createdAt: string;
  updatedAt: string;
  /** Last time a list or folder moved into or out of this folder. */
  updatedContentsAt: string;
}

/** Why a folder change was refused: `missing` → 404, `invalid` → 400 VALIDATION_ERROR. */
export interface FolderRefusal {
  kind: 'missing' | 'invalid';
  message: string;
}

export class FolderStore {
  private readonly byId = new Map<string, EmulatorFolder>();
  // Folder ids start far from list ids, so a test that swaps a list id and a folder id fails.
  private nextId = 1001;

  constructor(private readonly now: () => number) {
    this.reset();
  }

  reset(): void {
    this.byId.clear();
    this.nextId = 1001;
    const at = this.stamp();
    // HubSpot documents only that the root is "0"; its own parent is not documented. "0" is the
    // only root reference the spec names, so a client walking up must stop at id "0".
    this.byId.set(ROOT_FOLDER_ID, { id: ROOT_FOLDER_ID, parentFolderId: ROOT_FOLDER_ID, createdAt: at, updatedAt: at, updatedContentsAt: at });
  }

  get(id: string): EmulatorFolder | undefined {
    return this.byId.get(id);
  }

  /** Folders other than the root. */
  count(): number {
    return this.byId.size - 1;
  }

  /** Child folders in creation order. */
  childrenOf(id: string): EmulatorFolder[] {
    return [...this.byId.values()].filter((f) => f.id !== ROOT_FOLDER_ID && f.parentFolderId === id);
  }

  create(name: unknown, parentFolderId: unknown): EmulatorFolder | FolderRefusal {
    if (typeof name !== 'string' || name.trim() === '') return invalid('Request body: "name" is required.');
    const parentId = parentFolderId === undefined || parentFolderId === null ? ROOT_FOLDER_ID : String(parentFolderId);
    const parent = this.byId.get(parentId);
    if (!parent) return missing(`Folder does not exist with ID ${parentId}.`);
    const clash = this.nameClash(parentId, name, undefined);
    if (clash) return clash;
    const at = this.stamp();
    const folder: EmulatorFolder = { id: String(this.nextId++), name, parentFolderId: parentId, createdAt: at, updatedAt: at, updatedContentsAt: at };
    this.byId.set(folder.id, folder);
    parent.updatedContentsAt = at;
    return folder;
  }

  rename(id: string, name: string | null): EmulatorFolder | FolderRefusal {
    const folder = this.existing(id);
    if (isRefusal(folder)) return folder;
    if (id === ROOT_FOLDER_ID) return invalid('The root folder cannot be renamed.');
    if (name === null || name.trim() === '') return invalid('Query parameter "newFolderName" is required.');
    const clash = this.nameClash(folder.parentFolderId, name, id);
    if (clash) return clash;
    folder.name = name;
    folder.updatedAt = this.stamp();
    return folder;
  }

  move(id: string, newParentId: string): EmulatorFolder | FolderRefusal {
    const folder = this.existing(id);
    if (isRefusal(folder)) return folder;
    const parent = this.existing(newParentId);
    if (isRefusal(parent)) return parent;
    if (id === ROOT_FOLDER_ID) return invalid('The root folder cannot be moved.');
    if (this.isWithin(newParentId, id)) return invalid(`Folder ${id} cannot be moved into itself or one of its subfolders.`);
    const clash = this.nameClash(newParentId, folder.name ?? '', id);
    if (clash) return clash;
    const at = this.stamp();
    this.touchContents(folder.parentFolderId, at);
    parent.updatedContentsAt = at;
    folder.parentFolderId = newParentId;
    folder.updatedAt = at;
    return folder;
  }

  /** `holdsLists` says whether any active list is in the folder. */
  delete(id: string, holdsLists: boolean): FolderRefusal | undefined {
    const folder = this.existing(id);
    if (isRefusal(folder)) return folder;
    if (id === ROOT_FOLDER_ID) return invalid('The root folder cannot be deleted.');
    // HubSpot does not document deleting a folder that is not empty; refusing is the safe reading
    // (nothing is lost), so a client must empty a folder before deleting it.
    if (holdsLists || this.childrenOf(id).length > 0) return invalid(`Folder ${id} is not empty; move or delete its lists and folders first.`);
    this.byId.delete(id);
    this.touchContents(folder.parentFolderId, this.stamp());
    return undefined;
  }

  touchContents(id: string, at = this.stamp()): void {
    const folder = this.byId.get(id);
    if (folder) folder.updatedContentsAt = at;
  }

  private existing(id: string): EmulatorFolder | FolderRefusal {
    return this.byId.get(id) ?? missing(`Folder does not exist with ID ${id}.`);
  }

  /** True when `id` is `ancestorId` or below it. */
  private isWithin(id: string, ancestorId: string): boolean {
    for (let at: string | undefined = id; at !== undefined; at = at === ROOT_FOLDER_ID ? undefined : this.byId.get(at)?.parentFolderId) {
      if (at === ancestorId) return true;
    }
    return false;
  }

  // HubSpot does not document whether two folders under one parent may share a name; refusing a
  // case-insensitive duplicate is the safe reading (a client that finds folders by name never sees two).
  private nameClash(parentId: string, name: string, exceptId: string | undefined): FolderRefusal | undefined {
    const wanted = name.toLowerCase();
    const clash = this.childrenOf(parentId).find((f) => f.id !== exceptId && (f.name ?? '').toLowerCase() === wanted);
    return clash ? invalid(`A folder named "${name}" already exists in folder ${parentId}.`) : undefined;
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}

export function isRefusal(value: unknown): value is FolderRefusal {
  const kind = (value as Partial<FolderRefusal> | undefined)?.kind;
  return kind === 'missing' || kind === 'invalid';
}

function invalid(message: string): FolderRefusal {
  return { kind: 'invalid', message };
}

function missing(message: string): FolderRefusal {
  return { kind: 'missing', message };
}
