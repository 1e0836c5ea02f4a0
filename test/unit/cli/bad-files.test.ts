// The CLI on files that are not what they seem: FIFOs and devices are refused without reading (a read
// would block or never end), a folder given to `compile` is a usage error naming what it holds, and
// `fmt` writes through symlinks, keeps modes and hard links, says which file it cannot write, and
// leaves no temporary file behind, even when it is stopped.

import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hslist, workspace } from './cli-support';
import { asUnprivileged, makeFifo } from './fs-support';

const UGLY = 'LIST "A" {\n  TYPE: active\n  WHERE email IS KNOWN\n}\n';
const PRETTY = 'list "A" {\n  type: active\n  where email is known\n}\n';
const CLI = join(__dirname, '../../../bin/hslist.js');

const temporaries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('hslist on FIFOs, devices and folders', () => {
  it('a FIFO named x.hslist is an error for check, fmt and compile, and blocks nothing', async function () {
    const root = workspace({ 'a.hslist': PRETTY });
    if (!makeFifo(join(root, 'x.hslist'))) this.skip();
    const check = await hslist(root, 'check');
    assert.equal(check.code, 1);
    assert.match(check.out, /^x\.hslist:1:1: error unreadable-file x\.hslist is a named pipe \(FIFO\), not a regular file/m);
    const fmt = await hslist(root, 'fmt');
    assert.equal(fmt.code, 1);
    assert.match(fmt.out, /^x\.hslist:1:1: error unreadable-file .*named pipe/m);
    const compile = await hslist(root, 'compile', 'x.hslist');
    assert.equal(compile.code, 1);
    assert.match(compile.err, /named pipe/);
  });

  it('`hslist check /dev/zero` is refused at once', async () => {
    const run = await hslist(workspace({}), 'check', '/dev/zero');
    assert.equal(run.code, 1);
    assert.match(run.out, /^\/dev\/zero:1:1: error unreadable-file \/dev\/zero is a character device, not a regular file/m);
  });

  it('`hslist compile .` is a usage error that names the files the folder holds', async () => {
    const root = workspace({ 'a.hslist': PRETTY, 'sub/b.hslist': PRETTY });
    const run = await hslist(root, 'compile', '.');
    assert.equal(run.code, 2);
    assert.equal(run.out, '');
    assert.match(run.err, /^hslist compile: \. is a folder, not a file \(it holds a\.hslist, sub\/b\.hslist\)\. Usage: hslist compile FILE/);
    const empty = await hslist(workspace({ 'x.txt': '' }), 'compile', '.');
    assert.match(empty.err, /it holds no \.hslist file/);
  });
});

describe('hslist with a half-typed file in the workspace', () => {
  it('check, compile and preview of the other files still work; the broken one gets its syntax error', async () => {
    const root = workspace({
      'hslist.json': '{ "contacts": "c.csv" }',
      'sync.hslist': 'sync salesforce {\n map jobtitle to\n :\n }\n',
      'good.hslist': PRETTY,
      'c.csv': 'Record ID,Email\n1,a@x.io\n2,\n',
    });
    const check = await hslist(root, 'check');
    assert.equal(check.code, 1);
    assert.match(check.out, /^sync\.hslist:2:15: error syntax-error Expected a Salesforce field name after `to`, found `:`\./m);
    assert.doesNotMatch(check.out + check.err, /internal/);
    const compile = await hslist(root, 'compile', 'good.hslist');
    assert.equal(compile.code, 0, compile.err);
    assert.equal(JSON.parse(compile.out)[0].name, 'A');
    const preview = await hslist(root, 'preview', 'good.hslist');
    assert.equal(preview.code, 0, preview.err);
    assert.match(preview.out, /^A: 1 of 2 contacts$/m);
  });
});

