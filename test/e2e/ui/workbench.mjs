// Driving the real VS Code workbench (code-server) with playwright-core: one browser page per test
// file (each page gets its own extension host and language server on the server side), opened by
// `workbenchPage()`, which every test file calls once. Every helper waits for something visible in the
// UI; none sleeps for a fixed time.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, workbenchUrl } from '../lib/browser.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../fixtures/sandbox.cjs');

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../../..');
export const ARTIFACTS = process.env.E2E_ARTIFACTS || path.resolve(HERE, '../artifacts');
export const SERVER = process.env.CODE_SERVER_URL || 'http://127.0.0.1:8123';
export const WORKSPACE = process.env.E2E_WORKSPACE || path.resolve(HERE, '../fixtures/workspace');
export const UI_TIMEOUT = Number(process.env.E2E_UI_TIMEOUT || 60_000); // generous: CI machines share 2 cores
const FIXTURE = path.resolve(HERE, '../fixtures/workspace');

/**
 * The page of one test file. Before its tests: `prepare()` (optional) readies what the page opens and
 * returns `{ folder, stop, ...more }` (a workspace copy, a sandbox), then the workbench opens that folder
 * (default: the shared workspace) and waits until the Explorer lists `expectFile`. A screenshot after each
 * test (artifacts/ui-NAME-test.png). After the file: the browser is closed and `stop()` called, whatever
 * failed. Read `page`, `browser` and what `prepare` returned from the object, inside tests.
 */
