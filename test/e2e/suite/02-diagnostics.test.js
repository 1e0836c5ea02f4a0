// Diagnostics from the server's parse() reach VS Code with the right place and follow edits.
const assert = require('assert');
const vscode = require('vscode');
const { diagnosticsWhere, openHslist, readyApi } = require('./helpers');

const errorsOf = (diagnostics) => diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

describe('diagnostics', () => {
  let valid;
  let broken;

  before(async () => {
    await readyApi();
    // Order matters: the server answers documents in the order they open, so once the broken
    // file's diagnostics arrive, the valid file's (empty) ones have been published too.
    valid = await openHslist('valid.hslist');
    broken = await openHslist('broken.hslist');
  });

  it('reports a syntax error in broken.hslist on the line of the stray ")"', async () => {
    const diagnostics = await diagnosticsWhere(broken.uri, (d) => errorsOf(d).length > 0, 'an error in broken.hslist');
    const first = errorsOf(diagnostics)[0];
    assert.strictEqual(first.source, 'hslist');
    assert.ok(typeof first.code === 'string' && /^[a-z]+(-[a-z]+)*$/.test(first.code), `kebab-case code, got ${first.code}`);
    assert.ok(first.message.length > 0);
    const line = first.range.start.line;
    assert.ok(line >= 5 && line <= 6, `error expected on line 6 or 7 (0-based 5..6), got line ${line + 1}`);
  });

  it('reports nothing for valid.hslist', async () => {
    await diagnosticsWhere(broken.uri, (d) => d.length > 0, 'broken.hslist diagnostics');
    assert.deepStrictEqual(errorsOf(vscode.languages.getDiagnostics(valid.uri)).map((d) => d.message), []);
  });

  it('clears the error when the file is fixed, and brings it back on undo', async () => {
    await vscode.window.showTextDocument(broken);
    const line = broken.lineAt(5);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(broken.uri, line.range, '    and country is "Poland"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhere(broken.uri, (d) => errorsOf(d).length === 0, 'no errors after the fix');
    await vscode.commands.executeCommand('undo');
    await diagnosticsWhere(broken.uri, (d) => errorsOf(d).length > 0, 'the error again after undo');
    assert.strictEqual(broken.isDirty, false);
  });
});
