// Publishing's client texts and view rows: Apply's modal questions (counts, the inclusion list's
// +enter/−leave and what it means for Salesforce, the second question before --force), the summary
// afterwards, the plan document, and the HubSpot lists view's rows for every state.

import { strict as assert } from 'node:assert';
import type { ApplyOutcomeView, EntryView, PlanAnswer, PlanView } from '../../../server/src/lsp/publish/protocol';
import { applyQuestion, applySummary, forceQuestion, needingForce, nothingToApply, runnableWithoutForce } from '../../../client/src/publish/apply-texts';
import { planMarkdown, readAtText } from '../../../client/src/publish/plan-text';
import { NOT_IN_CODE_GROUP, childNodes, rootNodes, rowOf, viewDescription, viewMessage } from '../../../client/src/publish/tree-model';

const entry = (over: Partial<EntryView>): EntryView => ({
  name: 'A list', status: 'unchanged', processingType: 'DYNAMIC', changes: [], reasons: [], needsForce: false, needsConfirmation: false,
  inclusion: false, hasDiff: false, lens: 'published #1 · in sync', ...over,
});

function view(entries: EntryView[], over: Partial<PlanView> = {}): PlanView {
  const counts = { create: 0, change: 0, unchanged: 0, drifted: 0, blocked: 0, delete: 0, 'not-in-code': 0 };
  for (const e of entries) counts[e.status]++;
  return {
    portalId: '4242001', host: '127.0.0.1:5555', readAt: '2025-06-01T10:04:05.000Z', entries, notInCode: [], notes: [], counts,
    summary: 'Plan: …', text: 'Plan for HubSpot portal 4242001 at 127.0.0.1:5555 (state file hslist.lock.json)\n', fingerprint: 'f', judged: true, prune: false, ...over,
  };
}

const created = entry({ name: 'New', status: 'create', changes: ['create it'], lens: 'not published', impact: { enter: 12, leave: 0, undecided: 0, after: 12, source: 'contacts.csv (300 contacts)' } });
const inclusion = entry({
  name: 'Qualified', status: 'change', listId: '7', changes: ['replace its criteria'], needsConfirmation: true, inclusion: true, hasDiff: true,
  impact: { enter: 1204, leave: 3, undecided: 0, after: 1500, source: 'HubSpot (127.0.0.1:5555) (48,113 contacts)' },
});
const drifted = entry({ name: 'Touched', status: 'drifted', listId: '9', changes: ['replace its criteria'], needsForce: true, hasDiff: true, lens: 'published #9 · drifted in HubSpot', reasons: ['its criteria were changed in HubSpot since the last publish; apply --force replaces them with the file\'s'] });
const blocked = entry({ name: 'Broken', status: 'blocked', reasons: ['lists.hslist:3: Unknown contact property `x`'], lens: 'blocked: lists.hslist:3: Unknown contact property `x`' });

