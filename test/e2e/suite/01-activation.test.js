// The extension starts on its own when an .hslist file opens, and its language server answers.
const assert = require('assert');
const vscode = require('vscode');
const { extension, openHslist, waitUntil } = require('./helpers');

describe('activation', () => {
  it('is not active before an .hslist file is opened', () => {
    assert.strictEqual(extension().isActive, false);
  });

  it('activates when an .hslist file opens, with language id "hslist"', async () => {
    const doc = await openHslist('valid.hslist');
    assert.strictEqual(doc.languageId, 'hslist');
    await waitUntil(() => extension().isActive, 'activation on onLanguage:hslist');
  });

  it('starts the language server, which answers hslist/ping', async () => {
    const api = extension().exports;
    assert.strictEqual(await api.whenSettled(), 'ready');
    const pong = await api.ping();
    assert.strictEqual(pong.pong, true);
    assert.strictEqual(pong.server, 'hslist-language-server');
    assert.ok(pong.documents >= 1, `the server should know the open document, knows ${pong.documents}`);
    // The server (and the preview worker it starts, which takes the process's V8 flags) runs with the CLI's
    // V8 flags, and with the language server's mmap threshold (128 KB: the CLI's 4 KB slowed keystrokes).
    assert.ok(pong.node.execArgv.includes('--max-semi-space-size=8'), `server execArgv: ${pong.node.execArgv.join(' ')}`);
    assert.strictEqual(pong.node.mallocMmapThreshold, '131072');
  });

  it('shows the server state and the accounts in the status bar', async () => {
    const text = extension().exports.statusText();
    assert.match(text, /hslist: ready/);
    assert.match(text, /HubSpot: none/);
    assert.match(text, /Salesforce: none/);
  });

  it('uses the bundled server from dist/, not sources', () => {
    const main = require(vscode.Uri.joinPath(extension().extensionUri, 'package.json').fsPath).main;
    assert.strictEqual(main, './dist/client.js');
  });
});
