import { strict as assert } from 'node:assert';
import { defaultSchema } from '../../../server/src/language/schema';
import { Workspace, analyzeWorkspace } from '../../../server/src/language/workspace';
import { marked } from '../../support/markers';
import { expectDiagnostics, fixed } from './expect';

function codesOf(analysis: ReturnType<Workspace['analyze']>, path: string): string[] {
  return analysis.files.get(path)!.diagnostics.map((d) => d.code);
}

describe('language: the workspace', () => {
  it('unknown-list with did-you-mean over the workspace list names', () => {
    const others = [{ path: 'b.hslist', text: 'list "Webinar attendees" {\n  where email is known\n}\n' }];
    const source = 'list "A" { where in list "Webinar atendees" }';
    expectDiagnostics('list "A" { where in list ⟦"Webinar atendees"⟧ }', ['unknown-list'], { others });
    assert.equal(fixed(source, 'unknown-list', { others }), 'list "A" { where in list "Webinar attendees" }');
  });

  it('duplicate-list is case-insensitive, points at the second and names the first file:line', () => {
    const first = { path: 'a.hslist', text: '// lists\n\nlist "Leads" {\n  where email is known\n}\n' };
    const [d] = expectDiagnostics('list ⟦"LEADS"⟧ { where email is known }', ['duplicate-list'], { others: [first] });
    assert.match(d.message, /a\.hslist:3/);
  });

  it('list-cycle across two files shows the cycle path in each file', () => {
    const a = 'list "A" { where in list "B" }';
    const b = 'list "B" { where email is known and in list "A" }';
    const analysis = analyzeWorkspace([{ path: 'a.hslist', text: a }, { path: 'b.hslist', text: b }], defaultSchema());
    const [da] = analysis.files.get('a.hslist')!.diagnostics;
    const [db] = analysis.files.get('b.hslist')!.diagnostics;
    assert.equal(da.code, 'list-cycle');
    assert.equal(da.message, 'Lists reference each other in a cycle: "A" → "B" → "A".');
    assert.equal(a.slice(da.start, da.end), '"B"');
    assert.equal(db.message, 'Lists reference each other in a cycle: "B" → "A" → "B".');
  });

  it('a list that names itself is a cycle too', () => {
    expectDiagnostics('list "A" { where email is known and in list ⟦"A"⟧ }', ['list-cycle']);
  });

  it('records references to lists for find-references and rename', () => {
    const { text, ranges } = marked('list "A" { where in list ⟦"Leads"⟧ or not in list ⟦"leads"⟧ }');
    const analysis = analyzeWorkspace([{ path: 'm.hslist', text }, { path: 'l.hslist', text: 'list "Leads" { where email is known }' }], defaultSchema());
    const refs = analysis.references.filter((r) => r.path === 'm.hslist');
    assert.deepEqual(refs.map((r) => r.span), ranges);
    assert.equal(analysis.lists.get('leads')?.[0].path, 'l.hslist');
  });

  it('re-parses only the file that changed, and re-checks the files that reference it', () => {
    const ws = new Workspace(defaultSchema());
    ws.setFile('a.hslist', 'list "A" { where in list "B" }');
    ws.setFile('b.hslist', 'list "B" { where email is known }');
    assert.deepEqual(codesOf(ws.analyze(), 'a.hslist'), []);
    assert.equal(ws.cache.parseCount, 2);

    ws.setFile('b.hslist', 'list "Renamed" { where email is known }');
    assert.deepEqual(codesOf(ws.analyze(), 'a.hslist'), ['unknown-list']);
    assert.equal(ws.cache.parseCount, 3);

    ws.analyze();
    assert.equal(ws.cache.parseCount, 3, 'unchanged texts are not parsed again');
  });

  it('removing a file updates the files that referenced it', () => {
    const ws = new Workspace(defaultSchema());
    ws.setFile('a.hslist', 'list "A" { where in list "B" }');
    ws.setFile('b.hslist', 'list "B" { where email is known }');
    ws.analyze();
    ws.removeFile('b.hslist');
    assert.deepEqual(codesOf(ws.analyze(), 'a.hslist'), ['unknown-list']);
  });

  it('calls the HubSpot compiler for lists without errors and merges its diagnostics', () => {
    // `not` around `starts with` has no negated operator in HubSpot: only the compiler knows.
    expectDiagnostics('list "A" { where ⟦not (email starts with "x")⟧ }', ['not-expressible']);
    // A list with errors of its own is not compiled (no duplicate reports).
    expectDiagnostics('list "A" { where not (emial starts with "x") }', ['unknown-property']);
  });
});
