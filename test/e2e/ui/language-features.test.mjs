// The language features as a user meets them in the workbench (the installed .vsix): the suggest
// widget, the hover, F2 rename across files, Format Document and the compiled-JSON command.
// Fixtures: features/*.hslist. One screenshot per test in artifacts/ui-lf-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCommand, screenshot, statusItem, workbenchPage } from './workbench.mjs';

const ui = workbenchPage({ name: 'lf', expectFile: 'valid.hslist' });

/** The editor showing the file (Monaco tags its view with the model's URI). */
function editorOf(name) {
  return ui.page.locator(`[data-uri$="/${name}"]`).first();
}

/** The visible lines of that editor (Monaco renders spaces as no-break spaces: \s matches both). */
function linesOf(name) {
  return editorOf(name).locator('.view-lines').first();
}

const plain = (text) => text.replace(/\u00a0/g, ' ');

/**
 * Opens a fixture with Quick Open, clicking its row (Enter could pick a recently opened file while
 * the list is still filtering), and waits until its editor shows and the server is ready.
 */
async function openFixture(name) {
  await ui.page.keyboard.press('Control+P');
  const input = ui.page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await ui.page.locator('.quick-input-list .monaco-list-row').filter({ has: ui.page.locator('.label-name', { hasText: name }) }).first().click();
  await linesOf(name).waitFor();
  await statusItem(ui.page, 'hslist: ready').waitFor();
}

/** Runs the palette entry whose label is exactly `label` (several entries may start with the same words). */
async function runExactCommand(label) {
  await ui.page.keyboard.press('F1');
  const input = ui.page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('>' + label);
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await ui.page.locator('.quick-input-list .monaco-list-row').filter({ has: ui.page.locator('.label-name', { hasText: exact }) }).first().click();
}

test('Ctrl+Space after "where " offers properties, and picking one inserts it', async () => {
  await openFixture('draft.hslist');
  // Line 3 is `  type: static`: add a where line after it.
  await linesOf('draft.hslist').locator('.view-line', { hasText: /type:\sstatic/ }).click();
  await ui.page.keyboard.press('End');
  await ui.page.keyboard.press('Enter');
  await ui.page.keyboard.type('where ');
  const widget = ui.page.locator('.editor-widget.suggest-widget.visible');
  // The space is a trigger character: close what it may have opened, so Ctrl+Space is what opens it.
  await ui.page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden' });
  await ui.page.keyboard.press('Control+Space');
  // The widget draws only the rows in view, and the condition starters (not, in list, associated …) come
  // first: a property is found by filtering, as a user would.
  await widget.locator('.monaco-list-row', { hasText: 'everyone' }).first().waitFor();
  await ui.page.keyboard.type('jobti');
  const row = widget.locator('.monaco-list-row', { hasText: 'jobtitle' }).first();
  await row.waitFor();
  await screenshot(ui.page, 'ui-lf-suggest-widget-with-jobtitle');
  await row.click();
  await widget.waitFor({ state: 'hidden' });
  await editorOf('draft.hslist').locator('.view-line', { hasText: /^\s+where\sjobtitle/ }).waitFor();
});

test('hovering a property shows its label', async () => {
  await openFixture('ready.hslist');
  await linesOf('ready.hslist').locator('.view-line span', { hasText: /^jobtitle$/ }).first().hover();
  const hover = ui.page.locator('.monaco-hover:not(.hidden)', { hasText: 'Job Title' }).first();
  await hover.waitFor();
  assert.match(await hover.innerText(), /Job Title\s+jobtitle/);
});

test('Format Document from the palette rewrites the file in the canonical layout', async () => {
  await openFixture('messy.hslist');
  const lines = linesOf('messy.hslist').locator('.view-line');
  await lines.filter({ hasText: /LIST\s"Messy"/ }).waitFor();
  await runExactCommand('Format Document');
  await lines.filter({ hasText: /list\s"Messy"\s\{/ }).waitFor();
  // Monaco keeps line elements in no particular DOM order: check each line, not the joined text.
  // (The layout of a where chain is the grammar's to decide; these hold for any canonical layout.)
  const texts = (await lines.allInnerTexts()).map(plain);
  assert.ok(texts.includes('  type: active'), texts.join(' | '));
  assert.ok(texts.some((t) => t.startsWith('  where email is known')), texts.join(' | '));
  assert.deepEqual(texts.filter((t) => /LIST|WHERE|KNOWN|\S {2,}\S/.test(t)), []);
});

test('"hslist: Show compiled HubSpot JSON" opens the JSON beside the list', async () => {
  await openFixture('engaged.hslist');
  await runCommand(ui.page, 'hslist: Show compiled HubSpot JSON');
  const json = ui.page.locator('[data-uri^="untitled:"] .view-lines', { hasText: /"filterBranch"/ }).first();
  await json.waitFor();
  assert.match(plain(await json.innerText()), /"name": "Engaged contacts"/);
  await statusItem(ui.page, /^JSON$/).waitFor(); // the language mode of the opened document
});

test('F2 renames a list, and the file that uses it changes too', async () => {
  await openFixture('engaged.hslist');
  await linesOf('engaged.hslist').locator('.view-line span', { hasText: /Engaged\scontacts/ }).first().click();
  await ui.page.keyboard.press('F2');
  const input = ui.page.locator('.rename-box input, .rename-box .rename-input').first();
  await input.waitFor({ state: 'visible' });
  // Type into the rename box itself, never through the keyboard's current focus: should the box lose
  // focus, Ctrl+A and typing would rewrite the whole document instead (seen once in CI).
  await input.fill('Engaged visitors');
  await input.press('Enter');
  await linesOf('engaged.hslist').locator('.view-line', { hasText: /list\s"Engaged\svisitors"\s\{/ }).waitFor();
  // The other file was edited by the same rename: open it and see the new name where it is used.
  await openFixture('ready.hslist');
  await linesOf('ready.hslist').locator('.view-line', { hasText: /where\sin\slist\s"Engaged\svisitors"/ }).waitFor();
  assert.doesNotMatch(plain(await linesOf('ready.hslist').innerText()), /Engaged contacts/);
});
