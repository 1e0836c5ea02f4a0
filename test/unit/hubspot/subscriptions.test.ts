// Subscription statuses (issue 14): `opted in to email subscription #123` and its kin, from text to
// HubSpot's EMAIL_SUBSCRIPTION / COMMUNICATION_SUBSCRIPTION and back.

import { strict as assert } from 'node:assert';
import { parse, printExpr } from '@hslist/grammar';
import { compileText, listText } from './compile-support';
import { and, decompiled, root } from './decompile-support';
import { expectDiagnostics, fixed } from '../language/expect';

const only = (where: string) => compileText(listText(where)).request?.filterBranch?.filterBranches.map((b) => b.filters);

describe('subscriptions: parse, compile, decompile', () => {
  it('prints every form the way it was written', () => {
    for (const text of [
      'opted in to email subscription #81537745',
      'opted out of sms subscriptions (#1, #22)',
      'opted neither in nor out of all whatsapp',
      'not opted in to email subscription #5 and email is known',
    ]) {
      const { file, diagnostics } = parse(listText(text));
      assert.deepEqual(diagnostics, []);
      assert.equal(printExpr(file.lists[0].where!), text);
    }
  });

  it('email by id is EMAIL_SUBSCRIPTION (HubSpot\'s update-list-filters example), other channels and `all` COMMUNICATION_SUBSCRIPTION', () => {
    assert.deepEqual(only('opted in to email subscriptions (#81537745, #321981152)'), [[
      { filterType: 'EMAIL_SUBSCRIPTION', subscriptionIds: ['81537745', '321981152'], acceptedStatuses: ['OPT_IN'] },
    ]]);
    assert.deepEqual(only('opted out of sms subscription #7'), [[
      { filterType: 'COMMUNICATION_SUBSCRIPTION', channel: 'SMS', subscriptionType: 'INDIVIDUAL_SUBSCRIPTION', subscriptionIds: ['7'], acceptedOptStates: ['OPT_OUT'] },
    ]]);
    assert.deepEqual(only('opted neither in nor out of all email'), [[
      { filterType: 'COMMUNICATION_SUBSCRIPTION', channel: 'EMAIL', subscriptionType: 'PORTAL_WIDE', subscriptionIds: [], acceptedOptStates: ['NOT_OPTED'] },
    ]]);
  });

  it('`not` is the other statuses, one filter each (HubSpot takes one status per filter); several ids: any of them with another status', () => {
    const email = (id: string, s: string) => ({ filterType: 'EMAIL_SUBSCRIPTION', subscriptionIds: [id], acceptedStatuses: [s] });
    assert.deepEqual(only('not opted in to email subscription #1'), [[email('1', 'OPT_OUT')], [email('1', 'NOT_OPTED')]]);
    assert.deepEqual(only('not opted out of email subscriptions (#1, #2)'), [
      [email('1', 'OPT_IN')], [email('1', 'NOT_OPTED')], [email('2', 'OPT_IN')], [email('2', 'NOT_OPTED')],
    ]);
  });

  it('decompiles each filter to its phrase; several statuses, other subscription types and EMAIL by id as COMMUNICATION are refused', () => {
    const email = { filterType: 'EMAIL_SUBSCRIPTION', subscriptionIds: ['81537745', '321981152'], acceptedStatuses: ['OPT_IN'] };
    assert.equal(decompiled(root(and(email))).where, 'opted in to email subscriptions (#81537745, #321981152)');
    const wide = { filterType: 'COMMUNICATION_SUBSCRIPTION', channel: 'WHATSAPP', subscriptionType: 'PORTAL_WIDE', subscriptionIds: [], acceptedOptStates: ['OPT_OUT'] };
    assert.equal(decompiled(root(and(wide))).where, 'opted out of all whatsapp');
    const refused = (f: object) => decompiled(root(and(f))).result.diagnostics.map((d) => [d.code, d.message.split(':')[0]]);
    assert.deepEqual(refused({ ...email, acceptedStatuses: ['OPT_IN', 'OPT_OUT'] }), [['not-representable', 'filterBranch.filterBranches[0].filters[0].acceptedStatuses']]);
    assert.deepEqual(refused({ ...email, subscriptionType: 'HARDBOUNCE' }), [['not-representable', 'filterBranch.filterBranches[0].filters[0].subscriptionType']]);
    assert.deepEqual(refused({ ...wide, subscriptionType: 'BUSINESS_UNIT_WIDE', businessUnitId: '3' }), [['not-representable', 'filterBranch.filterBranches[0].filters[0].subscriptionType']]);
    assert.deepEqual(refused({ ...wide, channel: 'EMAIL', subscriptionType: 'INDIVIDUAL_SUBSCRIPTION', subscriptionIds: ['4'] }), [['not-representable', 'filterBranch.filterBranches[0].filters[0].channel']]);
  });

  it('checks the channel, with a fix to the nearest one; subscriptions inside an association are not expressible', () => {
    expectDiagnostics('list "A" { where opted in to ⟦emial⟧ subscription #1 }', ['unknown-channel']);
    assert.equal(fixed('list "A" { where opted in to emial subscription #1 }', 'unknown-channel'), 'list "A" { where opted in to email subscription #1 }');
    expectDiagnostics('list "A" { where opted out of all sms and email is known }', []);
    const { diagnostics } = compileText(listText('associated company where opted in to email subscription #1'));
    assert.deepEqual(diagnostics.map((d) => d.code), ['not-expressible']);
  });
});
