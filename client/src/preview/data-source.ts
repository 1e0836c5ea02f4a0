// Where the preview's contacts come from: "Preview from live HubSpot portal" and "Preview from
// contacts file…" set the workspace setting `hslist.contactData`; the configuration listener in
// index.ts then asks the server to load again. The token never goes into a setting.

import * as vscode from 'vscode';
import { LIVE_HUBSPOT_DATA } from '../../../server/src/lsp/preview/protocol';
import { settingValueFor } from './data-path';

export interface DataSourceDeps {
  /** Whether a HubSpot token is stored for any host (the server then asks for the one of its host). */
  hubSpotConnected(): Promise<boolean>;
  output: vscode.OutputChannel;
}

const CONNECT_HUBSPOT = 'hslist.connectHubSpot';

/** What a command did: the value set, and whether the setting changed (if not, the caller reloads). */
export interface DataChoice {
  value: string;
  changed: boolean;
}

async function setContactData(value: string): Promise<DataChoice> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const config = vscode.workspace.getConfiguration('hslist', folder?.uri);
  const changed = config.inspect<string>('contactData')?.workspaceValue !== value;
  await config.update('contactData', value, vscode.ConfigurationTarget.Workspace);
  return { value, changed };
}

/** Undefined when the user did not connect an account. */
export async function previewFromHubSpot(deps: DataSourceDeps): Promise<DataChoice | undefined> {
  if (!(await deps.hubSpotConnected())) {
    const connect = 'Connect HubSpot account';
    const choice = await vscode.window.showWarningMessage('hslist: previewing the live portal needs a connected HubSpot account.', connect);
    if (choice !== connect) return undefined;
    const connected = await vscode.commands.executeCommand<boolean>(CONNECT_HUBSPOT);
    if (!connected || !(await deps.hubSpotConnected())) return undefined;
  }
  const choice = await setContactData(LIVE_HUBSPOT_DATA);
  deps.output.appendLine('[preview] contact data: the live HubSpot portal');
  return choice;
}

/** Undefined when the dialog was dismissed. */
export async function previewFromFile(deps: DataSourceDeps, picked?: vscode.Uri): Promise<DataChoice | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const uri = picked ?? (await vscode.window.showOpenDialog({
    title: 'Preview from contacts file',
    openLabel: 'Preview from this file',
    canSelectMany: false,
    defaultUri: folder?.uri,
    filters: { 'Contact exports': ['csv', 'json', 'ndjson'] },
  }))?.[0];
  if (!uri) return undefined;
  const value = settingValueFor(uri.fsPath, folder?.uri.fsPath);
  const choice = await setContactData(value);
  deps.output.appendLine(`[preview] contact data: ${value}`);
  return choice;
}
