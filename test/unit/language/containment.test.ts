// One broken file or one failing check must not blind the workspace: a check that throws becomes one
// internal-check-error on the file it was reading, every other check and file still reports, and the
// half-typed sync block that used to crash the checker is an ordinary syntax error.

import { strict as assert } from 'node:assert';
import { defaultSchema } from '../../../server/src/language/schema';
import type { PropertyDef, Schema } from '../../../server/src/language/schema-types';
import { analyzeWorkspace } from '../../../server/src/language/workspace';

const OTHER = { path: 'other.hslist', text: 'list "Other" {\n  where emial is known and in list "Nowhere"\n}\n' };
const codesOf = (analysis: ReturnType<typeof analyzeWorkspace>, path: string) => analysis.files.get(path)!.diagnostics.map((d) => d.code);

/** The default schema, except that looking up `boom` throws (a stand-in for any bug in a check). */
function explodingSchema(): Schema {
  const schema = defaultSchema();
  const contacts = new Map(schema.objects.contacts);
  const get = contacts.get.bind(contacts);
  contacts.get = (name: string): PropertyDef | undefined => {
    if (name === 'boom') throw new TypeError('simulated bug');
    return get(name);
  };
  return { ...schema, objects: { ...schema.objects, contacts } };
}

describe('language: a failing check is contained', () => {
  it('the half-typed mapping `map jobtitle to` + `:` below is a syntax error, not a crash', () => {
    const text = 'sync salesforce {\n map jobtitle to\n :\n }\n';
    const analysis = analyzeWorkspace([{ path: 'sync.hslist', text }, OTHER], defaultSchema());
    assert.deepEqual(codesOf(analysis, 'sync.hslist'), ['no-inclusion-list', 'syntax-error']);
    assert.deepEqual(codesOf(analysis, 'other.hslist'), ['unknown-property', 'unknown-list']);
  });

  it('a check that throws gives one internal-check-error on its file; the other checks and files still report', () => {
    const broken = { path: 'broken.hslist', text: 'list "B" {\n  type: activ\n  where boom is known\n}\n' };
    const analysis = analyzeWorkspace([broken, OTHER], explodingSchema());
    const diagnostics = analysis.files.get('broken.hslist')!.diagnostics;
    const internal = diagnostics.filter((d) => d.code === 'internal-check-error');
    assert.ok(internal.length >= 1);
    for (const d of internal) {
      assert.equal(d.severity, 'error');
      assert.match(d.message, /^The [a-z-]+ check failed on this file \(TypeError: simulated bug\), so its problems are not shown; the other checks ran\. This is a bug in hslist: please report it with the file\.$/);
    }
    assert.ok(diagnostics.some((d) => d.code === 'invalid-list-type'), 'the list-settings check still ran');
    assert.deepEqual(codesOf(analysis, 'other.hslist'), ['unknown-property', 'unknown-list']);
  });
});
