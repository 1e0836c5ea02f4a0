// `marketing email any <event> [in last N days]` previews as the contact property condition it stands for:
// on generated contacts (dates of the last open, click and send around the window's edge, counts of
// emails delivered and bounced, or none), the reference interpreter, the compiled evaluator and the HubSpot
// emulator's evaluator of the compiled filterBranch give the any-email form exactly the results they give
// the property form written by hand, and agree with each other.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ListNode } from '@hslist/grammar';
import { planList } from '../../server/src/preview/plan';
import { evaluateContact } from '../../server/src/preview/reference';
import { buildStore } from '../../server/src/preview/columns-build';
import { CompiledEvaluator } from '../../server/src/preview/compiled';
import { hasBit } from '../../server/src/preview/bitset';
import { compileList } from '../../server/src/hubspot/compile';
import { resolveList } from '../../server/src/language/definitions/resolve';
import { defaultSchema } from '../../server/src/language/schema';
import type { Schema } from '../../server/src/language/schema-types';
import { matchesFilterBranch, type EvalContact } from '../../server/src/sandbox/hubspot/evaluate';
import type { ContactRecord, Tri } from '../../server/src/preview/types';
import { listOf, testSchema } from '../unit/preview/lists';
import { NOW } from '../unit/preview/judge-helper';

const DAY = 86_400_000;
const DATES = ['hs_email_last_open_date', 'hs_email_last_click_date', 'hs_email_last_send_date'];
const COUNTS = ['hs_email_delivered', 'hs_email_bounce'];

/** The small test schema with the five contact properties HubSpot keeps over all marketing emails. */
function emailSchema(): Schema {
  const schema = testSchema();
  const contacts = new Map(schema.objects.contacts);
  for (const name of [...DATES, ...COUNTS]) contacts.set(name, defaultSchema().objects.contacts.get(name)!);
  return { ...schema, objects: { ...schema.objects, contacts } };
}

const schema = emailSchema();
const defs = [...schema.objects.contacts.values()];
const companyDefs = [...schema.objects.companies.values()];
const propertyType = (name: string) => schema.objects.contacts.get(name)?.type;

// Instants around the edges of 1, 7 and 30-day windows (a minute either side), and far ones.
const edge = fc.constantFrom(1, 7, 30).chain((d) => fc.constantFrom(-60_000, 0, 60_000).map((m) => NOW - d * DAY + m));
const instant = fc.oneof(edge, fc.integer({ min: NOW - 90 * DAY, max: NOW }));
const dateText = fc.oneof(instant.map((t) => new Date(t).toISOString()), instant.map(String));
const countText = fc.constantFrom('0', '1', '3', '0.5', '');
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

const contactArb = fc.record({
  hs_email_last_open_date: nullable(dateText), hs_email_last_click_date: nullable(dateText), hs_email_last_send_date: nullable(dateText),
  hs_email_delivered: nullable(countText), hs_email_bounce: nullable(countText), country: nullable(fc.constantFrom('Poland', 'Chile')),
});

/** The any-email form and the property form written by hand, for one event and window. */
const EVENTS: Record<string, [string, 'date' | 'count']> = {
  opened: ['hs_email_last_open_date', 'date'], clicked: ['hs_email_last_click_date', 'date'], sent: ['hs_email_last_send_date', 'date'],
  received: ['hs_email_delivered', 'count'], delivered: ['hs_email_delivered', 'count'], bounced: ['hs_email_bounce', 'count'],
};
const conditionArb = fc.tuple(fc.constantFrom(...Object.keys(EVENTS)), fc.option(fc.constantFrom(1, 7, 30), { nil: undefined })).map(([event, days]) => {
  const [property, kind] = EVENTS[event];
  if (kind === 'count') return { any: `marketing email any ${event}`, byHand: `${property} > 0` };
  const window = days === undefined ? '' : ` in last ${days} days`;
  return { any: `marketing email any ${event}${window}`, byHand: days === undefined ? `${property} is known` : `${property} is less than ${days} days ago` };
});

