import { strict as assert } from 'node:assert';
import { startHarness, type Harness } from './support';

interface Folder {
  id: string;
  name?: string;
  parentFolderId: string;
  childLists: number[];
  childNodes: Folder[];
  createdAt: string;
  updatedAt: string;
  updatedContentsAt: string;
  userId: number;
}

describe('HubSpot emulator ↔ @hubspot/api-client: Lists v3 folders', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ seed: 3, contacts: 10 })));
  after(async () => h.emulator.stop());

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await h.client.apiRequest({ method, path, body });
    const text = await response.text();
    return { status: response.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  };
  const folderOf = (json: Record<string, unknown>): Folder => json.folder as Folder;
  const createFolder = async (name: string, parentFolderId?: string): Promise<Folder> => {
    const created = await call('POST', '/crm/v3/lists/folders', parentFolderId === undefined ? { name } : { name, parentFolderId });
    assert.equal(created.status, 200, JSON.stringify(created.json));
    return folderOf(created.json);
  };
  const createList = async (name: string, extra: Record<string, unknown> = {}) =>
    call('POST', '/crm/v3/lists', { name, objectTypeId: '0-1', processingType: 'MANUAL', ...extra });
  const getFolder = async (folderId?: string): Promise<Folder> =>
    folderOf((await call('GET', `/crm/v3/lists/folders${folderId === undefined ? '' : `?folderId=${folderId}`}`)).json);

  it('the root "0" always exists; folders are created under it or under a parent, in PublicListFolder shape', async () => {
    const root = await getFolder();
    assert.equal(root.id, '0');
    assert.deepEqual(root.childNodes, []);
    const marketing = await createFolder('Marketing');
    assert.equal(marketing.parentFolderId, '0');
    assert.deepEqual([marketing.childLists, marketing.childNodes, marketing.userId], [[], [], 1]);
    for (const field of ['createdAt', 'updatedAt', 'updatedContentsAt']) assert.ok(!Number.isNaN(Date.parse(String(marketing[field as keyof Folder]))), field);
    const events = await createFolder('Events', marketing.id);
    assert.equal(events.parentFolderId, marketing.id);
    assert.equal((await call('POST', '/crm/v3/lists/folders', { name: 'Orphan', parentFolderId: '999999' })).status, 404);
    assert.equal((await call('POST', '/crm/v3/lists/folders', {})).status, 400);
  });

  it('refuses a second folder of the same name (case-insensitive) under one parent; another parent may have it', async () => {
    const duplicate = await call('POST', '/crm/v3/lists/folders', { name: 'MARKETING' });
    assert.equal(duplicate.status, 400);
    assert.equal(duplicate.json.category, 'VALIDATION_ERROR');
    const marketing = (await getFolder()).childNodes.find((f) => f.name === 'Marketing')!;
    await createFolder('marketing', marketing.id);
  });

  it('creates a list in a folder with listFolderId; PublicObjectList carries no listFolderId; an unknown folder is 400', async () => {
    const marketing = (await getFolder()).childNodes.find((f) => f.name === 'Marketing')!;
    const created = await createList('In marketing', { listFolderId: Number(marketing.id) });
    assert.equal(created.status, 200);
    const list = created.json.list as Record<string, unknown>;
    assert.ok(!('listFolderId' in list), 'PublicObjectList has no listFolderId');
    const read = await call('GET', `/crm/v3/lists/${String(list.listId)}`);
    assert.ok(!('listFolderId' in (read.json.list as Record<string, unknown>)));
    assert.deepEqual((await getFolder(marketing.id)).childLists, [Number(list.listId)]);
    const unknown = await createList('Nowhere', { listFolderId: 424242 });
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.json.message), /folder 424242/);
  });

  it('GET fills childLists only for the folder asked for, and nests childNodes recursively', async () => {
    const root = await getFolder();
    const marketing = root.childNodes.find((f) => f.name === 'Marketing')!;
    assert.deepEqual(marketing.childLists, [], 'child nodes never carry their lists');
    assert.deepEqual(marketing.childNodes.map((f) => f.name).sort(), ['Events', 'marketing']);
    assert.ok(root.childLists.length > 0, 'the seeded static lists are in the root');
    assert.ok(!root.childLists.some((id) => marketing.childLists.includes(id)));
    assert.equal((await call('GET', '/crm/v3/lists/folders?folderId=999999')).status, 404);
  });

  it('moves a list between folders (204); 404 for an unknown list or folder', async () => {
    const { listId } = (await createList('Mover')).json.list as { listId: string };
    const events = (await getFolder()).childNodes.find((f) => f.name === 'Marketing')!.childNodes.find((f) => f.name === 'Events')!;
    const moved = await call('PUT', '/crm/v3/lists/folders/move-list', { listId, newFolderId: events.id });
    assert.equal(moved.status, 204);
    assert.deepEqual((await getFolder(events.id)).childLists, [Number(listId)]);
    assert.ok(!(await getFolder()).childLists.includes(Number(listId)));
    assert.equal((await call('PUT', '/crm/v3/lists/folders/move-list', { listId: '999999', newFolderId: events.id })).status, 404);
    assert.equal((await call('PUT', '/crm/v3/lists/folders/move-list', { listId, newFolderId: '999999' })).status, 404);
    assert.equal((await call('PUT', '/crm/v3/lists/folders/move-list', { listId })).status, 400);
  });

  it('renames (unique among siblings) and moves folders, never into themselves', async () => {
    const marketing = (await getFolder()).childNodes.find((f) => f.name === 'Marketing')!;
    const events = marketing.childNodes.find((f) => f.name === 'Events')!;
    const renamed = await call('PUT', `/crm/v3/lists/folders/${events.id}/rename?newFolderName=Webinars`);
    assert.equal(renamed.status, 200);
    assert.equal(folderOf(renamed.json).name, 'Webinars');
    assert.equal((await call('PUT', `/crm/v3/lists/folders/${events.id}/rename?newFolderName=MARKETING`)).status, 400, 'a sibling has that name');
    const moved = await call('PUT', `/crm/v3/lists/folders/${events.id}/move/0`);
    assert.equal(moved.status, 200);
    assert.equal(folderOf(moved.json).parentFolderId, '0');
    assert.equal(folderOf(moved.json).childLists.length, 1, 'the folder answered with carries its lists');
    const nested = marketing.childNodes.find((f) => f.name === 'marketing')!;
    assert.equal((await call('PUT', `/crm/v3/lists/folders/${marketing.id}/move/${nested.id}`)).status, 400, 'into its own subfolder');
    assert.equal((await call('PUT', `/crm/v3/lists/folders/${events.id}/move/999999`)).status, 404);
  });

  it('deletes only empty folders (204); a deleted list leaves its folder and comes back to it on restore', async () => {
    const webinars = (await getFolder()).childNodes.find((f) => f.name === 'Webinars')!;
    assert.equal((await call('DELETE', `/crm/v3/lists/folders/${webinars.id}`)).status, 400, 'it still holds a list');
    const [listId] = (await getFolder(webinars.id)).childLists;
    assert.equal((await call('DELETE', `/crm/v3/lists/${listId}`)).status, 204);
    assert.deepEqual((await getFolder(webinars.id)).childLists, []);
    assert.equal((await call('PUT', `/crm/v3/lists/${listId}/restore`)).status, 204);
    assert.deepEqual((await getFolder(webinars.id)).childLists, [listId]);
    await call('DELETE', `/crm/v3/lists/${listId}`);
    assert.equal((await call('DELETE', `/crm/v3/lists/folders/${webinars.id}`)).status, 204);
    assert.equal((await call('GET', `/crm/v3/lists/folders?folderId=${webinars.id}`)).status, 404);
    assert.equal((await call('DELETE', '/crm/v3/lists/folders/0')).status, 400, 'the root stays');
    const state = (await (await fetch(`${h.emulator.url}/__emulator/state`)).json()) as { folders: number };
    assert.equal(state.folders, 2, 'Marketing and the "marketing" under it remain');
  });

  it('the SDK\'s typed FoldersApi round-trips: create, getAll, rename, move, moveList, remove', async () => {
    // SDK 13.5.0 types a folder's id and parentFolderId as numbers; the spec (and so the emulator) sends strings.
    const folders = h.client.crm.lists.foldersApi;
    const idOf = (folder: { id: unknown }): string => String(folder.id);
    const created = await folders.create({ name: 'Typed' });
    assert.equal(String(created.folder.parentFolderId), '0');
    assert.equal(typeof created.folder.id, 'string');
    assert.ok(created.folder.createdAt instanceof Date);
    const inner = await folders.create({ name: 'Typed inner', parentFolderId: idOf(created.folder) });
    const { listId } = (await h.client.crm.lists.listsApi.create({ name: 'Typed list', objectTypeId: '0-1', processingType: 'MANUAL', listFolderId: Number(created.folder.id) })).list;
    const fetched = await folders.getAll(idOf(created.folder));
    assert.deepEqual(fetched.folder.childLists, [Number(listId)]);
    assert.deepEqual(fetched.folder.childNodes.map((f) => f.name), ['Typed inner']);
    assert.equal((await folders.rename(idOf(inner.folder), 'Typed inner 2')).folder.name, 'Typed inner 2');
    assert.equal(String((await folders.move(idOf(inner.folder), '0')).folder.parentFolderId), '0');
    await folders.moveList({ listId, newFolderId: idOf(inner.folder) });
    assert.deepEqual((await folders.getAll(idOf(inner.folder))).folder.childLists, [Number(listId)]);
    await folders.remove(idOf(created.folder));
    await assert.rejects(folders.getAll(idOf(created.folder)), (error: { code?: number }) => error.code === 404);
  });
});
