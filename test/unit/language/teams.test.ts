// Teams by name: owners.json lists each owner's teams (Owners v3 `teams`), so `hubspot_team_id` takes a
// team's id or name like `hubspot_owner_id` takes an owner's: the checker says which team a name is,
// refuses a name two teams share and one that is nobody's (did-you-mean), hover and completion name the
// teams, and the compiler and the preview use the id, which is what HubSpot compares.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { defaultSchema } from '../../../server/src/language/schema';
import { parseOwners, teamsOfOwners, withOwnerOptions } from '../../../server/src/language/schema-owners';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import { SANDBOX_OWNERS } from '../../../server/src/sandbox/data/hubspot-owners';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { marked } from '../../support/markers';
import { analyzeText, expectClean, expectDiagnostics, fixed, MAIN } from './expect';

const TWO_MARKETING = [...SANDBOX_OWNERS, { id: '108', firstName: 'Ola', lastName: 'Nowak', email: 'ola@example.com', type: 'PERSON', archived: false, teams: [{ id: '9003', name: 'Marketing', primary: true }] }];
const owners = parseOwners({ results: SANDBOX_OWNERS }, 'owners.json', [])!;
const schema = withOwnerOptions(defaultSchema(), owners);
const withTeams = { schema };

describe('language: teams by name (the teams of owners.json)', () => {
  it('reads each owner\'s teams, and the portal\'s teams once each; the team property gets them as options', () => {
    assert.deepEqual(teamsOfOwners(owners), [{ id: '9001', name: 'Sales Poland' }, { id: '9002', name: 'Marketing' }]);
    const def = schema.objects.contacts.get('hubspot_team_id')!;
    assert.equal(def.optionsFrom, 'teams');
    assert.deepEqual(def.options.map((o) => [o.value, o.label]), [['9001', 'Sales Poland'], ['9002', 'Marketing']]);
    assert.equal(defaultSchema().objects.contacts.get('hubspot_team_id')!.options.length, 0, 'a copy, not the shared schema, gets the options');
  });

  it('without the teams, a name is team-not-id (error): HubSpot would compare it with ids; an id is clean', () => {
    const [d] = expectDiagnostics('list "A" { where hubspot_team_id is ⟦"Sales Poland"⟧ }', ['team-not-id']);
    assert.equal(d.severity, 'error');
    assert.match(d.message, /HubSpot team \(`hubspot_team_id`\) holds team ids, so HubSpot would compare `Sales Poland` with ids and match no contact/);
    expectClean('list "A" { where hubspot_team_id is 9001 }');
  });

  it('a name resolves to its team (info, any case) and the fix writes the id; an id is clean', () => {
    expectClean('list "A" { where hubspot_team_id is any of (9001, "9002") }', withTeams);
    const [d] = expectDiagnostics('list "A" { where hubspot_team_id is ⟦"sales poland"⟧ }', ['option-label'], withTeams);
    assert.equal(d.severity, 'info');
    assert.match(d.message, /`sales poland` is team 9001 \(Sales Poland\) of HubSpot team \(`hubspot_team_id`\); hslist sends 9001/);
    assert.equal(fixed('list "A" { where hubspot_team_id is "Sales Poland" }', 'option-label', withTeams), 'list "A" { where hubspot_team_id is "9001" }');
  });

  it('an unknown name is unknown-option with did-you-mean; a name two teams share is ambiguous; an unknown id is a warning', () => {
    const [typo] = expectDiagnostics('list "A" { where hubspot_team_id is ⟦"Sales Polend"⟧ }', ['unknown-option'], withTeams);
    assert.match(typo.message, /`Sales Polend` is not a team \(id or name\) of HubSpot team \(`hubspot_team_id`\); did you mean `9001`/);
    const shared = withOwnerOptions(defaultSchema(), parseOwners({ results: TWO_MARKETING }, 'owners.json', [])!);
    const [twice] = expectDiagnostics('list "A" { where hubspot_team_id is ⟦"Marketing"⟧ }', ['ambiguous-option'], { schema: shared });
    assert.match(twice.message, /`Marketing` names 2 options of HubSpot team \(`hubspot_team_id`\): `9002`, `9003`/);
    const [unknown] = expectDiagnostics('list "A" { where hubspot_team_id is ⟦9999⟧ }', ['unknown-team'], withTeams);
    assert.equal(unknown.severity, 'warning');
    assert.match(unknown.message, /No team 9999 among the portal's 2 teams pulled with the owners/);
  });

  it('the compiler and the preview use the id HubSpot compares', () => {
    const [list] = parse('list "Sales" {\n  where hubspot_team_id is any of ("Sales Poland", "marketing")\n}\n').file.lists;
    const { request, diagnostics } = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
    assert.deepEqual(diagnostics, []);
    const filter = (request!.filterBranch!.filterBranches[0] as { filters: { property: string; operation: { values?: string[] } }[] }).filters[0];
    assert.deepEqual([filter.property, filter.operation.values], ['hubspot_team_id', ['9001', '9002']]);
    const plan = planList(list, { schema, now: 0, lists: new Map() });
    const judge = (team: string) => evaluateContact(plan, { id: '1', properties: { hubspot_team_id: team } });
    assert.deepEqual(['9001', '9002', '9003'].map(judge), [true, true, false]);
  });

  it('hover names the team of an id or a name; completion offers the teams by name, inserting the id', () => {
    const text = 'list "A" { where hubspot_team_id is any of (9002, "Sales Poland") }';
    const analysis = analyzeText(text, withTeams);
    const at = (needle: string) => hoverAt({ analysis, path: MAIN, offset: text.indexOf(needle) + 1, schema })?.markdown;
    assert.equal(at('9002'), 'Team `9002` of HubSpot team: **Marketing**.');
    assert.equal(at('"Sales'), 'Team `9001` of HubSpot team: **Sales Poland**. HubSpot gets `9001`.');
    const m = marked('list "A" {\n  where hubspot_team_id is <|>\n}');
    const entries = complete({ text: m.text, offset: m.cursor as number, schema, lists: [], folders: [] }).filter((e) => e.kind === 'value');
    assert.deepEqual(entries.map((e) => [e.label, e.insertText]), [['Sales Poland', '"9001"'], ['Marketing', '"9002"']]);
  });
});
