// The preview panel as a user sees it, on 100,000 contacts generated (seeded) at test time:
// the count lens, the panel's virtualised table (scrolled to the very end with only a window of
// rows in the DOM), the search box, and the funnel of a list with several clauses.
//   CODE_SERVER_URL=http://127.0.0.1:8123 E2E_WORKSPACE=/abs/ws node --test ui/preview.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvOf, generateContacts } from '../fixtures/contacts-gen.mjs';
import { cursorOnLine, previewPanel, quickOpen, runCommand, screenshot, workbenchPage, workspaceCopy } from './workbench.mjs';

const N = 100_000;
const contacts = generateContacts(N, 20240601);
const fmt = (n) => n.toLocaleString('en-US');

// The data is big, so it is generated here, not kept in the repository; the setting points at it.
const ui = workbenchPage({
  name: 'preview',
  expectFile: 'preview.hslist',
  prepare: () => ({ folder: workspaceCopy('preview', { files: { 'generated/contacts-100k.csv': csvOf(contacts) }, settings: { 'hslist.contactData': 'generated/contacts-100k.csv' } }) }),
});
const panel = () => previewPanel(ui.page);

/** The cursor at the start of preview.hslist's first line holding `text` (workbench.mjs). */
const cursorOn = (text) => cursorOnLine(ui.page, ui.folder, 'preview.hslist', text);

test('the list line shows its count over 100,000 contacts', async () => {
  await quickOpen(ui.page, 'preview.hslist');
  await ui.page.locator('.monaco-editor .codelens-decoration', { hasText: `${fmt(N)} of ${fmt(N)} contacts` }).first().waitFor();
});

test('the panel pages rows on scroll: the end shows the last contacts, the DOM only a window', async () => {
  await cursorOn('where email is known');
  await runCommand(ui.page, 'hslist: Open preview panel');
  const frame = panel();
  await frame.locator('#list-name', { hasText: 'Everyone with email' }).waitFor();
  await frame.locator('.rows .row[aria-rowindex="1"]', { hasText: contacts[0].email }).waitFor();
  assert.ok((await frame.locator('.rows .row').count()) < 200);
  await frame.locator('#viewport').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = contacts[N - 1];
  await frame.locator(`.rows .row[aria-rowindex="${N}"]`, { hasText: last.email }).waitFor();
  const rows = await frame.locator('.rows .row').count();
  assert.ok(rows > 10 && rows < 200, `${rows} row elements in the DOM`);
  await frame.locator(`.rows .row[aria-rowindex="${N - 1}"]`, { hasText: contacts[N - 2].email }).waitFor();
});

test('the search box narrows the matches', async () => {
  const frame = panel();
  const term = 'greta.rossi';
  const expected = contacts.filter((c) => c.email.includes(term)).length;
  await frame.locator('#search').fill(term);
  await frame.locator('#status', { hasText: `${fmt(expected)} matching contacts contain` }).waitFor();
  const first = contacts.find((c) => c.email.includes(term));
  await frame.locator('.rows .row[aria-rowindex="1"]', { hasText: first.email }).waitFor();
  await frame.locator('#search').fill('');
});

test('the panel follows the cursor to a list with several clauses and draws its funnel', async () => {
  await cursorOn('and annualrevenue >= 500000');
  const frame = panel();
  await frame.locator('#list-name', { hasText: 'Engaged customers' }).waitFor();
  const engaged = contacts.filter((c) => ['opportunity', 'customer', 'evangelist'].includes(c.lifecyclestage)
    && Number(c.annualrevenue) >= 500000 && ['Poland', 'Germany', 'Spain'].includes(c.country));
  await frame.locator('#count', { hasText: `${fmt(engaged.length)} of ${fmt(N)} contacts` }).waitFor();
  assert.equal(await frame.locator('#funnel rect.bar:not(.pass)').count(), 4);
  const label = await frame.locator('#funnel').getAttribute('aria-label');
  assert.match(label, new RegExp(`${fmt(engaged.length)} left$`));
  await frame.locator('.rows .row[aria-rowindex="1"]', { hasText: engaged[0].email }).waitFor();
  // Room for the panel: the side bar closed, the pointer away from the editor (no hover).
  await runCommand(ui.page, 'View: Close Primary Side Bar');
  await ui.page.mouse.move(1300, 880);
  await frame.locator('#funnel rect.bar').first().waitFor();
  await screenshot(ui.page, 'preview-panel');
});