describe('client: publish texts', () => {
  it('selects what apply runs with and without --force, as the CLI does', () => {
    const v = view([created, inclusion, drifted, blocked, entry({})]);
    assert.deepEqual(runnableWithoutForce(v).map((e) => e.name), ['New', 'Qualified']);
    assert.deepEqual(needingForce(v).map((e) => e.name), ['Touched']);
  });

  it('Apply asks with the counts, the inclusion list\'s +enter/−leave and what it means for Salesforce', () => {
    const q = applyQuestion(view([created, inclusion, drifted, blocked]));
    assert.equal(q.message, 'Apply 2 changes to HubSpot portal 4242001 (127.0.0.1:5555)?');
    assert.deepEqual(q.detail.split('\n'), [
      'Create 1, change 1, delete 0.',
      'The inclusion list "Qualified": +1,204 would enter, −3 would leave (judged on HubSpot (127.0.0.1:5555) (48,113 contacts)). Contacts who enter start syncing to Salesforce when a sync is triggered; those who leave stop syncing (their Salesforce records stay).',
      '"New": 12 contacts would be members.',
      '1 list was changed in HubSpot since the last publish: you are asked next whether to overwrite it.',
      '1 blocked list is left as it is (see the plan).',
    ]);
  });

  it('without contact data the inclusion list\'s line says the effect is not known', () => {
    const q = applyQuestion(view([{ ...inclusion, impact: undefined }]));
    assert.match(q.detail, /The inclusion list "Qualified": who would enter and leave is not known \(no contact data, or its load was cancelled: see the plan\)\. Contacts who enter start syncing to Salesforce/);
  });

  it('the second question names each drifted list and why', () => {
    const q = forceQuestion(view([drifted]));
    assert.equal(q.message, '1 list was changed in HubSpot since the last publish. Overwrite it with the files?');
    assert.match(q.detail, /^"Touched" #9: its criteria were changed in HubSpot since the last publish/);
  });

  it('nothing to apply, and the summaries after an apply', () => {
    assert.equal(nothingToApply(view([blocked])), 'hslist: nothing to apply: HubSpot portal 4242001 (127.0.0.1:5555) holds what the files say. 1 list is blocked: see the plan.');
    const outcome: ApplyOutcomeView = { state: 'applied', portalId: '4242001', host: 'h', applied: [{ name: 'New', listId: '12', changes: ['create it'] }], failed: [], skipped: [{ name: 'Broken', reason: 'r' }], cancelled: false, foldersCreated: [], text: '' };
    assert.deepEqual(applySummary(outcome), { message: 'hslist: applied 1 list to HubSpot portal 4242001 (h), 1 left as they are.', warning: false });
    assert.deepEqual(applySummary({ ...outcome, failed: [{ name: 'X', message: 'm' }] }).warning, true);
    assert.equal(applySummary({ ...outcome, cancelled: true }).message, 'hslist: apply cancelled; 1 list applied before the cancel (hslist.lock.json is true for what was done).');
  });

  it('the plan document holds the CLI\'s text under a heading naming the portal', () => {
    const md = planMarkdown(view([created]));
    assert.match(md, /^# hslist plan\n\nHubSpot portal 4242001 at 127\.0\.0\.1:5555, read at 2025-06-01 10:04 UTC\.\n\n```text\nPlan for HubSpot portal 4242001/);
    assert.equal(readAtText('not a date'), 'not a date');
  });
});

describe('client: HubSpot lists view rows', () => {
  const planned = (entries: EntryView[], notInCode: PlanView['notInCode'] = []): PlanAnswer => ({ state: 'planned', plan: view(entries, { notInCode }) });

  it('one row per list with its state, icon and actions; the portal\'s other lists in a group', () => {
    const answer = planned([entry({ uri: 'file:///w/a.hslist', line: 1 }), created, drifted, blocked, entry({ name: 'Gone', status: 'not-in-code', listId: '3', lens: 'deleted from files · still in HubSpot as #3' })], [{ listId: '50', name: 'Webinar registrants', processingType: 'MANUAL' }]);
    const rows = rootNodes(answer).map(rowOf);
    assert.deepEqual(rows.map((r) => [r.label, r.description, r.icon.id]), [
      ['A list', 'published #1 · in sync', 'pass'],
      ['New', 'not published', 'cloud-upload'],
      ['Touched', 'published #9 · drifted in HubSpot', 'warning'],
      ['Broken', 'blocked: lists.hslist:3: Unknown contact property `x`', 'error'],
      ['Gone', 'deleted from files · still in HubSpot as #3', 'trash'],
      [NOT_IN_CODE_GROUP, '1', 'cloud'],
    ]);
    assert.equal(rows[0].contextValue, 'hslist.list status-unchanged definition');
    assert.equal(rows[2].contextValue, 'hslist.list status-drifted diff');
    assert.deepEqual(rows[0].command?.command, 'hslist.publish.openDefinition');
    const group = rootNodes(answer).at(-1)!;
    assert.deepEqual(childNodes(group).map(rowOf).map((r) => [r.label, r.description, r.contextValue]), [['Webinar registrants', '#50 · static · not in code', 'hslist.portalList']]);
    assert.equal(viewDescription(answer), 'portal 4242001 · 127.0.0.1:5555');
    assert.equal(viewMessage(answer), undefined);
  });

  it('the inclusion list says so', () => {
    assert.equal(rowOf(rootNodes(planned([{ ...inclusion, lens: 'published #7 · changed since publish' }]))[0]).description, 'published #7 · changed since publish · inclusion list');
  });

  it('not connected: the message says why, and one row connects', () => {
    const answer: PlanAnswer = { state: 'unavailable', reason: 'not-connected', message: 'The lists cannot be compared with HubSpot: no HubSpot account is connected.' };
    assert.equal(viewMessage(answer), answer.message);
    assert.deepEqual(rootNodes(answer).map(rowOf).map((r) => [r.label, r.command?.command]), [['Connect HubSpot account…', 'hslist.connectHubSpot']]);
    const failed: PlanAnswer = { state: 'unavailable', reason: 'error', message: 'Reading the portal failed (HubSpot at h): 401' };
    assert.deepEqual(rootNodes(failed).map(rowOf).map((r) => r.label), ['Refresh']);
    assert.equal(viewMessage(undefined), 'Reading the HubSpot portal…');
  });
});
