// Generated lists × generated contacts: the reference interpreter, the compiled evaluator, and the
// HubSpot emulator's evaluator of the compiled filterBranch JSON must all agree. Lists are generated
// as .hslist text and parsed with the grammar's parser; contacts sometimes carry property history
// and form submissions and sometimes not (then those conditions are unknown for them).

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { planList } from '../../server/src/preview/plan';
import { evaluateContact } from '../../server/src/preview/reference';
import { buildStore } from '../../server/src/preview/columns-build';
import { CompiledEvaluator } from '../../server/src/preview/compiled';
import { hasBit } from '../../server/src/preview/bitset';
import { compileList } from '../../server/src/hubspot/compile';
import { matchesFilterBranch, type EvalContact } from '../../server/src/sandbox/hubspot/evaluate';
import { listOf, testSchema } from '../unit/preview/lists';
import { pageIdsByUrl, pageUrlKey } from '../../server/src/language/schema-pages';
import { NOW } from '../unit/preview/judge-helper';
import type { ContactRecord, Tri } from '../../server/src/preview/types';
import { activityWhereArb, contactArb, formWhereArb, toContact, whereArb } from './preview-gen';

const schema = testSchema();
const PAGE_BY_URL = pageIdsByUrl(schema.pages ?? []);
const defs = [...schema.objects.contacts.values()];
const companyDefs = [...schema.objects.companies.values()];
const propertyType = (name: string) => (schema.objects.contacts.get(name) ?? schema.objects.companies.get(name))?.type;

/** The same contact as the emulator reads it (timestamps as ISO strings, as the API returns them). */
function toEmulated(c: ContactRecord): EvalContact {
  const iso = (t: number) => new Date(t).toISOString();
  const history = c.history && Object.fromEntries(Object.entries(c.history).map(([name, es]) => [name, es.map((e) => ({ value: e.value ?? '', timestamp: iso(e.timestamp) }))]));
  return {
    ...c,
    history,
    // HubSpot knows each submission's page; an address is a page's as the preview reads it (docs/language.md, Assumed).
    formSubmissions: c.formSubmissions?.map((s) => {
      const pageId = s.pageId ?? (s.pageUrl === undefined ? undefined : PAGE_BY_URL.get(pageUrlKey(s.pageUrl)));
      return { formId: s.formId, timestamp: iso(s.timestamp), ...(pageId === undefined ? {} : { pageId }) };
    }),
    emailEvents: c.emailEvents?.map((e) => ({ ...e, timestamp: iso(e.timestamp) })),
    pageViews: c.pageViews?.map((v) => ({ ...v, timestamp: iso(v.timestamp) })),
    ctaEvents: c.ctaEvents?.map((e) => ({ ...e, timestamp: iso(e.timestamp) })),
    adViews: c.adViews?.map((v) => ({ timestamp: iso(v.timestamp) })),
  };
}

/** Lists from `wheres` × contacts: the three evaluators agree; returns how many lists the emulator judged (compiled ones). */
function assertAgree(wheres: fc.Arbitrary<string>, numRuns: number): number {
    let emulatorChecked = 0;
    fc.assert(
      fc.property(wheres, fc.array(contactArb, { minLength: 1, maxLength: 12 }), fc.constantFrom('UTC', 'Europe/Warsaw', 'America/New_York'), (where, raw, zone) => {
        const contacts = raw.map(toContact);
        const list = listOf(where, zone, 'Generated');
        const plan = planList(list, { schema, now: NOW });
        const expected: Tri[] = contacts.map((c) => evaluateContact(plan, c));
        const evaluator = new CompiledEvaluator(buildStore(contacts, defs, companyDefs));
        const { lo, hi } = evaluator.rows(plan);
        assert.deepEqual(contacts.map((_, r): Tri => (hasBit(lo, r) ? true : hasBit(hi, r) ? 'unknown' : false)), expected);
        const counted = evaluator.evaluate(plan, { sampleSize: contacts.length });
        assert.deepEqual([counted.count, counted.maxCount, counted.sampleIds], [expected.filter((r) => r === true).length, expected.filter((r) => r !== false).length, contacts.filter((_, i) => expected[i] === true).map((c) => c.id)]);
        const compiled = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
        const branch = compiled.request?.filterBranch;
        if (!branch) return; // not expressible in HubSpot (reported by the compiler): nothing to compare
        emulatorChecked++;
        // HubSpot always has the history and submissions; where ours lack them the result is unknown, and
        // a certain result holds whatever they are (Kleene logic), so only certain results are compared.
        const certain = contacts.filter((_, i) => expected[i] !== 'unknown');
        const ctx = { now: NOW, timeZone: zone, propertyType, isMember: (id: string, x: EvalContact) => (x as unknown as ContactRecord).listMemberships?.includes(id) ?? false };
        const emulated = certain.map((c) => matchesFilterBranch(branch, toEmulated(c), ctx));
        assert.deepEqual(emulated, expected.filter((r) => r !== 'unknown'), `emulator disagrees on ${JSON.stringify(branch)}`);
      }),
      { numRuns },
    );
    return emulatorChecked;
}

describe('preview property: reference == compiled == emulator on the compiled filterBranch', () => {
  it('agree on generated lists and contacts, history and form submissions included', function () {
    this.timeout(60_000);
    const emulatorChecked = assertAgree(whereArb, 500);
    assert.ok(emulatorChecked > 50, `only ${emulatorChecked} generated lists compiled`);
  });

  it('agree on form submissions with counts and windows (submissions on the windows\' bounds)', function () {
    this.timeout(60_000);
    const emulatorChecked = assertAgree(formWhereArb, 600);
    assert.ok(emulatorChecked > 50, `only ${emulatorChecked} generated lists compiled`);
  });

  it('agree on webinars, CTAs (counts and windows) and ads seen, events on the windows\' bounds', function () {
    this.timeout(60_000);
    const emulatorChecked = assertAgree(activityWhereArb, 600);
    assert.ok(emulatorChecked > 50, `only ${emulatorChecked} generated lists compiled`);
  });
});
