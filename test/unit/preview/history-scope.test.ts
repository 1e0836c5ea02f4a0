// Which contacts need their history read (history-scope.ts): has-ever / has-never value tests decide
// a contact whose current value passes them, `updated in last N days` windows decide a contact modified
// before the widest window starts, anything else reading history needs every contact's. A decided contact
// is judged with an empty history exactly as with its real one (checked against judge.ts here), and a
// cache covers new lists only when every contact it left out is decided by them too.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { judgeFilter } from '../../../server/src/preview/judge';
import type { PlanNode, PropertyFilter } from '../../../server/src/preview/plan-types';
import { splitIsCheaper } from '../../../server/src/preview/hubspot/fetch-with-history';
import { decidedFilters, decidedWithoutHistory, LAST_MODIFIED, scopeCovers, type HistoryScope } from '../../../server/src/preview/hubspot/history-scope';
import { coversNeeds, dataNeeds, mergeNeeds } from '../../../server/src/preview/hubspot/needs';
import { planForList } from '../../../server/src/preview/run-plan';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

function plansOf(where: string, now = NOW): PlanNode[] {
  const lists = parse(where.split('\n').map((w, i) => `list "L${i}" {\n  where ${w}\n}\n`).join('')).file.lists;
  return lists.map((l) => planForList(l, { schema: defaultSchema(), lists, defaultTimezone: 'UTC' }, now));
}

const needsOf = (where: string, now = NOW) => dataNeeds(plansOf(where, now));

/** The plan's property filters, depth first. */
function filtersOf(plan: PlanNode): PropertyFilter[] {
  if (plan.kind === 'filter') return [plan.filter];
  if (plan.kind === 'and' || plan.kind === 'or') return plan.children.flatMap(filtersOf);
  if (plan.kind === 'not') return filtersOf(plan.child);
  return [];
}

const contact = (values: Record<string, string | null>, lastModified = NaN) => ({ current: (p: string) => values[p] ?? null, lastModified });

