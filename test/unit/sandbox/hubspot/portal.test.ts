import { strict as assert } from 'node:assert';
import { generatePortal, makeContact, portalContext } from '../../../../server/src/sandbox/data/hubspot-portal';
import type { PortalContact } from '../../../../server/src/sandbox/data/hubspot-records';
import { createRandom } from '../../../../server/src/sandbox/data/random';

const TODAY = new Date('2026-03-10T15:30:00Z');
const DAY = 86_400_000;

/** Every date and date-time of a contact, as epoch ms, by where it sits in the record. */
function datesOf(contact: PortalContact): Map<string, number> {
  const dates = new Map<string, number>();
  const add = (key: string, value: string | null | undefined): void => {
    if (value && /^\d{4}-\d{2}-\d{2}/.test(value)) dates.set(key, Date.parse(value));
  };
  for (const [name, value] of Object.entries(contact.properties)) add(name, value);
  add('createdAt', contact.createdAt);
  add('updatedAt', contact.updatedAt);
  for (const [name, entries] of Object.entries(contact.history)) entries.forEach((e, i) => add(`history:${name}:${i}`, e.timestamp));
  contact.formSubmissions.forEach((s, i) => add(`form:${i}`, s.timestamp));
  return dates;
}

describe('seeded HubSpot portal', () => {
  it('is identical for the same seed and day, and different for another seed', () => {
    const a = JSON.stringify([...generatePortal({ seed: 42, contacts: 50, today: TODAY }).contacts()]);
    const b = JSON.stringify([...generatePortal({ seed: 42, contacts: 50, today: new Date('2026-03-10T01:00:00Z') }).contacts()]);
    const c = JSON.stringify([...generatePortal({ seed: 43, contacts: 50, today: TODAY }).contacts()]);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });
  it('record N does not depend on generating records before it', () => {
    const portal = generatePortal({ seed: 9, contacts: 30, today: TODAY });
    const all = [...portal.contacts()];
    assert.deepEqual(makeContact(portalContext(9, portal.companyCount, TODAY), 17), all[17]);
  });
  it('moves every date by the days between two todays and changes nothing else', () => {
    const later = new Date(TODAY.getTime() + 45 * DAY);
    const before = [...generatePortal({ seed: 5, contacts: 200, today: TODAY }).contacts()];
    const after = [...generatePortal({ seed: 5, contacts: 200, today: later }).contacts()];
    let compared = 0;
    before.forEach((contact, i) => {
      const [was, is] = [datesOf(contact), datesOf(after[i])];
      assert.deepEqual([...is.keys()], [...was.keys()]);
      for (const [key, ms] of was) assert.equal(is.get(key), ms + 45 * DAY, `contact ${contact.id} ${key}`);
      compared += was.size;
      const undated = (c: PortalContact) => Object.entries(c.properties).filter(([name]) => !was.has(name));
      assert.deepEqual(undated(after[i]), undated(contact));
    });
    assert.ok(compared > 1500, `${compared} dates compared`);
  });
  const portal = generatePortal({ seed: 7, contacts: 2000, today: TODAY });
  const contacts = [...portal.contacts()];
  it('dates everything before the start of today (UTC), renewals up to two years ahead, and some contacts in the last 6 weeks', () => {
    assert.equal(portal.dataEnd.toISOString(), '2026-03-10T00:00:00.000Z');
    for (const contact of contacts) {
      for (const [key, ms] of datesOf(contact)) {
        const limit = key === 'renewal_date' ? portal.dataEnd.getTime() + 2 * 366 * DAY : portal.dataEnd.getTime();
        assert.ok(ms < limit, `contact ${contact.id} ${key} ${new Date(ms).toISOString()}`);
      }
    }
    const recent = contacts.filter((c) => Date.parse(c.createdAt) >= portal.dataEnd.getTime() - 42 * DAY).length;
    assert.ok(recent > 5, `${recent} contacts created in the last 6 weeks`);
  });
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
