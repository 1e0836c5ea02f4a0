// The preview of webinars, CTAs and ads: judged from JSON records' `webinars`, `ctaEvents` and `adViews`
// (read whole or not at all), and "not in this data" with the reason where the data has none (the live
// HubSpot source has no public per-contact read of them).

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contact, judgeAll, NOW } from './judge-helper';
import { planList } from '../../../server/src/preview/plan';
import { markUnanswerable } from '../../../server/src/preview/run-plan';
import { buildStore } from '../../../server/src/preview/columns-build';
import { readNdjsonContacts } from '../../../server/src/preview/sources/json';
import type { ContactRecord } from '../../../server/src/preview/types';
import { listOf, testSchema } from './lists';
import { newContactJudge } from '../../../server/src/sync/run';

const HOUR = 3_600_000;

describe('preview: webinars, CTAs and ads', () => {
  const contacts = [
    contact({}, { webinars: [{ id: '1', registered: true, attended: false }], ctaEvents: [{ cta: 'c', type: 'VIEW', timestamp: NOW - HOUR }], adViews: [{ timestamp: NOW - 100 * HOUR }] }),
    contact({}, { webinars: [{ id: '2', registered: true, attended: true }], ctaEvents: [{ cta: 'c', type: 'CLICK', timestamp: NOW - HOUR }, { cta: 'c', type: 'CLICK', timestamp: NOW - 30 * HOUR }], adViews: [{ timestamp: NOW - HOUR }] }),
    contact({}, { webinars: [], ctaEvents: [], adViews: [] }),
    contact({}),
  ];

  it('webinars: registration and attendance, of one or of any; without the data, unknown', () => {
    assert.deepEqual(judgeAll('registered for any webinar', contacts), [true, true, false, 'unknown']);
    assert.deepEqual(judgeAll('attended webinar #2', contacts), [false, true, false, 'unknown']);
    assert.deepEqual(judgeAll('not registered for webinar #1', contacts), [false, true, true, 'unknown']);
  });

  it('CTAs: clicks or views in the window, then counted; ads: some in the window', () => {
    assert.deepEqual(judgeAll('clicked cta "c"', contacts), [false, true, false, 'unknown']);
    assert.deepEqual(judgeAll('viewed cta "c"', contacts), [true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('clicked cta "c" at least 2 times in last 1 days', contacts), [false, false, false, 'unknown']);
    assert.deepEqual(judgeAll('clicked cta "c" at least 2 times in last 2 days', contacts), [false, true, false, 'unknown']);
    assert.deepEqual(judgeAll('saw any ad in last 1 days', contacts), [false, true, false, 'unknown']);
    assert.deepEqual(judgeAll('saw any ad in last 5 days', contacts), [true, true, false, 'unknown']);
  });

  it('data without them says so, and why the live source cannot load them', () => {
    const schema = testSchema();
    const plan = planList(listOf('attended any webinar or clicked cta "c" or saw any ad in last 3 days'), { schema, now: NOW });
    const store = buildStore([contact({ email: 'a@x.com' })], [...schema.objects.contacts.values()], []);
    const kinds = { store, historyProperties: new Set<string>(), missingLists: new Map(), hint: 'preview with --data hubspot' };
    const reasons = (live: boolean) => {
      const marked = markUnanswerable(plan, { ...kinds, live });
      return marked.kind === 'or' ? marked.children.map((c) => (c.kind === 'unavailable' ? c.reason : c.kind)) : [];
    };
    assert.deepEqual(reasons(false), [
      'webinar registrations and attendance are not in this data (only JSON records with "webinars" carry them)',
      'CTA clicks and views are not in this data (only JSON records with "ctaEvents" carry them)',
      'ad views are not in this data (only JSON records with "adViews" carry them)',
    ]);
    for (const reason of reasons(true)) assert.match(reason, /the live HubSpot source does not load them: HubSpot's public APIs have no per-contact read of them/);
  });

  it('a contact that does not exist yet has none of them (not "unknown")', () => {
    const lists = [listOf('not attended any webinar and not clicked cta "c"')];
    assert.equal(newContactJudge({ schema: testSchema(), lists, defaultTimezone: 'UTC' }, lists[0], NOW)({ email: 'new@x.com' }), true);
  });

  it('JSON records: read whole or not at all, one bad entry leaves the list out for that contact, reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hslist-activity-'));
    try {
      const path = join(dir, 'activity.ndjson');
      writeFileSync(path, [
        JSON.stringify({ id: '1', properties: {}, webinars: [{ id: 7, registered: true, attended: false }], ctaEvents: [{ cta: 'c', type: 'click', timestamp: '2024-06-01T10:00:00Z' }], adViews: [{ timestamp: 1717236000000 }] }),
        JSON.stringify({ id: '2', properties: {}, webinars: [{ id: '7', registered: 'yes', attended: false }], ctaEvents: [{ cta: 'c', type: 'HOVER', timestamp: 1 }], adViews: [{}] }),
      ].join('\n'));
      const rows: ContactRecord[] = [];
      const report = await readNdjsonContacts(path, testSchema(), (r) => rows.push(r));
      assert.deepEqual(rows.map((r) => [r.webinars, r.ctaEvents, r.adViews]), [
        [[{ id: '7', registered: true, attended: false }], [{ cta: 'c', type: 'CLICK', timestamp: Date.parse('2024-06-01T10:00:00Z') }], [{ timestamp: 1717236000000 }]],
        [undefined, undefined, undefined],
      ]);
      assert.deepEqual(report.issues.map((i) => [i.line, i.code]), [[2, 'bad-record'], [2, 'bad-record'], [2, 'bad-record']]);
      assert.match(report.issues[0].message, /webinars\[0\] is .*"registered": true\|false/);
      assert.match(report.issues[1].message, /ctaEvents\[0\] is .*"HOVER"/);
      assert.equal(report.rowsRejected, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
