// "Refresh schema" end to end through the workbench (the installed .vsix): `hslist sandbox` starts the
// seeded HubSpot and Salesforce emulators on ports the OS picks, the workspace settings point at them,
// both accounts are connected through the palette commands' input boxes, and "hslist: Refresh schema"
// pulls the schemas into the workspace's .hslist/schema/ and re-checks the files. Neither token may
// appear in the extension's log (on screen or on disk) nor in any workspace file.
// Its own copy of the fixture workspace: the pulled schema must not change what other UI tests see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectAccount, explorerRow, notification, runCommand, sandboxHosts, sandboxWorkspace, statusItem, UI_TIMEOUT, waitForMessage, workbenchPage } from './workbench.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// code-server's state folder (start.sh NAME → .state/NAME): its logs hold the output channels on disk.
const CODE_SERVER_STATE = process.env.E2E_CODE_SERVER_STATE || path.resolve(HERE, '../.state/ui');

// The fixture workspace plus a list using a property only the emulator's portal has, and both hosts' settings.
const ui = workbenchPage({
  name: 'accounts',
  expectFile: 'renewals.hslist',
  prepare: () => sandboxWorkspace('accounts', {
    contacts: 200,
    files: { 'renewals.hslist': 'list "Renewals" {\n  where renewal_date is after 2025-01-01\n}\n' },
    settings: sandboxHosts,
  }),
});

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Polls a condition (the log is flushed to disk by code-server in its own time); no fixed sleep. */
async function eventually(read, what, ms = UI_TIMEOUT) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the poll interval, not a wait for something
  }
}

function editorOf(name) {
  return ui.page.locator(`[data-uri$="/${name}"]`).first();
}

test('before the refresh, a property only the portal has is unknown', async () => {
  await explorerRow(ui.page, 'renewals.hslist').click();
  await statusItem(ui.page, 'hslist: ready').waitFor();
  await editorOf('renewals.hslist').locator('.squiggly-error').first().waitFor();
});

test('connecting HubSpot and Salesforce through the palette input boxes', async () => {
  // Each token is bound to a host: the first box suggests the one the workspace settings name.
  await connectAccount(ui.page, 'Connect HubSpot account', ui.sandbox.env.HSLIST_HUBSPOT_BASE_URL, ui.sandbox.env.HSLIST_HUBSPOT_TOKEN);
  await statusItem(ui.page, 'HubSpot: connected').waitFor();
  // The instance URL box starts with the hslist.salesforce.instanceUrl setting.
  await connectAccount(ui.page, 'Connect Salesforce org', ui.sandbox.env.HSLIST_SF_INSTANCE_URL, ui.sandbox.env.HSLIST_SF_ACCESS_TOKEN);
  await statusItem(ui.page, 'Salesforce: connected').waitFor();
});

test('"hslist: Refresh schema" pulls both schemas, says what it got and re-checks the files', async () => {
  await runCommand(ui.page, 'hslist: Refresh schema');
  const schema = path.join(ui.folder, '.hslist/schema');
  // Waits on what the command does (the files written, the file checked again), not on a toast that a busy
  // machine may show late or that other notifications may push into the notification center.
  await eventually(() => existsSync(path.join(schema, 'lists.json')) && readFileSync(path.join(schema, 'contacts.json'), 'utf8').includes('renewal_date'), 'the schema files');
  const text = await waitForMessage(ui.page, runCommand, 'schema refreshed');
  // The schema pull also catalogues the portal's lists, owners, forms, pages, marketing emails, subscription definitions, deal and ticket properties and association labels.
  const counts = /HubSpot: (\d+) contact properties, (\d+) company properties(?:, \d+ (?:lists?|owners?|forms?|pages?|marketing emails?|subscription definitions?|deal properties|ticket properties|association labels?))*; Salesforce: (\d+) Lead fields, (\d+) Contact fields/.exec(text);
  assert.ok(counts, `unexpected summary: ${text}`);
  const contacts = JSON.parse(readFileSync(path.join(schema, 'contacts.json'), 'utf8'));
  assert.equal(contacts.results.length, Number(counts[1]));
  assert.ok(contacts.results.some((p) => p.name === 'renewal_date'), 'the portal\'s custom property is in contacts.json');
  const lead = JSON.parse(readFileSync(path.join(schema, 'salesforce/lead.json'), 'utf8'));
  assert.equal(JSON.stringify(lead).includes('"Email"'), true, 'lead.json describes the Lead fields');
  // The server reloaded the schema and checked the file again: renewal_date is known now.
  await editorOf('renewals.hslist').locator('.squiggly-error').first().waitFor({ state: 'detached' });
  // The progress notification is gone once the command finished (the screenshot shows the summary).
  await notification(ui.page, 'refreshing the schema').waitFor({ state: 'hidden' });
});

