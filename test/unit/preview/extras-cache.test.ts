// The live source's cache of what it read besides contacts (extras-cache.ts): each associated record
// is written once and each contact's links by number, and it reads back as the same records (shared
// between contacts with the same link), labels and primary flags; a record of one id whose properties a
// refresh changed for some contacts keeps both readings; contacts without records are left out; a
// file of another format or another snapshot is not used.

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCachedExtras, writeCachedExtras } from '../../../server/src/preview/hubspot/extras-cache';
import type { CompanyRecord } from '../../../server/src/preview/types';
import { SubmissionTable } from '../../../server/src/preview/hubspot/submission-table';
import { ListsByContact, contactIdList, type ListsById } from '../../../server/src/hubspot/account/contact-lists';

const ACME = { id: '900', properties: { name: 'Acme', industry: 'RETAIL' }, labels: [], primary: true } as CompanyRecord;
const GLOBEX_LABELLED = { id: '901', properties: { name: 'Globex', industry: null }, labels: ['17', '23'] } as CompanyRecord;
/** The same company as a refresh leaves it for one contact: a copy with a newer property. */
const ACME_RENAMED = { ...ACME, properties: { ...ACME.properties, name: 'Acme Inc.' } };
const ACME_COPY = { ...ACME, properties: { ...ACME.properties } };

/** Newest first, as HubSpot gives them: addresses of one and two bytes a character, none, an empty one, pages shared. */
const SUBMITTED = [
  { formId: 'f1', submittedAt: 1_700_000_300_000, email: 'Ana@Example.com', pageUrl: 'https://example.com/webinar' },
  { formId: 'f1', submittedAt: 1_700_000_200_000, email: 'żaneta@przykład.pl' },
  { formId: 'f1', submittedAt: 1_700_000_100_000, pageUrl: 'https://example.com/webinar' },
  { formId: 'f1', submittedAt: 1_700_000_000_000, email: '', pageUrl: 'https://example.com/other' },
];

function roundTrip(byContact: ListsById<CompanyRecord>, submitted = SUBMITTED) {
  const path = join(mkdtempSync(join(tmpdir(), 'hslist-extras-')), 'hubspot-extras.json');
  writeCachedExtras(path, { snapshotVersion: 'v1', associations: { companies: { properties: ['name', 'industry'], byContact } }, submissions: { f1: SubmissionTable.of('f1', submitted), f2: SubmissionTable.of('f2', []) } });
  return { path, read: readCachedExtras(path, 'v1') };
}

