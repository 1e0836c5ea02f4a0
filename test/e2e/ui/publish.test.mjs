// Publishing as a user does it (installed .vsix): `hslist sandbox` runs the seeded HubSpot emulator, the
// account is connected through the palette's password box, and the "HubSpot lists" view in the Explorer
// shows each list's state. "hslist: Apply" asks in a modal dialog (clicked here), shows its progress as a
// notification with Cancel while the emulator answers slowly, and the view's rows and the code lenses turn
// to "in sync" with the ids the emulator gave. "hslist: Plan" opens the plan; "hslist: Pull lists…" picks a
// portal list in a multi-select quick pick, writes it to the workspace root and opens it, free of errors.
// Its own copy of the fixture workspace: what is published and pulled must not change other UI tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { connectAccount, quickOpen, runCommand, sandboxWorkspace, screenshot, statusItem, workbenchPage } from './workbench.mjs';

const require = createRequire(import.meta.url);
const { portal } = require('../fixtures/sandbox.cjs');
const LIST = 'Qualified for Salesforce';

const ui = workbenchPage({
  name: 'publish',
  expectFile: 'valid.hslist',
  viewport: { width: 1400, height: 1000 },
  prepare: async () => {
    const prepared = await sandboxWorkspace('publish');
    return { ...prepared, hubspot: portal(prepared.sandbox.env) };
  },
});

/** The "HubSpot lists" pane of the Explorer, and one of its rows. */
const pane = () => ui.page.locator('.pane', { has: ui.page.locator('.pane-header', { hasText: 'HubSpot lists' }) });
const viewRow = (label, text) => pane().locator('.monaco-list-row', { hasText: label }).filter({ hasText: text }).first();
const lens = (text) => ui.page.locator('.monaco-editor .codelens-decoration', { hasText: text }).first();
const idOf = async (name) => String((await ui.hubspot.call('GET', `/crm/v3/lists/object-type-id/0-1/name/${encodeURIComponent(name)}`)).list.listId);

test('the HubSpot lists view asks for an account, then shows each list not published', async () => {
  await quickOpen(ui.page, 'valid.hslist');
  await statusItem(ui.page, 'hslist: ready').waitFor();
  const header = pane().locator('.pane-header');
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  // The folder's tree collapsed, so the view has room for every row (a list only renders rows in sight).
  const folders = ui.page.locator('.pane', { has: ui.page.locator('.explorer-folders-view') }).locator('.pane-header');
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  await pane().getByText('HubSpot is not connected for', { exact: false }).waitFor();
  // The token is bound to a host: the first box suggests the one the workspace settings name.
  await connectAccount(ui.page, 'Connect HubSpot account', ui.sandbox.env.HSLIST_HUBSPOT_BASE_URL, ui.sandbox.env.HSLIST_HUBSPOT_TOKEN);
  await viewRow(LIST, 'not published').waitFor();
  await viewRow('Broken', 'blocked').waitFor();
  await viewRow('In the portal but not in code', '').waitFor();
  await lens('not published').waitFor();
});

test('Apply asks in a modal, shows its progress, and the rows and lenses turn to "in sync"', async () => {
  await runCommand(ui.page, 'hslist: Apply');
  const dialog = ui.page.locator('.monaco-dialog-box', { hasText: 'changes to HubSpot portal 4242001' });
  await dialog.waitFor();
  await dialog.getByText('Create', { exact: false }).first().waitFor();
  // The emulator answers the apply's reads slowly, so its progress notification is there to see.
  await ui.hubspot.faults.add({ type: 'delay', ms: 3000, count: 2, method: 'POST', path: '/crm/v3/lists/search' });
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  const progress = ui.page.locator('.notifications-toasts .notification-toast', { hasText: 'hslist: applying to HubSpot' }).first();
  await progress.waitFor();
  assert.equal(await progress.getByRole('button', { name: 'Cancel' }).count(), 1, 'the progress can be cancelled');
  await viewRow(LIST, 'in sync').waitFor();
  const id = await idOf(LIST);
  await viewRow(LIST, `published #${id} · in sync`).waitFor();
  await viewRow('Ready for sales', 'in sync').waitFor();
  await lens(`published #${id} · in sync`).waitFor();
  await screenshot(ui.page, 'publish-view-in-sync');
});

test('hslist: Plan opens the plan', async () => {
  await runCommand(ui.page, 'hslist: Plan');
  await ui.page.locator('.tab', { hasText: 'hslist-plan.md' }).first().waitFor();
  await ui.page.locator('.monaco-editor .view-line', { hasText: '# hslist plan' }).first().waitFor();
  await ui.page.locator('.monaco-editor .view-line', { hasText: 'Plan: 0 to create' }).first().waitFor();
});

test('Pull lists… writes a picked portal list to the workspace root and opens it, free of errors', async () => {
  await runCommand(ui.page, 'hslist: Pull lists…');
  const picker = ui.page.locator('.quick-input-widget');
  await picker.locator('.quick-input-title', { hasText: 'Pull lists from HubSpot' }).waitFor();
  const first = picker.locator('.quick-input-list .monaco-list-row').first();
  await first.waitFor();
  const name = (await first.locator('.label-name').first().innerText()).trim();
  await first.click();
  await picker.locator('.quick-input-count', { hasText: '1 Selected' }).waitFor();
  await ui.page.keyboard.press('Enter');
  await picker.locator('.quick-input-title', { hasText: 'Where should the .hslist files go?' }).waitFor();
  await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Workspace root' }).first().click();
  const file = `${name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}.hslist`;
  await ui.page.locator('.tab', { hasText: file }).first().waitFor();
  assert.ok(existsSync(path.join(ui.folder, file)), `${file} written to the workspace root`);
  const id = await idOf(name);
  await viewRow(name, `published #${id} · in sync`).waitFor();
  await lens(`published #${id} · in sync`).waitFor();
  assert.equal(await ui.page.locator('.monaco-editor .squiggly-error').count(), 0, 'the pulled file has no error');
});
