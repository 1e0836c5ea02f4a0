import { strict as assert } from 'node:assert';
import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvContacts, readJsonArrayContacts, readNdjsonContacts, summariseReport } from '../../../server/src/preview/sources';
import type { ContactRecord } from '../../../server/src/preview/types';
import { testSchema } from './lists';

async function csv(text: string, exportZone?: string) {
  const rows: ContactRecord[] = [];
  const report = await readCsvContacts(Readable.from([text]), testSchema(), (r) => rows.push(r), { exportZone, name: 'export.csv' });
  return { rows, report };
}

describe('preview sources: HubSpot contact export CSV', () => {
  it('maps columns by label or internal name and keeps values as API strings', async () => {
    const { rows, report } = await csv('Record ID,Email,country,Lifecyclestage,Createdate\n1,a@x.com,Poland,LEAD,2024-03-01 10:15\n');
    assert.equal(report.rowsLoaded, 1);
    assert.deepEqual(rows[0], { id: '1', properties: { email: 'a@x.com', country: 'Poland', lifecyclestage: 'lead', createdate: '2024-03-01T10:15:00.000Z' } });
  });

  it('reads export date-times in the given zone', async () => {
    const { rows } = await csv('Record ID,createdate\n1,2024-03-01 10:15\n', 'Europe/Warsaw');
    assert.equal(rows[0].properties.createdate, '2024-03-01T09:15:00.000Z');
  });

  it('reports bad rows, unknown columns and unparsable values with their line numbers', async () => {
    const text = [
      'Record ID,email,num_employees,is_vip,createdate,hs_tags,Favourite colour',
      '1,a@x.com,12,true,2024-03-01,a;b,red',
      '2,b@x.com,twelve,maybe,yesterday,a;zzz,blue',
      '3,c@x.com,1', // too few fields
      '4,"d@x.com,5,true,2024-03-01,a,green', // unterminated quote runs to the end
    ].join('\n');
    const { rows, report } = await csv(text);
    assert.deepEqual(rows.map((r) => r.id), ['1', '2']);
    assert.equal(report.rowsLoaded, 2);
    assert.equal(report.rowsRejected, 2);
    assert.deepEqual(report.unknownColumns, ['Favourite colour']);
    const byCode = (code: string) => report.issues.filter((i) => i.code === code).map((i) => [i.line, i.column]);
    assert.deepEqual(byCode('bad-number'), [[3, 'num_employees']]);
    assert.deepEqual(byCode('bad-boolean'), [[3, 'is_vip']]);
    assert.deepEqual(byCode('bad-date'), [[3, 'createdate']]);
    assert.deepEqual(byCode('unknown-option'), [[3, 'hs_tags']]);
    assert.deepEqual(report.issues.filter((i) => i.code === 'malformed-line').map((i) => i.line), [4, 5]);
    assert.match(summariseReport(report), /2 rows loaded, 2 rejected/);
    // the unparsable number is kept as written, so evaluators treat it as unknown
    assert.equal(rows[1].properties.num_employees, 'twelve');
  });

  it('a second column for the same property is ignored and reported, never silently winning', async () => {
    const { rows, report } = await csv('Record ID,Email,email,country\n1,first@x.com,second@x.com,Poland\n');
    assert.equal(rows[0].properties.email, 'first@x.com');
    assert.deepEqual(report.issues.map((i) => [i.line, i.code, i.column]), [[1, 'unknown-column', 'email']]);
    assert.match(report.issues[0].message, /Column "email" holds the same property as column "Email"; it was ignored/);
  });

  it('a row without a Record ID is rejected, not invented', async () => {
    const { rows, report } = await csv('Record ID,email\n,a@x.com\n2,b@x.com\n');
    assert.deepEqual(rows.map((r) => r.id), ['2']);
    assert.deepEqual(report.issues.map((i) => [i.line, i.code]), [[2, 'missing-id']]);
  });
});

