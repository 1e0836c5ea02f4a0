// The three evaluators agree: the preview's reference interpreter, its fast columnar evaluator, and
// the HubSpot emulator's evaluator of the compiled filterBranch JSON, on generated criteria (relative
// times, rolling and calendar phrases, `date` properties, last updates, blank checks, multi-select
// operators, ordered enumerations written out as `is any of`, subscriptions by id and by name) and contacts around local midnight and
// DST changes in UTC, New York, Tokyo and Chatham.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '@hslist/grammar';
import { compileList } from '../../server/src/hubspot/compile';
import { decompileList } from '../../server/src/hubspot/decompile';
import { planList } from '../../server/src/preview/plan';
import { evaluateContact } from '../../server/src/preview/reference';
import { associatedDefs, buildStore } from '../../server/src/preview/columns-build';
import { CompiledEvaluator } from '../../server/src/preview/compiled';
import { hasBit } from '../../server/src/preview/bitset';
import type { AssociatedRecord, ContactRecord, Tri } from '../../server/src/preview/types';
import { matchesFilterBranch, type EvalContact } from '../../server/src/sandbox/hubspot/evaluate';
import { testSchema } from '../unit/preview/lists';
import { contactArb, criteriaArb, nowArb, SUBSCRIPTION_DEFINITIONS, ZONES } from './evaluators-agree-gen';

// With subscription definitions pulled, so generated names of subscriptions compile and preview as their ids.
const schema = { ...testSchema(), subscriptions: SUBSCRIPTION_DEFINITIONS };

function listText(where: string, zone: string): string {
  return `list "Under test" {\n  timezone: ${JSON.stringify(zone)}\n  where ${where}\n}\n`;
}

function asEvalContact(c: ContactRecord): EvalContact {
  const history = Object.fromEntries(
    Object.entries(c.history ?? {}).map(([name, entries]) => [name, entries.map((e) => ({ value: e.value ?? '', timestamp: String(e.timestamp) }))]),
  );
  const linked = (records: AssociatedRecord[] | undefined) => (records ?? []).map((r) => ({ id: r.id, properties: r.properties, associationLabels: r.labels }));
  const primary = (c.companies ?? []).find((co) => co.primary)?.id;
  return { id: c.id, properties: c.properties, history, companies: linked(c.companies), primaryCompanyId: primary, deals: linked(c.deals), tickets: linked(c.tickets), subscriptions: c.subscriptions,
    emailEvents: c.emailEvents?.map((e) => ({ ...e, timestamp: new Date(e.timestamp).toISOString() })),
    pageViews: c.pageViews?.map((v) => ({ ...v, timestamp: new Date(v.timestamp).toISOString() })),
  };
}

/** Each evaluator's verdicts, or undefined when the criteria do not compile (`not` of a calendar phrase). */
function verdicts(where: string, zone: string, now: number, contacts: ContactRecord[]) {
  const { file, diagnostics } = parse(listText(where, zone));
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), [], where);
  const list = file.lists[0];
  const compiled = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
  if (!compiled.request?.filterBranch) return undefined;
  const plan = planList(list, { schema, now });
  const reference = contacts.map((c): Tri => evaluateContact(plan, c));
  const { lo, hi } = new CompiledEvaluator(buildStore(contacts, [...schema.objects.contacts.values()], [...schema.objects.companies.values()], associatedDefs(schema))).rows(plan);
  const columnar = contacts.map((_, r): Tri => (hasBit(lo, r) ? true : hasBit(hi, r) ? 'unknown' : false));
  const propertyType = (name: string) => schema.objects.contacts.get(name)?.type;
  const ctx = { now, timeZone: zone, propertyType };
  const emulator = contacts.map((c): Tri => matchesFilterBranch(compiled.request!.filterBranch, asEvalContact(c), ctx));
  return { reference, columnar, emulator, json: compiled.request.filterBranch };
}

const scenario = fc
  .tuple(fc.constantFrom(...ZONES), nowArb)
  .chain(([zone, now]) => fc.tuple(fc.constant(zone), fc.constant(now), criteriaArb(now), fc.tuple(...Array.from({ length: 6 }, (_, i) => contactArb(zone, now, i)))));

describe('the three evaluators agree (property-based)', () => {
  it('reference = columnar = emulator on relative times, date properties, last updates, multi-selects and ordered enumerations, around midnight and DST', () => {
    fc.assert(
      fc.property(scenario, ([zone, now, where, contacts]) => {
        const v = verdicts(where, zone, now, contacts);
        fc.pre(v !== undefined);
        const context = `${where} (zone ${zone}, now ${new Date(now).toISOString()})\n${JSON.stringify(v.json)}`;
        assert.deepEqual(v.columnar, v.reference, `columnar vs reference: ${context}`);
        assert.deepEqual(v.emulator, v.reference, `emulator vs reference: ${context}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('every subscription name the generator writes compiles to its id (no case is skipped as not compiling)', () => {
    const v = verdicts('opted in to email subscriptions ("Newsletter", "Updates") and opted out of sms subscriptions ("Order alerts", "Updates")', 'UTC', Date.parse('2024-06-15T12:00:00Z'), []);
    assert.ok(v, 'the names compile');
    const ids = (v.json as { filterBranches: { filters: { subscriptionIds: string[] }[] }[] }).filterBranches[0].filters.map((f) => f.subscriptionIds);
    assert.deepEqual(ids, [['1', '3'], ['2', '3']]);
  });

  it('a pulled ROLLING_DATE_RANGE (decompiled, compiled again) matches the same contacts as HubSpot\'s original', () => {
    const operators = ['IS_LESS_THAN_X_DAYS_AGO', 'IS_MORE_THAN_X_DAYS_AGO', 'IS_LESS_THAN_X_DAYS_FROM_NOW', 'IS_MORE_THAN_X_DAYS_FROM_NOW'];
    const rolling = fc.tuple(fc.constantFrom(...ZONES), nowArb, fc.constantFrom(...operators), fc.integer({ min: 0, max: 20 }), fc.constantFrom('createdate', 'closedate'))
      .chain(([zone, now, operator, days, property]) => fc.tuple(fc.constant({ zone, now, operator, days, property }), fc.tuple(...Array.from({ length: 6 }, (_, i) => contactArb(zone, now, i)))));
    fc.assert(
      fc.property(rolling, ([r, contacts]) => {
        const filter = { filterType: 'PROPERTY', property: r.property, operation: { operationType: 'ROLLING_DATE_RANGE', operator: r.operator, numberOfDays: r.days, requiresTimeZoneConversion: true, includeObjectsWithNoValueSet: false } };
        const original = { filterBranchType: 'OR', filters: [], filterBranches: [{ filterBranchType: 'AND', filters: [filter], filterBranches: [] }] };
        const pulled = decompileList({ name: 'Pulled', processingType: 'DYNAMIC', filterBranch: original }, { schema, listNameFor: () => undefined, defaultTimezone: r.zone });
        const recompiled = compileList(parse(pulled.text!).file.lists[0], { schema, listIdFor: () => undefined, defaultTimezone: r.zone }).request!.filterBranch;
        const ctx = { now: r.now, timeZone: r.zone, propertyType: (name: string) => schema.objects.contacts.get(name)?.type };
        const verdicts = (branch: unknown) => contacts.map((c) => matchesFilterBranch(branch, asEvalContact(c), ctx));
        assert.deepEqual(verdicts(recompiled), verdicts(original), pulled.text);
      }),
      { numRuns: 500 },
    );
  });
});
