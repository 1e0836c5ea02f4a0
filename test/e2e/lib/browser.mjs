// Launching Debian's Chromium with playwright-core, and the workbench URL of a code-server.
import { chromium } from 'playwright-core';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The workbench URL for a folder. code-server's CLI rejects --extensionDevelopmentPath, but the web
 * workbench reads the same settings from its `payload` query parameter; server-side paths are
 * addressed as vscode-remote://HOST:PORT/abs/path, so they load in the server's Node extension host.
 */
export function workbenchUrl(server, folder, settings = {}) {
  const base = new URL(server);
  const remote = (p) => `vscode-remote://${base.host}${path.resolve(p)}`;
  const payload = [['skipWelcome', 'true']];
  if (settings.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(settings.extensionDevelopmentPath)]);
  if (settings.extensionTestsPath) payload.push(['extensionTestsPath', remote(settings.extensionTestsPath)]);
  const query = `folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return `${base.origin}/?${query}`;
}
