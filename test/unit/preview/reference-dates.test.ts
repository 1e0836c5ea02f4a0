import { strict as assert } from 'node:assert';
import { contact, judgeAll, matching } from './judge-helper';

// NOW = 2024-06-15T12:00:00Z, a Saturday.
const instants = [
  '2024-01-30T23:59:59.999Z',
  '2024-01-31T00:00:00Z',
  '2024-01-31T23:59:59.999Z',
  '2024-02-01T00:00:00Z',
  '1706745600000', // 2024-02-01T00:00:00Z as epoch ms
  'not a date',
  null,
];

describe('preview semantics: dates', () => {
  it('createdate is after 2024-01-31 means after the end of that day', () => {
    assert.deepEqual(matching('createdate is after 2024-01-31', 'createdate', instants), ['2024-02-01T00:00:00Z', '1706745600000']);
  });

  it('createdate is before 2024-01-31 means before its start', () => {
    assert.deepEqual(matching('createdate is before 2024-01-31', 'createdate', instants), ['2024-01-30T23:59:59.999Z']);
  });

  it('createdate is 2024-01-31 is the whole day; is not is the rest of the known values', () => {
    assert.deepEqual(matching('createdate is 2024-01-31', 'createdate', instants), ['2024-01-31T00:00:00Z', '2024-01-31T23:59:59.999Z']);
    assert.deepEqual(matching('createdate is not 2024-01-31', 'createdate', instants), ['2024-01-30T23:59:59.999Z', '2024-02-01T00:00:00Z', '1706745600000']);
  });

  it('days are read in the list time zone', () => {
    // In Warsaw (UTC+1 in winter) 2024-01-31 starts at 2024-01-30T23:00Z.
    const warsaw = ['2024-01-30T22:59:59Z', '2024-01-30T23:00:00Z', '2024-01-31T22:59:59.999Z', '2024-01-31T23:00:00Z'];
    assert.deepEqual(matching('createdate is 2024-01-31', 'createdate', warsaw, { timezone: 'Europe/Warsaw' }), ['2024-01-30T23:00:00Z', '2024-01-31T22:59:59.999Z']);
  });

  it('a date property stored as midnight UTC and an ISO instant with offset', () => {
    assert.deepEqual(matching('closedate is 2024-01-31', 'closedate', ['2024-01-31', '2024-01-30']), ['2024-01-31']);
    assert.deepEqual(matching('createdate is after 2024-01-31T10:00:00Z', 'createdate', ['2024-01-31T12:00:00+02:00', '2024-01-31T12:00:01+02:00']), ['2024-01-31T12:00:01+02:00']);
  });

  it('is between two dates includes both whole days', () => {
    const r = matching('createdate is between 2024-01-31 and 2024-02-01', 'createdate', instants);
    assert.deepEqual(r, ['2024-01-31T00:00:00Z', '2024-01-31T23:59:59.999Z', '2024-02-01T00:00:00Z', '1706745600000']);
  });

  it('is less / more than N days ago and from now count whole days from today, as HubSpot encodes them', () => {
    const around = ['2024-06-04T23:59:59Z', '2024-06-05T00:00:00Z', '2024-06-05T11:59:59Z', '2024-06-15T12:00:00Z', '2024-06-15T12:00:01Z', '2024-06-25T23:59:59.999Z', '2024-06-26T00:00:00Z'];
    const rolling = (phrase: string) => matching(`notes_last_contacted is ${phrase}`, 'notes_last_contacted', around);
    // From the start of the day 10 days ago (2024-06-05 00:00) up to now.
    assert.deepEqual(rolling('less than 10 days ago'), ['2024-06-05T00:00:00Z', '2024-06-05T11:59:59Z', '2024-06-15T12:00:00Z']);
    assert.deepEqual(rolling('more than 10 days ago'), ['2024-06-04T23:59:59Z']);
    // From now to the end of the day 10 days ahead (2024-06-25 23:59:59.999).
    assert.deepEqual(rolling('less than 10 days from now'), ['2024-06-15T12:00:00Z', '2024-06-15T12:00:01Z', '2024-06-25T23:59:59.999Z']);
    assert.deepEqual(rolling('more than 10 days from now'), ['2024-06-26T00:00:00Z']);
  });

  it('is less than 3 days ago starts at midnight of the list\'s zone: in New York that is 04:00 UTC in June', () => {
    const around = ['2024-06-12T03:59:59Z', '2024-06-12T04:00:00Z'];
    assert.deepEqual(matching('notes_last_contacted is less than 3 days ago', 'notes_last_contacted', around, { timezone: 'America/New_York' }), ['2024-06-12T04:00:00Z']);
  });

  it('a date property holds a day: closedate is 2024-03-04 matches the day 2024-03-04 in every zone', () => {
    const days = ['2024-03-03', '2024-03-04', String(Date.UTC(2024, 2, 4)), '2024-03-05'];
    for (const timezone of ['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Chatham']) {
      const m = (where: string) => matching(`closedate ${where}`, 'closedate', days, { timezone });
      assert.deepEqual(m('is 2024-03-04'), ['2024-03-04', days[2]], timezone);
      assert.deepEqual(m('is before 2024-03-04'), ['2024-03-03'], timezone);
      assert.deepEqual(m('is after 2024-03-04'), ['2024-03-05'], timezone);
      assert.deepEqual(m('is not 2024-03-04'), ['2024-03-03', '2024-03-05'], timezone);
    }
  });

  it('a date property\'s today is the list zone\'s today: at 2024-06-15 12:00 UTC it is already the 16th in Pacific/Chatham', () => {
    const days = ['2024-06-14', '2024-06-15', '2024-06-16'];
    const today = (timezone: string) => matching('closedate is today', 'closedate', days, { timezone });
    assert.deepEqual(today('UTC'), ['2024-06-15']);
    assert.deepEqual(today('Pacific/Chatham'), ['2024-06-16']);
    assert.deepEqual(today('America/New_York'), ['2024-06-15']);
    assert.deepEqual(matching('closedate is less than 1 days ago', 'closedate', days, { timezone: 'Pacific/Chatham' }), ['2024-06-15', '2024-06-16']);
    assert.deepEqual(matching('closedate is in this week so far', 'closedate', days, { timezone: 'Pacific/Chatham' }), days);
  });

  it('relative times: today, now, start and end of units, offsets in days, weeks, months and years', () => {
    const values = ['2024-06-14T23:59:59Z', '2024-06-15T00:00:00Z', '2024-06-15T23:59:59.999Z', '2024-06-16T00:00:00Z', '2024-06-01T00:00:00Z', '2024-05-31T23:59:59Z', '2024-12-31T23:59:59.999Z', '2025-01-01T00:00:00Z'];
    const m = (where: string) => matching(`createdate ${where}`, 'createdate', values);
    assert.deepEqual(m('is today'), ['2024-06-15T00:00:00Z', '2024-06-15T23:59:59.999Z']);
    assert.deepEqual(m('is after today'), ['2024-06-16T00:00:00Z', '2024-12-31T23:59:59.999Z', '2025-01-01T00:00:00Z']);
    assert.deepEqual(m('is before start of month'), ['2024-05-31T23:59:59Z']);
    assert.deepEqual(m('is after end of year'), ['2025-01-01T00:00:00Z']);
    assert.deepEqual(m('is between 1 week before today and now'), ['2024-06-14T23:59:59Z', '2024-06-15T00:00:00Z']);
    assert.deepEqual(m('is between 2 weeks before start of month and start of month'), ['2024-06-01T00:00:00Z', '2024-05-31T23:59:59Z']);
    assert.deepEqual(m('is before 1 year after start of year'), values.slice(0, 7));
  });

  it('calendar units: this week starts on Monday, this month so far ends now, last and next N units', () => {
    const values = ['2024-06-09T23:59:59Z', '2024-06-10T00:00:00Z', '2024-06-16T23:59:59Z', '2024-06-15T12:00:01Z', '2024-05-01T00:00:00Z', '2024-03-31T23:59:59Z', '2024-07-31T00:00:00Z', '2024-08-01T00:00:00Z'];
    assert.deepEqual(matching('createdate is in this week', 'createdate', values), ['2024-06-10T00:00:00Z', '2024-06-16T23:59:59Z', '2024-06-15T12:00:01Z']);
    assert.deepEqual(matching('createdate is in this week so far', 'createdate', values), ['2024-06-10T00:00:00Z']);
    assert.deepEqual(matching('createdate is in last 2 months', 'createdate', values), ['2024-05-01T00:00:00Z']);
    assert.deepEqual(matching('createdate is in last quarter', 'createdate', values), ['2024-03-31T23:59:59Z']);
    assert.deepEqual(matching('createdate is in next month', 'createdate', values), ['2024-07-31T00:00:00Z']);
    assert.deepEqual(matching('createdate is in this year', 'createdate', values), values);
  });

  it('is before property compares two instants and is false when the other is unknown', () => {
    const contacts = [
      contact({ createdate: '2024-01-01T00:00:00Z', notes_last_contacted: '2024-02-01T00:00:00Z' }),
      contact({ createdate: '2024-03-01T00:00:00Z', notes_last_contacted: '2024-02-01T00:00:00Z' }),
      contact({ createdate: '2024-01-01T00:00:00Z', notes_last_contacted: null }),
      contact({ createdate: null, notes_last_contacted: '2024-02-01T00:00:00Z' }),
    ];
    assert.deepEqual(judgeAll('createdate is before property notes_last_contacted', contacts), [true, false, false, false]);
    assert.deepEqual(judgeAll('createdate is before property notes_last_contacted including unknown', contacts), [true, false, false, true]);
  });

  it('between two properties, or a property and a time: each bound read from the contact; an unknown bound fails', () => {
    const contacts = [
      contact({ createdate: '2024-02-01T00:00:00Z', notes_last_contacted: '2024-01-01T00:00:00Z', closedate: '2024-03-01' }),
      contact({ createdate: '2024-03-01T00:00:00Z', notes_last_contacted: '2024-01-01T00:00:00Z', closedate: '2024-03-01' }),
      contact({ createdate: '2024-04-01T00:00:00Z', notes_last_contacted: '2024-01-01T00:00:00Z', closedate: '2024-03-01' }),
      contact({ createdate: '2024-02-01T00:00:00Z', notes_last_contacted: null, closedate: '2024-03-01' }),
      contact({ createdate: null, notes_last_contacted: '2024-01-01T00:00:00Z', closedate: '2024-03-01' }),
    ];
    assert.deepEqual(judgeAll('createdate is between property notes_last_contacted and property closedate', contacts), [true, true, false, false, false]);
    assert.deepEqual(judgeAll('createdate is not between property notes_last_contacted and property closedate', contacts), [false, false, true, false, false]);
    assert.deepEqual(judgeAll('createdate is between property notes_last_contacted and today including unknown', contacts), [true, true, true, false, true]);
  });

  it('when P was updated is P\'s newest history timestamp: never updated fails, history not loaded is unknown', () => {
    const at = (iso: string) => ({ value: 'x', timestamp: Date.parse(iso) });
    const contacts = [
      contact({ createdate: '2024-02-01T00:00:00Z' }, { history: { country: [at('2024-01-15T00:00:00Z'), at('2024-01-01T00:00:00Z')] } }),
      contact({ createdate: '2024-01-10T00:00:00Z' }, { history: { country: [at('2024-01-15T00:00:00Z')] } }),
      contact({ createdate: '2024-02-01T00:00:00Z' }, { history: {} }),
      contact({ createdate: '2024-02-01T00:00:00Z' }),
      contact({ createdate: null }),
    ];
    assert.deepEqual(judgeAll('createdate is after when country was updated', contacts), [true, false, false, 'unknown', false]);
    assert.deepEqual(judgeAll('createdate is after when country was updated including unknown', contacts), [true, false, false, 'unknown', true]);
    assert.deepEqual(judgeAll('country was updated before property createdate', contacts), [true, false, false, 'unknown', 'unknown']);
  });
});
