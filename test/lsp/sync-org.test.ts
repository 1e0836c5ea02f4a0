// The editor's Salesforce side read from the connected org (`salesforce.records: "org"`), over a real stdio
// connection, against the Salesforce emulator holding the same three records as the export of
// test/lsp/sync.test.ts: the client hands over the session when asked (as the VS Code client does from its
// secret storage), the org is read once in the background, and the figures equal the export's. Edits do not
// read the org again; a reload or an account change does. A session for another host is refused, and the
// session never reaches the log.

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { displayHost } from '../../server/src/accounts/hosts';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../server/src/sandbox/salesforce/emulator';
import { LspClient } from './support/lsp-client';
import { until } from './support/until';
import { CONTACT_DESCRIBE, LEAD_DESCRIBE, SYNC_CONTACTS, SYNC_SALESFORCE_RECORDS as RECORDS, SYNC_TEXT as TEXT } from '../support/sync-world';

const SESSION = '00D5g000004hSlS!AQ-editor-org-session-41';

/** The lens title the export of test/lsp/sync.test.ts gives for the same contacts and records. */
const FIGURES = 'Salesforce: 2 will sync · 0 new leads · 1 would fail · 1 frozen';

describe('lsp: the Salesforce side read from the connected org', function () {
  this.timeout(60_000);
  let org: SalesforceEmulator;
  let client: LspClient;
  let root: string;
  let uri: string;

  const syncLens = async () => ((await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? []).find((l) => l.command?.title.startsWith('Salesforce:'))?.command?.title;
  const lensBecomes = (test: (title: string) => boolean, what: string) => until(async () => { const t = await syncLens(); return t !== undefined && test(t) ? t : undefined; }, what, 30_000);
  const orgQueries = () => org.state.requestLog.filter((l) => l.includes('/query')).length;

  before(async () => {
    org = await startSalesforceEmulator({ records: RECORDS, accessToken: SESSION });
    root = mkdtempSync(join(tmpdir(), 'hslist-lsp-org-'));
    writeFileSync(join(root, 'hslist.json'), JSON.stringify({ contacts: 'contacts.csv', salesforce: { records: 'org', instanceUrl: org.url } }));
    writeFileSync(join(root, 'contacts.csv'), SYNC_CONTACTS);
    mkdirSync(join(root, '.hslist', 'schema', 'salesforce'), { recursive: true });
    writeFileSync(join(root, '.hslist', 'schema', 'salesforce', 'lead.json'), JSON.stringify(LEAD_DESCRIBE));
    writeFileSync(join(root, '.hslist', 'schema', 'salesforce', 'contact.json'), JSON.stringify(CONTACT_DESCRIBE));
    client = await LspClient.start(root);
    client.salesforceConnection = { instanceUrl: org.url, accessToken: SESSION };
    uri = client.open(join(root, 'sync.hslist'), TEXT).uri;
  });

  after(async () => {
    await client?.stop();
    await org?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('asks for the session of the instance hslist.json names, reads the org, and shows the same figures as the export', async () => {
    assert.equal(await lensBecomes((t) => t === FIGURES, 'the figures from the org'), FIGURES);
    assert.deepEqual(client.salesforceConnectionAsks[0], { url: org.url, from: 'hslist.json salesforce.instanceUrl' });
    assert.equal(orgQueries(), 2, 'one query per object');
  });

  it('edits are simulated again on the records read, without reading the org again', async () => {
    const before = orgQueries();
    client.change(uri, TEXT.replace('    and lifecyclestage is lead\n', ''));
    const edited = await lensBecomes((t) => t !== FIGURES, 'the figures after the edit');
    assert.match(edited, /^Salesforce: 3 will sync/);
    const answer = await client.request<{ summary?: { source: string } }>('hslist/preview/sync', {});
    assert.equal(answer.summary?.source, `contacts.csv with Salesforce org at ${displayHost(org.url)}`);
    client.change(uri, TEXT);
    assert.equal(await lensBecomes((t) => t === FIGURES, 'the figures again'), FIGURES);
    assert.equal(orgQueries(), before);
  });

  it('a session connected for another host is refused: the lens says why and the org is not called', async () => {
    const calls = org.state.received.length;
    client.salesforceConnection = { instanceUrl: 'https://collector.example', accessToken: SESSION };
    await client.connection.sendNotification('hslist/account/changed', {});
    const title = await lensBecomes((t) => t.includes('cannot be read'), 'the refusal');
    assert.equal(title, `Salesforce: the org cannot be read: the Salesforce token the editor handed over was connected for collector.example, and this workspace calls ${displayHost(org.url)} (hslist.json salesforce.instanceUrl): it was not sent there`);
    assert.equal(org.state.received.length, calls);
  });

  it('an account change reads the org again; a session Salesforce refuses is said in Salesforce\'s words, never in full', async () => {
    org.state.expireTokens();
    client.salesforceConnection = { instanceUrl: org.url, accessToken: SESSION };
    await client.connection.sendNotification('hslist/account/changed', {});
    const refused = await lensBecomes((t) => /INVALID_SESSION_ID/.test(t), 'the refused session');
    assert.equal(refused, `Salesforce: the org at ${displayHost(org.url)} cannot be read: Salesforce said 401 INVALID_SESSION_ID: Session expired or invalid (while querying Lead).`);
    org.state.tokens.add(SESSION);
    await client.request('hslist/preview/reload', {});
    assert.equal(await lensBecomes((t) => t === FIGURES, 'the figures again'), FIGURES);
    assert.ok(!client.log.join('\n').includes(SESSION), 'the session never reaches the log');
  });
});
