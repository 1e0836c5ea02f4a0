// Publishing as a user does it (installed .vsix): `hslist sandbox` runs the seeded HubSpot emulator, the
// account is connected through the palette's password box, and the "HubSpot lists" view in the Explorer
// shows each list's state. "hslist: Apply" asks in a modal dialog (clicked here), shows its progress as a
// notification with Cancel while the emulator answers slowly, and the view's rows and the code lenses turn
// to "in sync" with the ids the emulator gave. "hslist: Plan" opens the plan; "hslist: Pull lists…" picks a
// portal list in a multi-select quick pick, writes it to the workspace root and opens it, free of errors.
// Its own copy of the fixture workspace: what is published and pulled must not change other UI tests.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, workbenchUrl } from '../lib/browser.mjs';
import { explorerRow, quickOpen, runCommand, screenshot, SERVER, statusItem, WORKSPACE } from './workbench.mjs';

const require = createRequire(import.meta.url);
const { portal, startSandbox } = require('../fixtures/sandbox.cjs');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const FOLDER = `${WORKSPACE}-publish`;
const UI_TIMEOUT = Number(process.env.E2E_UI_TIMEOUT || 60_000);
const LIST = 'Qualified for Salesforce';

let sandbox;
let hubspot;
let browser;
let page;

/** The "HubSpot lists" pane of the Explorer, and one of its rows. */
const pane = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'HubSpot lists' }) });
const viewRow = (label, text) => pane().locator('.monaco-list-row', { hasText: label }).filter({ hasText: text }).first();
const lens = (text) => page.locator('.monaco-editor .codelens-decoration', { hasText: text }).first();
const idOf = async (name) => String((await hubspot.call('GET', `/crm/v3/lists/object-type-id/0-1/name/${encodeURIComponent(name)}`)).list.listId);

before(async () => {
  sandbox = await startSandbox(REPO, 300, UI_TIMEOUT);
  hubspot = portal(sandbox.env);
  rmSync(FOLDER, { recursive: true, force: true });
  cpSync(path.resolve(HERE, '../fixtures/workspace'), FOLDER, { recursive: true });
  mkdirSync(path.join(FOLDER, '.vscode'), { recursive: true });
  writeFileSync(path.join(FOLDER, '.vscode/settings.json'), JSON.stringify({ 'hslist.hubspot.baseUrl': sandbox.env.HSLIST_HUBSPOT_BASE_URL }, null, 2));
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(workbenchUrl(SERVER, FOLDER));
  await explorerRow(page, 'valid.hslist').waitFor();
});

afterEach(async (t) => {
  await screenshot(page, `ui-publish-${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

test('the HubSpot lists view asks for an account, then shows each list not published', async () => {
  await quickOpen(page, 'valid.hslist');
  await statusItem(page, 'hslist: ready').waitFor();
  const header = pane().locator('.pane-header');
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  // The folder's tree collapsed, so the view has room for every row (a list only renders rows in sight).
  const folders = page.locator('.pane', { has: page.locator('.explorer-folders-view') }).locator('.pane-header');
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  await pane().getByText('HubSpot is not connected for', { exact: false }).waitFor();
  await runCommand(page, 'hslist: Connect HubSpot account');
  // The token is bound to a host: the first box suggests the one the workspace settings name.
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect HubSpot account (1/2)' }).waitFor();
  assert.equal(await page.locator('.quick-input-widget input').inputValue(), sandbox.env.HSLIST_HUBSPOT_BASE_URL);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect HubSpot account (2/2)' }).waitFor();
  await page.locator('.quick-input-widget input[type="password"]').fill(sandbox.env.HSLIST_HUBSPOT_TOKEN);
  await page.keyboard.press('Enter');
  await viewRow(LIST, 'not published').waitFor();
  await viewRow('Broken', 'blocked').waitFor();
  await viewRow('In the portal but not in code', '').waitFor();
  await lens('not published').waitFor();
});

test('Apply asks in a modal, shows its progress, and the rows and lenses turn to "in sync"', async () => {
  await runCommand(page, 'hslist: Apply');
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'changes to HubSpot portal 4242001' });
  await dialog.waitFor();
  await dialog.getByText('Create', { exact: false }).first().waitFor();
  // The emulator answers the apply's reads slowly, so its progress notification is there to see.
  await hubspot.faults.add({ type: 'delay', ms: 3000, count: 2, method: 'POST', path: '/crm/v3/lists/search' });
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  const progress = page.locator('.notifications-toasts .notification-toast', { hasText: 'hslist: applying to HubSpot' }).first();
  await progress.waitFor();
  assert.equal(await progress.getByRole('button', { name: 'Cancel' }).count(), 1, 'the progress can be cancelled');
  await viewRow(LIST, 'in sync').waitFor();
  const id = await idOf(LIST);
  await viewRow(LIST, `published #${id} · in sync`).waitFor();
  await viewRow('Ready for sales', 'in sync').waitFor();
  await lens(`published #${id} · in sync`).waitFor();
  await screenshot(page, 'publish-view-in-sync');
});

test('hslist: Plan opens the plan', async () => {
  await runCommand(page, 'hslist: Plan');
  await page.locator('.tab', { hasText: 'hslist-plan.md' }).first().waitFor();
  await page.locator('.monaco-editor .view-line', { hasText: '# hslist plan' }).first().waitFor();
  await page.locator('.monaco-editor .view-line', { hasText: 'Plan: 0 to create' }).first().waitFor();
});

test('Pull lists… writes a picked portal list to the workspace root and opens it, free of errors', async () => {
  await runCommand(page, 'hslist: Pull lists…');
  const picker = page.locator('.quick-input-widget');
  await picker.locator('.quick-input-title', { hasText: 'Pull lists from HubSpot' }).waitFor();
  const first = picker.locator('.quick-input-list .monaco-list-row').first();
  await first.waitFor();
  const name = (await first.locator('.label-name').first().innerText()).trim();
  await first.click();
  await picker.locator('.quick-input-count', { hasText: '1 Selected' }).waitFor();
  await page.keyboard.press('Enter');
  await picker.locator('.quick-input-title', { hasText: 'Where should the .hslist files go?' }).waitFor();
  await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Workspace root' }).first().click();
  const file = `${name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}.hslist`;
  await page.locator('.tab', { hasText: file }).first().waitFor();
  assert.ok(existsSync(path.join(FOLDER, file)), `${file} written to the workspace root`);
  const id = await idOf(name);
  await viewRow(name, `published #${id} · in sync`).waitFor();
  await lens(`published #${id} · in sync`).waitFor();
  assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 0, 'the pulled file has no error');
});
