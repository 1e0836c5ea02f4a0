// The live-portal preview as a user sees it (installed .vsix): `hslist sandbox` runs the seeded
// HubSpot emulator, the account is connected through the palette's password box, and the emulator
// is told to answer contact reads slowly. "hslist: Preview from live HubSpot portal" shows the load
// as a notification with Cancel; cancelling leaves no count, and the panel says so with a Reload
// button. Reload without the fault brings the count the emulator itself computes. Then a differently
// defined list published under the same name gives the panel's enter/leave section (screenshot).
// Its own copy of the fixture workspace: the settings and the cache must not change other UI tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { connectAccount, cursorOnLine, notification, previewPanel, quickOpen, REPO, runCommand, sandboxWorkspace, screenshot, statusItem, workbenchPage } from './workbench.mjs';

const require = createRequire(import.meta.url);
const { portal } = require('../fixtures/sandbox.cjs');
const LIST = 'Live customers';
const FILE = 'live.hslist';
const listText = (stages) => `list "${LIST}" {\n  where email is known\n    and lifecyclestage is any of (${stages})\n}\n`;
const fmt = (n) => n.toLocaleString('en-US');

const ui = workbenchPage({
  name: 'live',
  expectFile: FILE,
  prepare: async () => {
    const prepared = await sandboxWorkspace('live', { files: { [FILE]: listText('customer, opportunity') } });
    return { ...prepared, hubspot: portal(prepared.sandbox.env) };
  },
});

/** The Lists API create request for a list text, compiled by the CLI (the emulator evaluates it on its own). */
function compile(text) {
  const dir = path.join(os.tmpdir(), `hslist-ui-live-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, FILE), text);
  return JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin/hslist.js'), 'compile', path.join(dir, FILE)], { encoding: 'utf8' }))[0];
}

/** Focus back in the editor, cursor in the list (F1 from inside the webview may not reach the workbench). */
const cursorInList = () => cursorOnLine(ui.page, ui.folder, FILE, 'where email is known');
const panel = () => previewPanel(ui.page);
const countLens = () => ui.page.locator('.monaco-editor .codelens-decoration', { hasText: `of ${fmt(ui.sandbox.contacts)} contacts` }).first();

test('connecting HubSpot through the palette', async () => {
  await quickOpen(ui.page, FILE);
  await statusItem(ui.page, 'hslist: ready').waitFor();
  // The host step suggests the workspace's hslist.hubspot.baseUrl: the sandbox's loopback URL.
  await connectAccount(ui.page, 'Connect HubSpot account', ui.sandbox.env.HSLIST_HUBSPOT_BASE_URL, ui.sandbox.env.HSLIST_HUBSPOT_TOKEN);
  await statusItem(ui.page, 'HubSpot: connected').waitFor();
});

test('a slow portal: the load shows as a notification with Cancel, and cancelling leaves no count', async () => {
  await ui.hubspot.faults.add({ type: 'delay', ms: 15000, count: 3, path: '/crm/v3/objects/contacts' });
  await runCommand(ui.page, 'hslist: Preview from live HubSpot portal');
  const toast = ui.page.locator('.notifications-toasts .notification-toast', { hasText: 'loading contacts from HubSpot' }).first();
  await toast.waitFor();
  await toast.getByRole('button', { name: 'Cancel' }).click();
  await toast.waitFor({ state: 'hidden' });
  await cursorInList();
  await runCommand(ui.page, 'hslist: Open preview panel');
  const frame = panel();
  await frame.locator('#cancelled:not([hidden])').waitFor();
  await frame.locator('#list-name', { hasText: LIST }).waitFor();
  await frame.locator('#cancelled-text', { hasText: 'was cancelled' }).waitFor();
  await frame.locator('#reload', { hasText: 'Reload' }).waitFor();
  assert.equal(await countLens().count(), 0, 'a count lens after a cancelled load');
});

test('Reload without the fault: the count is the one the emulator computes', async () => {
  await ui.hubspot.faults.clear();
  const expected = await ui.hubspot.evaluate(compile(listText('customer, opportunity')), `${LIST} (expected)`);
  await panel().locator('#reload').click();
  await ui.page.locator('.monaco-editor .codelens-decoration', { hasText: `${fmt(expected.length)} of ${fmt(ui.sandbox.contacts)} contacts` }).first().waitFor();
  await panel().locator('#cancelled').waitFor({ state: 'hidden' });
  await panel().locator('#source', { hasText: /^Data: HubSpot \(127\.0\.0\.1:\d+\)/ }).waitFor();
});

test('published under the same name with other stages: the panel shows who would enter and leave', async () => {
  const published = compile(listText('customer, evangelist'));
  const listId = await ui.hubspot.publish(published);
  const members = new Set(await ui.hubspot.members(listId));
  const now = new Set(await ui.hubspot.evaluate(compile(listText('customer, opportunity')), `${LIST} (expected now)`));
  const enter = [...now].filter((id) => !members.has(id)).length;
  const leave = [...members].filter((id) => !now.has(id)).length;
  await cursorInList();
  await runCommand(ui.page, 'hslist: Reload preview contact data');
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
  await runCommand(ui.page, 'View: Close Primary Side Bar');
  await ui.page.mouse.move(1300, 880);
  await screenshot(ui.page, 'preview-panel-enter-leave');
});
