// The preview from the live (emulated) HubSpot portal in a real VS Code: `hslist sandbox` runs the
// seeded emulator, the token is stored as the Connect command stores it, and `hslist.contactData`
// is "hubspot". The server asks the extension for the connection, loads the portal's contacts, and
// the count lens must equal the emulator's own evaluation of the compiled list. After the list is
// published in the emulator and the text edited, the panel's summary says who would enter and leave,
// equal to the emulator's members before and after. The token must never reach the extension's log.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { extension, openHslist, readyApi, waitUntil, workspaceUri } = require('./helpers');
const { portal, startSandbox } = require('../fixtures/sandbox.cjs');

const LIST = 'Live customers';
const FILE = 'live-preview.hslist';
const TEXT = `list "${LIST}" {\n  where email is known\n    and lifecyclestage is any of (customer, opportunity)\n}\n`;
const fmt = (n) => n.toLocaleString('en-US');
const Workspace = vscode.ConfigurationTarget.Workspace;
const config = () => vscode.workspace.getConfiguration('hslist');

/** The code lens titles of the document. */
async function lensTitles(doc) {
  const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri)) || [];
  return lenses.filter((l) => l.command).map((l) => l.command.title);
}

/** The Lists API create request the server compiles for the list (the server's own command). */
function compiled(doc) {
  return vscode.commands.executeCommand('hslist.compiledJson', doc.uri.toString(), { line: 1, character: 4 });
}

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return fs.statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('preview from the live HubSpot portal', function () {
  this.timeout(180000);
  let api;
  let sandbox;
  let hubspot;
  let doc;
  let beforeIds;

  before(async () => {
    api = await readyApi();
    sandbox = await startSandbox(extension().extensionPath, 300);
    hubspot = portal(sandbox.env);
    fs.writeFileSync(workspaceUri(FILE).fsPath, TEXT);
    await api.connectHubSpotForTest(sandbox.env.HSLIST_HUBSPOT_TOKEN, sandbox.env.HSLIST_HUBSPOT_BASE_URL);
    await config().update('hubspot.baseUrl', sandbox.env.HSLIST_HUBSPOT_BASE_URL, Workspace);
    await config().update('contactData', 'hubspot', Workspace);
    doc = await openHslist(FILE);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('contactData', undefined, Workspace);
    await config().update('hubspot.baseUrl', undefined, Workspace);
    await config().update('trace.server', undefined, Workspace);
    await vscode.commands.executeCommand('hslist.disconnectAccounts');
    fs.rmSync(workspaceUri(FILE).fsPath, { force: true });
    await sandbox?.stop();
  });

  it('the list line counts the portal\'s contacts the emulator itself puts in the list', async () => {
    beforeIds = await hubspot.evaluate(await compiled(doc), `${LIST} (expected)`);
    assert.ok(beforeIds.length > 0 && beforeIds.length < sandbox.contacts, `a list matching some of the portal: ${beforeIds.length}`);
    const title = `${fmt(beforeIds.length)} of ${fmt(sandbox.contacts)} contacts`;
    await waitUntil(async () => (await lensTitles(doc)).includes(title), `code lens "${title}"`, { ms: 120000 });
  });

  it('after publishing and an edit, the panel says who would enter and leave, as the emulator evaluates it', async () => {
    const listId = await hubspot.publish(await compiled(doc));
    await vscode.commands.executeCommand('hslist.reloadContactData');
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('opportunity');
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'opportunity'.length)), 'evangelist');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const members = new Set(await hubspot.members(listId));
    const afterIds = new Set(await hubspot.evaluate(await compiled(doc), `${LIST} (expected after the edit)`));
    const enter = [...afterIds].filter((id) => !members.has(id));
    const leave = [...members].filter((id) => !afterIds.has(id));
    assert.ok(enter.length > 0 && leave.length > 0, `the edit moves contacts both ways: +${enter.length} −${leave.length}`);

    const shown = await waitUntil(async () => {
      const panel = await vscode.commands.executeCommand('hslist.openPreviewPanel', doc.uri.toString(), LIST);
      const published = panel?.summary?.summary?.published;
      return published?.state === 'compared' && panel.summary.summary.count === afterIds.size ? panel.summary : undefined;
    }, 'the panel summary compared with the published list', { ms: 120000 });
    const p = shown.summary.published;
    assert.deepStrictEqual({ listId: p.listId, members: p.members, enter: p.enter, leave: p.leave, undecided: p.undecided, membersNotInData: p.membersNotInData },
      { listId, members: members.size, enter: enter.length, leave: leave.length, undecided: 0, membersNotInData: 0 });
    assert.match(shown.published.heading, new RegExp(`^Compared with the published list #${listId} \\(${fmt(members.size)} members?, read at `));
    assert.deepStrictEqual(shown.published.lines.slice(0, 2).map((l) => l.text), [`+${fmt(enter.length)} would enter`, `−${fmt(leave.length)} would leave`]);
    assert.match(shown.source, /^Data: HubSpot \(127\.0\.0\.1:\d+\)/);

    // The Would enter view exported: exactly the contacts the emulator says enter.
    const target = workspaceUri('would-enter.csv');
    const result = await vscode.commands.executeCommand('hslist.exportPreviewCsv', LIST, target, '', 'enter');
    assert.strictEqual(result.error, undefined);
    const ids = fs.readFileSync(target.fsPath, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0]);
    assert.deepStrictEqual(ids.sort(), enter.sort());
    fs.rmSync(target.fsPath, { force: true });
  });

  it('a compact or verbose trace keeps the token from the server: the status names the setting', async () => {
    await config().update('trace.server', 'verbose', Workspace);
    const status = await vscode.commands.executeCommand('hslist.reloadContactData');
    await config().update('trace.server', undefined, Workspace);
    assert.ok(status, 'the reload answered');
    assert.notStrictEqual(status.state, 'ready', JSON.stringify(status));
    assert.match(status.message || '', /hslist\.trace\.server/);
  });

  it('the token is in no log file of the workbench, and the hand-over is logged without it', async () => {
    const token = sandbox.env.HSLIST_HUBSPOT_TOKEN;
    const state = process.env.E2E_CODE_SERVER_STATE || path.join(extension().extensionPath, 'test/e2e/.state/ext');
    const logs = path.join(state, 'data/logs');
    // code-server writes each output channel to data/logs/…/output_logging_*/N-hslist.log in its own time.
    await waitUntil(() => filesUnder(logs).some((f) => /output_logging_[^/]+\/\d+-hslist\.log$/.test(f)
      && fs.readFileSync(f, 'utf8').includes('HubSpot connection asked by the server: token handed over')), 'the hand-over in the hslist log on disk', { ms: 30000 });
    const leaks = filesUnder(logs).filter((f) => fs.readFileSync(f, 'utf8').includes(token));
    assert.deepStrictEqual(leaks, []);
  });
});
