import { strict as assert } from 'node:assert';
import { inCodePointOrder, normaliseFilterBranch } from '../../../../server/src/sandbox/hubspot/filter-rewrite';
import { contact, list, matches, property, type Json } from './helpers';

const firstFilter = (branch: Json): Json => ((branch.filterBranches as Json[])[0].filters as Json[])[0];

describe('HubSpot emulator: stored filters rewritten as HubSpot returns them', () => {
  it('sorts ENUMERATION and MULTISTRING values by code point, whatever order they came in', () => {
    const sent = list(property('lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['lead', 'customer', 'Opportunity', 'évangéliste'] }));
    const operation = firstFilter(normaliseFilterBranch(sent)).operation as Json;
    assert.deepEqual(operation.values, ['Opportunity', 'customer', 'lead', 'évangéliste']);
    const multi = list(property('country', { operationType: 'MULTISTRING', operator: 'IS_EQUAL_TO', values: ['Poland', 'Germany'] }));
    assert.deepEqual((firstFilter(normaliseFilterBranch(multi)).operation as Json).values, ['Germany', 'Poland']);
  });

  it('orders by code point, not by UTF-16 unit: an astral character sorts after U+FFxx', () => {
    assert.deepEqual(inCodePointOrder(['😀', '\uFF21', 'a']), ['a', '\uFF21', '😀']);
    assert.deepEqual(inCodePointOrder(['81537745', '321981152']), ['321981152', '81537745'], 'HubSpot\'s own example order');
  });

  it('leaves other operations\' arrays and scalar values alone, and numeric strings as sent', () => {
    const number = list(property('num_employees', { operationType: 'NUMBER', operator: 'IS_EQUAL_TO', value: '12' }));
    assert.equal((firstFilter(normaliseFilterBranch(number)).operation as Json).value, '12');
  });

  it('sorts EMAIL_SUBSCRIPTION subscriptionIds and defaults subscriptionType, as the update-list-filters example shows', () => {
    const subscription = { filterType: 'EMAIL_SUBSCRIPTION', acceptedStatuses: ['OPT_IN'], subscriptionIds: ['81537745', '321981152'] };
    const filter = firstFilter(normaliseFilterBranch(list(subscription)));
    assert.deepEqual(filter.subscriptionIds, ['321981152', '81537745']);
    assert.equal(filter.subscriptionType, 'SUBSCRIPTION');
  });

  it('is idempotent and does not touch the input', () => {
    const sent = list(property('lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_NONE_OF', values: ['b', 'a'] }));
    const copy = JSON.parse(JSON.stringify(sent)) as Json;
    const once = normaliseFilterBranch(sent);
    assert.deepEqual(normaliseFilterBranch(once), once);
    assert.deepEqual(sent, copy);
  });

  it('keeps evaluation results: the reordered filter keeps the same contacts', () => {
    const filter = property('lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['lead', 'customer'] });
    const rewritten = firstFilter(normaliseFilterBranch(list(filter)));
    for (const stage of ['lead', 'customer', 'subscriber']) {
      const who = contact({ lifecyclestage: stage });
      assert.equal(matches(rewritten, who), matches(filter, who), stage);
    }
  });
});
