// The emulator's evaluator on filters beyond properties: subscription statuses.

import { strict as assert } from 'node:assert';
import { FALLBACK_COMPANY_PROPERTIES, FALLBACK_CONTACT_PROPERTIES } from '../../../../server/src/sandbox/data/hubspot-schema';
import { validateFilterBranch } from '../../../../server/src/sandbox/hubspot/list-validate';
import { contact, kept, list } from './helpers';

const ctx = {
  contactProperties: new Map(FALLBACK_CONTACT_PROPERTIES.map((p) => [p.name, p])),
  companyProperties: new Map(FALLBACK_COMPANY_PROPERTIES.map((p) => [p.name, p])),
  listExists: () => true,
};

describe('HubSpot emulator evaluator: subscriptions', () => {
  const people = {
    both: contact({}, { subscriptions: [{ channel: 'EMAIL', subscriptionId: '1', status: 'OPT_IN' }, { channel: 'EMAIL', subscriptionId: '2', status: 'OPT_IN' }] }),
    one: contact({}, { subscriptions: [{ channel: 'EMAIL', subscriptionId: '1', status: 'OPT_IN' }, { channel: 'SMS', status: 'OPT_OUT' }] }),
    none: contact({}),
  };
  const email = (ids: string[], status: string) => ({ filterType: 'EMAIL_SUBSCRIPTION', subscriptionIds: ids, acceptedStatuses: [status] });
  const wide = (channel: string, status: string) => ({ filterType: 'COMMUNICATION_SUBSCRIPTION', channel, subscriptionType: 'PORTAL_WIDE', subscriptionIds: [], acceptedOptStates: [status] });

  it('every listed subscription must have the status; none recorded is NOT_OPTED', () => {
    assert.deepEqual(kept(email(['1', '2'], 'OPT_IN'), people), ['both']);
    assert.deepEqual(kept(email(['1'], 'OPT_IN'), people), ['both', 'one']);
    assert.deepEqual(kept(email(['2'], 'NOT_OPTED'), people), ['one', 'none']);
  });

  it('portal-wide statuses are per channel', () => {
    assert.deepEqual(kept(wide('SMS', 'OPT_OUT'), people), ['one']);
    assert.deepEqual(kept(wide('EMAIL', 'NOT_OPTED'), people), ['both', 'one', 'none']);
  });

  it('validation: one accepted status, a known channel and type', () => {
    assert.equal(validateFilterBranch(list(email(['1'], 'OPT_IN')), ctx), undefined);
    assert.match(validateFilterBranch(list({ ...email(['1'], 'OPT_IN'), acceptedStatuses: ['OPT_IN', 'OPT_OUT'] }), ctx) ?? '', /exactly one status/);
    assert.match(validateFilterBranch(list({ ...wide('FAX', 'OPT_IN') }), ctx) ?? '', /channel must be EMAIL, SMS or WHATSAPP/);
    assert.match(validateFilterBranch(list({ ...email(['1'], 'MAYBE') }), ctx) ?? '', /unknown status "MAYBE"/);
  });
});
