// A static list's members file changed outside the editor: VS Code's file watcher (registered by the
// language server for **/*.csv) reports it, and the list is checked again without its .hslist being
// touched.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { diagnosticsWhere, openHslist, readyApi, workspaceUri } = require('./helpers');

const codesOf = (diagnostics) => diagnostics.map((d) => d.code);

describe('a static list\'s members file', () => {
  const list = workspaceUri('speakers.hslist');
  const csv = workspaceUri('speakers.csv');

  before(async () => {
    await readyApi();
    fs.writeFileSync(list.fsPath, 'list "Speakers" {\n  type: static\n  members from: "speakers.csv"\n}\n');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    for (const uri of [list, csv]) fs.rmSync(uri.fsPath, { force: true });
  });

  it('is checked again when it is created, emptied and filled on disk', async () => {
    const doc = await openHslist('speakers.hslist');
    const missing = await diagnosticsWhere(doc.uri, (d) => codesOf(d).includes('members-file-unreadable'), 'members-file-unreadable before the file exists');
    assert.match(missing.find((d) => d.code === 'members-file-unreadable').message, /speakers\.csv/);
    fs.writeFileSync(csv.fsPath, 'email\nann@example.com\nbob@example.org\n');
    await diagnosticsWhere(doc.uri, (d) => d.length === 0, 'no problem once the file is written');
    fs.writeFileSync(csv.fsPath, 'email\n');
    await diagnosticsWhere(doc.uri, (d) => codesOf(d).includes('members-file-empty'), 'members-file-empty once it holds only its header');
    assert.strictEqual(doc.isDirty, false, 'the .hslist itself was not touched');
  });
});
