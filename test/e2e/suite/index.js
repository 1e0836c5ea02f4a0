// The `extensionTestsPath` entry: VS Code's extension host calls run() once the workbench is up
// (desktop via @vscode/test-electron, or code-server via run-ext-tests.mjs). Every *.test.js file
// in this folder is part of the suite; a failure rejects, which becomes exit code 1.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30000, slow: 2000 });
  const grep = process.env.HSLIST_E2E_GREP;
  if (grep) mocha.grep(grep);
  // Sorted: the activation test (01-) must run before anything opens an .hslist file.
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`extension-host suite: ${mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}

module.exports = { run };