describe('preview: which contacts need their history read', () => {
  it('has-ever / has-never give value tests (one per test, ever and never alike), windows the widest start, and lastmodifieddate is read with windows', () => {
    const needs = needsOf(['lifecyclestage has ever been customer', 'not (lifecyclestage has never been customer)', 'hs_lead_status was updated in last 30 days', 'jobtitle was not updated in last 90 days'].join('\n'));
    assert.deepEqual(needs.historyProperties, ['hs_lead_status', 'jobtitle', 'lifecyclestage']);
    const scope = needs.historyScope!;
    assert.deepEqual(scope.tests.map((t) => [t.property, t.match, t.values]), [['lifecyclestage', 'BEEN_ANY_OF', ['customer']]]);
    assert.equal(scope.windowSince, NOW - 90 * DAY);
    assert.equal(scope.everyContact, undefined);
    assert.ok(needs.contactProperties.includes(LAST_MODIFIED));
    assert.ok(!needsOf('lifecyclestage has ever been customer').contactProperties.includes(LAST_MODIFIED), 'no window, no lastmodifieddate');
    assert.equal(needsOf('email is known').historyScope, undefined, 'no history, no scope');
  });

  it('`was updated before/after` and `when P was updated` as a bound need every contact\'s history', () => {
    assert.equal(needsOf('lifecyclestage was updated after 2025-01-01').historyScope?.everyContact, true);
    assert.equal(needsOf('closedate is after when hs_lead_status was updated').historyScope?.everyContact, true);
  });

  it('a contact is decided when its current value passes every test and it was modified before the window; never without its lastmodifieddate', () => {
    const scope = needsOf(['lifecyclestage has ever been customer', 'hs_lead_status was updated in last 30 days'].join('\n')).historyScope!;
    const old = NOW - 31 * DAY;
    assert.ok(decidedWithoutHistory(scope, contact({ lifecyclestage: 'customer' }, old)));
    assert.ok(!decidedWithoutHistory(scope, contact({ lifecyclestage: 'lead' }, old)), 'it may have been a customer before');
    assert.ok(!decidedWithoutHistory(scope, contact({ lifecyclestage: 'customer' }, NOW - 29 * DAY)), 'modified inside the window');
    assert.ok(!decidedWithoutHistory(scope, contact({ lifecyclestage: 'customer' }, NOW - 30 * DAY)), 'modified at the window\'s start');
    assert.ok(!decidedWithoutHistory(scope, contact({ lifecyclestage: 'customer' })), 'lastmodifieddate unknown');
    assert.ok(!decidedWithoutHistory(scope, contact({ lifecyclestage: null }, old)), 'no current value');
    assert.ok(!decidedWithoutHistory({ tests: [], everyContact: true }, contact({}, old)));
    assert.ok(decidedWithoutHistory({ tests: [] }, contact({})), 'no history filter: every contact is decided');
  });

  it('a decided contact is judged with an empty history exactly as with any history its lastmodifieddate allows', () => {
    const where = ['lifecyclestage has ever been customer', 'lifecyclestage has never been customer', 'hs_buying_role has ever contained all of (DECISION_MAKER)', 'hs_lead_status has ever been UNQUALIFIED',
      'jobtitle has ever been "CEO"', 'jobtitle has never contained "intern"', 'hs_lead_status was updated in last 30 days', 'hs_lead_status was not updated in last 30 days'].join('\n');
    const filters = plansOf(where).flatMap(filtersOf);
    assert.equal(filters.length, 8);
    const lastModified = NOW - 40 * DAY;
    const histories = [[], [{ value: 'lead', timestamp: lastModified }], [{ value: 'customer', timestamp: lastModified - DAY }, { value: 'x', timestamp: NOW - 400 * DAY }]];
    const contacts = [
      { lifecyclestage: 'customer', hs_buying_role: 'DECISION_MAKER;BUDGET_HOLDER', hs_lead_status: 'UNQUALIFIED', jobtitle: 'ceo' },
      { lifecyclestage: 'lead', hs_buying_role: null, hs_lead_status: 'NEW', jobtitle: 'Intern' },
    ];
    let decided = 0;
    for (const values of contacts) {
      for (const f of filters) {
        const scope = dataNeeds(plansOf(where)).historyScope!;
        const single: HistoryScope = { tests: scope.tests.filter((t) => t.property === f.property && (f.operator.endsWith(t.match))), ...(f.operationType === 'ROLLING_PROPERTY_UPDATED' ? { windowSince: f.now - f.days * DAY } : {}) };
        if (!decidedWithoutHistory(single, contact(values, lastModified))) continue;
        decided++;
        const withNone = judgeFilter(f, values, { [f.property]: [] });
        for (const entries of histories) assert.equal(judgeFilter(f, values, { [f.property]: entries }), withNone, `${f.operator} ${f.property} on ${JSON.stringify(values)}`);
      }
    }
    assert.ok(decided >= 8, `${decided} decisions checked`);
  });

  it('a cache covers new lists only when every contact it left out is decided by them too', () => {
    const month = needsOf('hs_lead_status was updated in last 30 days');
    const week = needsOf('hs_lead_status was updated in last 7 days');
    const ever = needsOf(['hs_lead_status was updated in last 30 days', 'hs_lead_status has ever been UNQUALIFIED'].join('\n'));
    const everyContact = needsOf('hs_lead_status was updated after 2025-01-01');
    assert.ok(coversNeeds(month, week) && coversNeeds(month, needsOf('hs_lead_status was updated in last 30 days', NOW + DAY)), 'a later window starts later');
    assert.ok(!coversNeeds(week, month), 'the cache left out contacts modified 8 to 30 days ago');
    assert.ok(!coversNeeds(month, ever), 'its contacts were not decided by the value test');
    assert.ok(coversNeeds(ever, month), 'contacts decided by both are decided by one');
    assert.ok(!coversNeeds(month, everyContact));
    const { historyScope: _scope, ...readForEveryone } = month;
    assert.ok(coversNeeds(readForEveryone, ever) && coversNeeds(readForEveryone, everyContact), 'a cache holding every contact\'s history (no scope) covers all');
    assert.ok(scopeCovers(undefined, undefined) && !scopeCovers({ tests: [] }, undefined));
    assert.deepEqual(mergeNeeds(month, week).historyScope, month.historyScope);
    assert.deepEqual(mergeNeeds(month, needsOf('email is known')).historyScope, month.historyScope);
    assert.equal(mergeNeeds(readForEveryone, week).historyScope, undefined, 'every contact\'s history stays every contact\'s');
    assert.equal(mergeNeeds(month, ever).historyScope?.tests.length, 1);
  });

  it('the contacts it decides, as one search group HubSpot can count; none for a test search cannot say', () => {
    const scope = needsOf(['lifecyclestage has ever been any of (customer, evangelist)', 'jobtitle has ever been "CEO"', 'hubspotscore has never been 10', 'hs_lead_status was updated in last 30 days'].join('\n')).historyScope!;
    assert.deepEqual(decidedFilters(scope), [
      { propertyName: 'hubspotscore', operator: 'EQ', value: '10' },
      { propertyName: 'jobtitle', operator: 'IN', values: ['ceo'] },
      { propertyName: 'lifecyclestage', operator: 'IN', values: ['customer', 'evangelist'] },
      { propertyName: 'lastmodifieddate', operator: 'LT', value: String(NOW - 30 * DAY) },
    ]);
    assert.equal(decidedFilters(needsOf('jobtitle has ever contained "CEO"').historyScope!), undefined, 'a substring is no search filter');
    assert.equal(decidedFilters(needsOf('lifecyclestage was updated after 2025-01-01').historyScope!), undefined);
    assert.deepEqual(decidedFilters({ tests: [] }), []);
  });

  it('splits only when it costs fewer requests: N/100 + needing/50 against N/50', () => {
    assert.ok(splitIsCheaper(100_000, 0) && splitIsCheaper(100_000, 49_950));
    assert.ok(!splitIsCheaper(100_000, 50_000) && !splitIsCheaper(100_000, 100_000));
    assert.ok(!splitIsCheaper(0, 0) && !splitIsCheaper(40, 0), 'one page either way');
  });

  it('with the values from an export, splits up to a tenth more requests than the pages (its batch reads go in parallel)', () => {
    // 100,000 contacts: 2,000 pages of 50; the export's ~10 requests and 2,000 batch reads of 50 for all of them.
    assert.ok(splitIsCheaper(100_000, 100_000, true), 'every contact needing history: 2,010 requests against 2,000 pages');
    assert.ok(splitIsCheaper(100_000, 50_000, true));
    assert.ok(!splitIsCheaper(1_000, 1_000, true), 'a small portal: 30 requests against 20 pages');
  });
});
