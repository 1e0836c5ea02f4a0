// Static lists with members, published through the CLI against the HubSpot emulator: created with their
// members, then only the difference sent (add-and-remove in the request log), emails with no contact
// reported, and a second plan with nothing to do.
import { strict as assert } from 'node:assert';
import { hslist, planJson, portalLists, startPortal, stateOf, workspace, write, type Portal } from './support';

interface Contact {
  id: string;
  email: string;
}

function contactsWithEmail(portal: Portal): Contact[] {
  return [...portal.emulator.state.contacts.values()]
    .filter((c) => typeof c.properties.email === 'string' && c.properties.email !== '' && !c.archived)
    .map((c) => ({ id: c.id, email: c.properties.email! }));
}

function membersOf(portal: Portal, name: string): string[] {
  const list = portalLists(portal).get(name) as unknown as { members: Map<string, string> } | undefined;
  assert.ok(list, `no list "${name}" in the portal`);
  return [...list.members.keys()].sort();
}

function staticList(members: string): string {
  return `list "Speakers" {\n  type: static\n  members: (${members})\n  members from: "people.csv"\n}\n`;
}

describe('publish: static lists with members', () => {
  let portal: Portal;
  let contacts: Contact[];
  before(async () => {
    portal = await startPortal();
    contacts = contactsWithEmail(portal);
    assert.ok(contacts.length >= 6, 'the emulator has contacts with emails');
  });
  after(async () => portal.stop());

  it('creates the list with its members, reports emails with no contact, then has nothing to do', async () => {
    const [a, b, c] = contacts;
    const root = workspace({ 'lists.hslist': staticList(`#${a.id}, "${b.email.toUpperCase()}", "nobody@nowhere.invalid"`), 'people.csv': `email\n${c.email}\n` });
    const plan = await hslist(root, portal.env, 'plan');
    assert.equal(plan.code, 4, plan.err);
    assert.match(plan.out, /^\+ create +"Speakers"/m);
    assert.match(plan.out, /create it; \+3 −0 members/);
    assert.match(plan.out, /1 member of the files matches no contact in HubSpot \(not added\): nobody@nowhere\.invalid/);

    const apply = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(apply.code, 0, apply.err + apply.out);
    assert.match(apply.out, /"Speakers": 1 member of the files matches no contact in HubSpot and was not added: nobody@nowhere\.invalid/);
    assert.match(apply.out, /"Speakers": members: \+3 −0 → 3 in HubSpot \(read back\)/);
    assert.deepEqual(membersOf(portal, 'Speakers'), [a.id, b.id, c.id].sort());
    const recorded = stateOf(root).portals[Object.keys(stateOf(root).portals)[0]].lists.Speakers as { members?: number; membersHash?: string };
    assert.equal(recorded.members, 3);
    assert.match(recorded.membersHash ?? '', /^sha256:[0-9a-f]{64}$/);

    const again = await planJson(root, portal.env);
    assert.equal(again.code, 0, again.err);
    assert.equal(again.plan.entries.find((e) => e.name === 'Speakers')?.status, 'unchanged');
  });

  it('a change of members sends only the difference', async () => {
    const [a, b, c, d, e] = contacts;
    const root = workspace({ 'lists.hslist': staticList(`#${a.id}, "${b.email}"`).replace('Speakers', 'Panel'), 'people.csv': `id\n${c.id}\n` });
    assert.equal((await hslist(root, portal.env, 'apply', '--yes')).code, 0);
    assert.deepEqual(membersOf(portal, 'Panel'), [a.id, b.id, c.id].sort());

    write(root, 'lists.hslist', staticList(`#${a.id}, "${d.email}"`).replace('Speakers', 'Panel'));
    write(root, 'people.csv', `email,hs_object_id\n,${c.id}\n${e.email},\n`);
    const plan = await planJson(root, portal.env);
    const entry = plan.plan.entries.find((x) => x.name === 'Panel')!;
    assert.equal(entry.status, 'change');
    assert.deepEqual(entry.changes, [{ kind: 'members', add: [d.id, e.id].sort((x, y) => x.length - y.length || (x < y ? -1 : 1)), remove: [b.id] }]);

    const before = portal.emulator.requests.length;
    const apply = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(apply.code, 0, apply.err + apply.out);
    const sent = portal.emulator.requests.slice(before).filter((r) => r.method === 'PUT' && r.path.endsWith('/memberships/add-and-remove'));
    assert.equal(sent.length, 1);
    const body = sent[0].body as { recordIdsToAdd: string[]; recordIdsToRemove: string[] };
    assert.deepEqual([[...body.recordIdsToAdd].sort(), body.recordIdsToRemove], [[d.id, e.id].sort(), [b.id]]);
    assert.deepEqual(membersOf(portal, 'Panel'), [a.id, c.id, d.id, e.id].sort());
    assert.equal((await planJson(root, portal.env)).code, 0);
  });

  it('members changed by hand in HubSpot are put back to the files\' on the next apply', async () => {
    const [a, b] = contacts;
    const root = workspace({ 'lists.hslist': staticList(`#${a.id}`).replace('Speakers', 'Hosts'), 'people.csv': `${b.email}\n` });
    assert.equal((await hslist(root, portal.env, 'apply', '--yes')).code, 0);
    const listId = portalLists(portal).get('Hosts')!.listId;
    await portal.account.changeListMemberships(listId, [contacts[5].id], [a.id]);
    const plan = await hslist(root, portal.env, 'plan');
    assert.equal(plan.code, 4);
    assert.match(plan.out, /~ change +"Hosts".*\n +\+1 −1 members/);
    assert.equal((await hslist(root, portal.env, 'apply', '--yes')).code, 0);
    assert.deepEqual(membersOf(portal, 'Hosts'), [a.id, b.id].sort());
  });

  it('the account layer: emails to ids in any case, which ids are contacts, batches of add-and-remove with the real wire shape', async () => {
    const [a, b] = contacts;
    const byEmail = await portal.account.contactIdsByEmail([a.email.toUpperCase(), 'nobody@nowhere.invalid']);
    assert.deepEqual([...byEmail], [[a.email.toLowerCase(), a.id]]);
    assert.deepEqual(await portal.account.existingContactIds([b.id, '999999999']), [b.id]);
    const read = portal.emulator.requests.filter((r) => r.path === '/crm/v3/objects/contacts/batch/read').at(-2)!;
    assert.equal((read.body as { idProperty?: string }).idProperty, 'email');
    const created = await portal.account.createList({ name: 'Batches', objectTypeId: '0-1', processingType: 'MANUAL' });
    const ids = contacts.map((c) => c.id);
    const before = portal.emulator.requests.length;
    const unknown = Array.from({ length: 600 }, (_, i) => String(900000000 + i));
    const result = await portal.account.changeListMemberships(created.listId, [...ids, ...unknown], []);
    assert.deepEqual([result.added.length, result.missing.length], [ids.length, 600]);
    const sent = portal.emulator.requests.slice(before);
    assert.equal(sent.length, 2, 'at most 500 ids to add a request');
    assert.deepEqual(sent.map((r) => (r.body as { recordIdsToAdd: string[] }).recordIdsToAdd.length), [500, ids.length + 100]);
    const bad = await fetch(`${portal.emulator.url}/crm/v3/lists/${created.listId}/memberships/add-and-remove`, {
      method: 'PUT', headers: { authorization: `Bearer ${portal.env.HSLIST_HUBSPOT_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ recordIdsToAdd: [a.id] }),
    });
    assert.equal(bad.status, 400, 'recordIdsToRemove is required');
  });

  it('a members file with a bad line blocks the list and sends nothing for it', async () => {
    const root = workspace({ 'lists.hslist': staticList(`#${contacts[0].id}`).replace('Speakers', 'Broken'), 'people.csv': 'email\nnot-an-email\n' });
    const before = portal.emulator.requests.length;
    const plan = await planJson(root, portal.env);
    const entry = plan.plan.entries.find((x) => x.name === 'Broken')!;
    assert.equal(entry.status, 'blocked');
    assert.match(entry.reasons.join('\n'), /Line 2 of "people\.csv": `not-an-email` is not an email address/);
    assert.ok(!portal.emulator.requests.slice(before).some((r) => r.path.includes('/memberships')));
  });
});
