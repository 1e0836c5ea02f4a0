// Subscriptions by name: with the portal's subscription definitions pulled (subscriptions.json),
// `opted in to email subscription "Newsletter"` names a definition whose id HubSpot's EMAIL_SUBSCRIPTION and
// COMMUNICATION_SUBSCRIPTION filters get; without them a name is an error (HubSpot takes ids), a name nobody
// has gets did-you-mean, a name two live definitions share is ambiguous, a name of another channel's
// definition is refused, and an id keeps working, shown by its name.

import { strict as assert } from 'node:assert';
import { parse, printExpr } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { decompileList } from '../../../server/src/hubspot/decompile';
import { defaultSchema } from '../../../server/src/language/schema';
import { parseSubscriptions, subscriptionIdOf } from '../../../server/src/language/schema-subscriptions';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import { associatedDefs, buildStore } from '../../../server/src/preview/columns-build';
import { CompiledEvaluator } from '../../../server/src/preview/compiled';
import { hasBit } from '../../../server/src/preview/bitset';
import type { ContactRecord, SubscriptionRecord, Tri } from '../../../server/src/preview/types';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { marked } from '../../support/markers';
import { analyzeText, expectClean, expectDiagnostics, fixed, MAIN } from './expect';

const problems: { path: string; message: string }[] = [];
const subscriptions = parseSubscriptions({
  results: [
    { id: '81537745', name: 'Newsletter', description: 'The monthly newsletter', communicationMethod: 'EMAIL', archived: false },
    { id: '321981152', name: 'Product updates', description: 'Release notes', communicationMethod: 'EMAIL', archived: false, businessUnitId: '0' },
    { id: '555', name: 'Newsletter (2019)', description: 'Replaced by Newsletter', communicationMethod: 'EMAIL', archived: true },
    { id: '601', name: 'Events', description: 'Webinars', communicationMethod: 'EMAIL', archived: false },
    { id: '602', name: 'Events', description: 'Meetups', communicationMethod: 'EMAIL', archived: false },
    { id: '4711', name: 'Order alerts', description: 'Delivery texts', communicationMethod: 'SMS', archived: false },
    { id: '4800', name: 'Service chat', description: '', archived: false },
  ],
}, 'subscriptions.json', problems)!;
const schema = { ...defaultSchema(), subscriptions };
const withSubscriptions = { schema };

function compiledFilters(where: string) {
  const [list] = parse(`list "T" {\n  where ${where}\n}\n`).file.lists;
  const { request, diagnostics } = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  return request!.filterBranch!.filterBranches.map((b) => (b as { filters: unknown[] }).filters);
}

