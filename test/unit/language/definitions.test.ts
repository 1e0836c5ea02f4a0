// Named value sets and conditions in the checker: uses across files, unknown names with did-you-mean,
// duplicates, cycles, the values of a set checked against the property of each use, the criteria of a
// named condition checked like a list's, and a list that uses a broken definition.

import { strict as assert } from 'node:assert';
import { defaultSchema } from '../../../server/src/language/schema';
import { Workspace, analyzeWorkspace } from '../../../server/src/language/workspace';
import { expectClean, expectDiagnostics, fixed } from './expect';

const DEFS = {
  path: 'shared.hslist',
  text: [
    '// Shared by the lists of this workspace.',
    'values competitors = ("acme.com", "globex.com")',
    'values qualified = (marketingqualifiedlead, salesqualifiedlead)',
    '',
    'condition internal {',
    '  description: "Our own people and test addresses."',
    '  where hs_email_domain is any of ("ourco.com", "example.com") or in list "Test contacts"',
    '}',
    '',
    'list "Test contacts" {',
    '  where email contains "+test"',
    '}',
    '',
  ].join('\n'),
};
const others = [DEFS];

describe('language: named value sets and conditions', () => {
  it('uses definitions of another file cleanly', () => {
    expectClean(
      'list "Qualified" {\n  where lifecyclestage is any of qualified\n    and not condition internal\n    and hs_email_domain is none of competitors including unknown\n}\n',
      { others },
    );
  });

  it('unknown-value-set and unknown-condition, with did-you-mean and a fix', () => {
    expectDiagnostics('list "A" { where hs_email_domain is any of ⟦competitor⟧ and condition ⟦internl⟧ }', ['unknown-value-set', 'unknown-condition'], { others });
    assert.equal(fixed('list "A" { where hs_email_domain is any of competitor }', 'unknown-value-set', { others }), 'list "A" { where hs_email_domain is any of competitors }');
    const [d] = expectDiagnostics('list "A" { where condition ⟦internl⟧ }', ['unknown-condition'], { others });
    assert.equal(d.message, 'Condition `internl` is not defined in any .hslist file of the workspace; did you mean `internal`?');
  });

  it('says so when a name is the other kind of definition', () => {
    const [d] = expectDiagnostics('list "A" { where condition ⟦competitors⟧ }', ['unknown-condition'], { others });
    assert.match(d.message, /`competitors` is a value set: use it where a list of values goes \(`is any of competitors`\)\./);
    const [e] = expectDiagnostics('list "A" { where email is any of ⟦internal⟧ }', ['unknown-value-set'], { others });
    assert.match(e.message, /`internal` is a named condition: use it as a condition \(`condition internal`\)\./);
  });

  it('duplicate-value-set and duplicate-condition, case-insensitive, at the second, naming the first', () => {
    const later = { path: 'z.hslist', text: 'values Competitors = ("x.com")\ncondition INTERNAL {\n  where email is known\n}\n' };
    const analysis = analyzeWorkspace([DEFS, later], defaultSchema());
    const found = analysis.files.get('z.hslist')?.diagnostics ?? [];
    assert.deepEqual(found.map((d) => [d.code, later.text.slice(d.start, d.end)]), [['duplicate-value-set', 'Competitors'], ['duplicate-condition', 'INTERNAL']]);
    assert.match(found[0].message, /The value set `Competitors` is already defined at shared\.hslist:2/);
    assert.match(found[1].message, /The condition `INTERNAL` is already defined at shared\.hslist:5/);
  });

  it('condition-cycle: conditions that use each other, on every use on the cycle', () => {
    const [a, b] = expectDiagnostics(
      'condition a {\n  where email is known and condition ⟦b⟧\n}\ncondition b {\n  where not condition ⟦a⟧\n}\nlist "L" { where condition ⟦a⟧ }\n',
      ['condition-cycle', 'condition-cycle', 'definition-with-errors'],
    );
    assert.equal(a.message, 'Named conditions use each other in a cycle: `a` → `b` → `a`.');
    assert.equal(b.message, 'Named conditions use each other in a cycle: `b` → `a` → `b`.');
    expectDiagnostics('condition me {\n  where condition ⟦me⟧\n}\n', ['condition-cycle']);
  });

  it('list-cycle through a named condition that names the list', () => {
    const [d] = expectDiagnostics('condition c {\n  where in list "A"\n}\nlist "A" { where email is known and condition ⟦c⟧ }\n', ['list-cycle']);
    assert.equal(d.message, 'Lists reference each other in a cycle: "A" → "A".');
  });

  it("checks a value set's values against the property of each use, at the use", () => {
    const sets = { path: 'sets.hslist', text: 'values stages = (lead, "Marketing Qualified Lead", mqll)\nvalues sizes = (10, "big")\n' };
    const [label, unknown, , , number] = expectDiagnostics(
      'list "A" {\n  where lifecyclestage is any of ⟦⟦stages⟧⟧\n    and lifecyclestage is none of ⟦⟦stages⟧⟧ including unknown\n    and country is any of ⟦sizes⟧\n}\n',
      ['option-label', 'unknown-option', 'option-label', 'unknown-option', 'value-type-mismatch'],
      { others: [sets] },
    );
    assert.match(label.message, /^Value set `stages` \(sets\.hslist:1\): `Marketing Qualified Lead` is the label of option `marketingqualifiedlead`/);
    assert.equal(label.fixes, undefined, 'no fix: the value to change is in the definition');
    assert.match(unknown.message, /^Value set `stages` \(sets\.hslist:1\): `mqll` is not an option of Lifecycle Stage/);
    assert.match(number.message, /^Value set `sizes` \(sets\.hslist:2\): .* needs text in double quotes, not the number 10/);
  });

  it('checks the criteria of a named condition as a list is checked', () => {
    expectDiagnostics('condition c {\n  ⟦colour⟧: "red"\n  where ⟦emial⟧ is known and lifecyclestage is ⟦mql⟧\n}\n', ['unknown-condition-setting', 'unknown-property', 'unknown-option']);
    expectDiagnostics('condition ⟦empty⟧ {\n  description: "nothing yet"\n}\n', ['missing-criteria']);
  });

  it('a named condition inside `associated company where` is refused: it is about contacts', () => {
    expectDiagnostics('condition c {\n  where email is known\n}\nlist "A" { where associated company where condition ⟦c⟧ }\n', ['condition-in-association']);
  });

  it('a list that uses a broken definition gets definition-with-errors, naming where the error is', () => {
    const broken = { path: 'broken.hslist', text: 'condition bad {\n  where emial is known\n}\ncondition outer {\n  where condition bad\n}\n' };
    const [direct, indirect] = expectDiagnostics('list "A" { where condition ⟦bad⟧ or condition ⟦outer⟧ }', ['definition-with-errors', 'definition-with-errors'], { others: [broken] });
    assert.match(direct.message, /^The condition `bad` has errors \(broken\.hslist:2: Unknown contact property `emial`/);
    assert.match(indirect.message, /^The condition `outer` has errors \(broken\.hslist:5: The condition `bad` has errors/);
    const analysis = analyzeWorkspace([{ path: 'main.hslist', text: 'list "A" { where condition bad }' }, broken], defaultSchema());
    assert.deepEqual(analysis.files.get('broken.hslist')?.diagnostics.map((d) => d.code), ['unknown-property', 'definition-with-errors']);
  });

  it('compiler diagnostics of what a definition holds point at the use', () => {
    const [d] = expectDiagnostics('condition ours {\n  where email ends with "@ourco.com"\n}\nlist "A" { where email is known and ⟦not condition ours⟧ }\n', ['not-expressible']);
    assert.match(d.message, /HubSpot has no opposite of `email ends with`/);
  });

  it('an edit of a definition in one file changes the diagnostics of the lists that use it, in other files', () => {
    const ws = new Workspace(defaultSchema());
    ws.setFile('sets.hslist', 'values stages = (lead)\n');
    ws.setFile('a.hslist', 'list "A" { where lifecyclestage is any of stages }');
    assert.deepEqual(ws.analyze().files.get('a.hslist')?.diagnostics.map((d) => d.code), []);
    ws.setFile('sets.hslist', 'values stages = (leed)\n');
    assert.deepEqual(ws.analyze().files.get('a.hslist')?.diagnostics.map((d) => d.code), ['unknown-option']);
    ws.setFile('sets.hslist', 'values stage = (lead)\n');
    assert.deepEqual(ws.analyze().files.get('a.hslist')?.diagnostics.map((d) => d.code), ['unknown-value-set']);
    assert.equal(ws.cache.parseCount, 4, 'the list file was parsed once');
  });
});
