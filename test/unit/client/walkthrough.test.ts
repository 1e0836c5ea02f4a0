// The Getting Started walkthrough as the manifest declares it: the five steps of a first hour in order,
// each with its text (media/walkthrough/*.md, shipped in the .vsix) and a completion event on the context
// key the client sets when the step's action succeeded; every command a step links to exists. That the
// steps really complete in VS Code is the e2e UI test's part (test/e2e/ui/walkthrough.test.mjs).

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREATE_WORKSPACE_COMMAND, WalkthroughSteps } from '../../../client/src/ids';

const ROOT = join(__dirname, '..', '..', '..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

interface Manifest {
  contributes: { commands: { command: string }[]; walkthroughs: { id: string; title: string; steps: Step[] }[] };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const [walkthrough] = manifest.contributes.walkthroughs;

describe('client: the Getting Started walkthrough', () => {
  it('walks a first hour: workspace, accounts (or the sandbox), schema, preview, publish', () => {
    assert.equal(manifest.contributes.walkthroughs.length, 1);
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['workspace', 'connect', 'schema', 'preview', 'publish']);
    assert.match(walkthrough.steps[1].description, /hslist sandbox/);
  });

  it('completes each step on the context key the client sets for it, and on nothing else', () => {
    const keys = Object.values(WalkthroughSteps);
    assert.deepEqual(walkthrough.steps.map((s) => s.completionEvents), keys.map((key) => [`onContext:${key}`]));
  });

  it('links only to commands that exist: the manifest\'s own or the workbench\'s', () => {
    const own = new Set(manifest.contributes.commands.map((c) => c.command));
    assert.ok(own.has(CREATE_WORKSPACE_COMMAND));
    for (const step of walkthrough.steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(linked.length > 0, `${step.id} has a button`);
      for (const command of linked) assert.ok(own.has(command) || command.startsWith('workbench.action.'), `${step.id} links to ${command}`);
    }
  });

  it('has a Markdown text for every step, shipped in the .vsix', () => {
    // The packager ships exactly the "!path" lines of .vscodeignore (no globs).
    const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    for (const step of walkthrough.steps) {
      const file = step.media.markdown;
      assert.ok(file && /^media\/walkthrough\/[\w-]+\.md$/.test(file), `${step.id}: ${file}`);
      assert.ok(shipped.includes(`!${file}`), `${file} is whitelisted in .vscodeignore`);
      assert.ok(existsSync(join(ROOT, file)), file);
      assert.match(readFileSync(join(ROOT, file), 'utf8'), /^# /, `${file} starts with a heading`);
    }
  });
});
