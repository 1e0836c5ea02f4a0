// A block still being typed at the end of the file must not cost the file its other blocks: other files
// refer to those lists, and losing them would flood the workspace with `unknown-list` errors.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '@hslist/grammar';
import { marked } from '../../support/markers';

function expectOneError(source: string, message: RegExp): ReturnType<typeof parse> {
  const { text, ranges } = marked(source);
  const result = parse(text);
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.start, d.end]),
    [['syntax-error', ranges[0].start, ranges[0].end]],
  );
  assert.match(result.diagnostics[0].message, message);
  return result;
}

describe('parse: blocks left open at the end of the file', () => {
  it('keeps the earlier lists and the open one', () => {
    const { file } = expectOneError('list "B" {\n  type: static\n}\nlist "A" {\n  where email is known⟦⟧', /close list "A" \(opened on line 4\)/);
    assert.deepEqual(file.lists.map((l) => l.name.text), ['B', 'A']);
    assert.equal(file.lists[1].where?.kind, 'property');
  });

  it('keeps an open sync block with its settings', () => {
    const { file } = expectOneError('sync salesforce {\n  inclusion list: "A"⟦⟧', /close `sync salesforce`/);
    assert.equal(file.syncBlocks.length, 1);
    assert.equal(file.syncBlocks[0].settings[0].key.text, 'inclusion list');
  });

  it('always returns a well-formed file, whatever prefix of a program is parsed', () => {
    const program = 'list "A" {\n  type: active\n  where email is known and (country is "PL" or in list "B")\n}\nsync salesforce {\n  inclusion list: "A"\n  map email to Email: two way\n}\n';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: program.length }), (cut) => {
        const { file } = parse(program.slice(0, cut));
        assert.ok(Array.isArray(file.lists) && Array.isArray(file.syncBlocks) && Array.isArray(file.comments));
      }),
      { numRuns: program.length + 1 },
    );
  });
});
