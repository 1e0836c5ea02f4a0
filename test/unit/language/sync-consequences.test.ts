// The checks that say what the sync settings lead to: `auto-create-bypasses-list` (rule C2) and
// `unmapped-list-property` (rule T4).

import { strict as assert } from 'node:assert';
import { analyzeText, applyFix, diagnosticsOf, expectDiagnostics } from './expect';

const QUALIFIED = (where: string) => ({ path: 'lists.hslist', text: `list "Qualified" {\n  type: active\n  where ${where}\n}\n` });

describe('language: what the sync settings lead to', () => {
  describe('auto-create-bypasses-list (C2)', () => {
    const source = 'sync salesforce {\n  inclusion list: "Qualified"\n  salesforce creates hubspot contacts: ⟦yes⟧\n}';

    it('is said on `yes` with an inclusion list, as info, and the fix sets "Do nothing"', () => {
      const [d] = expectDiagnostics(source, ['auto-create-bypasses-list'], { others: [QUALIFIED('email is known')] });
      assert.equal(d.severity, 'info');
      assert.match(d.message, /even when they are not in "Qualified" \(rule C2\).*wait until it meets the list's criteria/);
      assert.equal(d.fixes?.[0].title, 'Change to `no` ("Do nothing")');
      assert.match(applyFix(source.replace(/[⟦⟧]/g, ''), d.fixes![0]), /salesforce creates hubspot contacts: no\n/);
    });

    it('is not said for `no`, nor without an inclusion list (everyone syncs anyway, E1)', () => {
      expectDiagnostics('sync salesforce {\n  inclusion list: "Qualified"\n  salesforce creates hubspot contacts: no\n}', [], { others: [QUALIFIED('email is known')] });
      expectDiagnostics('sync ⟦salesforce⟧ {\n  salesforce creates hubspot contacts: yes\n}', ['no-inclusion-list']);
    });
  });

  describe('unmapped-list-property (T4)', () => {
    const sync = (...mappings: string[]) => `sync salesforce {\n  inclusion list: "Qualified"\n  hubspot creates in salesforce: lead\n${mappings.map((m) => `  ${m}\n`).join('')}}\n`;

    /** The properties `unmapped-list-property` names in the inclusion list `where`. */
    function infos(where: string, ...mappings: string[]): string[] {
      const list = QUALIFIED(where);
      const analysis = analyzeText(list.text, { others: [{ path: 'sync.hslist', text: sync(...mappings) }] });
      return diagnosticsOf(analysis).filter((d) => d.code === 'unmapped-list-property').map((d) => list.text.slice(d.start, d.end));
    }

    it('names each unmapped property once, on the inclusion list', () => {
      assert.deepEqual(infos('email is known and createdate is after 2024-01-01 and createdate is before 2025-01-01'), ['createdate']);
    });

    it("a mapping turned to `don't sync` does not map it; a syncing rule does", () => {
      assert.deepEqual(infos('jobtitle is "CEO" and lifecyclestage is lead', 'map jobtitle to Title: two way', "map lifecyclestage to Status: don't sync"), ['lifecyclestage']);
    });

    it("HubSpot's default mappings (M4) count, and so does a mapping whose rule is chosen in HubSpot", () => {
      assert.deepEqual(infos('country is "Poland" and company is "Acme"'), []);
      assert.deepEqual(infos('lifecyclestage is lead', 'map lifecyclestage to Status'), []);
    });

    it('the message says what an unmapped property means for the sync', () => {
      const [d] = expectDiagnostics(QUALIFIED('⟦createdate⟧ is after 2024-01-01').text, ['unmapped-list-property'], { others: [{ path: 'sync.hslist', text: sync() }] });
      assert.equal(d.severity, 'info');
      assert.match(d.message, /never triggers a sync by itself \(rule T4\)/);
    });
  });
});
