// UI tests through the real workbench: the installed .vsix, as a user sees it.
//   CODE_SERVER_URL=http://127.0.0.1:8123 E2E_WORKSPACE=/abs/ws node --test ui/
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { notification, openWorkbench, quickOpen, runCommand, screenshot, statusItem } from './workbench.mjs';

let browser;
let page;

before(async () => {
  ({ browser, page } = await openWorkbench('broken.hslist'));
});

afterEach(async (t) => {
  await screenshot(page, `ui-${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
});

after(async () => {
  await browser?.close();
});

test('opening an .hslist file sets the language mode and starts the server', async () => {
  await quickOpen(page, 'broken.hslist');
  // The language mode item shows the language's first alias.
  await statusItem(page, /^hslist$/).waitFor();
  await statusItem(page, 'hslist: ready').waitFor();
});

test('the status bar item shows both accounts as not connected', async () => {
  const text = await statusItem(page, 'hslist: ready').innerText();
  assert.match(text, /HubSpot: none/);
  assert.match(text, /Salesforce: none/);
});

test('the syntax error is squiggled in the editor and listed in Problems', async () => {
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  await runCommand(page, 'View: Focus Problems');
  const file = page.locator('.markers-panel .monaco-list-row', { hasText: 'broken.hslist' }).first();
  await file.waitFor();
  // A marker row shows "message  source(code)  [Ln, Col]".
  const marker = page.locator('.markers-panel .monaco-list-row', { hasText: /hslist\([a-z-]+\)/ }).first();
  await marker.waitFor();
  assert.match(await marker.innerText(), /Ln 6/);
});

test('a palette command restarts the server, and the log says so', async () => {
  await runCommand(page, 'hslist: Restart language server');
  await statusItem(page, 'hslist: ready').waitFor();
  await runCommand(page, 'hslist: Show log');
  const output = page.locator('.part.panel .monaco-editor .view-lines', { hasText: 'restarting the language server' });
  await output.waitFor();
});

test('connecting HubSpot stores the token secretly and updates the status bar', async () => {
  const token = 'pat-e2e-secret-token';
  await runCommand(page, 'hslist: Connect HubSpot account');
  const input = page.locator('.quick-input-widget input[type="password"]');
  await input.waitFor();
  await input.fill(token);
  await page.keyboard.press('Enter');
  await statusItem(page, 'HubSpot: connected').waitFor();
  await notification(page, 'HubSpot account connected').waitFor();
  await runCommand(page, 'hslist: Show log');
  const log = page.locator('.part.panel .monaco-editor .view-lines');
  await log.filter({ hasText: 'HubSpot account connected' }).waitFor();
  assert.doesNotMatch(await log.innerText(), new RegExp(token));
  await runCommand(page, 'hslist: Disconnect accounts');
  await statusItem(page, 'HubSpot: none').waitFor();
});
