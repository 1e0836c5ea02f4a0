// Runs the SAME extension-host suite (suite/index.js) in desktop VS Code through
// @vscode/test-electron. Not part of `npm run test:e2e`: it downloads VS Code from
// update.code.visualstudio.com, which this CI machine cannot reach. Use it where a download works,
// or point VSCODE_EXECUTABLE at an installed `code` binary.
//   node test/e2e/run-electron.mjs            (VS Code 1.100.3, downloaded into .vscode-test/)
//   VSCODE_VERSION=stable node test/e2e/run-electron.mjs
//   VSCODE_EXECUTABLE=/usr/share/code/code node test/e2e/run-electron.mjs
// Build first (npm run build): the extension is loaded from the repository root and runs dist/.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const workspace = path.join(HERE, '.state/workspace-electron');
const userData = path.join(HERE, '.state/electron-user-data');

rmSync(workspace, { recursive: true, force: true });
cpSync(path.join(HERE, 'fixtures/workspace'), workspace, { recursive: true });
mkdirSync(userData, { recursive: true });

try {
  await runTests({
    version: process.env.VSCODE_VERSION || '1.100.3',
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(HERE, 'suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
      '--user-data-dir', userData],
  });
} catch (error) {
  console.error(`desktop VS Code suite failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
