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

  it('is less / more than N days ago and from now (a day is 24 h)', () => {
    const around = ['2024-06-05T12:00:00Z', '2024-06-05T11:59:59Z', '2024-06-15T12:00:00Z', '2024-06-25T12:00:00Z', '2024-06-25T12:00:01Z'];
    assert.deepEqual(matching('notes_last_contacted is less than 10 days ago', 'notes_last_contacted', around), ['2024-06-05T12:00:00Z', '2024-06-15T12:00:00Z']);
    assert.deepEqual(matching('notes_last_contacted is more than 10 days ago', 'notes_last_contacted', around), ['2024-06-05T11:59:59Z']);
    assert.deepEqual(matching('notes_last_contacted is less than 10 days from now', 'notes_last_contacted', around), ['2024-06-15T12:00:00Z', '2024-06-25T12:00:00Z']);
    assert.deepEqual(matching('notes_last_contacted is more than 10 days from now', 'notes_last_contacted', around), ['2024-06-25T12:00:01Z']);
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
});
