import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hslist, planJson, startPortal, stateOf, workspace, type Portal } from './support';

const EXAMPLES = join(__dirname, '../../../examples');
const DOCUMENTED = JSON.parse(readFileSync(join(__dirname, '../../fixtures/hubspot-documented-lists.json'), 'utf8')) as {
  lists: { name: string; representable: boolean; filterBranch: Record<string, unknown> }[];
};
/** After every seeded record: relative dates read the same in both portals. */
const NOW = Date.parse('2026-01-15T12:00:00Z');

describe('publish: pull HubSpot lists into .hslist files', () => {
  let source: Portal;
  let copy: Portal;
  before(async () => {
    source = await startPortal({ seed: 5, contacts: 250, clock: () => NOW });
    copy = await startPortal({ seed: 5, contacts: 250, clock: () => NOW, portalId: 4242002 });
  });
  after(async () => Promise.all([source.stop(), copy.stop()]));

  it('writes every list it can say, refuses the rest with reasons, checks clean, plans nothing, and matches the same contacts', async () => {
    // The portal holds its seeded static lists, the examples published by another workspace, and HubSpot's documented filters.
    const published = mkdtempSync(join(tmpdir(), 'hslist-examples-'));
    cpSync(EXAMPLES, published, { recursive: true, filter: (s) => !s.split(/[\\/]/).includes('.hslist') });
    assert.equal((await hslist(published, source.env, 'schema', 'pull')).code, 0);
    const applied = await hslist(published, source.env, 'apply', '--yes', '--data', 'contacts.csv');
    assert.equal(applied.code, 0, applied.out + applied.err);
    for (const doc of DOCUMENTED.lists) await source.account.createList({ name: doc.name, objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: doc.filterBranch });
    // A static list of three: its members come back inline.
    const speakers = await source.account.createList({ name: 'Speakers', objectTypeId: '0-1', processingType: 'MANUAL' });
    await source.account.changeListMemberships(speakers.listId, ['12', '3', '40'], []);
    // One of thirty: its members come back in a members file.
    const attendees = await source.account.createList({ name: 'Booth visitors', objectTypeId: '0-1', processingType: 'MANUAL' });
    await source.account.changeListMemberships(attendees.listId, source.emulator.state.contactIds().slice(0, 30), []);

    const fresh = workspace({}, '{ "timezone": "Europe/Warsaw" }\n');
    assert.equal((await hslist(fresh, source.env, 'schema', 'pull')).code, 0);
    const pulled = await hslist(fresh, source.env, 'pull', '--all');
    const refused = DOCUMENTED.lists.filter((l) => !l.representable).map((l) => l.name);
    assert.equal(pulled.code, refused.length > 0 ? 1 : 0, pulled.out);
    for (const name of refused) assert.match(pulled.out, new RegExp(`✗ "${name}" #\\d+ not pulled:\\n {4}.*cannot be written in \\.hslist.*`));
    const expected = DOCUMENTED.lists.length - refused.length + 12 + 3 + 2;
    assert.match(pulled.out, new RegExp(`Pull from portal 4242001: ${expected} written, 0 already in code, ${refused.length} not pulled\\.`));
    // HubSpot's "created in the last 30 days" and the primary company read back as the language says them.
    assert.match(readFileSync(join(fresh, 'doc-created-in-the-last-30-days.hslist'), 'utf8'), /createdate is less than 30 days ago/);
    assert.match(readFileSync(join(fresh, 'doc-contacts-of-a-primary-company-in-software.hslist'), 'utf8'), /associated primary company where \(industry is COMPUTER_SOFTWARE\)/);
    assert.equal(readdirSync(fresh).filter((f) => f.endsWith('.hslist') && f !== '.hslist').length, expected, pulled.out);
    assert.match(readFileSync(join(fresh, 'qualified-for-salesforce.hslist'), 'utf8'), /^\/\/ Pulled from HubSpot list #\d+\.\nlist "Qualified for Salesforce" \{\n {2}type: active\n {2}folder: "Salesforce"\n/);
    assert.match(readFileSync(join(fresh, 'webinar-attendees.hslist'), 'utf8'), /in list "Webinar registrants"/, 'ids of pulled lists become names');

    // Static lists come back with their members: a few inline, more in a members file beside the list.
    assert.match(readFileSync(join(fresh, 'speakers.hslist'), 'utf8'), /\n {2}type: static\n {2}members: \(#3, #12, #40\)\n\}/);
    const heldBySource = (name: string) => {
      const list = [...source.emulator.state.lists.values()].find((l) => l.name === name && !l.deletedAt)!;
      return source.emulator.state.membersOf(list).map((m) => m.recordId);
    };
    const tradeShow = readFileSync(join(fresh, 'trade-show-2024-attendees.hslist'), 'utf8');
    assert.match(tradeShow, /\n {2}members: \(\n {4}#\d+,\n/, 'up to 20 members inline, one a line');
    assert.equal(tradeShow.match(/#\d+/g)!.length - 1, heldBySource('Trade show 2024 attendees').length, 'its members, and the list id in the comment');
    const visitors = readFileSync(join(fresh, 'booth-visitors.hslist'), 'utf8');
    assert.match(visitors, /\n {2}type: static\n {2}members from: "booth-visitors\.members\.csv"\n\}/);
    const csv = readFileSync(join(fresh, 'booth-visitors.members.csv'), 'utf8').trim().split('\n');
    assert.equal(csv[0], 'id');
    assert.deepEqual(csv.slice(1).sort(), heldBySource('Booth visitors').sort());
    assert.equal(csv.length - 1, 30);
    assert.deepEqual(stateOf(fresh).portals['4242001'].lists['Booth visitors'].members, 30);

    const check = await hslist(fresh, source.env, 'check');
    assert.equal(check.code, 0, check.out + check.err);
    assert.equal((await hslist(fresh, source.env, 'fmt', '--check')).code, 0, 'pulled files are in the canonical format');
    const plan = await planJson(fresh, source.env);
    assert.equal(plan.code, 0, JSON.stringify(plan.plan.entries.filter((e) => e.status !== 'unchanged'), null, 1));
    assert.deepEqual(plan.plan.notInCode.map((l) => l.name).sort(), [...refused].sort());
    assert.equal(Object.keys(stateOf(fresh).portals['4242001'].lists).length, expected);

    // The pulled files, published to a second portal with the same contacts, hold the same members.
    const toCopy = await hslist(fresh, copy.env, 'apply', '--yes');
    assert.equal(toCopy.code, 0, toCopy.out + toCopy.err);
    assert.deepEqual(Object.keys(stateOf(fresh).portals).sort(), ['4242001', '4242002'], 'one state section per portal');
    const membersIn = (portal: Portal, name: string) => {
      const list = [...portal.emulator.state.lists.values()].find((l) => l.name === name && !l.deletedAt)!;
      return portal.emulator.state.membersOf(list).map((m) => m.recordId);
    };
    let compared = 0;
    for (const list of source.emulator.state.lists.values()) {
      if (list.deletedAt || list.processingType === 'MANUAL' || refused.includes(list.name)) continue;
      assert.deepEqual(membersIn(copy, list.name), membersIn(source, list.name), `members of "${list.name}"`);
      compared++;
    }
    assert.ok(compared >= 15, `${compared} lists compared`);
  });

  it('pulls by name and by id, says why it skips a list kept as code, and never overwrites a file without --overwrite', async () => {
    const root = workspace({ 'mine.hslist': 'list "Newsletter import" {\n  type: static\n}\n' });
    const run = await hslist(root, source.env, 'pull', '--name', 'trade SHOW 2024 attendees', '--id', '2', '--name', 'No such list');
    assert.equal(run.code, 1);
    assert.match(run.out, /✓ "Trade show 2024 attendees" #1 → trade-show-2024-attendees\.hslist/);
    assert.match(run.out, /· "Newsletter import" not pulled: it is in the files already \(mine\.hslist\)/);
    assert.match(run.out, /✗ "No such list" not pulled:\n {4}the portal has no list of that name/);
    const again = await hslist(root, source.env, 'pull', '--id', '1');
    assert.match(again.out, /"Trade show 2024 attendees" not pulled: it is in the files already \(trade-show-2024-attendees\.hslist\)/);
    const other = workspace({ 'webinar-registrants.hslist': '// mine\n' });
    const clash = await hslist(other, source.env, 'pull', '--name', 'Webinar registrants');
    assert.equal(clash.code, 1);
    assert.match(clash.out, /webinar-registrants\.hslist exists already \(pass --overwrite to replace it\)/);
    assert.equal(readFileSync(join(other, 'webinar-registrants.hslist'), 'utf8'), '// mine\n');
    assert.equal((await hslist(other, source.env, 'pull', '--name', 'Webinar registrants', '--overwrite')).code, 0);
    assert.equal((await hslist(other, source.env, 'pull')).code, 2, 'which lists: a usage error');
  });
});
