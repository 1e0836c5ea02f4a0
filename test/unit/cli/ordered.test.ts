// `is at least` from the command line: the one error `lifecyclestage is at least mql` gives (issue 13),
// and a preview that counts the contacts of the options written out.

import { strict as assert } from 'node:assert';
import { hslist, workspace } from './cli-support';

const CONTACTS = `Record ID,Email,Lifecycle Stage
1,a@x.org,Subscriber
2,b@x.org,Lead
3,c@x.org,Marketing Qualified Lead
4,d@x.org,Sales Qualified Lead
5,e@x.org,Customer
6,f@x.org,
`;

describe('hslist with ordered enumerations', () => {
  it('check: `is at least mql` is one error, saying what to write', async () => {
    const root = workspace({ 'lists.hslist': 'list "MQL or later" {\n  where lifecyclestage is at least mql\n}\n' });
    const run = await hslist(root, 'check');
    assert.equal(run.code, 1);
    assert.equal(run.out.trim().split('\n').length, 1, run.out);
    assert.match(run.out, /^lists\.hslist:2:36: error unknown-option `mql` reads as the initials of "Marketing Qualified Lead", option `marketingqualifiedlead` of Lifecycle Stage \(`lifecyclestage`\); filters compare internal values exactly, so write `marketingqualifiedlead`\.$/m);
  });

  it('preview counts the options from the value on', async () => {
    const lists = 'list "MQL or later" {\n  where lifecyclestage is at least marketingqualifiedlead\n}\n\nlist "Before SQL" {\n  where lifecyclestage is before salesqualifiedlead including unknown\n}\n';
    const root = workspace({ 'hslist.json': JSON.stringify({ contacts: 'contacts.csv' }), 'contacts.csv': CONTACTS, 'lists.hslist': lists });
    const later = await hslist(root, 'preview', 'lists.hslist', '--list', 'MQL or later');
    assert.equal(later.code, 0, later.err);
    assert.match(later.out, /^MQL or later: 3 of 6 contacts$/m);
    const before = await hslist(root, 'preview', 'lists.hslist', '--list', 'Before SQL');
    assert.match(before.out, /^Before SQL: 4 of 6 contacts$/m, 'subscriber, lead, MQL and the contact with no stage');
  });
});
