import { strict as assert } from 'node:assert';
import { analyzeText, applyFix, diagnosticsOf, expectClean, expectDiagnostics, fixed } from './expect';

const QUALIFIED = { path: 'lists.hslist', text: 'list "Qualified" {\n  type: active\n  where email is known\n}\n' };

describe('language: the sync block', () => {
  it('a complete sync block checks clean', () => {
    expectClean(`sync salesforce {
  inclusion list: "Qualified"
  salesforce creates hubspot contacts: no
  hubspot creates in salesforce: lead
  map lifecyclestage to Status: prefer salesforce unless blank
  map jobtitle to Title: two way
  map hs_lead_status to Rating: always salesforce
  map hs_analytics_source to LeadSource: don't sync
}`, { others: [QUALIFIED] });
  });

  it('unknown-sync-setting with did-you-mean', () => {
    const source = 'sync salesforce {\n  inclusion lists: "Qualified"\n}';
    const [info, d] = expectDiagnostics('sync ⟦salesforce⟧ {\n  ⟦inclusion lists⟧: "Qualified"\n}', ['no-inclusion-list', 'unknown-sync-setting'], { others: [QUALIFIED] });
    assert.equal(info.severity, 'info');
    assert.match(d.message, /did you mean `inclusion list`/);
    assert.equal(fixed(source, 'unknown-sync-setting', { others: [QUALIFIED] }), source.replace('lists', 'list'));
  });

  it('invalid-sync-value names what the choices mean in HubSpot', () => {
    const [d] = expectDiagnostics('sync salesforce {\n  inclusion list: "Qualified"\n  salesforce creates hubspot contacts: ⟦maybe⟧\n}', ['invalid-sync-value'], { others: [QUALIFIED] });
    assert.match(d.message, /"Create or update the contact"/);
    assert.match(d.message, /"Do nothing"/);
    expectDiagnostics('sync salesforce {\n  inclusion list: "Qualified"\n  hubspot creates in salesforce: ⟦account⟧\n}', ['invalid-sync-value'], { others: [QUALIFIED] });
  });

  it('duplicate-sync-block: at most one per file', () => {
    expectDiagnostics('sync salesforce {\n  inclusion list: "Qualified"\n}\nsync ⟦salesforce⟧ {\n}', ['duplicate-sync-block'], { others: [QUALIFIED] });
  });

  it('conflicting-sync-settings: a second sync block in another file', () => {
    const other = { path: 'a-sync.hslist', text: 'sync salesforce {\n  inclusion list: "Qualified"\n}\n' };
    const [d] = expectDiagnostics('sync ⟦salesforce⟧ {\n  inclusion list: "Qualified"\n}', ['conflicting-sync-settings'], { others: [QUALIFIED, other] });
    assert.match(d.message, /a-sync\.hslist:1/);
  });

  it('inclusion-list-not-active, fixed in the list\'s own file', () => {
    const staticList = { path: 'lists.hslist', text: 'list "Qualified" {\n  type: static\n}\n' };
    const sync = 'sync salesforce {\n  inclusion list: "Qualified"\n}';
    const [d] = expectDiagnostics('sync salesforce {\n  inclusion list: ⟦"Qualified"⟧\n}', ['inclusion-list-not-active'], { others: [staticList] });
    const fix = d.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.path, 'lists.hslist');
    assert.equal(applyFix(staticList.text, fix), 'list "Qualified" {\n  type: active\n}\n');
    // Without a type setting, there is nothing to fix: a list without `type:` is active.
    expectClean(sync, { others: [{ path: 'lists.hslist', text: 'list "Qualified" {\n  where email is known\n}\n' }] });
  });

  it('inclusion-list-not-active: a snapshot list is not active either', () => {
    const snapshot = { path: 'lists.hslist', text: 'list "Qualified" {\n  folder: "x"\n  type: snapshot\n  where email is known\n}\n' };
    const d = diagnosticsOf(analyzeText('sync salesforce {\n  inclusion list: "Qualified"\n}', { others: [snapshot] }))[0];
    assert.equal(d.code, 'inclusion-list-not-active');
    assert.equal(applyFix(snapshot.text, d.fixes![0]), snapshot.text.replace('snapshot', 'active'));
  });

  it('an unknown inclusion list is unknown-list, with did-you-mean over workspace lists', () => {
    const source = 'sync salesforce {\n  inclusion list: "Qualifed"\n}';
    expectDiagnostics('sync salesforce {\n  inclusion list: ⟦"Qualifed"⟧\n}', ['unknown-list'], { others: [QUALIFIED] });
    assert.equal(fixed(source, 'unknown-list', { others: [QUALIFIED] }), source.replace('Qualifed', 'Qualified'));
  });

  it('no-inclusion-list is information: every contact with an email syncs (rule E1)', () => {
    const [d] = expectDiagnostics('sync ⟦salesforce⟧ {\n  hubspot creates in salesforce: contact\n}', ['no-inclusion-list']);
    assert.equal(d.severity, 'info');
  });

  it('invalid-sync-rule suggests the rule that was meant', () => {
    const source = 'sync salesforce {\n  inclusion list: "Qualified"\n  map jobtitle to Title: too way\n}';
    expectDiagnostics('sync salesforce {\n  inclusion list: "Qualified"\n  map jobtitle to Title: ⟦too way⟧\n}', ['invalid-sync-rule'], { others: [QUALIFIED] });
    assert.equal(fixed(source, 'invalid-sync-rule', { others: [QUALIFIED] }), source.replace('too way', 'two way'));
    expectClean('sync salesforce {\n  inclusion list: "Qualified"\n  map jobtitle to Title: do not sync\n}', { others: [QUALIFIED] });
  });

  it('a mapping of an unknown HubSpot property is unknown-property', () => {
    expectDiagnostics('sync salesforce {\n  inclusion list: "Qualified"\n  map ⟦jobtitel⟧ to Title: two way\n}', ['unknown-property'], { others: [QUALIFIED] });
  });

  it('duplicate-mapping: one HubSpot property twice, or two properties to one Salesforce field', () => {
    expectDiagnostics(`sync salesforce {
  inclusion list: "Qualified"
  map jobtitle to Title: two way
  map ⟦jobtitle⟧ to Description: two way
  map company to ⟦title⟧: two way
}`, ['duplicate-mapping', 'duplicate-mapping'], { others: [QUALIFIED] });
  });

  it('unmappable-property: HubSpot user (owner) properties cannot be mapped (rule M3)', () => {
    expectDiagnostics('sync salesforce {\n  inclusion list: "Qualified"\n  map ⟦hs_all_owner_ids⟧ to OwnerIds__c: two way\n}', ['unmappable-property'], { others: [QUALIFIED] });
  });
});
