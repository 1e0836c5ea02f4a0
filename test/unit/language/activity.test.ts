// Webinars, calls-to-action and ads in the editor: the checks (empty ids, the forms' counts and windows),
// completion one step at a time, and hover with the HubSpot filter each compiles to.

import { strict as assert } from 'node:assert';
import { completionLabels as labels, expectClean, expectDiagnostics, hoverText as hover } from './expect';

const list = (where: string) => `list "A" {\n  where ${where}\n}`;

describe('language: webinars, CTAs and ads', () => {
  it('checks clean what compiles, and names what does not at its place', () => {
    for (const where of ['registered for webinar #1', 'attended any webinar', 'not attended webinar "w-1"', 'clicked cta "c-1" at least 2 times in last 30 days', 'viewed cta "c-1" between 2024-01-01 and 2024-02-01', 'saw any ad after 2024-01-31']) {
      expectClean(list(where));
    }
    assert.equal(expectDiagnostics(list('registered for webinar ""'), ['empty-name'])[0].severity, 'error');
    expectDiagnostics(list('clicked cta ""'), ['empty-name']);
    expectDiagnostics(list('clicked cta "c" at least 0 times'), ['invalid-number']);
    expectDiagnostics(list('viewed cta "c" in last 0 days'), ['invalid-number']);
    expectDiagnostics(list('saw any ad between 2024-03-01 and 2024-02-01'), ['empty-time-window']);
    expectDiagnostics(list('saw any ad after 2024-02-30'), ['invalid-date']);
  });

  it('offers the conditions, then their words one step at a time', () => {
    const start = labels(list('<|>'));
    for (const entry of ['registered for webinar #…', 'attended any webinar', 'clicked cta "…"', 'saw any ad in last … days']) assert.ok(start.includes(entry), entry);
    assert.deepEqual(labels(list('registered <|>')), ['for webinar', 'for any webinar']);
    assert.deepEqual(labels(list('registered for <|>')), ['webinar', 'any webinar']);
    assert.deepEqual(labels(list('attended <|>')), ['webinar', 'any webinar']);
    assert.deepEqual(labels(list('attended any <|>')), ['webinar']);
    assert.deepEqual(labels(list('attended any webinar <|>')), ['and', 'or']);
    assert.deepEqual(labels(list('attended webinar #4 <|>')), ['and', 'or']);
    assert.deepEqual(labels(list('clicked <|>')), ['cta']);
    assert.deepEqual(labels(list('viewed cta "c" <|>')), ['at least', 'at most', 'between', 'in last', 'after', 'before', 'and', 'or']);
    assert.deepEqual(labels(list('viewed cta "c" at least 2 times <|>')), ['in last', 'after', 'before', 'between', 'and', 'or']);
    assert.deepEqual(labels(list('clicked cta "c" between 2024-01-01 <|>')), ['and']);
    assert.deepEqual(labels(list('saw <|>')), ['any ad']);
    assert.deepEqual(labels(list('saw any ad <|>')), ['in last', 'after', 'before', 'between']);
    assert.deepEqual(labels(list('saw any ad in last 3 days <|>')), ['and', 'or']);
    assert.ok(labels(list('saw any ad after 2024-01-01 and <|>')).includes('email'), 'a property after the window');
  });

  it('hover says what it matches and which HubSpot filter it is', () => {
    assert.match(hover(list('registered for webi<|>nar #12')) ?? '', /registered for the webinar with id "12"[\s\S]*`WEBINAR` `HAS_WEBINAR_REGISTRATION` `webinarId: "12"`; with `not`, `NOT_HAS_WEBINAR_REGISTRATION`/);
    assert.match(hover(list('attended any web<|>inar')) ?? '', /`HAS_WEBINAR_ATTENDANCE` without a `webinarId` \(any webinar, Assumed\)/);
    assert.match(hover(list('viewed c<|>ta "c-1" at least 2 times in last 30 days')) ?? '', /viewed the CTA "c-1" at least 2 times in the last 30 days[\s\S]*`HAS_OPENED_CTA` `ctaName: "c-1"` counted by `coalescingRefineBy` `NUM_OCCURRENCES`; within `pruningRefineBy` `RELATIVE_COMPARATIVE` `AFTER` 30 days in the past; `not` cannot apply to a count/);
    assert.match(hover(list('saw any <|>ad before 2024-01-01')) ?? '', /`ADS_TIME` `pruningRefineBy` `ABSOLUTE_COMPARATIVE` `BEFORE` `timestamp: 1704067200000` \(2024-01-01T00:00:00.000Z\)/);
  });
});
