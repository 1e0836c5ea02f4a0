// Publishing from a real VS Code to the (emulated) HubSpot portal of `hslist sandbox`: the HubSpot
// lists view says when no account is connected, then shows every list of the fixture workspace with its
// state; Plan opens the plan; Apply asks in a modal (answered through the test hook: a real modal
// would block the extension host; the UI suite clicks the real one), publishes, and the view and the
// lenses turn to "in sync". A change made in HubSpot shows as drifted, with a diff editor, and is
// overwritten only after the second question; an edit shows as changed; a list deleted from the files
// shows as such; Pull writes files that check clean. Ids come from the emulator, never the extension.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { extension, openHslist, readyApi, waitUntil, workspaceUri } = require('./helpers');
const { portal, startSandbox } = require('../fixtures/sandbox.cjs');

const Workspace = vscode.ConfigurationTarget.Workspace;
const config = () => vscode.workspace.getConfiguration('hslist');
const EXTRA = 'publish-extra.hslist';
const OVERWRITE = 'Overwrite drifted lists (--force)';
const LONG = { ms: 90000 };

describe('publishing to HubSpot', function () {
  this.timeout(180000);
  let api;
  let hooks;
  let sandbox;
  let hubspot;
  let doc;
  const pulled = [];

  /** The view's row of a list (top level or in the not-in-code group). */
  const row = async (label) => (await hooks.tree()).find((r) => r.label === label);
  const rowSays = (label, description) => waitUntil(async () => (await row(label))?.description === description, `row "${label}": ${description}`, LONG);
  const publishLens = async (name) => {
    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri)) || [];
    return lenses.find((l) => l.command && l.command.command === 'hslist.publish.lensAction' && l.command.arguments[0] === name)?.command.title;
  };
  /** The HubSpot id of a list, as the emulator knows it. */
  const idOf = async (name) => {
    const found = await hubspot.call('GET', `/crm/v3/lists/object-type-id/0-1/name/${encodeURIComponent(name)}`);
    return String(found.list.listId);
  };

  before(async () => {
    api = await readyApi();
    hooks = api.publishForTest;
    assert.ok(hooks, 'the publish test hooks (extension test mode)');
    sandbox = await startSandbox(extension().extensionPath, 300);
    hubspot = portal(sandbox.env);
    await config().update('hubspot.baseUrl', sandbox.env.HSLIST_HUBSPOT_BASE_URL, Workspace);
    doc = await openHslist('valid.hslist');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('hslist.disconnectAccounts');
    await config().update('hubspot.baseUrl', undefined, Workspace);
    for (const file of [...pulled, workspaceUri(EXTRA).fsPath, workspaceUri('hslist.lock.json').fsPath]) fs.rmSync(file, { force: true });
    await sandbox?.stop();
  });

  it('says that no HubSpot account is connected, and offers to connect one', async () => {
    await vscode.commands.executeCommand('hslist.publish.refresh');
    await waitUntil(() => /HubSpot is not connected for /.test(hooks.message() || ''), 'the view\'s message');
    assert.deepStrictEqual((await hooks.tree()).map((r) => r.label), ['Connect HubSpot account…']);
  });

  it('once connected, shows every list as not published, the broken one blocked, and the portal\'s own lists', async () => {
    await api.connectHubSpotForTest(sandbox.env.HSLIST_HUBSPOT_TOKEN, sandbox.env.HSLIST_HUBSPOT_BASE_URL);
    await rowSays('Qualified for Salesforce', 'not published');
    const rows = await hooks.tree();
    assert.match(rows.find((r) => r.label === 'Broken').description, /^blocked: /);
    assert.strictEqual(rows.find((r) => r.label === 'Broken').icon, 'error');
    const group = rows.find((r) => r.label === 'In the portal but not in code');
    assert.ok(group && group.children.length > 0, JSON.stringify(rows));
    assert.ok(group.children.every((c) => / · not in code$/.test(c.description) && c.contextValue === 'hslist.portalList'));
    assert.strictEqual(hooks.message(), undefined);
    await waitUntil(async () => (await publishLens('Qualified for Salesforce')) === 'not published', 'the lens "not published"', LONG);
  });

  it('hslist: Plan opens the plan as the CLI prints it', async () => {
    const view = await vscode.commands.executeCommand('hslist.publish.plan');
    assert.ok(view && view.entries.length > 0);
    const text = vscode.window.activeTextEditor.document.getText();
    assert.match(text, /^# hslist plan\n\nHubSpot portal 4242001 at 127\.0\.0\.1:\d+, read at /);
    assert.match(text, /\+ create {6}"Qualified for Salesforce" {2}\(valid\.hslist:2\)/);
    assert.match(text, /x blocked {5}"Broken"/);
  });

  it('Apply asks in a modal, publishes, and the view and the lenses turn to "in sync"', async () => {
    hooks.answerModals(['Apply']);
    const answer = await vscode.commands.executeCommand('hslist.publish.apply');
    assert.strictEqual(answer && answer.state, 'applied', JSON.stringify(answer));
    const question = hooks.asked().at(-1);
    assert.match(question.message, /^Apply \d+ changes to HubSpot portal 4242001 \(127\.0\.0\.1:\d+\)\?$/);
    assert.match(question.detail, /^Create \d+, change 0, delete 0\./);
    assert.deepStrictEqual(answer.failed, []);
    const id = await idOf('Qualified for Salesforce');
    await rowSays('Qualified for Salesforce', `published #${id} · in sync`);
    await rowSays('Ready for sales', `published #${await idOf('Ready for sales')} · in sync`);
    await waitUntil(async () => (await publishLens('Qualified for Salesforce')) === `published #${id} · in sync`, 'the lens "in sync"', LONG);
  });

  it('Count in HubSpot counts through temporary lists, deleted after, and says why a list is not counted', async () => {
    const answer = await vscode.commands.executeCommand('hslist.publish.count', { names: ['Qualified for Salesforce', 'Broken'] });
    assert.strictEqual(answer && answer.state, 'counted', JSON.stringify(answer));
    const published = await hubspot.call('GET', `/crm/v3/lists/${await idOf('Qualified for Salesforce')}`);
    const counted = answer.lists.find((l) => l.name === 'Qualified for Salesforce');
    assert.strictEqual(counted.size, published.list.size, 'HubSpot counts the temporary copy as the published list');
    assert.match(answer.lists.find((l) => l.name === 'Broken').reason, /^it has errors: /);
    assert.deepStrictEqual(answer.left, []);
    assert.match(answer.text, /^HubSpot's own count in portal 4242001 \(each list created as a temporary list, counted once processed, then deleted\):/);
    const found = await hubspot.call('POST', '/crm/v3/lists/search', { query: 'hslist temporary count', offset: 0, count: 100 });
    assert.deepStrictEqual(found.lists.map((l) => l.name), [], 'no temporary list is left in the portal');
  });

  it('a list changed in HubSpot shows as drifted with a diff, and is overwritten only after the second question', async () => {
    const id = await idOf('Qualified for Salesforce');
    const other = await vscode.commands.executeCommand('hslist.compiledJson', workspaceUri('preview.hslist').toString(), { line: 2, character: 4 });
    await hubspot.call('PUT', `/crm/v3/lists/${id}/update-list-filters`, { filterBranch: other.filterBranch });
    await vscode.commands.executeCommand('hslist.publish.refresh');
    await rowSays('Qualified for Salesforce', `published #${id} · drifted in HubSpot`);
    assert.match((await row('Qualified for Salesforce')).contextValue, /\bdiff\b/);
    assert.strictEqual(await vscode.commands.executeCommand('hslist.publish.showDiff', 'Qualified for Salesforce'), true);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab.input instanceof vscode.TabInputTextDiff, `a diff editor, got ${tab.label}`);
    const hubspotSide = (await vscode.workspace.openTextDocument(tab.input.original)).getText();
    assert.match(hubspotSide, /^list "Qualified for Salesforce" \{\n {2}type: active\n {2}where email is known\n\}/);

    hooks.answerModals([undefined]);
    assert.strictEqual(await vscode.commands.executeCommand('hslist.publish.apply'), undefined);
    assert.strictEqual(hooks.asked().at(-1).message, '1 list was changed in HubSpot since the last publish. Overwrite it with the files?');
    assert.deepStrictEqual(hooks.asked().at(-1).items, [OVERWRITE]);
    assert.strictEqual((await row('Qualified for Salesforce')).description, `published #${id} · drifted in HubSpot`);

    hooks.answerModals([OVERWRITE]);
    const answer = await vscode.commands.executeCommand('hslist.publish.apply');
    assert.deepStrictEqual(answer.applied.map((a) => a.name), ['Qualified for Salesforce']);
    await rowSays('Qualified for Salesforce', `published #${id} · in sync`);
  });

  it('an edit shows as "changed since publish"; a list deleted from the files shows as such', async () => {
    const id = await idOf('Qualified for Salesforce');
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('1000000');
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 7)), '2000000');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitUntil(async () => (await publishLens('Qualified for Salesforce')) === `published #${id} · changed since publish`, 'the lens "changed since publish"', LONG);
    await rowSays('Qualified for Salesforce', `published #${id} · changed since publish`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await rowSays('Qualified for Salesforce', `published #${id} · in sync`);

    fs.writeFileSync(workspaceUri(EXTRA).fsPath, 'list "Extra" {\n  type: active\n  where phone is known\n}\n');
    await rowSays('Extra', 'not published');
    hooks.answerModals(['Apply']);
    await vscode.commands.executeCommand('hslist.publish.apply');
    const extra = await idOf('Extra');
    await rowSays('Extra', `published #${extra} · in sync`);
    fs.rmSync(workspaceUri(EXTRA).fsPath);
    await rowSays('Extra', `deleted from files · still in HubSpot as #${extra}`);
  });

  it('Pull writes a portal list into the workspace, opens it, and it checks clean', async () => {
    const group = (await hooks.tree()).find((r) => r.label === 'In the portal but not in code');
    const name = group.children[0].label;
    const listId = /^#(\d+)/.exec(group.children[0].description)[1];
    const answer = await vscode.commands.executeCommand('hslist.publish.pull', { listIds: [listId] });
    assert.strictEqual(answer.state, 'pulled', JSON.stringify(answer));
    assert.deepStrictEqual(answer.written.map((w) => [w.name, w.listId]), [[name, listId]]);
    const uri = vscode.Uri.parse(answer.written[0].uri);
    pulled.push(uri.fsPath);
    assert.ok(fs.existsSync(uri.fsPath));
    await waitUntil(() => vscode.window.activeTextEditor?.document.uri.fsPath === uri.fsPath, 'the pulled file open');
    await rowSays(name, `published #${listId} · in sync`);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri), []);
  });
});
