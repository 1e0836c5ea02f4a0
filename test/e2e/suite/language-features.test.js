// The language features through VS Code's own provider commands, as the editor asks for them:
// completion, hover, go to definition, rename across files, formatting, quick fixes, the compiled
// JSON command, document symbols, semantic tokens, and "Refresh schema" with no account connected.
// Fixtures: features/engaged.hslist defines "Engaged contacts", features/ready.hslist uses it.
const assert = require('assert');
const vscode = require('vscode');
const { diagnosticsWhere, openHslist, readyApi, waitUntil } = require('./helpers');

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

/** An untitled hslist document with `<|>` marking the cursor; returns the document and that position. */
async function untitled(source) {
  const cursor = source.indexOf('<|>');
  const content = source.replace('<|>', '');
  const doc = await vscode.workspace.openTextDocument({ language: 'hslist', content });
  await vscode.window.showTextDocument(doc);
  return { doc, position: doc.positionAt(cursor < 0 ? 0 : cursor) };
}

/** The position of the first `needle` in `doc`, `offset` characters into it. */
function positionOf(doc, needle, offset = 1) {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(at + offset);
}

/** Completion labels the language server offered (snippets and words from elsewhere left out). */
async function completionLabels(source) {
  const { doc, position } = await untitled(source);
  // The server answers once it has the document: wait until the list is not empty.
  const list = await waitUntil(async () => {
    const result = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position);
    return result.items.length > 0 ? result : undefined;
  }, 'completion items');
  return list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).map(labelOf);
}

