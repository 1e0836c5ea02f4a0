import { strict as assert } from 'node:assert';
import { contact, judgeAll } from './judge-helper';
import type { SubscriptionRecord } from '../../../server/src/preview/types';

const email = (subscriptionId: string, status: SubscriptionRecord['status']): SubscriptionRecord => ({ channel: 'EMAIL', subscriptionId, status });

describe('preview semantics: subscription statuses (both evaluators)', () => {
  const contacts = [
    contact({}, { subscriptions: [email('1', 'OPT_IN'), email('2', 'OPT_IN')] }),
    contact({}, { subscriptions: [email('1', 'OPT_IN'), email('2', 'OPT_OUT')] }),
    contact({}, { subscriptions: [email('1', 'OPT_OUT')] }),
    contact({}, { subscriptions: [] }),
    contact({}),
  ];

  it('a subscription with no status is not opted in or out; data without statuses is unknown', () => {
    assert.deepEqual(judgeAll('opted in to email subscription #1', contacts), [true, true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('opted neither in nor out of email subscription #2', contacts), [false, false, true, true, 'unknown']);
    assert.deepEqual(judgeAll('not opted in to email subscription #1', contacts), [false, false, true, true, 'unknown']);
  });

  it('several ids: every one of them has the status (Assumed)', () => {
    assert.deepEqual(judgeAll('opted in to email subscriptions (#1, #2)', contacts), [true, false, false, false, 'unknown']);
    assert.deepEqual(judgeAll('not opted in to email subscriptions (#1, #2)', contacts), [false, true, true, true, 'unknown']);
  });

  it('channels are apart; `all` is the channel\'s portal-wide status', () => {
    const others = [
      contact({}, { subscriptions: [{ channel: 'SMS', subscriptionId: '1', status: 'OPT_IN' }, { channel: 'SMS', status: 'OPT_OUT' }] }),
      contact({}, { subscriptions: [email('1', 'OPT_IN')] }),
    ];
    assert.deepEqual(judgeAll('opted in to sms subscription #1', others), [true, false]);
    assert.deepEqual(judgeAll('opted out of all sms', others), [true, false]);
    assert.deepEqual(judgeAll('opted neither in nor out of all email', others), [true, true]);
  });
});