describe('hslist fmt: writing files back', () => {
  it('writes through a symlink: the link stays, its target is formatted', async () => {
    const root = workspace({ 'real/a.hslist': UGLY });
    symlinkSync(join(root, 'real/a.hslist'), join(root, 'link.hslist'));
    const run = await hslist(root, 'fmt', 'link.hslist');
    assert.equal(run.code, 0, run.out);
    assert.ok(lstatSync(join(root, 'link.hslist')).isSymbolicLink());
    assert.equal(readFileSync(join(root, 'real/a.hslist'), 'utf8'), PRETTY);
  });

  it('keeps the mode of a 0600 file and every name of a hard-linked one', async () => {
    const root = workspace({ 'secret.hslist': UGLY, 'linked.hslist': UGLY });
    chmodSync(join(root, 'secret.hslist'), 0o600);
    linkSync(join(root, 'linked.hslist'), join(root, 'other-name.hslist'));
    assert.equal((await hslist(root, 'fmt', 'secret.hslist', 'linked.hslist')).code, 0);
    assert.equal(statSync(join(root, 'secret.hslist')).mode & 0o777, 0o600);
    assert.equal(readFileSync(join(root, 'secret.hslist'), 'utf8'), PRETTY);
    assert.equal(statSync(join(root, 'linked.hslist')).ino, statSync(join(root, 'other-name.hslist')).ino);
    assert.equal(readFileSync(join(root, 'other-name.hslist'), 'utf8'), PRETTY);
    assert.deepEqual(temporaries(root), []);
  });

  it('a read-only file is not rewritten: exit 1 naming it', async () => {
    const root = workspace({ 'locked.hslist': UGLY });
    chmodSync(join(root, 'locked.hslist'), 0o444);
    const run = await hslist(root, 'fmt');
    assert.equal(run.code, 1);
    assert.match(run.out, /^locked\.hslist:1:1: error unwritable-file locked\.hslist is read-only \(mode 0444\); it was left as it was\./m);
    assert.equal(readFileSync(join(root, 'locked.hslist'), 'utf8'), UGLY);
  });

  it('a folder it cannot write in: exit 1 naming the file, the file untouched, no temporary left', async () => {
    const root = workspace({ 'ro/a.hslist': UGLY, 'ok.hslist': UGLY });
    chmodSync(join(root, 'ro'), 0o555);
    const run = await asUnprivileged(root, 'fmt');
    chmodSync(join(root, 'ro'), 0o755);
    assert.equal(run.code, 1, run.err);
    assert.match(run.out, /^ro\/a\.hslist:1:1: error unwritable-file ro\/a\.hslist cannot be written: its folder .*ro is not writable \(permission denied\); it was left as it was\./m);
    assert.doesNotMatch(run.err, /internal error/);
    assert.equal(readFileSync(join(root, 'ro/a.hslist'), 'utf8'), UGLY);
    assert.equal(readFileSync(join(root, 'ok.hslist'), 'utf8'), PRETTY, 'the other files are still formatted');
    assert.deepEqual(temporaries(join(root, 'ro')), []);
  });

  it('SIGTERM stops it between files: every file whole, no temporary left', async function () {
    const files = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}.hslist`, UGLY.replace('"A"', `"A${i}"`)]));
    const root = workspace(files);
    const child = spawn(process.execPath, [CLI, 'fmt'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Whenever the signal lands (before the handlers, between files, after the last one), the invariant holds.
    const timer = setTimeout(() => child.kill('SIGTERM'), 1000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    clearTimeout(timer);
    assert.ok(code === 0 || code === 143 || signal === 'SIGTERM', `exit ${code} ${signal}: ${err}`);
    if (code === 143) assert.match(err, /interrupted \(SIGTERM\) after \d+ of 2000 files/);
    assert.deepEqual(temporaries(root), []);
    for (const name of Object.keys(files)) {
      const text = readFileSync(join(root, name), 'utf8');
      assert.ok(text === files[name] || text === PRETTY.replace('"A"', `"A${name.slice(1, -7)}"`), `${name} is whole`);
    }
  });
});

describe('hslist preview: data files written by the CLI stay readable by their owner', () => {
  it('a contacts file left 0600 is still read', async () => {
    const root = workspace({ 'hslist.json': '{}', 'lists.hslist': PRETTY, 'c.csv': 'Record ID,Email\n1,a@x.io\n' });
    chmodSync(join(root, 'c.csv'), 0o600);
    writeFileSync(join(root, 'x'), '');
    const run = await hslist(root, 'preview', 'lists.hslist', '--data', 'c.csv');
    assert.equal(run.code, 0, run.err);
  });
});
