// What the live source must load for marketing email event conditions: per email and event type, from
// the widest window; "… but not …" reads its second event over all time; a cache covers a need when it
// holds that email and type from as early or earlier. And what stays "not in this data" and why.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { coversNeeds, dataNeeds, mergeNeeds } from '../../../server/src/preview/hubspot/needs';
import { markUnanswerable, planForList } from '../../../server/src/preview/run-plan';
import { buildStore } from '../../../server/src/preview/columns-build';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

function needsOf(where: string, now = NOW) {
  const lists = parse(where.split('\n').map((w, i) => `list "L${i}" {\n  where ${w}\n}\n`).join('')).file.lists;
  return dataNeeds(lists.map((l) => planForList(l, { schema: defaultSchema(), lists, defaultTimezone: 'UTC' }, now)));
}

describe('preview: the email events a workspace needs', () => {
  it('each email and type once, with the widest window; none is all time', () => {
    const needs = needsOf(['marketing email #456 of app #113 opened in last 30 days', 'marketing email #456 of app #113 opened in last 7 days', 'marketing email #789 of app #113 clicked'].join('\n'));
    assert.deepEqual(needs.emailEvents, [
      { appId: '113', emailId: '456', type: 'OPEN', since: NOW - 30 * DAY },
      { appId: '113', emailId: '789', type: 'CLICK' },
    ]);
    const widened = needsOf(['marketing email #456 of app #113 opened in last 30 days', 'marketing email #456 of app #113 opened'].join('\n'));
    assert.deepEqual(widened.emailEvents, [{ appId: '113', emailId: '456', type: 'OPEN' }]);
  });

  it('an absolute window reads from its start: after D from D\'s last moment, between from its first; before D all time', () => {
    assert.deepEqual(needsOf('marketing email #456 of app #113 opened after 2026-01-31').emailEvents, [{ appId: '113', emailId: '456', type: 'OPEN', since: Date.parse('2026-01-31T23:59:59.999Z') }]);
    assert.deepEqual(needsOf('marketing email #456 of app #113 opened between 2026-01-01 and 2026-01-31').emailEvents, [{ appId: '113', emailId: '456', type: 'OPEN', since: Date.parse('2026-01-01T00:00:00Z') - 1 }]);
    assert.deepEqual(needsOf('marketing email #456 of app #113 opened before 2026-01-31').emailEvents, [{ appId: '113', emailId: '456', type: 'OPEN' }]);
  });

  it('"… but not …" reads the second event over all time, whatever the window', () => {
    assert.deepEqual(needsOf('marketing email #456 of app #113 opened but not clicked in last 10 days').emailEvents, [
      { appId: '113', emailId: '456', type: 'CLICK' },
      { appId: '113', emailId: '456', type: 'OPEN', since: NOW - 10 * DAY },
    ]);
  });

  it('a load covers a later one of the same window (its start moves on), not a wider window or another type', () => {
    const loaded = needsOf('marketing email #456 of app #113 opened in last 30 days');
    assert.ok(coversNeeds(loaded, needsOf('marketing email #456 of app #113 opened in last 30 days', NOW + DAY)));
    assert.ok(!coversNeeds(loaded, needsOf('marketing email #456 of app #113 opened in last 31 days')));
    assert.ok(!coversNeeds(loaded, needsOf('marketing email #456 of app #113 clicked in last 30 days')));
    const merged = mergeNeeds(loaded, needsOf('marketing email #456 of app #113 opened in last 31 days'));
    assert.deepEqual(merged.emailEvents, [{ appId: '113', emailId: '456', type: 'OPEN', since: NOW - 31 * DAY }]);
  });
});

describe('preview: email event conditions the live source could not load', () => {
  const where = 'marketing email #456 of app #113 opened but not replied';
  const lists = parse(`list "L" {\n  where ${where}\n}\n`).file.lists;
  const plan = planForList(lists[0], { schema: defaultSchema(), lists, defaultTimezone: 'UTC' }, NOW);
  const store = buildStore([{ id: '1', properties: { email: 'a@x.com' }, emailEvents: [] }], [...defaultSchema().objects.contacts.values()], []);
  const reason = (unloaded: Map<string, string>) => {
    const marked = markUnanswerable(plan, { store, historyProperties: new Set(), missingLists: new Map(), hint: 'h', live: true, unloaded });
    return marked.kind === 'unavailable' ? marked.reason : marked.kind;
  };

  it('names why: HubSpot refused them, the API lacks the event type, or HubSpot refused that email', () => {
    assert.equal(reason(new Map()), 'emailEvent');
    assert.equal(reason(new Map([['emailEvents:REPLY', 'no reply event']])), 'marketing email events are not in this data (no reply event)');
    assert.equal(reason(new Map([['emailEvents', 'HubSpot said 403']])), 'marketing email events are not in this data (HubSpot said 403)');
    assert.equal(reason(new Map([['emailEvents:113:456', 'HubSpot said 400']])), 'marketing email events are not in this data (HubSpot said 400)');
    assert.equal(reason(new Map([['emailEvents:113:999', 'another email']])), 'emailEvent');
  });
});
