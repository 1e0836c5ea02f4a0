// The account layer checks every record HubSpot sends (account-records.ts). HubSpot sends property
// values and history as strings; a full fetch then keeps the parsed objects as they are (issue 15's
// memory), and only a value of another type is turned into a string, as it always was.

import { strict as assert } from 'node:assert';
import { recordsOf } from '../../../server/src/hubspot/account/account-records';
import type { Json } from '../../../server/src/hubspot/account/types';

const read = (results: unknown[]) => recordsOf({ results } as Json, 'a page of contacts', 'api.example.test');

describe('HubSpot account layer: records as HubSpot sends them', () => {
  it('turns values of other types into strings and keeps null, in properties and history alike', () => {
    const [record] = read([{
      id: 7, updatedAt: '2024-01-02T00:00:00Z',
      properties: { annualrevenue: 5000, is_vip: true, email: 'a@x.com', phone: null },
      propertiesWithHistory: { hs_lead_status: [{ value: 3, timestamp: '2024-01-01T00:00:00Z' }, { value: null, timestamp: 1 }] },
    }]);
    assert.deepEqual(record, {
      id: '7', updatedAt: '2024-01-02T00:00:00Z',
      properties: { annualrevenue: '5000', is_vip: 'true', email: 'a@x.com', phone: null },
      history: { hs_lead_status: [{ value: '3', timestamp: '2024-01-01T00:00:00Z' }, { value: '', timestamp: '1' }] },
    });
  });

  it('gives strings as they came, and a property whose history is not a list an empty one', () => {
    const entries = [{ value: 'NEW', timestamp: '2024-01-01T00:00:00Z', sourceType: 'CRM_UI' }];
    const [record] = read([{ id: '8', properties: { email: 'b@x.com', phone: null }, propertiesWithHistory: { hs_lead_status: entries, lifecyclestage: 'oops' } }]);
    assert.deepEqual(record.properties, { email: 'b@x.com', phone: null });
    assert.deepEqual(record.history?.hs_lead_status.map((e) => [e.value, e.timestamp]), [['NEW', '2024-01-01T00:00:00Z']]);
    assert.deepEqual(record.history?.lifecyclestage, []);
  });

  it('refuses a result without an id or a properties object, naming it', () => {
    assert.throws(() => read([{ id: '1', properties: {} }, { properties: {} }]), /a page of contacts \(result 2\) that is not a record with an id and properties/);
    assert.throws(() => read([{ id: '1', properties: ['x'] }]), /result 1/);
  });
});
