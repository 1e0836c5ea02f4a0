// The preview in a real VS Code: counts as code lenses and inlay hints on valid.hslist (fixture
// preview-data/contacts.csv through the hslist.contactData setting), the hover sample, "Explain contact…", CSV export written by the extension, and the
// panel's Content-Security-Policy. Expected numbers are computed here from the CSV, not by the engine.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { openHslist, readyApi, waitUntil, workspaceUri } = require('./helpers');

const LIST = 'Qualified for Salesforce';
const fmt = (n) => n.toLocaleString('en-US');
const qualified = (c) => c.email !== '' && ['marketingqualifiedlead', 'salesqualifiedlead'].includes(c.lifecyclestage) && Number(c.annualrevenue) >= 1000000;

const DATA = 'preview-data/contacts.csv';

function readContacts() {
  const [header, ...lines] = fs.readFileSync(workspaceUri(DATA).fsPath, 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

describe('preview', () => {
  let doc;
  let contacts;

  before(async () => {
    await readyApi();
    contacts = readContacts();
    // The shared fixture has no contact data (other suites see no counts); the setting adds it,
    // and changing it makes the extension ask the server to read the data again.
    await vscode.workspace.getConfiguration('hslist').update('contactData', DATA, vscode.ConfigurationTarget.Workspace);
    doc = await openHslist('valid.hslist');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('hslist').update('contactData', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('puts "N of TOTAL contacts" on the list line as a code lens', async () => {
    const title = `${fmt(contacts.filter(qualified).length)} of ${fmt(contacts.length)} contacts`;
    const lens = await waitUntil(async () => {
      const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri)) || [];
      return lenses.find((l) => l.command && l.command.title === title);
    }, `code lens "${title}"`, { ms: 60000 });
    assert.strictEqual(doc.lineAt(lens.range.start.line).text.startsWith('list "Qualified for Salesforce"'), true);
    assert.strictEqual(lens.command.command, 'hslist.openPreviewPanel');
  });

  it('shows after each clause how many contacts pass it and how many are left', async () => {
    const clauses = [(c) => c.email !== '', (c) => ['marketingqualifiedlead', 'salesqualifiedlead'].includes(c.lifecyclestage), (c) => Number(c.annualrevenue) >= 1000000];
    let left = contacts;
    const expected = clauses.map((f) => `${fmt(contacts.filter(f).length)} pass · ${fmt((left = left.filter(f)).length)} left`);
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const labels = await waitUntil(async () => {
      const hints = (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, range)) || [];
      const texts = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
      return texts.length === 3 ? texts : undefined;
    }, 'three inlay hints');
    assert.deepStrictEqual(labels, expected);
  });

  it('hovering the list name shows a sample of matching contacts', async () => {
    const first = contacts.find(qualified);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 10));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes(first.email), `hover lacks ${first.email}:\n${text}`);
  });

  it('"Explain contact…" names the failing filter with the contact\'s value', async () => {
    const c = contacts.find((x) => ['marketingqualifiedlead', 'salesqualifiedlead'].includes(x.lifecyclestage) && Number(x.annualrevenue) < 1000000);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(6, 4, 6, 4);
    const markdown = await vscode.commands.executeCommand('hslist.explainContact', { contact: c.email });
    assert.ok(markdown, 'the command returned no explanation');
    assert.ok(markdown.includes(`❌ fail \`annualrevenue >= 1000000\` — \`annualrevenue\` = \`${c.annualrevenue}\``), markdown);
    assert.ok(markdown.includes('✅ pass `email is known`'), markdown);
    assert.ok(/Failing filter: `annualrevenue >= 1000000`/.test(markdown), markdown);
  });

  it('exports the matches to a CSV file the extension writes', async () => {
    const target = workspaceUri('export-qualified.csv');
    const result = await vscode.commands.executeCommand('hslist.exportPreviewCsv', LIST, target);
    assert.strictEqual(result.error, undefined);
    const lines = fs.readFileSync(target.fsPath, 'utf8').trim().split(/\r\n/);
    assert.strictEqual(lines.length, contacts.filter(qualified).length + 1);
    assert.ok(lines[0].startsWith('id,'), lines[0]);
  });

  it('opens the panel with a strict Content-Security-Policy: a nonce, no inline script, nothing remote', async () => {
    const shown = await vscode.commands.executeCommand('hslist.openPreviewPanel', doc.uri.toString(), LIST);
    assert.strictEqual(shown.name, LIST);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(shown.html);
    assert.ok(csp, 'no CSP meta tag');
    const policy = csp[1].replace(/&#39;|&apos;/g, "'");
    const scriptSrc = /script-src ([^;]+)/.exec(policy)[1].trim();
    assert.match(scriptSrc, /^'nonce-[A-Za-z0-9]{16,}'$/);
    assert.match(policy, /default-src 'none'/);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(policy), policy);
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)[1];
    const scripts = [...shown.html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 1);
    for (const [, attrs, body] of scripts) {
      assert.ok(attrs.includes(`nonce="${nonce}"`), `script without the nonce: ${attrs}`);
      assert.strictEqual(body.trim(), '', 'inline script body');
    }
    assert.ok(!/ on[a-z]+=/i.test(shown.html), 'inline event handler');
    assert.ok(!/(src|href)="(https?:)?\/\/(?![^"]*vscode-(resource|cdn))/.test(shown.html), 'a remote resource');
  });
});
