// Properties of the front end: parse never throws and keeps diagnostics inside the text, on random
// strings and on mutations of valid programs; format is idempotent and keeps the meaning.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { format, parse } from '../../grammar/src/index';
import { arbHslistFile, arbTokenEdits, editedVersions } from '../support/hslist-gen';

function withoutOffsets(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'start' || k === 'end' || k === 'operatorSpan' || k === 'whereKeyword' || k === 'includeUnknown' ? (k === 'includeUnknown' ? v !== undefined : undefined) : v)));
}

function checkDiagnostics(text: string): void {
  const { diagnostics } = parse(text);
  for (const d of diagnostics) {
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `${JSON.stringify(d)} outside ${text.length}`);
    assert.ok(d.message.length > 0 && /^[a-z]+(-[a-z]+)*$/.test(d.code));
  }
}

/** Valid program, cut into tokens, with some tokens deleted, duplicated or replaced. */
const mutated = fc
  .tuple(arbHslistFile(), arbTokenEdits(['(', ')', '}', '{', 'and', 'or', 'is', 'not', '"x', ':', 'where', 'list', '#1', '42'], { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) => editedVersions(text, edits).at(-1) as string);

describe('grammar properties', () => {
  it('parse never throws and keeps diagnostics inside random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => checkDiagnostics(text)), { numRuns: 300 });
    const alphabet = fc.constantFrom('list', 'sync', '"a"', '{', '}', '(', ')', 'where', 'x', 'is', 'and', 'or', 'not', ':', '\n', ',', '#1', '5', 'in', '//c\n');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 60 }), (words) => checkDiagnostics(words.join(' '))), { numRuns: 300 });
  });

  it('parse never throws on mutations of valid programs', () => {
    fc.assert(fc.property(mutated, (text) => checkDiagnostics(text)), { numRuns: 300 });
  });

  it('generated programs parse without diagnostics', () => {
    fc.assert(fc.property(arbHslistFile(), (text) => assert.deepEqual(parse(text).diagnostics, [], text)), { numRuns: 200 });
  });

  it('format is idempotent and parse(format(x)) equals parse(x) modulo offsets', () => {
    fc.assert(
      fc.property(arbHslistFile(), (text) => {
        const once = format(text);
        assert.deepEqual(once.diagnostics, []);
        const twice = format(once.text);
        assert.equal(twice.text, once.text, `not idempotent:\n${once.text}`);
        assert.equal(twice.changed, false);
        const before = parse(text).file;
        const after = parse(once.text).file;
        assert.deepEqual(withoutOffsets(after.lists), withoutOffsets(before.lists));
        assert.deepEqual(withoutOffsets(after.syncBlocks), withoutOffsets(before.syncBlocks));
        assert.deepEqual(after.comments.map((c) => c.text), before.comments.map((c) => c.text));
      }),
      { numRuns: 200 },
    );
  });
});
