// CRM exports through the account layer and the real SDK against the emulator: the request body the spec
// requires, the task's status until COMPLETE, the export's record count, and the file downloaded from the
// file host (another origin than the API) without the token; what HubSpot refuses and what the file host
// breaks become one clear sentence each.

import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { checkedFileUrl } from '../../../server/src/hubspot/account/export-download';
import type { HubSpotAccount } from '../../../server/src/hubspot/account/types';
import { expectRejection, startHarness, TOKEN, type Harness } from './support';

const ASKED = ['hs_object_id', 'lastmodifieddate', 'email', 'lifecyclestage', 'createdate', 'hs_email_optout'];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Starts an export and reads its status until it is no longer PENDING or PROCESSING (the emulator needs two reads). */
async function finishedExport(account: HubSpotAccount): Promise<{ id: string; status: Awaited<ReturnType<HubSpotAccount['exportStatus']>>; first: string }> {
  const id = await account.startContactsExport(ASKED, 'contract');
  const first = (await account.exportStatus(id)).status;
  let status = await account.exportStatus(id);
  for (let i = 0; i < 5 && (status.status === 'PENDING' || status.status === 'PROCESSING'); i++) status = await account.exportStatus(id);
  return { id, status, first };
}

describe('HubSpot account: CRM exports', () => {
  let h: Harness;
  const file = () => join(mkdtempSync(join(tmpdir(), 'hslist-export-')), 'export.tmp');

  beforeEach(async () => {
    h = await startHarness({ contacts: 40 });
  });
  afterEach(() => h.emulator.stop());

  it('starts a VIEW export of every contact as CSV with internal names and values, the body the spec requires', async () => {
    const id = await h.account.startContactsExport(ASKED, 'hslist preview');
    assert.match(id, /^\d+$/);
    const sent = h.emulator.requests.find((r) => r.method === 'POST' && r.path === '/crm/v3/exports/export/async');
    assert.deepEqual(sent?.body, {
      exportType: 'VIEW', exportName: 'hslist preview', format: 'CSV', language: 'EN', objectType: 'CONTACT', objectProperties: ASKED,
      associatedObjectType: [], exportInternalValuesOptions: ['NAMES', 'VALUES'], includeLabeledAssociations: false,
      includePrimaryDisplayPropertyForAssociatedObjects: false, overrideAssociatedObjectsPerDefinitionPerRowLimit: false,
    });
  });

  it('reads the status until COMPLETE, the record count, and downloads the file from the file host without the token', async () => {
    const { id, status, first } = await finishedExport(h.account);
    assert.equal(first, 'PROCESSING');
    assert.equal(status.status, 'COMPLETE');
    const url = new URL(status.url!);
    assert.notEqual(url.origin, new URL(h.emulator.url).origin, 'the file host is another origin than the API');
    assert.ok(!status.url!.includes(TOKEN));
    assert.deepEqual(await h.account.exportDetails(id), { exportState: 'DONE', recordCount: 40 });
    const target = file();
    const bytes = await h.account.downloadExport(status.url!, target);
    const lines = readFileSync(target, 'utf8').trimEnd().split('\r\n');
    assert.equal(bytes, readFileSync(target).length);
    assert.equal(lines[0], ASKED.join(','));
    assert.equal(lines.length, 41);
    assert.match(lines[1], /^1,\d{13},[^,]*@[^,]+,[a-z]*,\d{13},(true|false)?$/, 'dates as epoch milliseconds, internal values');
    assert.deepEqual(h.emulator.files.requests.map((r) => ({ authorization: r.authorization, bearer: r.bearerSha256, status: r.status })), [{ authorization: false, bearer: undefined, status: 200 }]);
    assert.ok(h.emulator.requests.every((r) => r.bearerSha256 === sha256(TOKEN)), 'the API got the token on every call');
  });

  it('calls the dated paths under a date-based API version', async () => {
    const account = createHubSpotAccount({ accessToken: TOKEN, basePath: h.emulator.url, throttle: false, apiVersion: '2026-09' });
    const { id, status } = await finishedExport(account);
    assert.equal(status.status, 'COMPLETE');
    assert.equal((await account.exportDetails(id)).recordCount, 40);
    const paths = new Set(h.emulator.requests.map((r) => r.path.replace(/\d+/g, 'N')));
    assert.deepEqual([...paths].sort(), ['/crm/exports/N-N/export/N', '/crm/exports/N-N/export/async', '/crm/exports/N-N/export/async/tasks/N/status']);
  });

  it('a token without crm.export is refused with HubSpot\'s 403 and the scope named', async () => {
    const emulator = await startHarness({ contacts: 5, scopes: { [TOKEN]: ['crm.objects.contacts.read'] } });
    try {
      const error = await expectRejection(emulator.account.startContactsExport(ASKED, 'x'));
      assert.equal(error.kind, 'scope');
      assert.match(error.message, /^HubSpot said 403 Forbidden: .*missing scope crm\.export/);
    } finally {
      await emulator.emulator.stop();
    }
  });

  it('a CANCELED or FAILED export is its status, with HubSpot\'s errors', async () => {
    h.emulator.exports.failNext({ status: 'CANCELED' });
    h.emulator.exports.failNext({ status: 'FAILED' });
    assert.deepEqual((await finishedExport(h.account)).status, { status: 'CANCELED', errors: [] });
    assert.deepEqual((await finishedExport(h.account)).status, { status: 'FAILED', errors: ['The export could not be completed.'] });
  });

  it('a download cut off mid-way is an error naming the bytes that arrived', async () => {
    const { status } = await finishedExport(h.account);
    h.emulator.files.faults.add({ type: 'truncate', bytes: 100 });
    const error = await expectRejection(h.account.downloadExport(status.url!, file()));
    assert.match(error.message, /^HubSpot's export file host 127\.0\.0\.1:\d+ broke off the file: 100 of [\d,]+ bytes arrived\.$/);
  });

  it('an expired URL is the file host\'s 403 with its body; a file over the size limit is refused before reading', async () => {
    const { status } = await finishedExport(h.account);
    await expectRejection(h.account.downloadExport(status.url!, file(), { maxBytes: 10 })).then((e) => assert.match(e.message, /sent a file of [\d,]+ bytes, over the 10 bytes hslist reads/));
    h.tick(5 * 60_000 + 1);
    const error = await expectRejection(h.account.downloadExport(status.url!, file()));
    assert.match(error.message, /^HubSpot's export file host 127\.0\.0\.1:\d+ answered 403 Forbidden: <\?xml .*Request has expired/);
  });

  it('fetches files only over https, or http to this machine; never a URL with a user name', () => {
    assert.equal(checkedFileUrl('https://api-na1.hubspot-files.example/exports/1.zip?sig=abc').host, 'api-na1.hubspot-files.example');
    assert.equal(checkedFileUrl('http://127.0.0.1:4010/x.csv').port, '4010');
    assert.throws(() => checkedFileUrl('http://files.example/x.csv'), /file host files\.example is not https \(http\); not fetched/);
    assert.throws(() => checkedFileUrl('https://user:pw@files.example/x.csv'), /has a user name or password in its URL/);
    assert.throws(() => checkedFileUrl('ftp://files.example/x.csv'), /is not https \(ftp\)/);
    assert.throws(() => checkedFileUrl('not a url'), /not a URL/);
  });
});
