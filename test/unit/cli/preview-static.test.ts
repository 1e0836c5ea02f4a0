// `hslist preview` of static lists: the members given (ids, emails, a members file) matched in the
// contact data, members the data lacks named, and `in list "Static"` from another list.
import { strict as assert } from 'node:assert';
import { hslist, workspace } from './cli-support';

const CONTACTS = `Record ID,Email,First Name,Last Name,Country/Region
1,ada@lovelace.org,Ada,Lovelace,Poland
2,bob@example.com,Bob,Builder,Germany
3,,Cy,Nomail,Poland
4,dee@corp.pl,Dee,Kowalska,Poland
`;

const LISTS = `list "Speakers" {
  type: static
  members: (#3, "ADA@lovelace.org", "ghost@nowhere.io", #99)
  members from: "people.csv"
}

list "Polish speakers" {
  where in list "Speakers" and country is "Poland"
}

list "Nobody yet" {
  type: static
}
`;

function staticWorkspace(people = 'email\nbob@example.com\n'): string {
  return workspace({ 'hslist.json': JSON.stringify({ contacts: 'contacts.csv' }), 'contacts.csv': CONTACTS, 'lists.hslist': LISTS, 'people.csv': people });
}

describe('hslist preview: static lists', () => {
  it('counts the members found by id or email (any case) and names those the data lacks', async () => {
    const run = await hslist(staticWorkspace(), 'preview', 'lists.hslist', '--list', 'Speakers', '--sample', '5');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^Speakers: 3 of 4 contacts$/m);
    assert.match(run.out, /^ {2}2 members have no contact in this data \(not counted\): #99, ghost@nowhere\.io$/m);
    assert.match(run.out, /Sample \(3 of 3\):\n +1 .*\n +2 .*\n +3 /);
  });

  it('--json lists every member the data lacks', async () => {
    const run = await hslist(staticWorkspace(), 'preview', 'lists.hslist', '--list', 'Speakers', '--json');
    assert.equal(run.code, 0, run.err);
    const [list] = JSON.parse(run.out).lists;
    assert.deepEqual([list.count, list.complete, list.membersNotInData], [3, true, ['#99', 'ghost@nowhere.io']]);
  });

  it('`in list "Speakers"` from an active list uses the static list\'s members', async () => {
    const run = await hslist(staticWorkspace(), 'preview', 'lists.hslist', '--list', 'Polish speakers', '--json');
    assert.equal(run.code, 0, run.err);
    const [list] = JSON.parse(run.out).lists;
    // Speakers = 1, 2, 3; in Poland: 1, 3.
    assert.deepEqual([list.count, list.complete], [2, true]);
  });

  it('a static list that names no members has none', async () => {
    const run = await hslist(staticWorkspace(), 'preview', 'lists.hslist', '--list', 'Nobody yet', '--json');
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(JSON.parse(run.out).lists[0].count, 0);
  });

  it('a members file with a bad line stops the preview with the line named', async () => {
    const run = await hslist(staticWorkspace('email\nbob@example.com\nnot an email\n'), 'preview', 'lists.hslist', '--list', 'Speakers');
    assert.equal(run.code, 1);
    assert.match(run.err, /Line 3 of "people\.csv": `not an email` is not an email address/);
    assert.match(run.err, /not previewed/);
  });
});
