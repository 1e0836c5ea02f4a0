import { strict as assert } from 'node:assert';
import { hslist, workspace } from './cli-support';

// Six contacts; the expected figures below are counted by hand from these rows.
const CONTACTS = `Record ID,Email,First Name,Last Name,Country/Region,Lifecycle Stage,Number of Sessions
1,ada@lovelace.org,Ada,Lovelace,Poland,Lead,5
2,bob@example.com,Bob,Builder,Germany,Lead,1
3,,Cy,Nomail,Poland,Lead,9
4,dee@corp.pl,Dee,Kowalska,Poland,Customer,12
5,eve@corp.pl,Eve,Nowak,Poland,Lead,3
6,fay@corp.de,Fay,Schulz,,Subscriber,
`;

const LISTS = `list "Warm Polish leads" {
  type: active

  where email is known
    and lifecyclestage is lead
    and country is "Poland"
    and hs_analytics_num_visits >= 3
}

list "Webinar" {
  type: active
  where in list #4711 or lifecyclestage has ever been customer
}
`;

function previewWorkspace(files: Record<string, string> = {}): string {
  return workspace({ 'hslist.json': JSON.stringify({ contacts: 'contacts.csv' }), 'contacts.csv': CONTACTS, 'lists.hslist': LISTS, ...files });
}