/** One or two conditions, each maybe under `not`, joined by `and` or `or`, in both forms. */
const whereArb = fc.tuple(conditionArb, fc.boolean(), fc.option(fc.tuple(conditionArb, fc.boolean(), fc.constantFrom('and', 'or')), { nil: undefined })).map(([first, negated, rest]) => {
  const one = (c: { any: string; byHand: string }, not: boolean, form: 'any' | 'byHand') => `${not ? 'not ' : ''}${c[form]}`;
  const build = (form: 'any' | 'byHand') => (rest ? `${one(first, negated, form)} ${rest[2]} ${one(rest[0], rest[1], form)}` : one(first, negated, form));
  return { any: build('any'), byHand: build('byHand') };
});

/** The results of the three evaluators for a list, the emulator's on the contacts whose result is certain. */
function results(list: ListNode, contacts: ContactRecord[]) {
  const plan = planList(list, { schema, now: NOW });
  const reference: Tri[] = contacts.map((c) => evaluateContact(plan, c));
  const { lo, hi } = new CompiledEvaluator(buildStore(contacts, defs, companyDefs)).rows(plan);
  const compiled = contacts.map((_, r): Tri => (hasBit(lo, r) ? true : hasBit(hi, r) ? 'unknown' : false));
  const request = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
  assert.deepEqual(request.diagnostics.filter((d) => d.severity === 'error'), [], 'compiles');
  const ctx = { now: NOW, timeZone: 'UTC', propertyType, isMember: () => false };
  const emulated = contacts.map((c, i) => (reference[i] === 'unknown' ? 'unknown' : matchesFilterBranch(request.request!.filterBranch!, c as EvalContact, ctx)));
  return { reference, compiled, emulated, branch: request.request?.filterBranch };
}

describe('preview property: `marketing email any …` == its property form, in the three evaluators', () => {
  it('agree on generated conditions and contacts', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(whereArb, fc.array(contactArb, { minLength: 1, maxLength: 10 }), (where, raw) => {
        const contacts = raw.map((properties, i): ContactRecord => ({ id: String(i), properties }));
        // As the workspace hands lists over (resolveList), and as the compiler and planner take them directly.
        const any = results(resolveList(listOf(where.any)), contacts);
        const direct = results(listOf(where.any), contacts);
        const byHand = results(listOf(where.byHand), contacts);
        assert.deepEqual(any.reference, byHand.reference, `reference: ${where.any}`);
        assert.deepEqual(direct.reference, byHand.reference, `reference (not resolved): ${where.any}`);
        assert.deepEqual(any.compiled, byHand.compiled, `compiled: ${where.any}`);
        assert.deepEqual(any.branch, byHand.branch, `filterBranch: ${where.any}`);
        assert.deepEqual(any.emulated, byHand.emulated, `emulator: ${where.any}`);
        assert.deepEqual(any.compiled, any.reference, `compiled evaluator vs reference: ${where.any}`);
        assert.deepEqual(any.emulated, any.reference, `emulator vs reference: ${where.any}`);
      }),
      { numRuns: 300 },
    );
  });

  it('the generated contacts reach both sides of the window (the test can tell the forms apart)', () => {
    const contacts: ContactRecord[] = [
      { id: '1', properties: { hs_email_last_open_date: new Date(NOW - 29 * DAY).toISOString() } },
      { id: '2', properties: { hs_email_last_open_date: new Date(NOW - 31 * DAY).toISOString() } },
      { id: '3', properties: {} },
    ];
    assert.deepEqual(results(listOf('marketing email any opened in last 30 days'), contacts).reference, [true, false, false]);
    assert.deepEqual(results(listOf('not marketing email any opened in last 30 days'), contacts).reference, [false, true, true]);
    assert.deepEqual(results(listOf('marketing email any opened'), contacts).reference, [true, true, false]);
  });
});
