// A full fetch matches form submissions to the store's rows (submissions.ts, matchByRow); a refresh with
// modified contacts, by id (matchById). Both must give every contact the same submissions in the same
// order: emails compared without case, a shared address giving each of its contacts the submission,
// forms in the order read, a submission without email or page kept as such.

import { strict as assert } from 'node:assert';
import { buildStore } from '../../../server/src/preview/columns-build';
import type { FormSubmissionData, HubSpotAccount } from '../../../server/src/hubspot/account/types';
import { readSubmissions } from '../../../server/src/preview/hubspot/submissions';
import type { ContactSet } from '../../../server/src/preview/hubspot/contact-set';
import type { DataNeeds } from '../../../server/src/preview/hubspot/needs';
import type { ContactRecord } from '../../../server/src/preview/types';
import { hashOf } from '../../../server/src/preview/string-builder';
import { createRandom } from '../../../server/src/sandbox/data/random';
import { testSchema } from './lists';

const defs = [...testSchema().objects.contacts.values()];

const contacts: ContactRecord[] = [
  { id: '2', properties: { email: 'Ana@Example.org' } },
  { id: '5', properties: { email: 'bo@example.org' } },
  { id: '9', properties: { email: 'ana@example.org' } }, // the same address as contact 2, in other case
  { id: '12', properties: { email: null } },
  { id: '30', properties: { email: 'cy@example.org' } },
];

const FORMS: Record<string, FormSubmissionData[]> = {
  'form-b': [
    { formId: 'form-b', submittedAt: 300, email: 'BO@example.org', pageUrl: 'https://x.org/b' },
    { formId: 'form-b', submittedAt: 200, email: 'ana@EXAMPLE.org' },
    { formId: 'form-b', submittedAt: 100 },
  ],
  'form-a': [
    { formId: 'form-a', submittedAt: 250, email: 'ana@example.org', pageUrl: 'https://x.org/a' },
    { formId: 'form-a', submittedAt: 150, email: 'nobody@example.org' },
    { formId: 'form-a', submittedAt: 50, email: 'bo@example.org' },
  ],
};

const account = { getFormSubmissions: async (formId: string) => FORMS[formId] ?? [], readConcurrency: 2 } as unknown as HubSpotAccount;
const needs = { formIds: ['form-b', 'form-a'] } as unknown as DataNeeds;

async function matched(set: ContactSet) {
  const read = await readSubmissions(account, set, needs, new Map(), {});
  assert.ok(read);
  return new Map([...read.byContact.entries()].map(([id, list]) => [id, list]));
}

describe('preview: form submissions matched by row and by id agree', () => {
  it('gives each contact the same submissions in the same order, whichever way they were matched', async () => {
    const byRow = await matched({ kind: 'merge', base: buildStore(contacts, defs), modified: [] });
    const byId = await matched({ kind: 'records', records: contacts });
    assert.deepEqual([...byRow.entries()].sort(), [...byId.entries()].sort());
    assert.deepEqual(byRow.get('2'), [{ formId: 'form-b', timestamp: 200 }, { formId: 'form-a', timestamp: 250, pageUrl: 'https://x.org/a' }]);
    assert.deepEqual(byRow.get('9'), byRow.get('2'), 'the shared address gives both contacts the submissions');
    assert.deepEqual(byRow.get('5'), [{ formId: 'form-b', timestamp: 300, pageUrl: 'https://x.org/b' }, { formId: 'form-a', timestamp: 50 }]);
    assert.equal(byRow.has('12'), false);
    assert.equal(byRow.has('30'), false);
  });

  it('answers get, has and size by id as the map did', async () => {
    const read = await readSubmissions(account, { kind: 'merge', base: buildStore(contacts, defs), modified: [] }, needs, new Map(), {});
    assert.ok(read);
    const { byContact } = read;
    assert.equal(byContact.size, 3);
    assert.equal(byContact.has('5'), true);
    assert.equal(byContact.has('30'), false, 'a contact without submissions has no entry');
    assert.equal(byContact.get('30'), undefined);
    assert.equal(byContact.get('999'), undefined, 'an id the store does not hold');
    assert.deepEqual([...byContact.values()].map((l) => l.length), [2, 2, 2]);
  });

  it('agrees with matching by id on random portals (seeded), addresses of equal hash and in other case included', async () => {
    const random = createRandom(20261207);
    // "a_" and "b@" hash alike (string-builder.ts hashOf), in lower case too: these addresses collide in the table.
    const locals = ['qa_', 'qb@', 'QA_', 'ÅsA', 'zoë'];
    assert.equal(hashOf('qa_@x.org'), hashOf('qb@@x.org'));
    const address = () => `${random.pick(locals)}@${random.pick(['x.org', 'X.ORG', 'y.io'])}`;
    for (let round = 0; round < 40; round++) {
      const records: ContactRecord[] = Array.from({ length: random.int(0, 30) }, (_, i) => ({ id: String(i * 3 + 1), properties: { email: random.chance(0.15) ? null : address() } }));
      const forms: Record<string, FormSubmissionData[]> = {};
      for (const formId of ['f1', 'f2', 'f3'].slice(0, random.int(1, 3))) {
        forms[formId] = Array.from({ length: random.int(0, 25) }, (_, k) => ({ formId, submittedAt: 1000 - k, ...(random.chance(0.1) ? {} : { email: address() }), ...(random.chance(0.5) ? { pageUrl: `https://x.org/${k}` } : {}) }));
      }
      const randomAccount = { getFormSubmissions: async (formId: string) => forms[formId] ?? [], readConcurrency: 2 } as unknown as HubSpotAccount;
      const randomNeeds = { formIds: Object.keys(forms) } as unknown as DataNeeds;
      const entries = async (set: ContactSet) => {
        const read = await readSubmissions(randomAccount, set, randomNeeds, new Map(), {});
        assert.ok(read);
        return [...read.byContact.entries()].sort();
      };
      const byRow = await entries({ kind: 'merge', base: buildStore(records, defs), modified: [] });
      assert.deepEqual(byRow, await entries({ kind: 'records', records }), `round ${round}`);
    }
  });
});
