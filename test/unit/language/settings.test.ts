import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { checkConditions } from '../../../server/src/language/checks/conditions';
import { defaultSchema } from '../../../server/src/language/schema';
import { expectClean, expectDiagnostics, fixed } from './expect';

describe('language: list settings', () => {
  it('accepts the four settings', () => {
    expectClean(`list "A" {
  type: active
  folder: "Sales"
  timezone: "Europe/Warsaw"
  description: "Everyone with an email."
  where email is known
}`);
  });

  it('unknown-list-setting with did-you-mean, and its fix', () => {
    const source = 'list "A" {\n  ⟦foldr⟧: "Sales"\n  where email is known\n}';
    expectDiagnostics(source, ['unknown-list-setting']);
    assert.equal(fixed(source.replace(/[⟦⟧]/g, ''), 'unknown-list-setting'), 'list "A" {\n  folder: "Sales"\n  where email is known\n}');
  });

  it('invalid-list-type offers the closest type', () => {
    const source = 'list "A" {\n  type: activ\n  where email is known\n}';
    expectDiagnostics('list "A" {\n  type: ⟦activ⟧\n  where email is known\n}', ['invalid-list-type']);
    assert.equal(fixed(source, 'invalid-list-type'), source.replace('activ\n', 'active\n'));
  });

  it('invalid-timezone for a zone Intl does not know', () => {
    expectDiagnostics('list "A" {\n  timezone: ⟦"Mars/Olympus"⟧\n  where email is known\n}', ['invalid-timezone']);
  });

  it('duplicate-setting points at the second key', () => {
    expectDiagnostics('list "A" {\n  folder: "a"\n  ⟦folder⟧: "b"\n  where email is known\n}', ['duplicate-setting']);
  });

  it('invalid-setting-value: folder and description take quoted text', () => {
    expectDiagnostics('list "A" {\n  folder: ⟦Sales⟧\n  where email is known\n}', ['invalid-setting-value']);
  });

  it('static-list-with-criteria: a static list has no filters', () => {
    expectDiagnostics('list "A" {\n  type: static\n  ⟦where⟧ email is known\n}', ['static-list-with-criteria']);
    expectClean('list "A" {\n  type: static\n}');
  });

  it('missing-criteria: active (the default) and snapshot lists need where', () => {
    expectDiagnostics('list ⟦"A"⟧ {\n  type: snapshot\n}', ['missing-criteria']);
    expectDiagnostics('list ⟦"A"⟧ {\n  folder: "x"\n}', ['missing-criteria']);
  });

  it('invalid-list-id: in list #id takes digits only', () => {
    // The lexer only forms `#digits`, so the check guards trees built by other means (e.g. pull).
    const { file } = parse('list "A" { where in list #12 }');
    const list = file.lists[0];
    const condition = list.where;
    assert.ok(condition && condition.kind === 'inList');
    condition.target.text = '#12a';
    const [d] = checkConditions({ path: 'x', text: '', file, schema: defaultSchema() });
    assert.equal(d.code, 'invalid-list-id');
    assert.deepEqual([d.start, d.end], [condition.target.start, condition.target.end]);
  });
});
