// Packages the extension (root package.json) into dist/hslist-<version>.vsix with @vscode/vsce from
// this harness's node_modules, after `npm run build` produced dist/client.js and dist/server.js.
// The bundles carry their dependencies, so the .vsix has no node_modules (`--no-dependencies`).
//
// What ships is what the root .vscodeignore whitelists ("!path" lines). vsce walks every file under
// its folder before applying .vscodeignore (48k files here, ~35 s), so the whitelisted files are
// first copied to .state/vsix-stage and vsce runs there, with the same .vscodeignore.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const STAGE = path.join(HERE, '.state/vsix-stage');
const VSCE = path.join(HERE, 'node_modules/@vscode/vsce/vsce');
const REQUIRED = ['package.json', 'dist/client.js', 'dist/server.js'];

/** The "!path" lines of .vscodeignore: the files the .vsix may contain. */
function shippedPaths() {
  return readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1));
}

function stage() {
  rmSync(STAGE, { recursive: true, force: true });
  const copied = ['.vscodeignore'];
  for (const file of ['.vscodeignore', ...shippedPaths()]) {
    const from = path.join(ROOT, file);
    if (!existsSync(from)) {
      if (REQUIRED.includes(file)) throw new Error(`${file} is missing: run npm run build first`);
      if (file.startsWith('grammar/')) console.warn(`[package] warning: ${file} does not exist yet (grammar area)`);
      continue;
    }
    mkdirSync(path.dirname(path.join(STAGE, file)), { recursive: true });
    copyFileSync(from, path.join(STAGE, file));
    if (file !== '.vscodeignore') copied.push(file);
  }
  return copied.slice(1);
}

export function packageVsix() {
  if (!existsSync(VSCE)) execFileSync(path.join(HERE, 'setup.sh'), { stdio: 'inherit' });
  const files = stage();
  const manifest = JSON.parse(readFileSync(path.join(STAGE, 'package.json'), 'utf8'));
  const out = path.join(ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);
  // No repository URL yet: README's relative links (docs/...) stay relative instead of failing the build.
  const flags = ['--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', out];
  execFileSync('node', [VSCE, 'package', ...flags], { cwd: STAGE, stdio: ['ignore', 'ignore', 'inherit'] });
  const kb = (statSync(out).size / 1024).toFixed(1);
  console.log(`[package] ${path.relative(ROOT, out)}: ${kb} KB with ${files.length} files: ${files.join(', ')}`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    packageVsix();
  } catch (error) {
    console.error(`[package] ${error.message}`);
    process.exit(1);
  }
}