describe('language: subscriptions by name (subscriptions.json pulled)', () => {
  it('reads the definitions file; an entry without an id of digits is named, not skipped in silence', () => {
    assert.deepEqual(problems, []);
    assert.equal(subscriptions.length, 7);
    assert.deepEqual(subscriptions[1], { id: '321981152', name: 'Product updates', description: 'Release notes', communicationMethod: 'EMAIL', archived: false, businessUnitId: '0' });
    const bad: { path: string; message: string }[] = [];
    assert.equal(parseSubscriptions({ results: [{ name: 'No id' }, { id: 'x1', name: 'Letters' }] }, 'subscriptions.json', bad)!.length, 0);
    assert.deepEqual(bad.map((b) => b.message), [
      'subscriptions.json: results[0] needs an id of digits and a name (a subscription definition)',
      'subscriptions.json: results[1] needs an id of digits and a name (a subscription definition)',
    ]);
    parseSubscriptions({ subscriptionDefinitions: [] }, 'subscriptions.json', bad);
    assert.equal(bad[2].message, 'subscriptions.json must hold {"results": [subscription definitions]}');
  });

  it('parses and prints names, lists of names and names mixed with ids', () => {
    for (const text of [
      'opted in to email subscription "Newsletter"',
      'opted out of email subscriptions ("Newsletter", #321981152)',
      'opted neither in nor out of sms subscription "Order alerts"',
      'not opted in to whatsapp subscriptions (#4800, "Service chat")',
    ]) {
      const { file, diagnostics } = parse(`list "T" {\n  where ${text}\n}\n`);
      assert.deepEqual(diagnostics, []);
      assert.equal(printExpr(file.lists[0].where!), text);
    }
    const { file } = parse('list "T" { where opted in to email subscriptions ("News \\"letter\\"", #7) }');
    const c = file.lists[0].where as { subscriptions: { text: string; by: string }[] };
    assert.deepEqual(c.subscriptions.map((s) => [s.by, s.text]), [['name', 'News "letter"'], ['id', '7']]);
  });

  it('without the definitions, a name is subscription-not-id (error): HubSpot takes ids; ids are clean', () => {
    const [d] = expectDiagnostics('list "A" { where opted in to email subscription ⟦"Newsletter"⟧ }', ['subscription-not-id']);
    assert.equal(d.severity, 'error');
    assert.match(d.message, /HubSpot's subscription filters take subscription ids \(such as #81537745\), and no subscription definitions are pulled to find "Newsletter" in\. Write the id .*, or run hslist schema pull/);
    expectClean('list "A" { where opted in to email subscriptions (#81537745, #99) }');
  });

  it('a name resolves to its definition, in any case, the live one over an inactive namesake; a definition without a channel fits any', () => {
    expectClean('list "A" { where opted in to email subscriptions ("newsletter", "PRODUCT UPDATES") and opted out of sms subscription "Order alerts" and opted in to whatsapp subscription "Service chat" }', withSubscriptions);
    assert.equal(subscriptionIdOf({ text: 'Newsletter', by: 'name', start: 0, end: 0 }, 'email', schema), '81537745');
    assert.equal(subscriptionIdOf({ text: 'Service chat', by: 'name', start: 0, end: 0 }, 'sms', schema), '4800');
    assert.equal(subscriptionIdOf({ text: '42', by: 'id', start: 0, end: 0 }, 'email', schema), '42', 'an id is sent as written');
  });

  it('a name nobody has is unknown-subscription with did-you-mean and a fix; two live definitions of one name are ambiguous, with a fix per id', () => {
    const [typo] = expectDiagnostics('list "A" { where opted in to email subscription ⟦"Newsleter"⟧ }', ['unknown-subscription'], withSubscriptions);
    assert.equal(typo.severity, 'error');
    assert.equal(typo.message, 'No email subscription named "Newsleter" among the portal\'s 7 subscription definitions pulled into the schema; did you mean "Newsletter"?');
    assert.equal(fixed('list "A" { where opted in to email subscription "Newsleter" }', 'unknown-subscription', withSubscriptions), 'list "A" { where opted in to email subscription "Newsletter" }');
    const [twice] = expectDiagnostics('list "A" { where opted in to email subscription ⟦"Events"⟧ }', ['ambiguous-subscription'], withSubscriptions);
    assert.equal(twice.message, '"Events" names 2 email subscriptions: "Events" (#601, email), "Events" (#602, email). Write the id of the one you mean.');
    assert.equal(fixed('list "A" { where opted in to email subscription "Events" }', 'ambiguous-subscription', withSubscriptions, 1), 'list "A" { where opted in to email subscription #602 }');
  });

  it('a name of another channel\'s definition is subscription-channel (error); an id of one a warning', () => {
    const [name] = expectDiagnostics('list "A" { where opted in to email subscription ⟦"Order alerts"⟧ }', ['subscription-channel'], withSubscriptions);
    assert.equal(name.severity, 'error');
    assert.equal(name.message, 'No email subscription is named "Order alerts": "Order alerts" (#4711, sms) is for another channel.');
    const [id] = expectDiagnostics('list "A" { where opted in to email subscription ⟦#4711⟧ }', ['subscription-channel'], withSubscriptions);
    assert.equal(id.severity, 'warning');
    assert.equal(id.message, 'Subscription "Order alerts" (#4711, sms) is for sms, not email: its status under email would match no one.');
  });

  it('an id no pulled definition has is a warning; an inactive definition, by name or id, a warning', () => {
    const [unknown] = expectDiagnostics('list "A" { where opted in to email subscription ⟦#999⟧ }', ['unknown-subscription'], withSubscriptions);
    assert.equal(unknown.severity, 'warning');
    assert.match(unknown.message, /^No subscription #999 among the portal's 7 subscription definitions pulled into the schema/);
    const inactive = expectDiagnostics('list "A" { where opted in to email subscriptions (⟦"Newsletter (2019)"⟧, ⟦#555⟧) }', ['inactive-subscription', 'inactive-subscription'], withSubscriptions);
    assert.deepEqual(inactive.map((d) => d.severity), ['warning', 'warning']);
    assert.match(inactive[0].message, /^Subscription "Newsletter \(2019\)" \(#555, email, inactive\) is not active in HubSpot/);
  });

  it('the compiler writes ids, names and ids mixed, under `not` too; a name it cannot resolve is not compiled', () => {
    assert.deepEqual(compiledFilters('opted in to email subscriptions ("Newsletter", #7)'), [[
      { filterType: 'EMAIL_SUBSCRIPTION', subscriptionIds: ['81537745', '7'], acceptedStatuses: ['OPT_IN'] },
    ]]);
    assert.deepEqual(compiledFilters('opted out of sms subscription "order alerts"'), [[
      { filterType: 'COMMUNICATION_SUBSCRIPTION', channel: 'SMS', subscriptionType: 'INDIVIDUAL_SUBSCRIPTION', subscriptionIds: ['4711'], acceptedOptStates: ['OPT_OUT'] },
    ]]);
    const email = (id: string, s: string) => [{ filterType: 'EMAIL_SUBSCRIPTION', subscriptionIds: [id], acceptedStatuses: [s] }];
    assert.deepEqual(compiledFilters('not opted in to email subscription "Newsletter"'), [email('81537745', 'OPT_OUT'), email('81537745', 'NOT_OPTED')]);
    const [list] = parse('list "T" { where opted in to email subscription "Events" }').file.lists;
    const refused = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
    assert.equal(refused.request, undefined);
    assert.match(refused.diagnostics[0].message, /The subscription "Events" names no one email subscription of the pulled schema; write its id/);
  });

  it('decompiling keeps ids, as forms, owners and labels do, with or without the definitions; compiling the text gives the same JSON', () => {
    const filterBranch = {
      filterBranchType: 'OR', filters: [],
      filterBranches: [{ filterBranchType: 'AND', filters: [{ filterType: 'EMAIL_SUBSCRIPTION', subscriptionIds: ['81537745'], acceptedStatuses: ['OPT_IN'] }], filterBranches: [] }],
    };
    const pulled = { listId: '9', name: 'Pulled', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch };
    const result = decompileList(pulled, { schema, listNameFor: () => undefined });
    assert.equal(printExpr(result.list!.where!), 'opted in to email subscription #81537745');
    assert.deepEqual(compiledFilters('opted in to email subscription #81537745'), [filterBranch.filterBranches[0].filters]);
  });

  it('the preview judges a name as its id, in both evaluators', () => {
    const email = (subscriptionId: string, status: SubscriptionRecord['status']): SubscriptionRecord => ({ channel: 'EMAIL', subscriptionId, status });
    const contacts: ContactRecord[] = [
      { id: '1', properties: {}, subscriptions: [email('81537745', 'OPT_IN')] },
      { id: '2', properties: {}, subscriptions: [email('555', 'OPT_IN'), email('81537745', 'OPT_OUT')] },
      { id: '3', properties: {}, subscriptions: [] },
    ];
    const judge = (where: string): Tri[] => {
      const [list] = parse(`list "T" {\n  where ${where}\n}\n`).file.lists;
      const plan = planList(list, { schema, now: Date.parse('2026-01-31T00:00:00Z'), lists: new Map() });
      const reference = contacts.map((c) => evaluateContact(plan, c));
      const store = buildStore(contacts, [...schema.objects.contacts.values()], [...schema.objects.companies.values()], associatedDefs(schema));
      const { lo, hi } = new CompiledEvaluator(store).rows(plan);
      assert.deepEqual(contacts.map((_, r): Tri => (hasBit(lo, r) ? true : hasBit(hi, r) ? 'unknown' : false)), reference, 'the compiled evaluator agrees');
      return reference;
    };
    assert.deepEqual(judge('opted in to email subscription "Newsletter"'), [true, false, false]);
    assert.deepEqual(judge('opted in to email subscription "Newsletter"'), judge('opted in to email subscription #81537745'));
    assert.deepEqual(judge('opted neither in nor out of email subscription "newsletter"'), [false, false, true]);
  });

  it('hover shows the definition a name or id stands for (id, channel, description) and the id HubSpot gets', () => {
    const text = 'list "A" { where opted in to email subscriptions ("Newsletter", #321981152, #999) or opted in to whatsapp subscription "Service chat" }';
    const analysis = analyzeText(text, withSubscriptions);
    const at = (needle: string) => hoverAt({ analysis, path: MAIN, offset: text.indexOf(needle) + 2, schema })?.markdown;
    assert.equal(at('"Newsletter"'), "Subscription **Newsletter**: id `81537745`, channel email. HubSpot's filter gets its id `81537745`.\n\nThe monthly newsletter");
    assert.equal(at('#321981152'), 'Subscription **Product updates**: id `321981152`, channel email, business unit 0.\n\nRelease notes');
    assert.equal(at('"Service chat"'), "Subscription **Service chat**: id `4800`, channel not given by HubSpot. HubSpot's filter gets its id `4800`.");
    assert.match(at('#999') ?? '', /^\*\*Subscription status\*\*/, 'an id none has: what the condition matches');
  });

  it('completion after `subscription` offers the channel\'s definitions by name; a shared name inserts each id; inactive ones come last', () => {
    const offered = (source: string) => {
      const m = marked(source);
      const entries = complete({ text: m.text, offset: m.cursor as number, schema, lists: [], folders: [] });
      return [...entries].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((e) => [e.label, e.insertText]);
    };
    assert.deepEqual(offered('list "A" {\n  where opted in to email subscription <|>\n}'), [
      ['Events (#601)', '#601'],
      ['Events (#602)', '#602'],
      ['Newsletter', '"Newsletter"'],
      ['Product updates', '"Product updates"'],
      ['Service chat', '"Service chat"'],
      ['Newsletter (2019)', '"Newsletter (2019)"'],
    ]);
    assert.deepEqual(offered('list "A" {\n  where opted out of sms subscriptions (#1, <|>\n}'), [['Order alerts', '"Order alerts"'], ['Service chat', '"Service chat"']]);
    // Inside a name being typed, the entry replaces the whole string.
    const m = marked('list "A" {\n  where opted in to email subscription "New<|>"\n}');
    const typed = complete({ text: m.text, offset: m.cursor as number, schema, lists: [], folders: [] }).find((e) => e.label === 'Newsletter')!;
    assert.equal(m.text.slice(typed.replace!.start, typed.replace!.end), '"New"');
  });
});
