// `npm run test:e2e`: setup (idempotent) → build → package → the extension-host mocha suite
// (extension loaded from source) → the Playwright UI tests (against the installed .vsix).
// Each suite gets its own code-server on a free port and a copy of the fixture workspace under
// .state/; servers are always stopped. Prints timings; exits non-zero if any step failed.
//   node run-all.mjs [--skip-setup] [--only ext|ui]
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageVsix } from './package-vsix.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const STATE = path.join(HERE, '.state');
const ARTIFACTS = path.join(HERE, 'artifacts');
const { values: opts } = parseArgs({
  options: { 'skip-setup': { type: 'boolean', default: false }, only: { type: 'string' } },
});
const timings = [];

async function timed(name, work) {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings.push([name, (Date.now() - started) / 1000]);
    console.log(`[e2e] ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Runs a process with inherited output; resolves with its exit code. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: HERE, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** A port nobody listens on right now (the OS picks it: port 0). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function freshWorkspace(name) {
  const target = path.join(STATE, `workspace-${name}`);
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(HERE, 'fixtures/workspace'), target, { recursive: true });
  return target;
}

/** Starts code-server NAME, runs `work(url)`, always stops it. */
async function withCodeServer(name, vsixes, work) {
  const port = await freePort();
  execFileSync(path.join(HERE, 'start.sh'), [name, ...vsixes], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PORT: String(port) } });
  try {
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    execFileSync(path.join(HERE, 'stop.sh'), [name], { stdio: 'ignore' });
  }
}

async function extensionHostSuite() {
  const folder = freshWorkspace('ext');
  return withCodeServer('ext', [], (server) => run('node', ['run-ext-tests.mjs', '--server', server,
    '--folder', folder, '--extension', ROOT, '--shot', path.join(ARTIFACTS, 'ext-host-suite.png')]));
}

async function uiSuite(vsix) {
  const folder = freshWorkspace('ui');
  const files = readdirSync(path.join(HERE, 'ui')).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => `ui/${f}`);
  return withCodeServer('ui', [vsix], (server) => run('node', ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    { CODE_SERVER_URL: server, E2E_WORKSPACE: folder, E2E_ARTIFACTS: ARTIFACTS }));
}

async function main() {
  if (!opts['skip-setup']) await timed('setup', () => execFileSync(path.join(HERE, 'setup.sh'), { stdio: 'inherit' }));
  await timed('build', () => execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' }));
  const vsix = await timed('package', () => packageVsix());
  const failures = [];
  if (opts.only !== 'ui' && (await timed('extension-host suite', extensionHostSuite)) !== 0) failures.push('extension-host suite');
  if (opts.only !== 'ext' && (await timed('UI suite', () => uiSuite(vsix))) !== 0) failures.push('UI suite');
  console.log('[e2e] timings: ' + timings.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join(', '));
  console.log(failures.length ? `[e2e] FAILED: ${failures.join(', ')}` : '[e2e] all suites passed');
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`[e2e] ${error.stack || error.message}`);
  process.exit(1);
});
