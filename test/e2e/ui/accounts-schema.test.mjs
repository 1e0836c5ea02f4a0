// "Refresh schema" end to end through the workbench (the installed .vsix): `hslist sandbox` starts the
// seeded HubSpot and Salesforce emulators on ports the OS picks, the workspace settings point at them,
// both accounts are connected through the palette commands' input boxes, and "hslist: Refresh schema"
// pulls the schemas into the workspace's .hslist/schema/ and re-checks the files. Neither token may
// appear in the extension's log (on screen or on disk) nor in any workspace file.
// Its own copy of the fixture workspace: the pulled schema must not change what other UI tests see.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, workbenchUrl } from '../lib/browser.mjs';
import { explorerRow, notification, runCommand, screenshot, SERVER, statusItem, WORKSPACE, waitForMessage } from './workbench.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../fixtures/sandbox.cjs');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const FOLDER = `${WORKSPACE}-accounts`;
// code-server's state folder (start.sh NAME → .state/NAME): its logs hold the output channels on disk.
const CODE_SERVER_STATE = process.env.E2E_CODE_SERVER_STATE || path.resolve(HERE, '../.state/ui');
const UI_TIMEOUT = Number(process.env.E2E_UI_TIMEOUT || 60_000);

let sandbox;
let browser;
let page;


/** The fixture workspace plus a list using a property only the emulator's portal has, and the URL settings. */
function prepareWorkspace(env) {
  rmSync(FOLDER, { recursive: true, force: true });
  cpSync(path.resolve(HERE, '../fixtures/workspace'), FOLDER, { recursive: true });
  writeFileSync(path.join(FOLDER, 'renewals.hslist'), 'list "Renewals" {\n  where renewal_date is after 2025-01-01\n}\n');
  mkdirSync(path.join(FOLDER, '.vscode'), { recursive: true });
  writeFileSync(path.join(FOLDER, '.vscode/settings.json'), JSON.stringify({
    'hslist.hubspot.baseUrl': env.HSLIST_HUBSPOT_BASE_URL,
    'hslist.salesforce.instanceUrl': env.HSLIST_SF_INSTANCE_URL,
  }, null, 2));
}

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
  return page.locator(`[data-uri$="/${name}"]`).first();
}

async function fillPassword(title, secret) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  const input = page.locator('.quick-input-widget input[type="password"]');
  await input.waitFor();
  await input.fill(secret);
  await page.keyboard.press('Enter');
}

before(async () => {
  sandbox = await startSandbox(REPO, 200, UI_TIMEOUT);
  prepareWorkspace(sandbox.env);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(workbenchUrl(SERVER, FOLDER));
  await explorerRow(page, 'renewals.hslist').waitFor();
});

