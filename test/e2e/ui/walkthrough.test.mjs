// The Getting Started walkthrough as a newcomer meets it (installed .vsix): an empty folder whose
// settings name the `hslist sandbox` HubSpot, "Welcome: Open Walkthrough…" → "Get started with hslist",
// and each step's action run from its button or the palette. A step is checked only once its action
// succeeded (Refresh schema without an account leaves its step open), and the five end checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { answerConnect, cursorOnLine, explorerRow, previewPanel, runCommand, sandboxWorkspace, statusItem, waitForMessage, workbenchPage } from './workbench.mjs';

const WALKTHROUGH = 'hslist.hslist#gettingStarted';
const STEPS = ['workspace', 'connect', 'schema', 'preview', 'publish'];
const TITLES = ['Open or create a workspace', 'Connect your accounts or the sandbox', 'Refresh the schema', 'Preview who is in a list', 'Plan and publish'];

const ui = workbenchPage({
  name: 'walkthrough',
  expectFile: '.vscode',
  prepare: () => sandboxWorkspace('walkthrough', { fixture: false, contacts: 300 }),
});

const step = (id) => ui.page.locator(`.getting-started-step[data-step-id="${WALKTHROUGH}#${id}"]`);

/** Back to the walkthrough's tab (an action may have opened an editor over it). */
async function showWalkthrough() {
  await ui.page.locator('.tab', { hasText: 'Walkthrough: hslist' }).first().click();
  await step('workspace').waitFor();
}

/** Which steps are checked, in order. */
async function checked() {
  await showWalkthrough();
  return Promise.all(STEPS.map(async (id) => (await step(id).getAttribute('aria-checked')) === 'true'));
}

/** Waits until exactly the first `n` steps are checked (the walkthrough updates when the context key changes). */
async function untilChecked(n) {
  const want = STEPS.map((_, i) => i < n);
  await showWalkthrough();
  for (const [i, id] of STEPS.entries()) await step(id).and(ui.page.locator(`[aria-checked="${want[i]}"]`)).waitFor();
  assert.deepEqual(await checked(), want);
}

/** Expands a step and clicks one of its buttons. */
async function clickInStep(id, button) {
  await showWalkthrough();
  if ((await step(id).getAttribute('aria-expanded')) !== 'true') await step(id).locator('.step-title').click();
  await step(id).getByRole('button', { name: button, exact: true }).click();
}

test('opens from the palette with the five steps of a first hour, none done', async () => {
  await runCommand(ui.page, 'Welcome: Open Walkthrough');
  await ui.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with hslist' }).first().click();
  await step('workspace').waitFor();
  const titles = await ui.page.locator(`.getting-started-step[data-step-id^="${WALKTHROUGH}#"] .step-title`).allInnerTexts();
  assert.deepEqual(titles.map((t) => t.trim()), TITLES);
  assert.deepEqual(await checked(), [false, false, false, false, false]);
});

test('"Create a workspace here" writes hslist.json and a first list, opens it, and checks the first step', async () => {
  await clickInStep('workspace', 'Create a workspace here');
  await ui.page.locator('.tab', { hasText: 'lists.hslist' }).waitFor();
  assert.deepEqual(JSON.parse(readFileSync(path.join(ui.folder, 'hslist.json'), 'utf8')), { contacts: 'hubspot' });
  assert.match(readFileSync(path.join(ui.folder, 'lists.hslist'), 'utf8'), /createdate is in last 6 weeks/);
  await untilChecked(1);
});

test('a refresh without an account leaves its step open; connecting the sandbox\'s HubSpot checks the second step', async () => {
  await runCommand(ui.page, 'hslist: Refresh schema');
  await waitForMessage(ui.page, runCommand, 'no account is connected');
  assert.deepEqual(await checked(), [true, false, false, false, false]);
  await clickInStep('connect', 'Connect HubSpot account');
  await answerConnect(ui.page, 'Connect HubSpot account', ui.sandbox.env.HSLIST_HUBSPOT_BASE_URL, ui.sandbox.env.HSLIST_HUBSPOT_TOKEN);
  await statusItem(ui.page, 'HubSpot: connected').waitFor();
  await untilChecked(2);
});

test('"Refresh schema" from its step pulls the portal\'s schema and checks the third step', async () => {
  await clickInStep('schema', 'Refresh schema');
  await waitForMessage(ui.page, runCommand, 'schema refreshed');
  assert.ok(existsSync(path.join(ui.folder, '.hslist/schema/contacts.json')), 'the schema is pulled into .hslist/schema/');
  await untilChecked(3);
});

test('the preview panel on the first list checks the fourth step', async () => {
  await explorerRow(ui.page, 'lists.hslist').click();
  await ui.page.locator('.tab.active', { hasText: 'lists.hslist' }).waitFor();
  // The live portal's count on the list line: the sandbox is seeded up to today.
  await ui.page.locator('.monaco-editor .codelens-decoration', { hasText: `of ${ui.sandbox.contacts} contacts` }).first().waitFor();
  await cursorOnLine(ui.page, ui.folder, 'lists.hslist', 'where email is known');
  await runCommand(ui.page, 'hslist: Open preview panel');
  await previewPanel(ui.page).locator('#list-name', { hasText: 'Created in the last 6 weeks' }).waitFor();
  await untilChecked(4);
});

test('"Plan" from its step shows what publishing would change and checks the last step', async () => {
  await clickInStep('publish', 'Plan');
  await ui.page.locator('.tab', { hasText: 'hslist-plan.md' }).first().waitFor();
  await untilChecked(5);
});
