// Marketing email events and page views in the preview: both evaluators (judgeAll checks the compiled
// one against the reference), windows, the "… but not …" events, URL matching, and data without them.

import { strict as assert } from 'node:assert';
import { contact, judgeAll, NOW } from './judge-helper';
import type { EmailEventRecord, EmailEventType } from '../../../server/src/preview/types';
import { planList } from '../../../server/src/preview/plan';
import { markUnanswerable } from '../../../server/src/preview/run-plan';
import { buildStore } from '../../../server/src/preview/columns-build';
import { listOf, testSchema } from './lists';
import { newContactJudge } from '../../../server/src/sync/run';

const DAY = 86_400_000;
const event = (emailId: string, type: EmailEventType, daysAgo = 1, appId = '9'): EmailEventRecord => ({ appId, emailId, type, timestamp: NOW - daysAgo * DAY });

describe('preview semantics: marketing email events (both evaluators)', () => {
  const contacts = [
    contact({}, { emailEvents: [event('1', 'SENT', 40), event('1', 'DELIVERED', 40), event('1', 'OPEN', 2)] }),
    contact({}, { emailEvents: [event('1', 'SENT', 3), event('1', 'OPEN', 2), event('1', 'CLICK', 1)] }),
    contact({}, { emailEvents: [event('1', 'OPEN', 2, '8'), event('2', 'SPAMREPORT', 5)] }),
    contact({}, { emailEvents: [] }),
    contact({}),
  ];

  it('the event for that email of that app; data without events is unknown', () => {
    assert.deepEqual(judgeAll('marketing email #1 of app #9 opened', contacts), [true, true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('marketing email #2 of app #9 marked spam', contacts), [false, false, true, false, 'unknown']);
    assert.deepEqual(judgeAll('marketing email #1 of app #9 received', contacts), [true, false, false, false, 'unknown']);
  });

  it('`in last N days`: strictly after now − N days', () => {
    assert.deepEqual(judgeAll('marketing email #1 of app #9 sent in last 30 days', contacts), [false, true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('marketing email #1 of app #9 sent in last 40 days', contacts), [false, true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('marketing email #1 of app #9 sent in last 41 days', contacts), [true, true, false, false, 'unknown']);
  });

  it('"… but not …": the second event never happened for that email, whatever the window (Assumed)', () => {
    assert.deepEqual(judgeAll('marketing email #1 of app #9 opened but not clicked', contacts), [true, false, false, false, 'unknown']);
    assert.deepEqual(judgeAll('marketing email #1 of app #9 sent but not received', contacts), [false, true, false, false, 'unknown']);
    const clickedLongAgo = [contact({}, { emailEvents: [event('1', 'OPEN', 1), event('1', 'CLICK', 90)] })];
    assert.deepEqual(judgeAll('marketing email #1 of app #9 opened but not clicked in last 7 days', clickedLongAgo), [false]);
  });

  it('`not` is the complement, unknown stays unknown', () => {
    assert.deepEqual(judgeAll('not marketing email #1 of app #9 opened', contacts), [false, false, true, true, 'unknown']);
  });
});

describe('preview semantics: page views (both evaluators)', () => {
  const view = (url: string, daysAgo = 1) => ({ url, timestamp: NOW - daysAgo * DAY });
  const contacts = [
    contact({}, { pageViews: [view('https://x.com/Pricing', 10)] }),
    contact({}, { pageViews: [view('https://x.com/pricing/team', 1), view('https://x.com/blog/a', 1)] }),
    contact({}, { pageViews: [] }),
    contact({}),
  ];

  it('is: the whole URL, ignoring case; containing: a part, ignoring case (Assumed)', () => {
    assert.deepEqual(judgeAll('visited page "https://x.com/pricing"', contacts), [true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('visited page containing "/PRICING"', contacts), [true, true, false, 'unknown']);
    assert.deepEqual(judgeAll('not visited page containing "/pricing"', contacts), [false, false, true, 'unknown']);
  });

  it('matching: a regular expression over the whole URL (Assumed)', () => {
    assert.deepEqual(judgeAll('visited page matching "https://x\\\\.com/blog/.*"', contacts), [false, true, false, 'unknown']);
    assert.deepEqual(judgeAll('visited page matching "blog"', contacts), [false, false, false, 'unknown']);
  });

  it('with a window', () => {
    assert.deepEqual(judgeAll('visited page containing "pricing" in last 7 days', contacts), [false, true, false, 'unknown']);
  });
});

describe('preview: data without email events or page views', () => {
  it('says they are not in this data, and where they can come from', () => {
    const schema = testSchema();
    const plan = planList(listOf('marketing email #1 of app #9 opened or visited page "x"'), { schema, now: NOW });
    const store = buildStore([contact({ email: 'a@x.com' })], [...schema.objects.contacts.values()], []);
    const kinds = { store, historyProperties: new Set<string>(), missingLists: new Map(), hint: 'preview with --data hubspot' };
    const reasons = (live: boolean) => {
      const marked = markUnanswerable(plan, { ...kinds, live });
      return marked.kind === 'or' ? marked.children.map((c) => (c.kind === 'unavailable' ? c.reason : c.kind)) : [];
    };
    assert.deepEqual(reasons(false), [
      'marketing email events are not in this data (only JSON records with "emailEvents" carry them)',
      'page views are not in this data (only JSON records with "pageViews" carry them)',
    ]);
    assert.equal(reasons(true)[0], 'marketing email events are not in this data (preview with --data hubspot)');
    assert.equal(reasons(true)[1], 'page views are not in this data (preview with --data hubspot)');
    const refused = markUnanswerable(plan, { ...kinds, live: true, unloaded: new Map([['pageViews', 'HubSpot refused the page views: HubSpot said 403 Forbidden: no']]) });
    assert.equal(refused.kind === 'or' && refused.children[1].kind === 'unavailable' ? refused.children[1].reason : '', 'page views are not in this data (HubSpot refused the page views: HubSpot said 403 Forbidden: no)');
  });
});

describe('sync: a contact that does not exist yet', () => {
  it('has no email events or page views (not "unknown"): `not visited page` lets it in, `opened` does not', () => {
    const lists = [listOf('marketing email #1 of app #9 opened'), listOf('not visited page containing "/careers"', undefined, 'Not careers')];
    const workspace = { schema: testSchema(), lists, defaultTimezone: 'UTC' };
    assert.equal(newContactJudge(workspace, lists[0], NOW)({ email: 'new@x.com' }), false);
    assert.equal(newContactJudge(workspace, lists[1], NOW)({ email: 'new@x.com' }), true);
  });
});
