// Owners by name: with the portal's owners pulled (owners.json), `hubspot_owner_id` takes an owner's id,
// name or email; the checker says which owner a name is, refuses a name two owners share and one that is
// nobody's, and the compiler and the preview use the id, which is what HubSpot compares.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { defaultSchema } from '../../../server/src/language/schema';
import { parseOwners, withOwnerOptions } from '../../../server/src/language/schema-owners';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import { SANDBOX_OWNERS } from '../../../server/src/sandbox/data/hubspot-owners';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { marked } from '../../support/markers';
import { analyzeText, expectClean, expectDiagnostics, fixed, MAIN } from './expect';

const problems: { path: string; message: string }[] = [];
const owners = parseOwners({ results: SANDBOX_OWNERS }, 'owners.json', problems)!;
const schema = withOwnerOptions(defaultSchema(), owners);
const withOwners = { schema };

describe('language: owners by name (owners.json pulled)', () => {
  it('reads the owners file, and leaves the bundled schema as it was', () => {
    assert.deepEqual(problems, []);
    assert.equal(owners.length, 7);
    assert.equal(defaultSchema().objects.contacts.get('hubspot_owner_id')!.options.length, 0, 'a copy, not the shared schema, gets the options');
    assert.equal(schema.objects.contacts.get('hubspot_owner_id')!.optionsFrom, 'owners');
  });

  it('an id is clean; a name or an email resolves to the owner (info), and the fix writes the id', () => {
    expectClean('list "A" { where hubspot_owner_id is any of (101, "102") }', withOwners);
    const [byName] = expectDiagnostics('list "A" { where hubspot_owner_id is ⟦"Jan Kowalski"⟧ }', ['option-label'], withOwners);
    assert.equal(byName.severity, 'info');
    assert.match(byName.message, /`Jan Kowalski` is owner 101 \(Jan Kowalski, jan\.kowalski@example\.com\) of Contact owner \(`hubspot_owner_id`\); hslist sends 101/);
    const [byEmail] = expectDiagnostics('list "A" { where hubspot_owner_id is ⟦"ANNA.NOWAK@example.com"⟧ }', ['option-label'], withOwners);
    assert.match(byEmail.message, /is owner 102/);
    const [gone] = expectDiagnostics('list "A" { where hubspot_owner_id is ⟦"Piotr Zieliński"⟧ }', ['option-label'], withOwners);
    assert.match(gone.message, /owner 106 \(Piotr Zieliński, piotr\.zielinski@example\.com, deactivated\)/);
    assert.equal(fixed('list "A" { where hubspot_owner_id is "Jan Kowalski" }', 'option-label', withOwners), 'list "A" { where hubspot_owner_id is "101" }');
  });

  it('a name two owners share is ambiguous (error), with a fix for each; an unknown name is unknown-option with did-you-mean', () => {
    const [twice] = expectDiagnostics('list "A" { where hubspot_owner_id is ⟦"John Smith"⟧ }', ['ambiguous-option'], withOwners);
    assert.match(twice.message, /`John Smith` names 2 options of Contact owner \(`hubspot_owner_id`\): `104` \(john\.smith@example\.com\), `107` \(j\.smith@example\.org\)/);
    assert.equal(fixed('list "A" { where hubspot_owner_id is "John Smith" }', 'ambiguous-option', withOwners, 1), 'list "A" { where hubspot_owner_id is "107" }');
    const [typo] = expectDiagnostics('list "A" { where hubspot_owner_id is ⟦"Jan Kowalsky"⟧ }', ['unknown-option'], withOwners);
    assert.match(typo.message, /is not an owner \(id, name or email\) of Contact owner/);
    assert.match(typo.message, /did you mean `101`/);
  });

  it('an id missing from the pulled owners is a warning: the owner may be newer than the pull', () => {
    const [d] = expectDiagnostics('list "A" { where hubspot_owner_id is ⟦999⟧ }', ['unknown-owner'], withOwners);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /No owner 999 among the portal's 7 owners pulled into the schema/);
  });

  it('the compiler and the preview use the id HubSpot compares', () => {
    const [list] = parse('list "Jan\'s" {\n  where hubspot_owner_id is any of ("Jan Kowalski", "anna.nowak@example.com") and lifecyclestage is "Lead"\n}\n').file.lists;
    const { request } = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
    const filters = (request!.filterBranch!.filterBranches[0] as { filters: { property: string; operation: { values?: string[] } }[] }).filters;
    assert.deepEqual(filters.map((f) => [f.property, f.operation.values]), [['hubspot_owner_id', ['101', '102']], ['lifecyclestage', ['lead']]]);
    const plan = planList(list, { schema, now: Date.parse('2026-01-01T00:00:00Z'), lists: new Map() });
    const judge = (owner: string) => evaluateContact(plan, { id: '1', properties: { hubspot_owner_id: owner, lifecyclestage: 'lead' } });
    assert.deepEqual(['101', '102', '103'].map(judge), [true, true, false]);
  });

  it('hover on a value names the owner (by id, name or email) and what HubSpot gets', () => {
    const text = 'list "A" { where hubspot_owner_id is any of (106, "jan.kowalski@example.com") and lifecyclestage is "Marketing Qualified Lead" }';
    const analysis = analyzeText(text, withOwners);
    const at = (needle: string) => hoverAt({ analysis, path: MAIN, offset: text.indexOf(needle) + 1, schema })?.markdown;
    assert.equal(at('106'), 'Owner `106` of Contact owner: **Piotr Zieliński** <piotr.zielinski@example.com> (deactivated).');
    assert.equal(at('"jan.'), 'Owner `101` of Contact owner: **Jan Kowalski** <jan.kowalski@example.com>. HubSpot gets `101`.');
    assert.equal(at('"Marketing'), 'Option `marketingqualifiedlead` of Lifecycle Stage: **Marketing Qualified Lead**. HubSpot gets `marketingqualifiedlead`.');
  });

  it('completion offers the active owners by name, inserting the id', () => {
    const m = marked('list "A" {\n  where hubspot_owner_id is <|>\n}');
    const entries = complete({ text: m.text, offset: m.cursor as number, schema, lists: [], folders: [] }).filter((e) => e.kind === 'value');
    assert.deepEqual(entries.map((e) => [e.label, e.insertText, e.documentation]).slice(0, 2), [['Jan Kowalski', '"101"', 'jan.kowalski@example.com'], ['Anna Nowak', '"102"', 'anna.nowak@example.com']]);
    assert.ok(!entries.some((e) => e.label === 'Piotr Zieliński'), 'a deactivated owner is not offered');
  });
});
