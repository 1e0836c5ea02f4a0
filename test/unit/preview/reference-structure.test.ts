import { strict as assert } from 'node:assert';
import { NOW, contact, judgeAll } from './judge-helper';
import { listOf, parseLists } from './lists';

const DAY = 86_400_000;

describe('preview semantics: lists, associations, forms, history, logic', () => {
  it('and / or / not combine, and everyone matches all', () => {
    const contacts = [contact({ country: 'Poland', num_employees: '5' }), contact({ country: 'Spain', num_employees: '50' }), contact({ country: null, num_employees: null })];
    const where = '(country is "poland" and num_employees < 10) or num_employees > 10';
    assert.deepEqual(judgeAll(where, contacts), [true, true, false]);
    assert.deepEqual(judgeAll(`not (${where})`, contacts), [false, false, true]);
    assert.deepEqual(judgeAll('everyone', contacts), [true, true, true]);
  });

  it('in list "Name" evaluates the workspace list, in its own time zone', () => {
    const customers = listOf('lifecyclestage is customer', undefined, 'Customers');
    const contacts = [contact({ lifecyclestage: 'customer' }), contact({ lifecyclestage: 'lead' })];
    assert.deepEqual(judgeAll('in list "Customers"', contacts, { lists: [customers] }), [true, false]);
    assert.deepEqual(judgeAll('not in list "customers"', contacts, { lists: [customers] }), [false, true]);
  });

  it('in list "Static" is its members: by record id, or by email in any case; both evaluators agree', () => {
    const speakers = parseLists('list "Speakers" {\n  type: static\n}\n')[0];
    const contacts = [contact({ email: 'Ann@Example.com' }), contact({ email: 'bob@example.com' }), contact({ email: null })];
    const members = new Map([['speakers', { ids: [contacts[2].id, '999'], emails: ['ann@example.com', 'ghost@nowhere.io'] }]]);
    assert.deepEqual(judgeAll('in list "Speakers"', contacts, { lists: [speakers], members }), [true, false, true]);
    assert.deepEqual(judgeAll('not in list "Speakers"', contacts, { lists: [speakers], members }), [false, true, false]);
    assert.deepEqual(judgeAll('in list "Speakers"', contacts, { lists: [speakers] }), [false, false, false], 'a static list that names no members has none');
    const broken = new Map([['speakers', { ids: [], emails: [], problem: 'The members file "x.csv" cannot be read' }]]);
    assert.deepEqual(judgeAll('in list "Speakers"', contacts, { lists: [speakers], members: broken }), ['unknown', 'unknown', 'unknown']);
  });

  it('in list #id uses loaded memberships; without them it is not previewable (unknown)', () => {
    const loaded = [contact({}, { listMemberships: ['12', '13'] }), contact({}, { listMemberships: [] })];
    assert.deepEqual(judgeAll('in list #12', loaded), [true, false]);
    assert.deepEqual(judgeAll('in list #12', [contact({})]), ['unknown']);
  });

  it('a cycle of lists and an unknown list name are unknown, never guessed', () => {
    const lists = [listOf('in list "B"', undefined, 'A'), listOf('in list "A"', undefined, 'B')];
    assert.deepEqual(judgeAll('in list "A"', [contact({})], { lists }), ['unknown']);
    assert.deepEqual(judgeAll('in list "Nope"', [contact({})]), ['unknown']);
  });

  it('unknown is absorbed where the answer is certain anyway (Kleene logic)', () => {
    assert.deepEqual(judgeAll('country is "Poland" and in list #1', [contact({ country: 'Spain' }), contact({ country: 'Poland' })]), [false, 'unknown']);
    assert.deepEqual(judgeAll('country is "Spain" or in list #1', [contact({ country: 'Spain' })]), [true]);
  });

  it('associated company where …: some company passes; none associated → false', () => {
    const contacts = [
      contact({}, { companies: [{ id: 'c1', properties: { industry: 'RETAIL' } }, { id: 'c2', properties: { industry: 'SOFTWARE' } }] }),
      contact({}, { companies: [{ id: 'c1', properties: { industry: 'RETAIL' } }] }),
      contact({}, { companies: [] }),
    ];
    assert.deepEqual(judgeAll('associated company where industry is any of (SOFTWARE)', contacts), [true, false, false]);
  });

  it('properties the schema does not know are unknown, never guessed', () => {
    assert.deepEqual(judgeAll('no_such_property is known', [contact({ no_such_property: 'x' })]), ['unknown']);
  });
});