describe('preview: the cache of associations and other extras', () => {
  it('reads contacts with the same links as one frozen list, and writes shared and unshared lists alike', () => {
    const shared = [ACME, GLOBEX_LABELLED];
    // Most contacts with a list of their own (the writer's memo of encoded lists gives up on them), every tenth the shared one.
    const byContact = new Map<string, CompanyRecord[]>(Array.from({ length: 100_000 }, (_, i) => [String(i + 1), i % 10 === 0 ? shared : [{ ...ACME }]]));
    const { path, read } = roundTrip(byContact);
    const lists = read!.associations.companies!.byContact;
    assert.equal(lists.get('1'), lists.get('11'), 'equal links: one list');
    assert.equal(lists.get('2'), lists.get('3'), 'the copies of one record read back as one list too');
    assert.ok(Object.isFrozen(lists.get('1')), 'a shared list is frozen');
    assert.deepEqual(lists.get('1'), shared);
    assert.deepEqual(lists.get('2'), [ACME]);
    const again = roundTrip(lists);
    assert.equal(readFileSync(again.path, 'utf8').replace(/"snapshotVersion":"[^"]*"/, ''), readFileSync(path, 'utf8').replace(/"snapshotVersion":"[^"]*"/, ''), 'written again, the same file');
  });

  it('writes a fetch\'s lists at their contacts\' indexes as the same lists in a map are written; an id of other characters is escaped', () => {
    const atIndexes = new ListsByContact(contactIdList(['5', '6', '7']), [[ACME], undefined, [GLOBEX_LABELLED, ACME]], Object.freeze([]) as unknown as CompanyRecord[]);
    const inMap = new Map<string, CompanyRecord[]>([['5', [ACME]], ['7', [GLOBEX_LABELLED, ACME]]]);
    const unversioned = (path: string) => readFileSync(path, 'utf8').replace(/"snapshotVersion":"[^"]*"/, '');
    assert.equal(unversioned(roundTrip(atIndexes).path), unversioned(roundTrip(inMap).path));
    const odd = roundTrip(new Map([['a"b\\', [ACME]], ['12', [GLOBEX_LABELLED]]])).read!.associations.companies!.byContact;
    assert.equal(odd.size, 2);
    assert.deepEqual([odd.get('a"b\\'), odd.get('12')], [[ACME], [GLOBEX_LABELLED]]);
  });

  it('writes each record once and reads every contact\'s records back, shared between equal links', () => {
    const byContact = new Map<string, CompanyRecord[]>([['1', [ACME, GLOBEX_LABELLED]], ['2', [ACME]], ['3', []], ['4', [GLOBEX_LABELLED]]]);
    const { path, read } = roundTrip(byContact);
    const text = readFileSync(path, 'utf8');
    assert.equal(text.split('"Acme"').length - 1, 1, 'Acme is written once');
    const companies = read!.associations.companies!;
    assert.deepEqual(companies.properties, ['name', 'industry']);
    assert.deepEqual([...companies.byContact.entries()].map(([id]) => id), ['1', '2', '4'], 'a contact without records is left out');
    assert.deepEqual(companies.byContact.get('1'), [ACME, GLOBEX_LABELLED]);
    assert.deepEqual(companies.byContact.get('4'), [GLOBEX_LABELLED]);
    assert.equal(companies.byContact.get('1')![0], companies.byContact.get('2')![0], 'one object for one link');
    assert.notEqual(companies.byContact.get('2'), companies.byContact.get('4'));
  });

  it('writes each form\'s submissions as HubSpot gave them and reads them back as they were (an empty address is none)', () => {
    const { path, read } = roundTrip(new Map());
    const file = JSON.parse(readFileSync(path, 'utf8')) as { submissions: Record<string, unknown[]> };
    const asGiven = SUBMITTED.map(({ email, ...s }) => (email ? { ...s, email } : s));
    assert.deepEqual(file.submissions, { f1: asGiven, f2: [] });
    assert.deepEqual(Object.keys(read!.submissions), ['f1', 'f2']);
    assert.deepEqual(read!.submissions.f1.rows(), asGiven);
    assert.equal(read!.submissions.f1.email(1), 'żaneta@przykład.pl');
    assert.equal(read!.submissions.f1.pageUrl(2), 'https://example.com/webinar');
    assert.equal(read!.submissions.f1.newest(), 1_700_000_300_000);
    assert.equal(read!.submissions.f2.length, 0);
  });

  it('keeps a refreshed copy of a record apart when its properties differ, and as one when they are equal', () => {
    const byContact = new Map<string, CompanyRecord[]>([['1', [ACME]], ['2', [ACME_RENAMED]], ['3', [ACME_COPY]]]);
    const { path, read } = roundTrip(byContact);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { associations: { companies: { records: unknown[] } } };
    assert.equal(file.associations.companies.records.length, 2);
    const companies = read!.associations.companies!;
    assert.deepEqual(companies.byContact.get('1'), [ACME]);
    assert.deepEqual(companies.byContact.get('2'), [ACME_RENAMED]);
    assert.deepEqual(companies.byContact.get('3'), [ACME]);
  });

  it('does not use a file of another snapshot, of the former format, with a link to no record or a submission of another shape', () => {
    const { path } = roundTrip(new Map([['1', [ACME]]]));
    assert.equal(readCachedExtras(path, 'v2'), undefined, 'another snapshot');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"format":3', '"format":2'));
    assert.equal(readCachedExtras(path, 'v1'), undefined, 'the former format (records written for every contact)');
    writeFileSync(path, text.replace('[[0,1]]', '[[5,1]]'));
    assert.equal(readCachedExtras(path, 'v1'), undefined, 'a link to record number 5 of 1');
    writeFileSync(path, text.replace('"f2":[]', '"f2":[null]'));
    assert.equal(readCachedExtras(path, 'v1'), undefined, 'a submission that is not an object');
    writeFileSync(path, text.replace('"f2":[]', '"f2":[{"formId":"f2","submittedAt":"yesterday"}]'));
    assert.equal(readCachedExtras(path, 'v1'), undefined, 'a submission without a time');
    writeFileSync(path, text);
    assert.notEqual(readCachedExtras(path, 'v1'), undefined, 'the file as written');
  });
});
