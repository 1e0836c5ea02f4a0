// Per-command help and shell completion, both written from the command table: every command answers
// --help with its own options and exit codes, and bash completes commands, options and option values.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../../server/src/cli/command-specs';
import { hslist, workspace } from './cli-support';

/** What bash's completion offers for the words typed so far (the last one is being completed). */
function complete(script: string, cwd: string, ...words: string[]): string[] {
  const typed = ['hslist', ...words].map((w) => `'${w}'`).join(' ');
  const program = `source ./completion.bash; COMP_WORDS=(${typed}); COMP_CWORD=${words.length}; _hslist; printf '%s\\n' "\${COMPREPLY[@]}"`;
  writeFileSync(join(cwd, 'completion.bash'), script);
  const run = spawnSync('bash', ['-c', program], { cwd, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter(Boolean).sort();
}

describe('hslist --help and completion', () => {
  it('every command has its own --help: its options with their help and its exit codes, exit 0', async () => {
    for (const command of COMMANDS) {
      const run = await hslist(workspace({}), command.name, '--help');
      assert.equal(run.code, 0, command.name);
      assert.match(run.out, new RegExp(`^Usage: hslist ${command.name} `, 'm'));
      for (const option of command.options) assert.ok(run.out.includes(`--${option.flag}`), `${command.name} --help shows --${option.flag}`);
      assert.ok(run.out.includes(command.details.split('\n')[0]), `${command.name} --help shows its details`);
    }
    const helpCommand = await hslist(workspace({}), 'help', 'apply');
    assert.equal(helpCommand.code, 0);
    assert.match(helpCommand.out, /--concurrency <N>\s+lists worked on at once/);
  });

  it('hslist alone prints the commands on stderr and exits 2; hslist --help exits 0', async () => {
    const bare = await hslist(workspace({}));
    assert.equal(bare.code, 2);
    for (const command of COMMANDS) assert.match(bare.err, new RegExp(`^  ${command.name} `, 'm'));
    const help = await hslist(workspace({}), '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /Exit codes: 0 clean, 1 problems found, 2 bad usage, 3 internal error/);
  });

  it('usage errors name the command and point at its help; a near-miss command is suggested', async () => {
    const unknown = await hslist(workspace({}), 'apply', '--focre');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^hslist apply: unknown option '--focre'/m);
    assert.match(unknown.err, /Did you mean --force\?/);
    assert.match(unknown.err, /run "hslist apply --help" for its options/);
    const missing = await hslist(workspace({}), 'pull', '--out');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^hslist pull: option '--out <DIR>' argument missing/m);
    const typo = await hslist(workspace({}), 'plna');
    assert.equal(typo.code, 2);
    assert.match(typo.err, /unknown command 'plna'[\s\S]*Did you mean plan\?/);
  });

  it('a flag where a value belongs is a usage error (repeated values: see the pull contract test)', async () => {
    const root = workspace({});
    const flagAsValue = await hslist(root, 'pull', '--name', '--all');
    assert.equal(flagAsValue.code, 2);
    assert.match(flagAsValue.err, /--name needs a value \(got "--all"\)/);
  });

  it('bash completion offers commands, each command\'s options, option values and .hslist files', async () => {
    const root = workspace({ 'lists.hslist': '', 'notes.txt': '', 'contacts.csv': '', 'sub/x.hslist': '' });
    const script = await hslist(root, 'completion', 'bash');
    assert.equal(script.code, 0);
    assert.deepEqual(complete(script.out, root, 'pl'), ['plan']);
    assert.deepEqual(complete(script.out, root, 's'), ['sandbox', 'schema', 'settings', 'sync-plan']);
    assert.deepEqual(complete(script.out, root, 'apply', '--p'), ['--properties', '--prune']);
    assert.deepEqual(complete(script.out, root, 'check', '--format', ''), ['github', 'json', 'text']);
    assert.ok(complete(script.out, root, 'preview', 'l.hslist', '--data', '').includes('hubspot'));
    assert.ok(complete(script.out, root, 'preview', 'l.hslist', '--data', 'co').includes('contacts.csv'));
    assert.deepEqual(complete(script.out, root, 'check', ''), ['lists.hslist', 'sub']);
    assert.deepEqual(complete(script.out, root, 'settings', ''), ['confirm', 'show']);
    assert.deepEqual(complete(script.out, root, 'apply', '--concurrency', ''), [], 'no option names where a number belongs');
  });

  it('zsh gets the same function through bashcompinit; another shell is a usage error', async () => {
    const zsh = await hslist(workspace({}), 'completion', 'zsh');
    assert.equal(zsh.code, 0);
    assert.match(zsh.out, /^autoload -U \+X bashcompinit && bashcompinit\n/);
    assert.match(zsh.out, /complete -o filenames -F _hslist hslist/);
    const fish = await hslist(workspace({}), 'completion', 'fish');
    assert.equal(fish.code, 2);
    assert.match(fish.err, /no script for "fish": bash or zsh/);
  });
});