describe('language features', () => {
  let engaged;
  let ready;

  before(async () => {
    await readyApi();
    engaged = await openHslist('features/engaged.hslist');
    ready = await openHslist('features/ready.hslist');
  });

  it('completes properties after "where", with the bundled schema\'s names', async () => {
    const labels = await completionLabels('list "Completion A" {\n  where <|>\n}\n');
    for (const property of ['email', 'jobtitle', 'annualrevenue', 'lifecyclestage']) assert.ok(labels.includes(property), `no ${property} in ${labels.slice(0, 20).join(', ')}`);
  });

  it('completes only the operators that fit the property\'s type', async () => {
    const numeric = await completionLabels('list "Completion B" {\n  where annualrevenue <|>\n}\n');
    assert.ok(numeric.includes('>= …') && numeric.includes('is between … and …'), numeric.join(', '));
    assert.deepStrictEqual(numeric.filter((l) => /contains|starts with|ends with/.test(l)), []);
    const text = await completionLabels('list "Completion C" {\n  where jobtitle <|>\n}\n');
    assert.ok(text.includes('contains …') && text.includes('starts with …'), text.join(', '));
    // `was updated between` applies to every type (it compares when the value changed); `is between` is for numbers and dates.
    assert.deepStrictEqual(text.filter((l) => /^(>|>=|<|<=) …$|^is (not )?between/.test(l)), []);
  });

  it('hovers a property with its label', async () => {
    const hovers = await waitUntil(async () => {
      const found = await vscode.commands.executeCommand('vscode.executeHoverProvider', ready.uri, positionOf(ready, 'jobtitle', 3));
      return found.length > 0 ? found : undefined;
    }, 'a hover on jobtitle');
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Job Title\*\* `jobtitle`/);
  });

  it('goes to the definition of a list in the other file', async () => {
    const found = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', ready.uri, positionOf(ready, '"Engaged contacts"', 3));
    assert.strictEqual(found.length, 1);
    const target = found[0].targetUri ?? found[0].uri;
    const range = found[0].targetSelectionRange ?? found[0].targetRange ?? found[0].range;
    assert.strictEqual(target.toString(), engaged.uri.toString());
    assert.strictEqual(engaged.lineAt(range.start.line).text, 'list "Engaged contacts" {');
  });

  it('lists the lists of a document as symbols', async () => {
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', engaged.uri);
    assert.deepStrictEqual(symbols.map((s) => s.name), ['Engaged contacts']);
    assert.ok(symbols[0].children.some((c) => c.name === 'where'), symbols[0].children.map((c) => c.name).join(', '));
  });

  it('provides semantic tokens: list names and dates with the custom types', async () => {
    const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', ready.uri);
    const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', ready.uri);
    assert.ok(tokens && tokens.data.length > 0, 'no semantic tokens');
    const decoded = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, length, type] = tokens.data.slice(i, i + 4);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      decoded.push(`${ready.lineAt(line).text.slice(char, char + length)}:${legend.tokenTypes[type]}`);
    }
    for (const expected of ['"Engaged contacts":listName', '2024-01-01:date', 'jobtitle:property', 'where:keyword']) {
      assert.ok(decoded.includes(expected), `${expected} not in ${decoded.join(' ')}`);
    }
  });

  it('formats a document: lowercase keywords, single spaces, two-space indent, and a second pass changes nothing', async () => {
    const { doc } = await untitled('LIST "Messy format"   {\ntype:active\nWHERE email IS KNOWN     AND phone is known\n}\n');
    const formatEdits = () => vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 2, insertSpaces: true });
    const edits = await waitUntil(async () => {
      const found = await formatEdits();
      return found && found.length > 0 ? found : undefined;
    }, 'formatting edits');
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    // The layout of a where chain is the grammar's to decide; these hold for any canonical layout.
    const text = doc.getText();
    assert.match(text, /^list "Messy format" \{\n {2}type: active\n {2}where email is known\b/);
    assert.doesNotMatch(text, /LIST|WHERE|KNOWN|AND|\S {2,}\S/);
    assert.strictEqual(text.replace(/\s+/g, ' '), 'list "Messy format" { type: active where email is known and phone is known } ');
    assert.deepStrictEqual((await formatEdits()) ?? [], [], 'formatting the formatted text again changes nothing');
  });

  it('applies the did-you-mean quick fix of a misspelt property', async () => {
    const { doc } = await untitled('list "Quick fix" {\n  where jobtitel is known\n}\n');
    const [problem] = await diagnosticsWhere(doc.uri, (d) => d.some((x) => x.code === 'unknown-property'), 'unknown-property on jobtitel');
    assert.match(problem.message, /did you mean `jobtitle`/);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to jobtitle');
    assert.ok(fix, `no "Change to jobtitle" among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.lineAt(1).text, '  where jobtitle is known');
    await diagnosticsWhere(doc.uri, (d) => d.length === 0, 'no diagnostics after the fix');
  });

  it('"Show compiled HubSpot JSON" returns the Lists API request with its filterBranch', async () => {
    const text = await vscode.commands.executeCommand('hslist.showCompiledJson', engaged.uri);
    assert.ok(typeof text === 'string', 'the command returned no JSON');
    const [request] = JSON.parse(text);
    assert.strictEqual(request.name, 'Engaged contacts');
    assert.strictEqual(request.filterBranch.filterBranchType, 'OR');
    assert.match(JSON.stringify(request.filterBranch), /"property":"hs_analytics_num_visits"/);
  });

  it('renames a list in both files: where it is declared and where it is used', async () => {
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', ready.uri, positionOf(ready, '"Engaged contacts"', 3), 'Engaged visitors');
    assert.deepStrictEqual(edit.entries().map(([uri]) => uri.path.split('/').pop()).sort(), ['engaged.hslist', 'ready.hslist']);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(engaged.getText(), /^list "Engaged visitors" \{$/m);
    assert.match(ready.getText(), /where in list "Engaged visitors"$/m);
    assert.doesNotMatch(engaged.getText() + ready.getText(), /Engaged contacts/);
    // The server sees both edits: the new name resolves to the renamed declaration.
    await waitUntil(async () => {
      const found = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', ready.uri, positionOf(ready, '"Engaged visitors"', 3));
      return found.length === 1 && (found[0].targetUri ?? found[0].uri).toString() === engaged.uri.toString();
    }, 'the renamed list to resolve in engaged.hslist');
  });

  it('"Refresh schema" with no account connected says which commands connect one', async () => {
    const outcome = await vscode.commands.executeCommand('hslist.reloadSchema');
    assert.strictEqual(outcome.ok, false);
    assert.match(outcome.message, /no account is connected.*"hslist: Connect HubSpot account".*"hslist: Connect Salesforce org"/);
  });
});
