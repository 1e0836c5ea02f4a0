// Driving the real VS Code workbench (code-server) with playwright-core: one browser page per test
// file (each page gets its own extension host and language server on the server side).
// Every helper waits for something visible in the UI; none sleeps for a fixed time.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, workbenchUrl } from '../lib/browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = process.env.E2E_ARTIFACTS || path.resolve(HERE, '../artifacts');
export const SERVER = process.env.CODE_SERVER_URL || 'http://127.0.0.1:8123';
export const WORKSPACE = process.env.E2E_WORKSPACE || path.resolve(HERE, '../fixtures/workspace');
const UI_TIMEOUT = Number(process.env.E2E_UI_TIMEOUT || 60_000); // generous: CI machines share 2 cores

/** Opens the workspace in a fresh browser profile and waits until the explorer lists `expectFile`. */
export async function openWorkbench(expectFile) {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  // EXT_DEV_PATH: load the extension from source instead of the installed .vsix.
  const dev = process.env.EXT_DEV_PATH ? { extensionDevelopmentPath: process.env.EXT_DEV_PATH } : {};
  await page.goto(workbenchUrl(SERVER, WORKSPACE, dev));
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  // The explorer shows the folder only once the remote connection is up.
  await explorerRow(page, expectFile).waitFor({ timeout: 60_000 });
  return { browser, page };
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

/** Runs a command from the palette (F1: Ctrl+Shift+P belongs to the browser). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
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
