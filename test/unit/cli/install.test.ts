// The packed CLI installs into a fresh prefix without the registry and runs from any folder.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

describe('hslist CLI: packed and installed', function () {
  this.timeout(120_000);

  it('npm install --global of the tarball puts `hslist` on the PATH, and it checks a workspace elsewhere', async () => {
    // `npm test` builds before the unit tests; alone, this test builds what is missing.
    if (!existsSync(join(ROOT, 'dist/cli.js'))) execFileSync('node', [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'ignore' });
    const { packCli } = (await import(join(ROOT, 'scripts/pack-cli.mjs'))) as { packCli: () => string };
    const tarball = packCli();
    const prefix = mkdtempSync(join(tmpdir(), 'hslist-prefix-'));
    // --offline: the tarball declares no dependency, so nothing may be fetched.
    execFileSync('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { stdio: 'pipe' });
    const elsewhere = mkdtempSync(join(tmpdir(), 'hslist-admin-'));
    writeFileSync(join(elsewhere, 'lists.hslist'), 'list "Customers" {\n  where lifecyclestage is customer\n}\n');
    const env = { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH}` };
    const check = spawnSync('hslist', ['check'], { cwd: elsewhere, env, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stderr, /1 file checked: no problems/);
    const help = spawnSync('hslist', ['--help'], { cwd: elsewhere, env, encoding: 'utf8' });
    assert.match(help.stdout, /^ {2}plan \[options\] /m);
    const planHelp = spawnSync('hslist', ['plan', '--help'], { cwd: elsewhere, env, encoding: 'utf8' });
    assert.equal(planHelp.status, 0, planHelp.stderr);
    assert.match(planHelp.stdout, /--target <NAME>/);
    // preview starts node again with the settings (bin/node-settings.js, packed beside hslist.js) and ends as that run ends.
    writeFileSync(join(elsewhere, 'c.csv'), 'id,lifecyclestage\n1,customer\n2,lead\n');
    const preview = spawnSync('hslist', ['preview', 'lists.hslist', '--data', 'c.csv'], { cwd: elsewhere, env, encoding: 'utf8' });
    assert.equal(preview.status, 0, preview.stderr);
    assert.match(preview.stdout, /^Customers: 1 of 2 contacts$/m);
  });
});
