// The live-portal preview as a user sees it (installed .vsix): `hslist sandbox` runs the seeded
// HubSpot emulator, the account is connected through the palette's password box, and the emulator
// is told to answer contact reads slowly. "hslist: Preview from live HubSpot portal" shows the load
// as a notification with Cancel; cancelling leaves no count, and the panel says so with a Reload
// button. Reload without the fault brings the count the emulator itself computes. Then a differently
// defined list published under the same name gives the panel's enter/leave section (screenshot).
// Its own copy of the fixture workspace: the settings and the cache must not change other UI tests.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, workbenchUrl } from '../lib/browser.mjs';
import { explorerRow, notification, quickOpen, runCommand, screenshot, SERVER, statusItem, WORKSPACE } from './workbench.mjs';

const require = createRequire(import.meta.url);
const { portal, startSandbox } = require('../fixtures/sandbox.cjs');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const FOLDER = `${WORKSPACE}-live`;
const UI_TIMEOUT = Number(process.env.E2E_UI_TIMEOUT || 60_000);
const LIST = 'Live customers';
const FILE = 'live.hslist';
const listText = (stages) => `list "${LIST}" {\n  where email is known\n    and lifecyclestage is any of (${stages})\n}\n`;
const fmt = (n) => n.toLocaleString('en-US');

let sandbox;
let hubspot;
let browser;
let page;

/** The Lists API create request for a list text, compiled by the CLI (the emulator evaluates it on its own). */
function compile(text) {
  const dir = path.join(os.tmpdir(), `hslist-ui-live-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, FILE), text);
  return JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin/hslist.js'), 'compile', path.join(dir, FILE)], { encoding: 'utf8' }))[0];
}

/** Focus back in the editor, cursor in the list (F1 from inside the webview may not reach the workbench). */
const cursorInList = () => page.locator('.monaco-editor .view-line', { hasText: 'where email is known' }).first().click({ position: { x: 4, y: 6 } });
const panel = () => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
const countLens = () => page.locator('.monaco-editor .codelens-decoration', { hasText: `of ${fmt(sandbox.contacts)} contacts` }).first();

before(async () => {
  sandbox = await startSandbox(REPO, 300, UI_TIMEOUT);
  hubspot = portal(sandbox.env);
  rmSync(FOLDER, { recursive: true, force: true });
  cpSync(path.resolve(HERE, '../fixtures/workspace'), FOLDER, { recursive: true });
  writeFileSync(path.join(FOLDER, FILE), listText('customer, opportunity'));
  mkdirSync(path.join(FOLDER, '.vscode'), { recursive: true });
  writeFileSync(path.join(FOLDER, '.vscode/settings.json'), JSON.stringify({ 'hslist.hubspot.baseUrl': sandbox.env.HSLIST_HUBSPOT_BASE_URL }, null, 2));
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(workbenchUrl(SERVER, FOLDER));
  await explorerRow(page, FILE).waitFor();
});

afterEach(async (t) => {
  await screenshot(page, `ui-live-${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

test('connecting HubSpot through the palette', async () => {
  await quickOpen(page, FILE);
  await statusItem(page, 'hslist: ready').waitFor();
  await runCommand(page, 'hslist: Connect HubSpot account');
  // The host step suggests the workspace's hslist.hubspot.baseUrl: the sandbox's loopback URL.
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect HubSpot account (1/2)' }).waitFor();
  assert.equal(await page.locator('.quick-input-widget input').inputValue(), sandbox.env.HSLIST_HUBSPOT_BASE_URL);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect HubSpot account (2/2)' }).waitFor();
  await page.locator('.quick-input-widget input[type="password"]').fill(sandbox.env.HSLIST_HUBSPOT_TOKEN);
  await page.keyboard.press('Enter');
  await statusItem(page, 'HubSpot: connected').waitFor();
});

test('a slow portal: the load shows as a notification with Cancel, and cancelling leaves no count', async () => {
  await hubspot.faults.add({ type: 'delay', ms: 15000, count: 3, path: '/crm/v3/objects/contacts' });
  await runCommand(page, 'hslist: Preview from live HubSpot portal');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'loading contacts from HubSpot' }).first();
  await toast.waitFor();
  await toast.getByRole('button', { name: 'Cancel' }).click();
  await toast.waitFor({ state: 'hidden' });
  await cursorInList();
  await runCommand(page, 'hslist: Open preview panel');
  const frame = panel();
  await frame.locator('#cancelled:not([hidden])').waitFor();
  await frame.locator('#list-name', { hasText: LIST }).waitFor();
  await frame.locator('#cancelled-text', { hasText: 'was cancelled' }).waitFor();
  await frame.locator('#reload', { hasText: 'Reload' }).waitFor();
  assert.equal(await countLens().count(), 0, 'a count lens after a cancelled load');
});

test('Reload without the fault: the count is the one the emulator computes', async () => {
  await hubspot.faults.clear();
  const expected = await hubspot.evaluate(compile(listText('customer, opportunity')), `${LIST} (expected)`);
  await panel().locator('#reload').click();
  await page.locator('.monaco-editor .codelens-decoration', { hasText: `${fmt(expected.length)} of ${fmt(sandbox.contacts)} contacts` }).first().waitFor();
  await panel().locator('#cancelled').waitFor({ state: 'hidden' });
  await panel().locator('#source', { hasText: /^Data: HubSpot \(127\.0\.0\.1:\d+\)/ }).waitFor();
});

test('published under the same name with other stages: the panel shows who would enter and leave', async () => {
  const published = compile(listText('customer, evangelist'));
  const listId = await hubspot.publish(published);
  const members = new Set(await hubspot.members(listId));
  const now = new Set(await hubspot.evaluate(compile(listText('customer, opportunity')), `${LIST} (expected now)`));
  const enter = [...now].filter((id) => !members.has(id)).length;
  const leave = [...members].filter((id) => !now.has(id)).length;
  await cursorInList();
  await runCommand(page, 'hslist: Reload preview contact data');
  const frame = panel();
  await frame.locator('#published-heading', { hasText: `Compared with the published list #${listId} (${fmt(members.size)} members` }).waitFor();
  await frame.locator('#published-lines li.enter', { hasText: `+${fmt(enter)} would enter` }).waitFor();
  await frame.locator('#published-lines li.leave', { hasText: `−${fmt(leave)} would leave` }).waitFor();
  await frame.locator('#view-leave').click();
  assert.ok(leave > 0, 'the published list has members the preview drops');
  await frame.locator('#status', { hasText: `${fmt(leave)} would leave` }).waitFor();
  await frame.locator(`.rows .row[aria-rowindex="${leave}"]`).waitFor();
  assert.equal(await frame.locator(`.rows .row[aria-rowindex="${leave + 1}"]`).count(), 0);
  await cursorInList();
  await runCommand(page, 'View: Close Primary Side Bar');
  await page.mouse.move(1300, 880);
  await screenshot(page, 'preview-panel-enter-leave');
});
