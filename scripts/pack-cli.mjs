// `npm run pack:cli`: the CLI as an npm tarball, dist/hslist-cli-<version>.tgz, installable anywhere with
// `npm install -g <tarball>` (or `npm install --prefix DIR <tarball>`). esbuild bundles the CLI with every
// dependency into dist/cli.js, so the tarball holds only that bundle and the bin script and declares no
// dependencies: installing it needs no registry.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAGE = path.join(ROOT, 'dist', 'cli-package');

export function packCli() {
  const bundle = path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(bundle)) throw new Error('dist/cli.js is missing: run npm run build first');
  const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(path.join(STAGE, 'bin'), { recursive: true });
  mkdirSync(path.join(STAGE, 'dist'), { recursive: true });
  for (const file of ['hslist.js', 'node-settings.js']) copyFileSync(path.join(ROOT, 'bin', file), path.join(STAGE, 'bin', file));
  copyFileSync(bundle, path.join(STAGE, 'dist', 'cli.js'));
  copyFileSync(path.join(ROOT, 'README.md'), path.join(STAGE, 'README.md'));
  const manifest = {
    name: 'hslist-cli',
    version: root.version,
    description: 'The hslist command: HubSpot lists as code (check, preview, plan, apply, pull).',
    license: root.license,
    bin: { hslist: 'bin/hslist.js' },
    engines: { node: '>=20' },
    files: ['bin/', 'dist/cli.js', 'README.md'],
  };
  writeFileSync(path.join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', path.join(ROOT, 'dist')], { cwd: STAGE, encoding: 'utf8' }).trim().split('\n').pop();
  return path.join(ROOT, 'dist', name);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(`[pack:cli] ${path.relative(ROOT, packCli())}: npm install -g it to put hslist on the PATH`);
  } catch (error) {
    console.error(`[pack:cli] ${error.message}`);
    process.exit(1);
  }
}