afterEach(async (t) => {
  await screenshot(page, `ui-accounts-${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
});

after(async () => {
  await browser?.close();
  if (sandbox) {
    await sandbox.stop();
  }
});

test('before the refresh, a property only the portal has is unknown', async () => {
  await explorerRow(page, 'renewals.hslist').click();
  await statusItem(page, 'hslist: ready').waitFor();
  await editorOf('renewals.hslist').locator('.squiggly-error').first().waitFor();
});

test('connecting HubSpot and Salesforce through the palette input boxes', async () => {
  await runCommand(page, 'hslist: Connect HubSpot account');
  // Each token is bound to a host: the first box suggests the one the workspace settings name.
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect HubSpot account (1/2)' }).waitFor();
  assert.equal(await page.locator('.quick-input-widget input').inputValue(), sandbox.env.HSLIST_HUBSPOT_BASE_URL);
  await page.keyboard.press('Enter');
  await fillPassword('Connect HubSpot account (2/2)', sandbox.env.HSLIST_HUBSPOT_TOKEN);
  await statusItem(page, 'HubSpot: connected').waitFor();
  await runCommand(page, 'hslist: Connect Salesforce org');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect Salesforce org (1/2)' }).waitFor();
  // The instance URL box starts with the hslist.salesforce.instanceUrl setting.
  assert.equal(await page.locator('.quick-input-widget input').inputValue(), sandbox.env.HSLIST_SF_INSTANCE_URL);
  await page.keyboard.press('Enter');
  await fillPassword('Connect Salesforce org (2/2)', sandbox.env.HSLIST_SF_ACCESS_TOKEN);
  await statusItem(page, 'Salesforce: connected').waitFor();
});

test('"hslist: Refresh schema" pulls both schemas, says what it got and re-checks the files', async () => {
  await runCommand(page, 'hslist: Refresh schema');
  const schema = path.join(FOLDER, '.hslist/schema');
  // Waits on what the command does (the files written, the file checked again), not on a toast that a busy
  // machine may show late or that other notifications may push into the notification center.
  await eventually(() => existsSync(path.join(schema, 'lists.json')) && readFileSync(path.join(schema, 'contacts.json'), 'utf8').includes('renewal_date'), 'the schema files');
  const text = await waitForMessage(page, runCommand, 'schema refreshed');
  // Since the schema pull also catalogues the portal's lists and owners, HubSpot's part may end with "N lists, M owners".
  const counts = /HubSpot: (\d+) contact properties, (\d+) company properties(?:, \d+ lists?)?(?:, \d+ owners?)?; Salesforce: (\d+) Lead fields, (\d+) Contact fields/.exec(text);
  assert.ok(counts, `unexpected summary: ${text}`);
  const contacts = JSON.parse(readFileSync(path.join(schema, 'contacts.json'), 'utf8'));
  assert.equal(contacts.results.length, Number(counts[1]));
  assert.ok(contacts.results.some((p) => p.name === 'renewal_date'), 'the portal\'s custom property is in contacts.json');
  const lead = JSON.parse(readFileSync(path.join(schema, 'salesforce/lead.json'), 'utf8'));
  assert.equal(JSON.stringify(lead).includes('"Email"'), true, 'lead.json describes the Lead fields');
  // The server reloaded the schema and checked the file again: renewal_date is known now.
  await editorOf('renewals.hslist').locator('.squiggly-error').first().waitFor({ state: 'detached' });
  // The progress notification is gone once the command finished (the screenshot shows the summary).
  await notification(page, 'refreshing the schema').waitFor({ state: 'hidden' });
});

test('neither token is in the extension log, on screen or on disk, nor in any workspace file', async () => {
  const tokens = [sandbox.env.HSLIST_HUBSPOT_TOKEN, sandbox.env.HSLIST_SF_ACCESS_TOKEN];
  await runCommand(page, 'hslist: Show log');
  const log = page.locator('.part.panel .monaco-editor .view-lines', { hasText: /schema\srefreshed/ });
  await log.waitFor();
  const shown = await log.innerText();
  for (const token of tokens) assert.equal(shown.includes(token), false, 'a token is in the Output panel');
  // code-server writes each output channel to <state>/data/logs/…/output_logging_*/N-hslist.log.
  const logFile = await eventually(() => filesUnder(path.join(CODE_SERVER_STATE, 'data/logs'))
    .find((f) => /output_logging_[^/]+\/\d+-hslist\.log$/.test(f) && readFileSync(f, 'utf8').includes('schema refreshed')), 'the hslist output channel log on disk');
  assert.match(readFileSync(logFile, 'utf8'), /HubSpot: \d+ contact properties/);
  const leaks = [...filesUnder(path.join(CODE_SERVER_STATE, 'data/logs')), ...filesUnder(FOLDER)]
    .filter((f) => tokens.some((token) => readFileSync(f, 'utf8').includes(token)));
  assert.deepEqual(leaks, []);
});

test('settings naming another host get no token: a notification says why and offers to connect for that host', async () => {
  // Nothing listens on the discard port: whatever the extension did, no token could be read there,
  // and the request would fail; the point is that it is never made.
  const other = 'http://127.0.0.1:9';
  writeFileSync(path.join(FOLDER, '.vscode/settings.json'), JSON.stringify({ 'hslist.hubspot.baseUrl': other, 'hslist.salesforce.instanceUrl': other }, null, 2));
  await runCommand(page, 'Notifications: Clear All Notifications');
  const offer = page.locator('.notifications-toasts .notification-toast', { hasText: `HubSpot is not connected for ${other}` })
    .filter({ has: page.getByRole('button', { name: `Connect for ${other}` }) }).first();
  // code-server reads the changed settings file in its own time: run the command until the refusal shows.
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'hslist: Refresh schema');
    const shown = await offer.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (shown) break;
    if (attempt === 10) throw new Error('no offer to connect for the other host');
  }
  await offer.getByRole('button', { name: `Connect for ${other}` }).click();
  // The offer opens "Connect HubSpot account" for that host; the token connected for the sandbox stays as it is.
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect HubSpot account (1/2)' }).waitFor();
  assert.equal(await page.locator('.quick-input-widget input').inputValue(), other);
  await page.keyboard.press('Escape');
  await statusItem(page, 'HubSpot: connected').waitFor();
  // Refresh schema said why it sent nothing (a toast, or, pushed out by the offers, in the notification center).
  await waitForMessage(page, runCommand, `schema not refreshed. HubSpot is not connected for ${other}`);
});
