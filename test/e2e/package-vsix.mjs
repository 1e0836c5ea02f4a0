// Packages the extension (root package.json) into dist/hslist-<version>.vsix with @vscode/vsce from
// this harness's node_modules. Expects `npm run build` to have produced dist/client.js and
// dist/server.js; the bundles carry their dependencies, so the .vsix has no node_modules
// (`--no-dependencies`; what goes in is whitelisted in .vscodeignore). Prints the path and size.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const VSCE = path.join(HERE, 'node_modules/@vscode/vsce/vsce');

export function packageVsix() {
  if (!existsSync(VSCE)) execFileSync(path.join(HERE, 'setup.sh'), { stdio: 'inherit' });
  for (const built of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run npm run build first`);
  }
  const manifest = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: ROOT }));
  warnAboutMissingContributions(manifest);
  const out = path.join(ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);
  const common = ['--no-dependencies', '--allow-missing-repository', '--skip-license'];
  const files = execFileSync('node', [VSCE, 'ls', ...common], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  const bundled = files.filter((f) => f.includes('node_modules/'));
  if (bundled.length > 0) throw new Error(`the .vsix would carry node_modules: ${bundled.join(', ')}`);
  execFileSync('node', [VSCE, 'package', ...common, '--out', out], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const size = statSync(out).size;
  console.log(`[package] ${path.relative(ROOT, out)}: ${(size / 1024).toFixed(1)} KB, ${files.length} files: ${files.join(', ')}`);
  return out;
}

/** The TextMate grammar and language configuration come from the grammar area; say when absent. */
function warnAboutMissingContributions(manifest) {
  const paths = [
    ...manifest.contributes.languages.map((l) => l.configuration),
    ...manifest.contributes.grammars.map((g) => g.path),
  ].filter(Boolean);
  for (const p of paths) {
    if (!existsSync(path.join(ROOT, p))) console.warn(`[package] warning: ${p} does not exist yet; VS Code will log an error for it`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    packageVsix();
  } catch (error) {
    console.error(`[package] ${error.message}`);
    process.exit(1);
  }
}
