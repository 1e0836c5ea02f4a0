// The editor's Salesforce side over a real stdio connection: with contacts, a Salesforce export
// (hslist.json `salesforce.records`) and the pulled Salesforce schema, the sync block gets a code lens with
// the simulation's figures, the data-aware checks amend its diagnostics, the panel's request answers each
// outcome with its rule, and a list's name hovers its SOQL (also given by the `hslist.soql` command).
// Five contacts and three records, counted by hand (as in test/unit/cli/sync-plan.test.ts).

import { strict as assert } from 'node:assert';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import type { SyncAnswer } from '../../server/src/lsp/preview/protocol';
import { lspSession } from './support/session';
import { until } from './support/until';
import { CONTACT_DESCRIBE, LEAD_DESCRIBE, POLISH_LEADS, SYNC_BLOCK, SYNC_CONTACTS, SYNC_SALESFORCE_CSV } from '../support/sync-world';

const TEXT = `${POLISH_LEADS}
list "Titled" {
  where jobtitle is known and country is "O'Neill"
}

${SYNC_BLOCK}`;

describe('lsp: the Salesforce side', function () {
  this.timeout(60_000);
  let uri: string;
  const lsp = lspSession({
    files: {
      'hslist.json': JSON.stringify({ contacts: 'contacts.csv', salesforce: { records: 'salesforce.csv' } }),
      'contacts.csv': SYNC_CONTACTS,
      'salesforce.csv': SYNC_SALESFORCE_CSV,
      '.hslist/schema/salesforce/lead.json': JSON.stringify(LEAD_DESCRIBE),
      '.hslist/schema/salesforce/contact.json': JSON.stringify(CONTACT_DESCRIBE),
    },
    ready: (session) => {
      uri = session.client.open(session.path('sync.hslist'), TEXT).uri;
    },
  });

  it('puts the simulation on the sync block: who will sync, new leads, creates that fail, frozen', async () => {
    const lens = await until(async () => ((await lsp.client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? []).find((l) => l.command?.title.startsWith('Salesforce:')), 'the sync lens');
    // ada updates, eve would fail (no Company); zed creates a HubSpot contact outside the list.
    assert.equal(lens.command?.title, 'Salesforce: 2 will sync · 0 new leads · 1 would fail · 1 frozen');
    assert.equal(lens.range.start.line, 10);
    assert.deepEqual(lens.command?.arguments, [uri, 'Polish leads', 'salesforce']);
  });

  it('the auto-create check gains the data\'s counts and becomes a warning', async () => {
    const diagnostics = await lsp.client.diagnostics(uri, (d) => d.some((x) => x.code === 'auto-create-bypasses-list' && x.severity === 2));
    const d = diagnostics.find((x) => x.code === 'auto-create-bypasses-list')!;
    assert.match(d.message, /In contacts\.csv with Salesforce salesforce\.csv: 1 Salesforce lead and 0 contacts have no HubSpot contact and would create one; 1 of them would be outside the list/);
  });

  it('answers the panel each outcome with its rule and samples', async () => {
    const answer = await lsp.client.request<SyncAnswer>('hslist/preview/sync', {});
    const outcomes = Object.fromEntries((answer.summary?.outcomes ?? []).map((o) => [`${o.side}:${o.outcome}`, [o.count, o.rule]]));
    assert.deepEqual(outcomes['hubspot:update'], [1, 'C5']);
    assert.deepEqual(outcomes['hubspot:create-fails'], [1, 'A-REQUIRED']);
    assert.deepEqual(outcomes['salesforce:create-in-hubspot'], [1, 'C2']);
    assert.equal(answer.summary?.outcomes.find((o) => o.outcome === 'update')?.samples[0].email, 'ada@lovelace.org');
  });

  it('hovers a list\'s SOQL (escaped), or why there is none', async () => {
    const hover = await lsp.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 8 } });
    const text = (hover?.contents as { value: string }).value;
    assert.match(text, /SELECT COUNT\(\) FROM Lead WHERE \(Title != null AND Country IN \('O\\'Neill'\)\)/);
    assert.match(text, /SELECT COUNT\(\) FROM Contact WHERE \(Title != null AND MailingCountry IN \('O\\'Neill'\)\)/);
    const polish = await lsp.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
    assert.match((polish?.contents as { value: string }).value, /Lead: no SOQL: `lifecyclestage` is not mapped to a Lead field/);
  });

  it('the hslist.settingsSheet command lists what to set by hand in HubSpot, where and to what', async () => {
    const sheet = await lsp.client.request<string>('workspace/executeCommand', { command: 'hslist.settingsSheet', arguments: [] });
    assert.match(sheet, /^# Salesforce settings sheet/);
    assert.match(sheet, /## Inclusion list\n\n- \*\*Value:\*\* Polish leads\n- \*\*Where:\*\* Settings > Integrations > Connected apps > Salesforce > Contacts tab > Limit sync/);
    assert.match(sheet, /## Sync rule of jobtitle ↔ Title\n\n- \*\*Value:\*\* Two-way/);
  });

  it('the hslist.soql command gives the same text for the list at a position', async () => {
    const text = await lsp.client.request<string>('workspace/executeCommand', { command: 'hslist.soql', arguments: [uri, { line: 7, character: 4 }] });
    assert.match(text, /^-- "Titled" as SOQL/);
    assert.match(text, /^SELECT COUNT\(\) FROM Lead WHERE .*;$/m);
  });
});