describe('hslist preview', () => {
  it('prints "N of M contacts" and a funnel: each clause on its own and what survives up to it', async () => {
    const run = await hslist(previewWorkspace(), 'preview', 'lists.hslist', '--list', 'Warm Polish leads', '--now', '2025-06-01');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^Data: contacts\.csv: 6 contacts loaded, 0 rows rejected$/m);
    assert.match(run.out, /^Warm Polish leads: 2 of 6 contacts$/m);
    // email known: 1,2,4,5,6 (5) → lead: 1,2,5 (3) → Poland: 1,5 (2) → ≥ 3 sessions: 1,3,4,5 on their own; 1,5 survive
    const rows = [...run.out.matchAll(/^ {2}line (\d+) +(.+?) +(\d+) +(\d+)$/gm)].map((m) => [Number(m[1]), m[2], Number(m[3]), Number(m[4])]);
    assert.deepEqual(rows, [
      [4, 'email is known', 5, 5],
      [5, 'lifecyclestage is lead', 4, 3],
      [6, 'country is "Poland"', 4, 2],
      [7, 'hs_analytics_num_visits >= 3', 4, 2],
    ]);
  });

  it('--json gives the same figures, the data report and samples with the properties the list uses', async () => {
    const run = await hslist(previewWorkspace(), 'preview', 'lists.hslist', '--list', 'Warm Polish leads', '--json', '--sample', '1', '--now', '2025-06-01');
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out);
    assert.equal(report.data.rowsLoaded, 6);
    const [list] = report.lists;
    assert.deepEqual([list.list, list.count, list.total, list.complete], ['Warm Polish leads', 2, 6, true]);
    assert.deepEqual(list.funnel.map((s: { survivors: number }) => s.survivors), [5, 3, 2, 2]);
    assert.deepEqual(list.samples, [{ id: '1', email: 'ada@lovelace.org', name: 'Ada Lovelace', values: { country: 'Poland', hs_analytics_num_visits: '5', lifecyclestage: 'lead' } }]);
  });

  it('--sample N prints N matching contacts with email, name and values', async () => {
    const run = await hslist(previewWorkspace(), 'preview', 'lists.hslist', '--list', 'Warm Polish leads', '--sample', '5');
    assert.match(run.out, /Sample \(2 of 2\):\n +1 {2}Ada Lovelace <ada@lovelace\.org> {2}country=Poland, hs_analytics_num_visits=5, lifecyclestage=lead\n +5 {2}Eve Nowak <eve@corp\.pl>/);
  });

  it('--explain EMAIL shows which clauses pass or fail with the contact\'s actual values', async () => {
    const run = await hslist(previewWorkspace(), 'preview', 'lists.hslist', '--list', 'Warm Polish leads', '--explain', 'DEE@corp.pl');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Explain DEE@corp\.pl \(id 4\): is not in the list/);
    assert.match(run.out, /✓ email is known {3}\[email = "dee@corp\.pl"\]/);
    assert.match(run.out, /✗ lifecyclestage is lead {3}\[lifecyclestage = "customer"\]/);
    const byId = JSON.parse((await hslist(previewWorkspace(), 'preview', 'lists.hslist', '--list', 'Warm Polish leads', '--explain', '5', '--json')).out);
    assert.equal(byId.lists[0].explain.result, 'pass');
    const nobody = await hslist(previewWorkspace(), 'preview', 'lists.hslist', '--list', 'Warm Polish leads', '--explain', 'nobody@x.org');
    assert.match(nobody.out, /There is no contact with email nobody@x\.org/);
  });

  it('names conditions that are not previewable locally, with the reason, and gives the possible maximum', async () => {
    const run = await hslist(previewWorkspace(), 'preview', 'lists.hslist', '--list', 'Webinar', '--json');
    const [list] = JSON.parse(run.out).lists;
    assert.deepEqual([list.count, list.maxCount, list.complete], [0, 6, false]);
    const reasons = list.notPreviewable.map((p: { text: string; reason: string }) => `${p.text}: ${p.reason}`);
    assert.ok(reasons.some((r: string) => /^in list #4711: membership of HubSpot list #4711 is not in this data \(preview with --data hubspot/.test(r)), reasons.join('\n'));
    assert.ok(reasons.some((r: string) => /has ever been customer: this needs the property history of "lifecyclestage"/.test(r)), reasons.join('\n'));
  });

  it('reports bad rows with their line numbers and exits 1; the good rows are still previewed', async () => {
    const broken = CONTACTS.replace('2,bob@example.com,Bob,Builder,Germany,Lead,1', '2,bob@example.com,Bob,Germany,Lead,1').replace('Customer,12', 'Customer,twelve');
    const run = await hslist(previewWorkspace({ 'contacts.csv': broken }), 'preview', 'lists.hslist', '--list', 'Warm Polish leads');
    assert.equal(run.code, 1);
    assert.match(run.out, /5 contacts loaded, 1 rows rejected/);
    assert.match(run.out, /line 3: malformed-line: Line 3 has 6 fields where the header has 7/);
    assert.match(run.out, /line 5: bad-number: .*"twelve" is not a number/);
    assert.match(run.out, /Warm Polish leads: 2 of 5 contacts/);
  });

  it('refuses to preview a file with errors and prints them (exit 1)', async () => {
    const root = previewWorkspace({ 'lists.hslist': 'list "A" {\n  type: active\n  where emial is known\n}\n' });
    const run = await hslist(root, 'preview', 'lists.hslist');
    assert.equal(run.code, 1);
    assert.match(run.err, /lists\.hslist:3:9: error unknown-property/);
    assert.match(run.err, /^lists\.hslist: not previewed, fix the error above first\.$/m);
    assert.equal(run.out, '');
  });

  it('a folder or a data file given as FILE is a usage error that says what to give instead (exit 2)', async () => {
    const root = previewWorkspace({});
    const folder = await hslist(root, 'preview', '.', '--data', 'hubspot');
    assert.equal(folder.code, 2);
    assert.match(folder.err, /^hslist preview: \. is a folder, not a file \(it holds lists\.hslist\)\. Usage: hslist preview FILE/);
    assert.doesNotMatch(folder.err, /problems above/);
    const data = await hslist(root, 'preview', 'contacts.csv');
    assert.equal(data.code, 2);
    assert.equal(data.err.split('\n').filter(Boolean).length, 1, 'one line, not an error for every character of the export');
    assert.match(data.err, /^hslist preview: contacts\.csv is not an \.hslist file: give the file of lists; contact data goes after --data: --data contacts\.csv\. Usage: /);
    const compiled = await hslist(root, 'compile', 'contacts.csv');
    assert.equal(compiled.code, 2);
    assert.match(compiled.err, /^hslist compile: contacts\.csv is not an \.hslist file: give the file of lists\. Usage: /);
  });

  it('data that cannot be read exits 1 with the reason', async () => {
    const run = await hslist(previewWorkspace(), 'preview', 'lists.hslist', '--data', 'missing.csv');
    assert.equal(run.code, 1);
    assert.match(run.err, /missing\.csv cannot be read: no such file/);
  });

  it('bad usage exits 2 with a message and no stack trace', async () => {
    const root = previewWorkspace();
    const cases = [
      ['preview'],
      ['preview', 'lists.hslist', 'other.hslist'],
      ['preview', 'lists.hslist', '--sample', 'x'],
      ['preview', 'lists.hslist', '--now', 'yesterday'],
      ['preview', 'lists.hslist', '--nope'],
      ['preview', 'lists.hslist', '--list', 'No such list'],
      ['preview', 'lists.hslist', '--data', 'hubspot'],
    ];
    for (const argv of cases) {
      const run = await hslist(root, ...argv);
      assert.equal(run.code, 2, `${argv.join(' ')}: ${run.err}`);
      assert.ok(run.err.length > 0 && !/\n\s+at /.test(run.err), argv.join(' '));
    }
    const noData = await hslist(workspace({ 'lists.hslist': LISTS }), 'preview', 'lists.hslist');
    assert.equal(noData.code, 2);
    assert.match(noData.err, /no contact data: pass --data PATH/);
  });

  it('previews every list of the file when --list is not given, progress on stderr as plain lines', async () => {
    const run = await hslist(previewWorkspace(), 'preview', 'lists.hslist');
    assert.match(run.out, /^Warm Polish leads: 2 of 6/m);
    assert.match(run.out, /^Webinar: 0–6 of 6 contacts: 0 certain, up to 6 more undecided \(/m);
    assert.match(run.err, /^Loaded contacts: 6 of 6$/m);
    assert.doesNotMatch(run.err, /\r/);
  });
});