describe('preview sources: JSON and NDJSON API records', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hslist-preview-'));

  it('NDJSON: reports invalid lines and records by line, loads the rest with their extras', async () => {
    const path = join(dir, 'contacts.ndjson');
    writeFileSync(path, [
      JSON.stringify({ id: '1', properties: { email: 'a@x.com', num_employees: '7' }, listMemberships: [12], companies: [{ id: 'c1', properties: { industry: 'SOFTWARE' } }] }),
      '{"id": "2", "properties": ',
      JSON.stringify({ properties: { email: 'no id' } }),
      '',
      JSON.stringify({ id: 5, properties: { num_employees: 'x', mystery: '1' }, propertiesWithHistory: { country: [{ value: 'PL', timestamp: '2024-01-01T00:00:00Z' }] } }),
    ].join('\n'));
    const rows: ContactRecord[] = [];
    const report = await readNdjsonContacts(path, testSchema(), (r) => rows.push(r));
    assert.deepEqual(rows.map((r) => r.id), ['1', '5']);
    assert.deepEqual(rows[0].listMemberships, ['12']);
    assert.equal(rows[0].companies?.[0].properties.industry, 'SOFTWARE');
    assert.deepEqual(rows[1].history, { country: [{ value: 'PL', timestamp: Date.parse('2024-01-01T00:00:00Z') }] });
    assert.deepEqual(report.issues.map((i) => [i.line, i.code]), [[2, 'malformed-line'], [3, 'bad-record'], [5, 'bad-number'], [5, 'unknown-column']]);
    assert.equal(report.rowsRejected, 2);
  });

  it('subscription statuses are read whole or not at all: one bad entry leaves them out for that contact, reported', async () => {
    const path = join(dir, 'subscriptions.ndjson');
    writeFileSync(path, [
      JSON.stringify({ id: '1', properties: {}, subscriptions: [{ channel: 'email', subscriptionId: 81537745, status: 'opt_in' }, { channel: 'SMS', status: 'OPT_OUT' }] }),
      JSON.stringify({ id: '2', properties: {}, subscriptions: [{ channel: 'EMAIL', subscriptionId: '1', status: 'OPT_IN' }, { channel: 'FAX', status: 'OPT_IN' }] }),
      JSON.stringify({ id: '3', properties: {}, subscriptions: 'yes' }),
    ].join('\n'));
    const rows: ContactRecord[] = [];
    const report = await readNdjsonContacts(path, testSchema(), (r) => rows.push(r));
    assert.deepEqual(rows.map((r) => r.subscriptions), [
      [{ channel: 'EMAIL', subscriptionId: '81537745', status: 'OPT_IN' }, { channel: 'SMS', status: 'OPT_OUT' }],
      undefined,
      undefined,
    ]);
    assert.deepEqual(report.issues.map((i) => [i.line, i.code]), [[2, 'bad-record'], [3, 'bad-record']]);
    assert.match(report.issues[0].message, /subscriptions\[1\] is \{"channel":"FAX","status":"OPT_IN"\}.*left out/);
    assert.equal(report.rowsRejected, 0);
  });

  it('email events and page views are read whole or not at all: one bad entry leaves them out for that contact, reported', async () => {
    const path = join(dir, 'events.ndjson');
    writeFileSync(path, [
      JSON.stringify({ id: '1', properties: {}, emailEvents: [{ appId: 113, emailId: '456', type: 'open', timestamp: '2024-06-01T10:00:00Z' }], pageViews: [{ url: 'https://x.com/a', timestamp: 1717236000000 }] }),
      JSON.stringify({ id: '2', properties: {}, emailEvents: [{ appId: '113', emailId: '456', type: 'FORWARD', timestamp: 1 }], pageViews: [{ url: 'https://x.com/a' }] }),
      JSON.stringify({ id: '3', properties: {}, emailEvents: [{ emailId: '456', type: 'OPEN', timestamp: 1 }], pageViews: 'many' }),
      JSON.stringify({ id: '4', properties: {}, emailEvents: [{ appId: '1', emailId: '2', type: 'SENT', timestamp: '2024-06-01 10:00' }] }),
    ].join('\n'));
    const rows: ContactRecord[] = [];
    const report = await readNdjsonContacts(path, testSchema(), (r) => rows.push(r));
    assert.deepEqual(rows.map((r) => [r.emailEvents, r.pageViews]), [
      [[{ appId: '113', emailId: '456', type: 'OPEN', timestamp: Date.parse('2024-06-01T10:00:00Z') }], [{ url: 'https://x.com/a', timestamp: 1717236000000 }]],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    assert.deepEqual(report.issues.map((i) => [i.line, i.code]), [[2, 'bad-record'], [2, 'bad-record'], [3, 'bad-record'], [3, 'bad-record'], [4, 'bad-record']]);
    assert.match(report.issues[0].message, /emailEvents\[0\] is .*"FORWARD".*left out/);
    assert.match(report.issues[1].message, /pageViews\[0\] is \{"url":"https:\/\/x.com\/a"\}/);
    assert.match(report.issues[3].message, /"pageViews" is not a list/);
    assert.match(report.issues[4].message, /emailEvents\[0\].*"timestamp": epoch ms or ISO 8601 with its zone/);
    assert.equal(report.rowsRejected, 0);
  });

  it('JSON array (or an API page with results)', async () => {
    const path = join(dir, 'contacts.json');
    writeFileSync(path, JSON.stringify({ results: [{ id: '1', properties: { email: 'a@x.com' } }, 'nonsense'] }));
    const rows: ContactRecord[] = [];
    const report = await readJsonArrayContacts(path, testSchema(), (r) => rows.push(r));
    assert.equal(rows.length, 1);
    assert.deepEqual(report.issues.map((i) => [i.line, i.code]), [[2, 'bad-record']]);
  });
});
