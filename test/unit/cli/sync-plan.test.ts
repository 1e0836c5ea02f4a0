// `hslist sync-plan` on a world small enough to count by hand: five HubSpot contacts (a CSV export) and three
// Salesforce records (an export file with field API names).

import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hslist, workspace } from './cli-support';
import { SYNC_CONTACTS as CONTACTS, SYNC_SALESFORCE_CSV as SALESFORCE, SYNC_TEXT as SYNC } from '../../support/sync-world';

function syncWorkspace(files: Record<string, string> = {}): string {
  return workspace({ 'hslist.json': JSON.stringify({ contacts: 'contacts.csv' }), 'contacts.csv': CONTACTS, 'salesforce.csv': SALESFORCE, 'sync.hslist': SYNC, ...files });
}

describe('hslist sync-plan', () => {
  it('counts each outcome with its rule: update, failing create, skips; auto-creates and frozen; writes; the import', async () => {
    const run = await hslist(syncWorkspace(), 'sync-plan', '--salesforce', 'salesforce.csv', '--sample', '1');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^HubSpot → Salesforce \(5 contacts\): 0 new leads · 0 new contacts$/m);
    assert.match(run.out, /^ +1 {2}create would fail +A-REQUIRED$/m);
    assert.match(run.out, /e\.g\. eve@corp\.pl: would be created as a Lead but has no value for company, which Salesforce requires/);
    assert.match(run.out, /^ +1 {2}update \(field writes\) +C5$/m);
    assert.match(run.out, /^ +2 {2}skip: not in the inclusion list +E2$/m);
    assert.match(run.out, /^ +1 {2}skip: no email +E9$/m);
    assert.match(run.out, /: 1 leads and 0 contacts create HubSpot contacts · 1 frozen \(C2\)$/m);
    assert.match(run.out, /^ {2}jobtitle ↔ Title \(two way\): to Salesforce 1 · to HubSpot 1$/m);
    assert.match(run.out, /^ +1 {2}new contact keeps only its email +I3$/m);
  });

  it('--json: the same figures, settings, and each outcome with its rule and samples', async () => {
    const run = await hslist(syncWorkspace(), 'sync-plan', '--salesforce', 'salesforce.csv', '--json');
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out);
    const counts = (lines: { outcome: string; count: number }[]) => Object.fromEntries(lines.filter((l) => l.count > 0).map((l) => [l.outcome, l.count]));
    assert.deepEqual(counts(report.contacts.outcomes), { 'create-fails': 1, update: 1, 'not-in-list': 2, 'no-email': 1 });
    assert.deepEqual(counts(report.salesforce.outcomes), { linked: 2, 'create-in-hubspot': 1 });
    assert.deepEqual(counts(report.import), { 'new-email-only': 1, 'existing-filled': 1, 'existing-unchanged': 1 });
    assert.deepEqual([report.salesforce.autoCreates, report.salesforce.frozen], [{ Lead: 1, Contact: 0 }, 1]);
    assert.equal(report.contacts.outcomes.find((l: { outcome: string }) => l.outcome === 'update').samples[0].email, 'ada@lovelace.org');
    assert.equal(report.settings.inclusionList, 'Polish leads');
  });

  it('--before DIR: who starts and stops syncing when the criteria change', async () => {
    const root = syncWorkspace({ 'old/sync.hslist': SYNC.replace('and country is "Poland"', 'and country is "Germany"') });
    const run = await hslist(root, 'sync-plan', 'sync.hslist', '--salesforce', 'salesforce.csv', '--before', 'old', '--json');
    assert.equal(run.code, 0, run.err);
    const { delta } = JSON.parse(run.out);
    assert.deepEqual([delta.starts, delta.stops, delta.before], [2, 1, 'old']);
    assert.deepEqual(delta.startSamples.map((s: { email: string }) => s.email), ['ada@lovelace.org', 'eve@corp.pl']);
    assert.deepEqual(delta.stopSamples.map((s: { email: string }) => s.email), ['bob@example.com']);
  });

  describe('hslist preview --explain with Salesforce data', () => {
    it('gives the contact\'s Salesforce side: matched record, outcome, rule, and each field write before → after', async () => {
      const run = await hslist(syncWorkspace(), 'preview', 'sync.hslist', '--explain', 'ada@lovelace.org', '--salesforce', 'salesforce.csv');
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /^Salesforce side of ada@lovelace\.org \(id 1\); inclusion list "Polish leads": in$/m);
      assert.match(run.out, /^ {2}update — C5: syncs with Lead 00Q000000000001AAA, updated 2025-01-01$/m);
      assert.match(run.out, /^ {2}matched: Lead 00Q000000000001AAA <ADA@lovelace\.org>, updated 2025-01-01$/m);
      assert.match(run.out, /^ {2}jobtitle ↔ Title: "CTO" → "CEO" \(HubSpot → Salesforce, R3\)$/m);
    });

    it('a contact outside the list is skipped with E2; --json carries the same', async () => {
      const run = await hslist(syncWorkspace(), 'preview', 'sync.hslist', '--explain', 'dee@corp.pl', '--salesforce', 'salesforce.csv', '--json');
      const { salesforce } = JSON.parse(run.out);
      assert.deepEqual([salesforce.outcome, salesforce.rule, salesforce.membership, salesforce.record.id], ['not-in-list', 'E2', false, '003000000000001AAA']);
    });

    it('without Salesforce data the preview says nothing of Salesforce', async () => {
      const run = await hslist(syncWorkspace(), 'preview', 'sync.hslist', '--explain', 'ada@lovelace.org');
      assert.doesNotMatch(run.out, /Salesforce side/);
    });
  });

  describe('hslist check with data', () => {
    it('auto-create says how many Salesforce records it concerns, and is a warning when some would freeze', async () => {
      const plain = await hslist(syncWorkspace(), 'check');
      assert.equal(plain.code, 0, plain.out);
      assert.match(plain.out, /sync\.hslist:9:40: info auto-create-bypasses-list /);
      // A warning is advice (exit 0) unless --max-warnings says otherwise.
      assert.equal((await hslist(syncWorkspace(), 'check', '--salesforce', 'salesforce.csv')).code, 0);
      const run = await hslist(syncWorkspace(), 'check', '--salesforce', 'salesforce.csv', '--max-warnings', '0');
      assert.equal(run.code, 1, run.err);
      assert.match(run.out, /sync\.hslist:9:40: warning auto-create-bypasses-list .* In contacts\.csv with Salesforce salesforce\.csv: 1 Salesforce lead and 0 contacts have no HubSpot contact and would create one; 1 of them would be outside the list, their updates frozen\.$/m);
    });

    it('inclusion-list-empty: no contact of the data is in the inclusion list', async () => {
      const root = syncWorkspace({ 'sync.hslist': SYNC.replace('country is "Poland"', 'country is "Peru"').replace('creates hubspot contacts: yes', 'creates hubspot contacts: no') });
      const run = await hslist(root, 'check', '--salesforce', 'salesforce.csv', '--max-warnings', '0');
      assert.equal(run.code, 1);
      assert.match(run.out, /sync\.hslist:8:19: warning inclusion-list-empty No contact of contacts\.csv with Salesforce salesforce\.csv is in "Polish leads" \(0 of 5\), so nothing would sync to Salesforce/);
    });

    it('data options need a sync block (exit 2)', async () => {
      const run = await hslist(syncWorkspace({ 'sync.hslist': 'list "A" {\n  where email is known\n}\n' }), 'check', '--salesforce', 'salesforce.csv');
      assert.equal(run.code, 2);
    });
  });

  describe('bad input', () => {
    it('a workspace without a sync block is a usage error (exit 2)', async () => {
      const run = await hslist(syncWorkspace({ 'sync.hslist': 'list "A" {\n  where email is known\n}\n' }), 'sync-plan', '--salesforce', 'salesforce.csv');
      assert.equal(run.code, 2);
      assert.match(run.err, /no `sync salesforce \{ … \}` block/);
    });

    it('no Salesforce data and no org credentials: exit 2 naming --salesforce', async () => {
      const run = await hslist(syncWorkspace(), 'sync-plan');
      assert.equal(run.code, 2);
      assert.match(run.err, /no Salesforce data: pass --salesforce PATH/);
    });

    it('a missing or empty Salesforce file is an error naming it, never "0 records" (exit 1)', async () => {
      const missing = await hslist(syncWorkspace(), 'sync-plan', '--salesforce', 'nope.csv');
      assert.equal(missing.code, 1);
      assert.match(missing.err, /nope\.csv cannot be read/);
      const root = syncWorkspace({ 'empty.csv': 'Id,Email\n' });
      const empty = await hslist(root, 'sync-plan', '--salesforce', 'empty.csv');
      assert.equal(empty.code, 1);
      assert.match(empty.err, /empty\.csv holds no Salesforce lead or contact/);
      const noId = await hslist(syncWorkspace({ 'x.csv': 'Email\na@b.c\n' }), 'sync-plan', '--salesforce', 'x.csv');
      assert.match(noId.err, /x\.csv has no Id column/);
    });

    it('rejected Salesforce rows are reported with their line and make the exit code 1', async () => {
      const root = syncWorkspace();
      writeFileSync(join(root, 'salesforce.csv'), `${SALESFORCE}001000000000009AAA,acct@x.org,,,,\n`);
      const run = await hslist(root, 'sync-plan', '--salesforce', 'salesforce.csv');
      assert.equal(run.code, 1);
      assert.match(run.out, /1 Salesforce rows were rejected: line 5 has Id 001000000000009AAA, which is neither a Lead/);
    });

    it('an empty contacts file is an error (exit 1), as are errors in the files', async () => {
      const empty = await hslist(syncWorkspace({ 'contacts.csv': 'Record ID,Email\n' }), 'sync-plan', '--salesforce', 'salesforce.csv');
      assert.equal(empty.code, 1);
      assert.match(empty.err, /contacts\.csv has a header but no contact rows/);
      const broken = await hslist(syncWorkspace({ 'sync.hslist': SYNC.replace('lifecyclestage is lead', 'lifecyclestage is leed') }), 'sync-plan', '--salesforce', 'salesforce.csv');
      assert.equal(broken.code, 1);
      assert.match(broken.err, /unknown-option[\s\S]*not simulated, fix the errors above first/);
    });

    it('malformed flags and an unknown --before are usage errors (exit 2)', async () => {
      assert.equal((await hslist(syncWorkspace(), 'sync-plan', '--sample', 'many')).code, 2);
      const before = await hslist(syncWorkspace(), 'sync-plan', '--salesforce', 'salesforce.csv', '--before', 'no-such-rev');
      assert.equal(before.code, 2);
      assert.match(before.err, /--before "no-such-rev" is neither a folder nor a git revision/);
    });
  });
});