export function workbenchPage({ name, expectFile, prepare, viewport }) {
  const ui = {};
  before(async () => {
    Object.assign(ui, (await prepare?.()) ?? {});
    Object.assign(ui, await openWorkbench(expectFile, { folder: ui.folder, viewport }));
  });
  afterEach(async (t) => {
    if (ui.page) await screenshot(ui.page, `ui-${name}-${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
  });
  after(async () => {
    await ui.browser?.close();
    await ui.stop?.();
  });
  return ui;
}

/**
 * A folder of its own for a test file that changes what it opens (`${WORKSPACE}-NAME`): the fixture
 * workspace copied (or nothing, with `fixture: false`), `files` written over it, and `settings` as its
 * .vscode/settings.json.
 */
export function workspaceCopy(name, { fixture = true, files = {}, settings } = {}) {
  const folder = `${WORKSPACE}-${name}`;
  rmSync(folder, { recursive: true, force: true });
  if (fixture) cpSync(FIXTURE, folder, { recursive: true });
  else mkdirSync(folder, { recursive: true });
  const all = settings ? { ...files, '.vscode/settings.json': JSON.stringify(settings, null, 2) } : files;
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
    writeFileSync(path.join(folder, rel), text);
  }
  return folder;
}

/** The workspace setting that names the sandbox's HubSpot (the default of `sandboxWorkspace`). */
export const sandboxHubSpot = (env) => ({ 'hslist.hubspot.baseUrl': env.HSLIST_HUBSPOT_BASE_URL });
/** Both of the sandbox's hosts. */
export const sandboxHosts = (env) => ({ ...sandboxHubSpot(env), 'hslist.salesforce.instanceUrl': env.HSLIST_SF_INSTANCE_URL });

/**
 * `hslist sandbox` (seeded HubSpot and Salesforce emulators on free ports) and a workspace copy with the
 * settings `settings(env)` makes of the sandbox's variables, as `prepare` for `workbenchPage`:
 * `{ folder, sandbox, stop }`.
 */
export async function sandboxWorkspace(name, { contacts = 300, fixture, files, settings = sandboxHubSpot } = {}) {
  const sandbox = await startSandbox(REPO, contacts, UI_TIMEOUT);
  try {
    const folder = workspaceCopy(name, { fixture, files, settings: settings(sandbox.env) });
    return { folder, sandbox, stop: () => sandbox.stop() };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}

/** Opens `folder` (default the shared workspace) in a fresh browser profile and waits until the Explorer lists `expectFile`. */
export async function openWorkbench(expectFile, { folder = WORKSPACE, viewport = { width: 1400, height: 900 } } = {}) {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport })).newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    // EXT_DEV_PATH: load the extension from source instead of the installed .vsix.
    const dev = process.env.EXT_DEV_PATH ? { extensionDevelopmentPath: process.env.EXT_DEV_PATH } : {};
    await page.goto(workbenchUrl(SERVER, folder, dev));
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
    // The explorer shows the folder only once the remote connection is up.
    await explorerRow(page, expectFile).waitFor({ timeout: 60_000 });
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The preview panel's document: the webview's outer iframe, then its active frame. */
export function previewPanel(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

export function explorerRow(page, name) {
  return page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
}

export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab', { hasText: fileName }).waitFor();
}

/**
 * Puts the cursor at the start of the first line of `file` (in `folder`, open in the active editor) that
 * holds `text` (shown in an editor), by keyboard: a click on the line could land on whatever covers it then (an explorer row's
 * tooltip, the editor's sticky header; a CI run timed out on one), and F1 pressed while a webview has the
 * focus may not reach the workbench. So the editor's input gets the focus from the page, then Ctrl+Home and
 * one Down a line (the fixtures have no folded or wrapped lines).
 */
export async function cursorOnLine(page, folder, file, text) {
  const line = readFileSync(path.join(folder, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
  assert.ok(line > 0, `${file} has no line holding "${text}"`);
  // The editor showing that line (with the preview panel open, the active group is the panel's).
  const editor = page.locator('.editor-group-container .monaco-editor').filter({ has: page.locator('.view-line', { hasText: text }) }).first();
  await editor.locator('textarea.inputarea, .native-edit-context').first().focus();
  await page.keyboard.press('Control+Home');
  for (let at = 1; at < line; at++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
}

/** Runs a command from the palette (F1: Ctrl+Shift+P belongs to the browser). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * "hslist: Connect HubSpot account" or "hslist: Connect Salesforce org" (`command` without the prefix)
 * through the palette's two input boxes, as a user does: the first must suggest `url` (the host the
 * workspace settings name) and is accepted, the second (a password box) takes the token.
 */
export async function connectAccount(page, command, url, token) {
  await runCommand(page, `hslist: ${command}`);
  await answerConnect(page, command, url, token);
}

/** The two input boxes of a Connect command already started (from the palette, a button, a notification). */
export async function answerConnect(page, command, url, token) {
  const title = (step) => page.locator('.quick-input-widget .quick-input-title', { hasText: `${command} (${step}/2)` });
  await title(1).waitFor();
  const first = page.locator('.quick-input-widget input');
  assert.equal(await first.inputValue(), url, `${command} suggests the workspace's host`);
  await first.press('Enter');
  // On a busy machine the Enter can land before the box takes keys, and the first step stays open (seen
  // at load 5): press it again, into the box itself, while the first step still shows.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await title(2).waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
    if (await title(1).isVisible()) await first.press('Enter', { timeout: 2_000 }).catch(() => undefined);
  }
  await title(2).waitFor();
  const secret = page.locator('.quick-input-widget input[type="password"]');
  await secret.waitFor();
  await secret.fill(token);
  await secret.press('Enter');
  // On a busy machine the Enter can land before the input holds the token, and the prompt stays open:
  // wait for it to close, and only while it is still open fill and press again (never into the editor).
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await title(2).waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false)) return;
    await secret.fill(token, { timeout: 2_000 }).catch(() => undefined);
    await secret.press('Enter', { timeout: 2_000 }).catch(() => undefined);
  }
  await title(2).waitFor({ state: 'hidden' });
}

export function statusItem(page, text) {
  return page.locator('.statusbar-item', { hasText: text }).first();
}

export function notification(page, text) {
  return page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
}

/**
 * A message shown as a toast or, when other notifications pushed it out of the toasts (VS Code shows only
 * a few at once), kept in the notification center: waits on the message, not on a toast that can be hidden.
 */
export async function waitForMessage(page, runCommand, text, timeout = 30_000) {
  const toast = notification(page, text);
  if (await toast.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return toast.innerText();
  await runCommand(page, 'Notifications: Show Notifications');
  const kept = page.locator('.notifications-center .notification-list-item-message', { hasText: text }).first();
  await kept.waitFor({ timeout });
  const message = await kept.innerText();
  await runCommand(page, 'Notifications: Hide Notifications');
  return message;
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
