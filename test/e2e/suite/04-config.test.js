// hslist.json is validated by the JSON schema the extension contributes.
const assert = require('assert');
const vscode = require('vscode');
const { diagnosticsWhere, workspaceUri } = require('./helpers');

describe('hslist.json schema', () => {
  it('flags a wrong type and an unknown key in hslist.json', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('broken-config', 'hslist.json'));
    await vscode.window.showTextDocument(doc);
    const diagnostics = await diagnosticsWhere(doc.uri, (d) => d.length >= 2, 'two JSON schema problems', 60000);
    const lines = diagnostics.map((d) => d.range.start.line).sort();
    assert.deepStrictEqual(lines, [1, 2], diagnostics.map((d) => d.message).join(' | '));
  });

  it('declares the settings the task names, each with a description', () => {
    const props = require(vscode.Uri.joinPath(vscode.extensions.getExtension('hslist.hslist').extensionUri, 'package.json').fsPath)
      .contributes.configuration.properties;
    for (const key of ['hslist.schemaFile', 'hslist.contactData', 'hslist.hubspot.baseUrl',
      'hslist.salesforce.instanceUrl', 'hslist.trace.server']) {
      assert.ok(props[key], `missing setting ${key}`);
      assert.ok(props[key].description || props[key].markdownDescription, `${key} has no description`);
    }
  });
});
