// The one-line publish state of a list (its code lens and its row in the HubSpot lists view), and the
// fingerprint apply checks: it changes with the work, not with what is only shown.

import { strict as assert } from 'node:assert';
import type { Change, Plan, PlanEntry } from '../../../server/src/publish/plan-types';
import { lensTitle, stateText } from '../../../server/src/lsp/publish/lens-text';
import { planFingerprint } from '../../../server/src/lsp/publish/plan-view';

const entry = (status: PlanEntry['status'], changes: Change[] = [], over: Partial<PlanEntry> = {}): PlanEntry => ({
  name: 'L', status, listId: '123', processingType: 'DYNAMIC', changes, reasons: [], needsForce: false, needsConfirmation: false, inclusion: false,
  desired: {} as PlanEntry['desired'], ...over,
});

describe('lsp: publish lens texts', () => {
  it('names each state as the lens says it', () => {
    assert.equal(lensTitle(entry('unchanged')), 'published #123 · in sync');
    assert.equal(lensTitle(entry('create', [{ kind: 'create' }], { listId: undefined })), 'not published');
    assert.equal(lensTitle(entry('change', [{ kind: 'filters' }])), 'published #123 · changed since publish');
    assert.equal(lensTitle(entry('change', [{ kind: 'record' }])), 'published #123 · in sync (apply records it in hslist.lock.json)');
    assert.equal(lensTitle(entry('drifted', [{ kind: 'filters' }])), 'published #123 · drifted in HubSpot');
    assert.equal(lensTitle(entry('drifted', [{ kind: 'restore' }])), 'published #123 · deleted in HubSpot');
    assert.equal(lensTitle(entry('not-in-code')), undefined);
  });

  it('a blocked list gives its first reason, on one line and shortened', () => {
    const long = `lists.hslist:3: ${'x'.repeat(200)}`;
    const title = lensTitle(entry('blocked', [], { reasons: [long, 'second'] }))!;
    assert.ok(title.startsWith('blocked: lists.hslist:3: xxx'));
    assert.ok(title.endsWith('…') && title.length < 110, title);
    assert.equal(lensTitle(entry('blocked', [], { reasons: ['a\n  b'] })), 'blocked: a b');
  });

  it('lists deleted from the files have a row but no lens', () => {
    assert.equal(stateText(entry('not-in-code', [], { desired: undefined })), 'deleted from files · still in HubSpot as #123');
    assert.equal(stateText(entry('delete', [{ kind: 'delete' }], { desired: undefined })), 'deleted from files · apply deletes #123');
    assert.equal(stateText(entry('change', [{ kind: 'forget' }], { desired: undefined })), 'gone from HubSpot and the files · apply removes it from hslist.lock.json');
  });

  it('the fingerprint follows the work and its safeguards', () => {
    const plan = (entries: PlanEntry[]): Plan => ({ portalId: '1', host: 'h', entries, foreignIds: {}, notInCode: [], notes: [] });
    const base = planFingerprint(plan([entry('change', [{ kind: 'filters' }])]));
    assert.equal(planFingerprint(plan([entry('change', [{ kind: 'filters' }], { reasons: ['only shown'] })])), base);
    assert.notEqual(planFingerprint(plan([entry('change', [{ kind: 'filters' }, { kind: 'record' }])])), base);
    assert.notEqual(planFingerprint(plan([entry('change', [{ kind: 'filters' }], { needsForce: true })])), base);
    assert.notEqual(planFingerprint({ ...plan([entry('change', [{ kind: 'filters' }])]), portalId: '2' }), base);
  });
});
