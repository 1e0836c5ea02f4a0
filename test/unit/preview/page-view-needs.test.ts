// What the live source must load for `visited page …`: every contact's page views from the widest
// `in last N days` (all time when any condition has no window), and the contacts' view count
// (hs_analytics_num_page_views) with them; a cache covers a need when it read from as early or earlier.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { coversNeeds, dataNeeds, mergeNeeds, PAGE_VIEW_COUNT } from '../../../server/src/preview/hubspot/needs';
import { planForList } from '../../../server/src/preview/run-plan';
import { progressText } from '../../../server/src/preview/progress-text';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

function needsOf(where: string, now = NOW) {
  const lists = parse(where.split('\n').map((w, i) => `list "L${i}" {\n  where ${w}\n}\n`).join('')).file.lists;
  return dataNeeds(lists.map((l) => planForList(l, { schema: defaultSchema(), lists, defaultTimezone: 'UTC' }, now)));
}

describe('preview: the page views a workspace needs', () => {
  it('none, and no view count, without a page-view condition', () => {
    const needs = needsOf('email is known');
    assert.equal(needs.pageViews, undefined);
    assert.ok(!needs.contactProperties.includes(PAGE_VIEW_COUNT));
  });

  it('the widest window, inside not and counts too; any condition without one is all time; the view count with them', () => {
    const windowed = needsOf(['visited page containing "/pricing" in last 7 days', 'not visited page "https://x.io/a" in last 30 days', 'visited page matching "x" at least 2 times in last 3 days'].join('\n'));
    assert.deepEqual(windowed.pageViews, { since: NOW - 30 * DAY });
    assert.ok(windowed.contactProperties.includes(PAGE_VIEW_COUNT));
    assert.deepEqual(needsOf(['visited page containing "/pricing" in last 7 days', 'visited page "https://x.io/a"'].join('\n')).pageViews, {});
  });

  it('a cache read from as early or earlier covers the need; merging keeps the wider window', () => {
    const week = needsOf('visited page containing "/p" in last 7 days');
    const month = needsOf('visited page containing "/p" in last 30 days');
    const all = needsOf('visited page containing "/p"');
    const none = needsOf('email is known');
    assert.ok(coversNeeds(month, week) && coversNeeds(all, month) && coversNeeds(week, none));
    assert.ok(!coversNeeds(week, month) && !coversNeeds(month, all) && !coversNeeds(none, week));
    assert.deepEqual(mergeNeeds(week, month).pageViews, month.pageViews);
    assert.deepEqual(mergeNeeds(month, all).pageViews, {});
    assert.equal(mergeNeeds(none, none).pageViews, undefined);
    assert.deepEqual(mergeNeeds(none, week).pageViews, week.pageViews);
  });

  it('progress says what the count costs', () => {
    assert.equal(progressText({ phase: 'pageViews', done: 120, total: 3400 }), 'page views: 120 of 3,400 contacts with page views (a request or more each)');
  });
});
