// bin/node-settings.js: the CLI's fetching commands (and bench:fetch) start node again with a smaller
// young generation and a fixed mmap threshold, and end as that run ends: its output, exit code and
// signals pass through, and it never starts a third time.

import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_FLAGS, NODE_ENV, NODE_FLAGS, RELAUNCHED, mayFetch, relaunchArgs } from '../../../bin/node-settings';
import { COMMANDS } from '../../../server/src/cli/command-specs';

const SETTINGS = join(__dirname, '..', '..', '..', 'bin', 'node-settings.js');

/** A script that runs itself again with the settings, then reports how it runs and does what `argv[2]` says. */
function probeScript(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hslist-node-settings-')), 'probe.js');
  writeFileSync(
    file,
    `require(${JSON.stringify(SETTINGS)}).relaunch(__filename, () => {
  const [action, value] = process.argv.slice(2);
  // Handlers first: the test signals once the report is printed.
  if (action === 'wait') {
    for (const s of ['SIGTERM', 'SIGINT']) process.on(s, () => { console.log('got ' + s); process.exit(s === 'SIGTERM' ? 0 : 130); });
    setInterval(() => undefined, 1000);
  }
  const report = { execArgv: process.execArgv, malloc: process.env.MALLOC_MMAP_THRESHOLD_, args: process.argv.slice(2), pid: process.pid };
  console.log(JSON.stringify(report));
  if (action === 'exit') process.exitCode = Number(value);
  if (action === 'kill') process.kill(process.pid, value);
});
`,
  );
  return file;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  pid: number;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}, signalOnReport?: NodeJS.Signals): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (signalOnReport && out.includes('\n')) {
        child.kill(signalOnReport);
        signalOnReport = undefined;
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, lines: out.trim().split('\n'), pid: child.pid! }));
  });
}

describe('node settings of the CLI (bin/node-settings.js)', function () {
  this.timeout(20_000);

  it('starts again for the commands that may read a portal\'s contacts, as the command table names them', () => {
    const names = COMMANDS.map((c) => c.name);
    for (const name of ['preview', 'plan', 'apply', 'sync-plan']) {
      assert.ok(names.includes(name), `${name} is a command`);
      assert.equal(mayFetch([name]), true, name);
    }
    // Every command that takes --data reads the live portal with `--data hubspot`, whichever way it is written.
    for (const command of COMMANDS.filter((c) => c.options.some((o) => o.flag === 'data'))) {
      assert.equal(mayFetch([command.name, 'a.hslist', '--data', 'hubspot']), true, `${command.name} --data hubspot`);
      assert.equal(mayFetch([command.name, '--data=hubspot']), true, `${command.name} --data=hubspot`);
    }
    assert.equal(mayFetch(['check', '--data', 'contacts.csv']), false, 'check reads a file');
    assert.equal(mayFetch(['check', 'hubspot']), false, 'a path named hubspot');
    for (const name of ['fmt', 'compile', 'count', 'pull', 'settings', 'schema', 'sandbox', 'completion']) {
      assert.equal(mayFetch([name, '--data', 'hubspot']), false, name);
    }
    assert.equal(mayFetch([]), false);
  });

  it('starts again with the flags and environment it lacks, keeping node options, arguments and a value the user set', () => {
    const again = relaunchArgs({ execArgv: ['--expose-gc'], env: { HOME: '/h' }, argv: ['node', 'cli.js', 'preview', '--data', 'hubspot'] }, 'cli.js');
    assert.deepEqual(again?.args, ['--expose-gc', ...CLI_FLAGS, 'cli.js', 'preview', '--data', 'hubspot']);
    assert.equal(again?.env.HOME, '/h');
    assert.equal(again?.env[RELAUNCHED], '1');
    for (const [k, v] of Object.entries(NODE_ENV)) assert.equal(again?.env[k], v);
    const own = relaunchArgs({ execArgv: [], env: { MALLOC_MMAP_THRESHOLD_: '65536' }, argv: ['node', 'cli.js'] }, 'cli.js');
    assert.equal(own?.env.MALLOC_MMAP_THRESHOLD_, '65536');
  });

  it('adds only the flags missing, keeping those the user set', () => {
    const again = relaunchArgs({ execArgv: ['--max-semi-space-size=32'], env: { ...NODE_ENV }, argv: ['node', 'cli.js', 'preview'] }, 'cli.js');
    assert.deepEqual(again?.args, ['--max-semi-space-size=32', '--single-threaded-gc', 'cli.js', 'preview']);
  });

  it('gives the language server the young generation but not the single-threaded collector (its re-evaluation would be slower)', () => {
    assert.ok(NODE_FLAGS.every((f) => CLI_FLAGS.includes(f)));
    assert.ok(!NODE_FLAGS.includes('--single-threaded-gc'));
    assert.ok(CLI_FLAGS.includes('--single-threaded-gc'));
  });

  it('does not start again when the settings are there, when it was started again once, or under an inspector', () => {
    const argv = ['node', 'cli.js', 'preview'];
    assert.equal(relaunchArgs({ execArgv: [...CLI_FLAGS], env: { ...NODE_ENV }, argv }, 'cli.js'), undefined);
    // A young generation and a collector the user chose are theirs (V8 reads `_` as `-`).
    assert.equal(relaunchArgs({ execArgv: ['--max-semi-space-size=32', '--no-single-threaded-gc'], env: { ...NODE_ENV }, argv }, 'cli.js'), undefined);
    assert.equal(relaunchArgs({ execArgv: ['--max_semi_space_size=32', '--single_threaded_gc'], env: { ...NODE_ENV }, argv }, 'cli.js'), undefined);
    assert.equal(relaunchArgs({ execArgv: [], env: { [RELAUNCHED]: '1' }, argv }, 'cli.js'), undefined);
    assert.equal(relaunchArgs({ execArgv: ['--inspect-brk=9229'], env: {}, argv }, 'cli.js'), undefined);
  });

  it('runs the command once, in a child with the settings, and ends with its exit code', async () => {
    const script = probeScript();
    const r = await run(script, ['exit', '7']);
    assert.equal(r.code, 7);
    assert.equal(r.lines.length, 1, r.lines.join('\n'));
    const report = JSON.parse(r.lines[0]) as { execArgv: string[]; malloc: string; args: string[]; pid: number };
    assert.notEqual(report.pid, r.pid, 'the command ran in a second process');
    for (const flag of CLI_FLAGS) assert.ok(report.execArgv.includes(flag), report.execArgv.join(' '));
    assert.equal(report.malloc, NODE_ENV.MALLOC_MMAP_THRESHOLD_);
    assert.deepEqual(report.args, ['exit', '7']);
  });

  it('runs in this process when the settings are there already', async () => {
    const r = await run(probeScript(), ['exit', '0'], { [RELAUNCHED]: '1' });
    assert.equal(r.code, 0);
    assert.equal((JSON.parse(r.lines[0]) as { pid: number }).pid, r.pid);
  });

  it('passes SIGTERM, and SIGINT without a terminal, on to the command, and ends as it ends', async () => {
    const script = probeScript();
    const term = await run(script, ['wait'], {}, 'SIGTERM');
    assert.deepEqual([term.code, term.lines[1]], [0, 'got SIGTERM']);
    const int = await run(script, ['wait'], {}, 'SIGINT');
    assert.deepEqual([int.code, int.lines[1]], [130, 'got SIGINT']);
  });

  it('ends with the signal that stopped the command', async () => {
    const r = await run(probeScript(), ['kill', 'SIGKILL']);
    assert.deepEqual([r.code, r.signal], [null, 'SIGKILL']);
  });
});
