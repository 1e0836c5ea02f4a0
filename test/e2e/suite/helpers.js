// Helpers for the extension-host suite. Everything waits on a VS Code event or a condition with a
// deadline; nothing sleeps for a fixed time.
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'hslist.hslist';

function workspaceUri(...segments) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder (run-ext-tests.mjs --folder)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Resolves with the first value of `event` that satisfies `accept`, or rejects after `ms`. */
function nextEvent(event, accept, what, ms = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, ms);
    const sub = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

/** Waits until `read()` returns a truthy value; re-checks on each `event` (and on a short poll). */
async function waitUntil(read, what, { event, ms = 20000 } = {}) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => {
      const sub = event ? event(() => { sub.dispose(); clearTimeout(t); resolve(); }) : undefined;
      const t = setTimeout(() => { sub?.dispose(); resolve(); }, 50);
    });
  }
}

/** The diagnostics of `uri` once `accept(diagnostics)` holds (checked now and on every change). */
function diagnosticsWhere(uri, accept, what, ms) {
  const current = () => {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  };
  return waitUntil(current, what, { event: vscode.languages.onDidChangeDiagnostics, ms });
}

async function openHslist(name) {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function extension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/** The extension's API once its language server settled (ready or error). */
async function readyApi() {
  const ext = extension();
  const api = ext.isActive ? ext.exports : await ext.activate();
  await api.whenSettled();
  return api;
}

function manifest() {
  return require(path.join(extension().extensionPath, 'package.json'));
}

module.exports = { EXTENSION_ID, workspaceUri, nextEvent, waitUntil, diagnosticsWhere, openHslist, extension, readyApi, manifest };
