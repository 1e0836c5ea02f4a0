import { strict as assert } from 'node:assert';
import { generatePortal, makeContact } from '../../../../server/src/sandbox/data/hubspot-portal';
import { createRandom } from '../../../../server/src/sandbox/data/random';

describe('seeded HubSpot portal', () => {
  it('is identical for the same seed and different for another', () => {
    const a = JSON.stringify([...generatePortal({ seed: 42, contacts: 50 }).contacts()]);
    const b = JSON.stringify([...generatePortal({ seed: 42, contacts: 50 }).contacts()]);
    const c = JSON.stringify([...generatePortal({ seed: 43, contacts: 50 }).contacts()]);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });
  it('record N does not depend on generating records before it', () => {
    const portal = generatePortal({ seed: 9, contacts: 30 });
    const all = [...portal.contacts()];
    assert.deepEqual(makeContact(9, 17, portal.companyCount, portal.forms), all[17]);
  });
  const contacts = [...generatePortal({ seed: 7, contacts: 2000 }).contacts()];
  it('has unique emails, some test contacts, and a realistic share of blanks', () => {
    const emails = contacts.map((c) => c.properties.email).filter((e): e is string => e !== null);
    assert.equal(new Set(emails).size, emails.length);
    const testShare = emails.filter((e) => /@(example|test)\.com$/.test(e)).length / contacts.length;
    assert.ok(testShare > 0.01 && testShare < 0.06, `test contacts ${testShare}`);
    for (const name of ['firstname', 'jobtitle', 'lifecyclestage', 'country', 'hs_lead_status']) {
      const blank = contacts.filter((c) => c.properties[name] === null).length / contacts.length;
      assert.ok(blank > 0.05 && blank < 0.25, `${name} blanks ${blank}`);
    }
  });
  it('skews lifecycle stages toward leads and subscribers, and states only for the US', () => {
    const count = (stage: string) => contacts.filter((c) => c.properties.lifecyclestage === stage).length;
    assert.ok(count('lead') > count('customer') && count('customer') > count('evangelist'));
    assert.ok(contacts.every((c) => c.properties.state === null || c.properties.country === 'United States'));
  });
  it('keeps history consistent with the current value, newest first', () => {
    const withHistory = contacts.filter((c) => c.history.lifecyclestage);
    assert.ok(withHistory.length > 1000);
    for (const c of withHistory) {
      const entries = c.history.lifecyclestage;
      assert.equal(entries[0].value, c.properties.lifecyclestage);
      assert.ok(entries.every((e, i) => i === 0 || e.timestamp <= entries[i - 1].timestamp));
    }
  });
  it('the PRNG samples without repeats and picks by weight', () => {
    const random = createRandom(1);
    const sample = random.sample(['a', 'b', 'c', 'd', 'e'], 3);
    assert.equal(new Set(sample).size, 3);
    const heads = Array.from({ length: 1000 }, () => random.weighted([['x', 9], ['y', 1]] as const)).filter((v) => v === 'x').length;
    assert.ok(heads > 850 && heads < 950, `weighted ${heads}`);
  });
});