test('neither token is in the extension log, on screen or on disk, nor in any workspace file', async () => {
  const tokens = [ui.sandbox.env.HSLIST_HUBSPOT_TOKEN, ui.sandbox.env.HSLIST_SF_ACCESS_TOKEN];
  await runCommand(ui.page, 'hslist: Show log');
  const log = ui.page.locator('.part.panel .monaco-editor .view-lines', { hasText: /schema\srefreshed/ });
  await log.waitFor();
  const shown = await log.innerText();
  for (const token of tokens) assert.equal(shown.includes(token), false, 'a token is in the Output panel');
  // code-server writes each output channel to <state>/data/logs/…/output_logging_*/N-hslist.log.
  const logFile = await eventually(() => filesUnder(path.join(CODE_SERVER_STATE, 'data/logs'))
    .find((f) => /output_logging_[^/]+\/\d+-hslist\.log$/.test(f) && readFileSync(f, 'utf8').includes('schema refreshed')), 'the hslist output channel log on disk');
  assert.match(readFileSync(logFile, 'utf8'), /HubSpot: \d+ contact properties/);
  const leaks = [...filesUnder(path.join(CODE_SERVER_STATE, 'data/logs')), ...filesUnder(ui.folder)]
    .filter((f) => tokens.some((token) => readFileSync(f, 'utf8').includes(token)));
  assert.deepEqual(leaks, []);
});

test('settings naming another host get no token: a notification says why and offers to connect for that host', async () => {
  // Nothing listens on the discard port: whatever the extension did, no token could be read there,
  // and the request would fail; the point is that it is never made.
  const other = 'http://127.0.0.1:9';
  writeFileSync(path.join(ui.folder, '.vscode/settings.json'), JSON.stringify({ 'hslist.hubspot.baseUrl': other, 'hslist.salesforce.instanceUrl': other }, null, 2));
  await runCommand(ui.page, 'Notifications: Clear All Notifications');
  const offer = ui.page.locator('.notifications-toasts .notification-toast', { hasText: `HubSpot is not connected for ${other}` })
    .filter({ has: ui.page.getByRole('button', { name: `Connect for ${other}` }) }).first();
  // code-server reads the changed settings file in its own time: run the command until the refusal shows.
  for (let attempt = 1; ; attempt++) {
    await runCommand(ui.page, 'hslist: Refresh schema');
    const shown = await offer.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (shown) break;
    if (attempt === 10) throw new Error('no offer to connect for the other host');
  }
  await offer.getByRole('button', { name: `Connect for ${other}` }).click();
  // The offer opens "Connect HubSpot account" for that host; the token connected for the sandbox stays as it is.
  await ui.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect HubSpot account (1/2)' }).waitFor();
  assert.equal(await ui.page.locator('.quick-input-widget input').inputValue(), other);
  await ui.page.keyboard.press('Escape');
  await statusItem(ui.page, 'HubSpot: connected').waitFor();
  // Refresh schema said why it sent nothing (a toast, or, pushed out by the offers, in the notification center).
  // The client refuses before asking the server, or, when a refresh started before the client read the changed
  // settings, the server refuses the token it was handed: either way the message names the other host and
  // says the token did not go there.
  // The offer above may come from the preview asking for the account rather than from the refresh: refresh
  // once more now that the changed settings are surely read, and wait for its refusal.
  await runCommand(ui.page, 'hslist: Refresh schema');
  const said = await waitForMessage(ui.page, runCommand, 'schema not refreshed. HubSpot');
  assert.ok(said.includes(other), `the message names ${other}: ${said}`);
  assert.match(said, /is not connected for http:\/\/127\.0\.0\.1:9|it was not sent there/);
});
