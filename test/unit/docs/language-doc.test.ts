// docs/language.md is the reference of the language: its examples must parse and compile, and the JSON
// it shows must be exactly what the compiler produces (`npm run docs:language` refreshes it).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { DOC_PATH, docExamples } from '../../../scripts/language-doc';

describe('docs/language.md', () => {
  const examples = docExamples(readFileSync(DOC_PATH, 'utf8'));

  it('has examples for the whole language', () => {
    assert.ok(examples.length >= 40, `only ${examples.length} examples`);
  });

  it('every example parses and compiles', () => {
    const broken = examples.filter((e) => e.compiledJson.startsWith('//'));
    assert.deepEqual(broken.map((e) => `${e.source.trim()} → ${e.compiledJson.trim()}`), []);
  });

  it('every JSON block is what the compiler makes of its example', () => {
    for (const e of examples.filter((x) => x.shownJson !== undefined)) {
      assert.equal(e.shownJson, e.compiledJson, `stale JSON for:\n${e.source}(run npm run docs:language)`);
    }
  });
});
