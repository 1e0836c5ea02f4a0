// The CLI on a workspace with named value sets and conditions: check, fmt, compile (the definitions
// written in) and preview (the same contacts as the list with its definitions written out by hand).

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hslist, workspace } from './cli-support';

const CONTACTS = `Record ID,Email,Country/Region,Lifecycle Stage,Number of Sessions
1,ada@lovelace.org,Poland,Lead,5
2,bob@example.com,Germany,Lead,1
3,cy@corp.de,Austria,Customer,9
4,dee@corp.pl,Poland,Customer,12
5,eve@corp.ch,Switzerland,Lead,3
6,fay@corp.fr,France,Subscriber,
`;

const SHARED = `values dach = ("Germany", "Austria", "Switzerland")

condition engaged {
  description: "Came back at least three times."
  where hs_analytics_num_visits >= 3
}
`;

const LISTS = `list "Engaged in DACH" {
  where country is any of dach
    and condition engaged
}

list "Written out" {
  where country is any of ("Germany", "Austria", "Switzerland")
    and (hs_analytics_num_visits >= 3)
}
`;

function files(extra: Record<string, string> = {}): string {
  return workspace({ 'hslist.json': JSON.stringify({ contacts: 'contacts.csv' }), 'contacts.csv': CONTACTS, 'defs/shared.hslist': SHARED, 'lists.hslist': LISTS, ...extra });
}

describe('hslist with named value sets and conditions', () => {
  it('check is clean across files, and names a definition in another folder relative to the file', async () => {
    const root = files();
    assert.equal((await hslist(root, 'check')).code, 0);
    const broken = await hslist(files({ 'lists.hslist': LISTS.replace('condition engaged', 'condition engagd') }), 'check');
    assert.equal(broken.code, 1);
    assert.match(broken.out, /^lists\.hslist:3:19: error unknown-condition Condition `engagd` is not defined in any \.hslist file of the workspace; did you mean `engaged`\?$/m);
    const typo = await hslist(files({ 'defs/shared.hslist': SHARED.replace('>= 3', '>= "3"') }), 'check');
    assert.match(typo.out, /^lists\.hslist:3:19: error definition-with-errors The condition `engaged` has errors \(defs\/shared\.hslist:5: /m);
  });

  it('compile writes the definitions in: the same request as the list written out', async () => {
    const root = files();
    const named = await hslist(root, 'compile', 'lists.hslist', '--list', 'Engaged in DACH');
    const written = await hslist(root, 'compile', 'lists.hslist', '--list', 'Written out');
    assert.equal(named.code, 0, named.err);
    const [a] = JSON.parse(named.out) as { filterBranch: unknown }[];
    const [b] = JSON.parse(written.out) as { filterBranch: unknown }[];
    assert.deepEqual(a.filterBranch, b.filterBranch);
    assert.match(JSON.stringify(a.filterBranch), /"values":\["Germany","Austria","Switzerland"\]/);
  });

  it('preview counts the same contacts as the list written out', async () => {
    const root = files();
    const named = await hslist(root, 'preview', 'lists.hslist', '--list', 'Engaged in DACH', '--now', '2025-06-01');
    const written = await hslist(root, 'preview', 'lists.hslist', '--list', 'Written out', '--now', '2025-06-01');
    assert.equal(named.code, 0, named.err);
    // Austria 9 sessions (3) and Switzerland 3 sessions (5); Germany has 1 session.
    assert.match(named.out, /^Engaged in DACH: 2 of 6 contacts$/m);
    assert.match(written.out, /^Written out: 2 of 6 contacts$/m);
    assert.match(named.out, /^ {2}line 2 +country is any of dach +3 +3$/m);
  });

  it('fmt lays definitions out and keeps them', async () => {
    const root = files({ 'defs/shared.hslist': 'values  dach=("Germany","Austria")\ncondition engaged { where hs_analytics_num_visits >= 3 }\n' });
    assert.equal((await hslist(root, 'fmt')).code, 0);
    assert.equal(readFileSync(join(root, 'defs/shared.hslist'), 'utf8'), 'values dach = ("Germany", "Austria")\n\ncondition engaged {\n  where hs_analytics_num_visits >= 3\n}\n');
    assert.equal((await hslist(root, 'fmt', '--check')).code, 0);
  });
});
