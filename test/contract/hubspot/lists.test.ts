import { strict as assert } from 'node:assert';
import { expectRejection, LEADS_OR_POLAND, startHarness, type Harness } from './support';

describe('HubSpot emulator ↔ @hubspot/api-client: Lists v3', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ processingDelayMs: 50 })));
  after(async () => h.emulator.stop());

  const lists = () => h.client.crm.lists;

  it('creates a DYNAMIC list, echoing normalised filters while PROCESSING', async () => {
    const created = await lists().listsApi.create({ name: 'Contract leads', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: LEADS_OR_POLAND as never });
    assert.equal(created.list.processingStatus, 'PROCESSING');
    assert.equal(created.list.listVersion, 1);
    const branch = created.list.filterBranch as unknown as { filterBranchOperator: string };
    assert.equal(branch.filterBranchOperator, 'OR');
    assert.ok(h.emulator.requests.some((r) => r.method === 'POST' && r.path === '/crm/v3/lists'));
  });

  it('also accepts the trailing-slash create path', async () => {
    const response = await h.client.apiRequest({ method: 'POST', path: '/crm/v3/lists/', body: { name: 'Slash', objectTypeId: '0-1', processingType: 'MANUAL' } });
    assert.equal(response.status, 200);
    await lists().listsApi.remove(((await response.json()) as { list: { listId: string } }).list.listId);
  });

  it('gets by id without filters by default, COMPLETE after the delay; by name case-insensitively', async () => {
    const first = await lists().listsApi.getByName('contract LEADS', '0-1');
    const { listId } = first.list;
    assert.equal(first.list.filterBranch, undefined);
    assert.equal(first.list.processingStatus, 'PROCESSING', 'no time has passed on the emulator clock');
    assert.equal((await lists().listsApi.getById(listId)).list.processingStatus, 'COMPLETE', 'the read after one that saw PROCESSING');
    const withFilters = await lists().listsApi.getById(listId, true);
    assert.ok(withFilters.list.filterBranch);
    const many = await lists().listsApi.getAll([listId, '1'], false);
    assert.deepEqual(many.lists.map((l) => l.listId).sort(), ['1', listId].sort());
  });

  it('searches with offset paging, processingTypes and string additionalProperties', async () => {
    const all = await lists().listsApi.doSearch({ query: '', count: 2, offset: 0, additionalProperties: ['hs_list_size'] });
    assert.equal(all.total, 4);
    assert.equal(all.hasMore, true);
    assert.equal(all.offset, 2);
    assert.equal(typeof all.lists[0].additionalProperties.hs_list_size, 'string');
    const dynamic = await lists().listsApi.doSearch({ processingTypes: ['DYNAMIC'], additionalProperties: [] });
    assert.deepEqual(dynamic.lists.map((l) => l.name), ['Contract leads']);
    await expectRejection(lists().listsApi.doSearch({ count: 501 }));
  });

  it('pages memberships by record id with after/before cursors (limit ≤ 250)', async () => {
    const { listId, size } = (await lists().listsApi.getByName('Contract leads', '0-1')).list;
    const first = await lists().membershipsApi.getPage(listId, undefined, undefined, 5);
    assert.equal(first.results.length, 5);
    const ids = first.results.map((r) => Number(r.recordId));
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    const second = await lists().membershipsApi.getPage(listId, first.paging!.next!.after, undefined, 5);
    assert.ok(Number(second.results[0].recordId) > ids[4]);
    const back = await lists().membershipsApi.getPage(listId, undefined, second.paging!.prev!.before, 5);
    assert.deepEqual(back.results.map((r) => r.recordId), first.results.map((r) => r.recordId));
    const joinOrder = await lists().membershipsApi.getPageOrderedByAddedToListDate(listId, undefined, undefined, 250);
    assert.equal(joinOrder.results.length, size);
    const tooMany = await expectRejection(lists().membershipsApi.getPage(listId, undefined, undefined, 251));
    assert.equal(tooMany.code, 400);
  });

  it('updates filters of DYNAMIC lists only, bumping listVersion', async () => {
    const { listId } = (await lists().listsApi.getByName('Contract leads', '0-1')).list;
    const updated = await lists().listsApi.updateListFilters(listId, { filterBranch: LEADS_OR_POLAND as never });
    assert.equal(updated.updatedList?.listVersion, 2);
    const manual = await expectRejection(lists().listsApi.updateListFilters('1', { filterBranch: LEADS_OR_POLAND as never }));
    assert.equal(manual.code, 400);
    assert.equal(manual.body?.category, 'VALIDATION_ERROR');
  });

  it('rejects invalid filters with VALIDATION_ERROR and a message naming the place', async () => {
    const bad = { filterBranchType: 'OR', filters: [], filterBranches: [{ filterBranchType: 'AND', filterBranches: [], filters: [{ filterType: 'PROPERTY', property: 'lifecyclestage', operation: { operationType: 'ENUMERATION', operator: 'IS_ANY_OF' } }] }] };
    const error = await expectRejection(lists().listsApi.create({ name: 'Bad', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: bad as never }));
    assert.equal(error.code, 400);
    assert.match(String(error.body?.message), /filterBranches\[0\]\.filters\[0\]\.operation: ENUMERATION requires "values"/);
  });

  it('adds and removes members of MANUAL lists (recordsIdsAdded spelling), never of DYNAMIC ones', async () => {
    const manual = await lists().listsApi.create({ name: 'Hand picked', objectTypeId: '0-1', processingType: 'MANUAL' });
    const id = manual.list.listId;
    const added = await lists().membershipsApi.add(id, ['1', '2', '999999']);
    assert.deepEqual(added.recordsIdsAdded, ['1', '2']);
    assert.deepEqual(added.recordIdsMissing, ['999999']);
    const both = await lists().membershipsApi.addAndRemove(id, { recordIdsToAdd: ['3'], recordIdsToRemove: ['1'] });
    assert.deepEqual([both.recordsIdsAdded, both.recordIdsRemoved], [['3'], ['1']]);
    const removed = await lists().membershipsApi.remove(id, ['2']);
    assert.deepEqual(removed.recordIdsRemoved, ['2']);
    const records = await lists().membershipsApi.getLists('0-1', '3');
    assert.ok(records.results.some((r) => r.listId === id));
    const { listId: dynamicId } = (await lists().listsApi.getByName('Contract leads', '0-1')).list;
    assert.equal((await expectRejection(lists().membershipsApi.add(dynamicId, ['1']))).code, 400);
  });

  it('renames with unique names, deletes softly (204) and restores', async () => {
    const { listId } = (await lists().listsApi.getByName('Hand picked', '0-1')).list;
    assert.equal((await expectRejection(lists().listsApi.updateName(listId, 'contract leads'))).code, 400);
    const renamed = await lists().listsApi.updateName(listId, 'Hand picked 2');
    assert.equal(renamed.updatedList?.name, 'Hand picked 2');
    await lists().listsApi.remove(listId);
    assert.equal((await expectRejection(lists().listsApi.getById(listId))).code, 404);
    await lists().listsApi.restore(listId);
    assert.equal((await lists().listsApi.getById(listId)).list.name, 'Hand picked 2');
  });

  it('reads back ENUMERATION values in another order than sent (as HubSpot may), same members', async () => {
    const values = ['subscriber', 'lead', 'customer'];
    const branch = { filterBranchType: 'OR', filters: [], filterBranches: [{ filterBranchType: 'AND', filterBranches: [], filters: [
      { filterType: 'PROPERTY', property: 'lifecyclestage', operation: { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values } }] }] };
    const response = await h.client.apiRequest({ method: 'POST', path: '/crm/v3/lists', body: { name: 'Reordered', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: branch } });
    const { list } = (await response.json()) as { list: { listId: string; size: number } };
    const read = await h.client.apiRequest({ path: `/crm/v3/lists/${list.listId}`, qs: { includeFilters: 'true' } });
    type Stored = { filterBranches: { filters: { operation: { values: string[]; includeObjectsWithNoValueSet: boolean } }[] }[] };
    const operation = ((await read.json()) as { list: { filterBranch: Stored } }).list.filterBranch.filterBranches[0].filters[0].operation;
    assert.deepEqual(operation.values, ['customer', 'lead', 'subscriber']);
    assert.notDeepEqual(operation.values, values, 'a positional comparison with what was sent fails');
    assert.equal(operation.includeObjectsWithNoValueSet, false);
    const leadsOrBetter = h.emulator.state.evaluateBranch(branch).length;
    assert.equal(list.size, leadsOrBetter, 'the rewrite does not change members');
  });
});