describe('preview semantics: history and form submissions (both evaluators)', () => {
  const spain = contact({ country: 'Spain', lifecyclestage: 'customer', num_employees: '5', is_vip: 'false' }, {
    history: {
      country: [{ value: 'Spain', timestamp: NOW - 10 }, { value: 'poland', timestamp: NOW - 1e9 }],
      lifecyclestage: [{ value: 'customer', timestamp: NOW - 10 }, { value: 'lead', timestamp: NOW - 40 * DAY }],
      num_employees: [{ value: '5', timestamp: NOW - 10 }, { value: 'x', timestamp: NOW - 20 * DAY }, { value: '12', timestamp: NOW - 30 * DAY }],
      is_vip: [{ value: null, timestamp: NOW - 10 }],
    },
  });
  const fresh = contact({ country: 'France', lifecyclestage: null, num_employees: null, is_vip: 'true' }, { history: {} });
  const notLoaded = contact({ country: 'Poland', lifecyclestage: 'lead', num_employees: '12', is_vip: 'true' });
  const people = [spain, fresh, notLoaded];

  it('has ever been / has never been look at every past value, the current one included', () => {
    assert.deepEqual(judgeAll('country has ever been "Poland"', people), [true, false, 'unknown']);
    assert.deepEqual(judgeAll('country has never been "Poland"', people), [false, true, 'unknown']);
    assert.deepEqual(judgeAll('country has ever been "france"', people), [false, true, 'unknown']);
    assert.deepEqual(judgeAll('country has ever contained "pai"', people), [true, false, 'unknown']);
    assert.deepEqual(judgeAll('country has never contained "land"', people), [false, true, 'unknown']);
  });

  it('history of enumerations, numbers and booleans: unparsable past values never match', () => {
    assert.deepEqual(judgeAll('lifecyclestage has ever been lead', people), [true, false, 'unknown']);
    assert.deepEqual(judgeAll('lifecyclestage has ever been exactly (customer)', people), [true, false, 'unknown']);
    assert.deepEqual(judgeAll('lifecyclestage has never been any of (lead, customer)', people), [false, true, 'unknown']);
    assert.deepEqual(judgeAll('num_employees has ever been 12', people), [true, false, 'unknown']);
    assert.deepEqual(judgeAll('num_employees has never been 5', people), [false, true, 'unknown']);
    assert.deepEqual(judgeAll('is_vip has ever been true', people), [false, true, 'unknown']);
  });

  it('was updated in last N days reads the newest history timestamp', () => {
    assert.deepEqual(judgeAll('lifecyclestage was updated in last 3 days', people), [true, false, 'unknown']);
    assert.deepEqual(judgeAll('lifecyclestage was not updated in last 3 days', people), [false, true, 'unknown']);
    assert.deepEqual(judgeAll('num_employees was updated in last 3 days', people), [true, false, 'unknown']);
  });

  it('an answer certain anyway does not need the history (Kleene logic)', () => {
    assert.deepEqual(judgeAll('country has ever been "x" or country is "Poland"', people), [false, false, true]);
  });

  const forms = [
    contact({}, { formSubmissions: [{ formId: 'f1', timestamp: NOW - 5 * DAY }] }),
    contact({}, { formSubmissions: [] }),
    contact({}),
  ];

  it('submitted form, in last N days, any form; without loaded submissions unknown', () => {
    assert.deepEqual(judgeAll('submitted form "f1" in last 10 days', forms), [true, false, 'unknown']);
    assert.deepEqual(judgeAll('submitted form "f1" in last 2 days', forms), [false, false, 'unknown']);
    assert.deepEqual(judgeAll('submitted any form', forms), [true, false, 'unknown']);
    assert.deepEqual(judgeAll('not submitted form "f2"', forms), [true, true, 'unknown']);
  });

  it('counts and windows: the window first (dates are whole days in the list\'s zone), then at least one and the count', () => {
    const at = (iso: string) => ({ formId: 'f1', timestamp: Date.parse(iso) });
    const people = [
      contact({}, { formSubmissions: [at('2024-01-10T10:00:00Z'), at('2024-01-31T23:30:00Z')] }),
      contact({}, { formSubmissions: [at('2024-03-01T00:00:00Z')] }),
      contact({}, { formSubmissions: [] }),
      contact({}),
    ];
    assert.deepEqual(judgeAll('submitted form "f1" at least 2 times', people), [true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('submitted form "f1" at most 1 times', people), [false, true, false, 'unknown']);
    assert.deepEqual(judgeAll('submitted form "f1" after 2024-01-31', people), [false, true, false, 'unknown']);
    // In Warsaw, 23:30 UTC on January 31st is already February 1st.
    assert.deepEqual(judgeAll('submitted form "f1" after 2024-01-31', people, { timezone: 'Europe/Warsaw' }), [true, true, false, 'unknown']);
    assert.deepEqual(judgeAll('submitted form "f1" before 2024-03-01', people), [true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('submitted form "f1" between 2 and 3 times between 2024-01-01 and 2024-01-31', people), [true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('submitted form "f1" between 2 and 3 times between 2024-01-01 and 2024-01-31', people, { timezone: 'Europe/Warsaw' }), [false, false, false, 'unknown']);
    assert.deepEqual(judgeAll('not submitted form "f1" between 2024-03-01T00:00:00Z and 2024-03-02', people), [true, false, true, 'unknown']);
  });

  it('no record with the data at all: unknown for everyone', () => {
    assert.deepEqual(judgeAll('submitted any form', [contact({})]), ['unknown']);
    assert.deepEqual(judgeAll('country has ever been "Poland"', [contact({ country: 'Poland' })]), ['unknown']);
  });
});
