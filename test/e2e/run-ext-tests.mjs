// Runs the extension-host mocha suite (test/e2e/suite/index.js: the `extensionTestsPath` contract,
// `run(): Promise<void>`) inside a real VS Code: the Node extension host of a running code-server,
// opened in headless Chromium. Mocha's output is printed here; the exit code is the suite's.
//
//   node run-ext-tests.mjs --server http://127.0.0.1:8123 --folder /abs/workspace \
//     [--extension /abs/ext] [--tests /abs/suite/index.js] [--timeout 300] [--shot file.png]
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launchBrowser, workbenchUrl } from './lib/browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: opts } = parseArgs({
  options: {
    server: { type: 'string', default: process.env.CODE_SERVER_URL || 'http://127.0.0.1:8123' },
    folder: { type: 'string' },
    extension: { type: 'string', default: path.resolve(HERE, '../..') },
    tests: { type: 'string', default: path.join(HERE, 'suite/index.js') },
    timeout: { type: 'string', default: '300' },
    shot: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
if (!opts.folder) {
  console.error('missing --folder (the workspace to open)');
  process.exit(2);
}

const browser = await launchBrowser();
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
if (opts.verbose) page.on('console', (msg) => console.log('[browser]', msg.text()));
page.on('pageerror', (e) => console.error('[pageerror]', e.message));

let finish;
const finished = new Promise((resolve) => { finish = resolve; });
// The workbench forwards what the extension host prints (mocha's reporter) to
// window.codeAutomationLog(type, args) and calls window.codeAutomationExit(code) when run() settles:
// the hooks @vscode/test-web and VS Code's own browser integration tests use.
await page.exposeFunction('codeAutomationLog', (type, args) =>
  (type === 'error' ? console.error : console.log)(...(args || [])));
await page.exposeFunction('codeAutomationExit', (code) => finish(code));

const timer = setTimeout(() => {
  console.error(`extension tests timed out after ${opts.timeout}s`);
  finish(124);
}, Number(opts.timeout) * 1000);
await page.goto(workbenchUrl(opts.server, opts.folder, {
  extensionDevelopmentPath: opts.extension,
  extensionTestsPath: opts.tests,
}));
const code = await finished;
clearTimeout(timer);
if (opts.shot) await page.screenshot({ path: opts.shot }).catch(() => {});
await browser.close();
console.log(`extension tests exit code: ${code}`);
process.exit(code);
