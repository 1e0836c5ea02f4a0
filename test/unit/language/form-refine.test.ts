// Checks, completion and hover for form submissions with counts and windows (issue 14).

import { strict as assert } from 'node:assert';
import { completionLabels, expectClean, expectDiagnostics, hoverText } from './expect';

const labels = completionLabels;
const hover = hoverText;
const FORM = '"3f1c2b9a-5d4e-4a7b-9c1d-2e8f6a0b7c35"';
const list = (where: string, settings = '') => `list "A" {\n  ${settings}\n  where ${where}\n}\n`;

describe('language: form submission counts and windows are checked', () => {
  it('accepts every count and window, and both together', () => {
    for (const where of [
      `submitted form ${FORM} at least 2 times`,
      'submitted any form at most 3 times',
      'submitted any form between 2 and 2 times',
      `submitted form ${FORM} after 2024-01-31`,
      'submitted any form between 2024-01-01 and 2024-01-01',
      'submitted any form between 2024-01-01T10:00:00Z and 2024-01-01T10:00:00Z',
      `submitted form ${FORM} between 2 and 5 times in last 30 days`,
      'not submitted any form before 2024-01-01',
    ]) expectClean(list(where));
  });

  it('a count of 0 or not whole, and a minimum above the maximum, are invalid-number at the number or the count', () => {
    expectDiagnostics(list('submitted any form at least ⟦0⟧ times'), ['invalid-number']);
    expectDiagnostics(list('submitted any form at most ⟦2.5⟧ times'), ['invalid-number']);
    expectDiagnostics(list('submitted any form ⟦between 5 and 2 times⟧'), ['invalid-number']);
  });

  it('an inverted window is empty-time-window over the window; a date that does not exist is invalid-date at the date', () => {
    expectDiagnostics(list('submitted any form ⟦between 2024-03-01 and 2024-02-01⟧'), ['empty-time-window']);
    expectDiagnostics(list('submitted any form ⟦between 2024-01-01T10:00:01Z and 2024-01-01T10:00:00Z⟧'), ['empty-time-window']);
    expectDiagnostics(list('submitted any form after ⟦2024-02-30⟧'), ['invalid-date']);
  });

  it('the order of a date and an instant is judged in the list\'s zone', () => {
    // 2024-01-01 starts at 2023-12-31T23:00:00Z in Warsaw, so the window holds one hour.
    expectClean(list('submitted any form between 2024-01-01 and 2023-12-31T23:30:00Z', 'timezone: "Europe/Warsaw"'));
    expectDiagnostics(list('submitted any form ⟦between 2024-01-01 and 2023-12-31T23:30:00Z⟧'), ['empty-time-window']);
  });

  it('a list without `timezone:` is judged in the workspace\'s zone (hslist.json), as the compiler reads it', () => {
    const text = list('submitted any form between 2024-01-01 and 2023-12-31T23:30:00Z');
    expectClean(text, { defaultTimezone: 'Europe/Warsaw' });
    expectDiagnostics(text, ['empty-time-window'], { defaultTimezone: 'UTC' });
    const hovered = hoverText(list('submitted any form af<|>ter 2024-01-31'), 'Europe/Warsaw') ?? '';
    assert.match(hovered, /`timestamp: 1706741999999` \(2024-01-31T22:59:59\.999Z\) \(dates in Europe\/Warsaw, the workspace's zone/);
  });

  it('not before a count is not-expressible (the compiler\'s code), at the whole negated condition', () => {
    expectDiagnostics(list('⟦not submitted any form at least 2 times⟧'), ['not-expressible']);
  });
});

describe('language: form submission counts and windows in completion', () => {
  it('offers the count and window words after the form, one step at a time', () => {
    // `on page` first: the page comes right after the form, before the count and window.
    const all = ['on page', 'at least', 'at most', 'between', 'in last', 'after', 'before', 'and', 'or'];
    assert.deepEqual(labels(`list "A" {\n  where submitted form ${FORM} <|>`), all);
    assert.deepEqual(labels('list "A" {\n  where submitted any form <|>'), all);
    assert.deepEqual(labels('list "A" {\n  where submitted any form at <|>'), ['least', 'most']);
    assert.deepEqual(labels('list "A" {\n  where submitted any form at least 2 <|>'), ['times']);
    assert.deepEqual(labels('list "A" {\n  where submitted any form between 2 <|>'), ['and']);
    assert.deepEqual(labels('list "A" {\n  where submitted any form between 2 and 5 <|>'), ['times']);
    assert.deepEqual(labels('list "A" {\n  where submitted any form between 2 and 5 times <|>'), ['in last', 'after', 'before', 'between', 'and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where submitted any form at least 2 times in <|>'), ['last']);
    assert.deepEqual(labels('list "A" {\n  where submitted any form at least 2 times in last 3 <|>'), ['days', 'day']);
    assert.deepEqual(labels('list "A" {\n  where submitted any form between 2024-01-01 <|>'), ['and']);
    assert.deepEqual(labels('list "A" {\n  where submitted any form between 2024-01-01 and 2024-02-01 <|>'), ['and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where submitted any form after 2024-01-01 <|>'), ['and', 'or']);
  });

  it('after a whole condition, `and` starts the next one', () => {
    assert.ok(labels('list "A" {\n  where submitted any form between 2 and 5 times and <|>').includes('submitted any form'));
    assert.ok(labels('list "A" {\n  where submitted any form after 2024-01-01 and <|>').includes('submitted any form'));
  });
});

describe('language: form submission counts and windows in hover', () => {
  it('says what it matches, the refine-bys and the instants of a window in the list\'s zone', () => {
    assert.equal(hover(list('submi<|>tted any form between 2 and 5 times between 2024-01-01 and 2024-03-31', 'timezone: "Europe/Warsaw"')), [
      '**Form submission**: the contact submitted any form between 2 and 5 times between 2024-01-01 and 2024-03-31 (dates: whole days, both included). The window is applied first, then the submissions in it are counted.',
      '',
      'HubSpot: `FORM_SUBMISSION` `FILLED_OUT` counted by `coalescingRefineBy` `NUM_OCCURRENCES` (`minOccurrences: 2`, `maxOccurrences: 5`); within `pruningRefineBy` `ABSOLUTE_RANGED` `BETWEEN` `lowerTimestamp: 1704063600000` (2023-12-31T23:00:00.000Z) and `upperTimestamp: 1711922399999` (2024-03-31T21:59:59.999Z) (dates in Europe/Warsaw, the list\'s zone); `not` cannot apply to a count (HubSpot documents no opposite of it).',
    ].join('\n'));
  });

  it('a window alone keeps `not` (NOT_FILLED_OUT, no submission in the window, Assumed); a count without a window', () => {
    const after = hover(list('submitted any form af<|>ter 2024-01-31')) ?? '';
    assert.match(after, /submitted any form after 2024-01-31 \(after its last moment\)\./);
    assert.match(after, /`ABSOLUTE_COMPARATIVE` `AFTER` `timestamp: 1706745599999` \(2024-01-31T23:59:59\.999Z\) \(dates in UTC, the zone of a list without `timezone:` when hslist.json sets none/);
    assert.match(after, /with `not`, `NOT_FILLED_OUT`: no submission in that window \(Assumed\)/);
    assert.match(hover(list('submitted any form at mo<|>st 3 times')) ?? '', /at most 3 times \(and at least once\)[\s\S]*`maxOccurrences: 3`/);
  });

  it('on the form\'s id, hover is about the form (nothing without pulled forms); a broken count says what is wrong', () => {
    assert.equal(hover(list(`submitted form "3f1c<|>2b9a-5d4e-4a7b-9c1d-2e8f6a0b7c35" at least 2 times`)), undefined);
    assert.match(hover(list('submitted any form between 5 and 2 ti<|>mes')) ?? '', /No count is between 5 and 2/);
  });
});
