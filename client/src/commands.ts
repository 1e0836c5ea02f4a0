// The palette commands (category "hslist"). The Connect commands (connect.ts) read tokens with password
// input boxes and store them in SecretStorage bound to a host; nothing here writes them to the log.
import * as vscode from 'vscode';
import { Accounts } from './accounts';
import { connectHubSpot, connectSalesforce } from './connect';
import type { ConnectOffers } from './connect-offers';
import { ClientCommands, LANGUAGE_ID, ServerCommands } from './ids';
import { refreshSchemaCommand } from './schema-refresh';
import { describe, ServerConnection } from './server-connection';
import { markWhen } from './walkthrough';

export interface CommandDeps {
  server: ServerConnection;
  accounts: Accounts;
  offers: ConnectOffers;
  output: vscode.OutputChannel;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    [ClientCommands.showCompiledJson]: (uri) => showCompiledJson(deps, uri),
    [ClientCommands.restartServer]: () => deps.server.restart(),
    // The optional argument is the URL to suggest ("Connect for <host>" in the notification passes it).
    [ClientCommands.connectHubSpot]: (url) => connectHubSpot(deps, url),
    [ClientCommands.connectSalesforce]: (url) => connectSalesforce(deps, url),
    [ClientCommands.disconnectAccounts]: () => disconnectAccounts(deps),
    [ClientCommands.refreshSchema]: () => refreshSchemaCommand(deps).then(markWhen('schema', (outcome) => outcome.ok)),
    [ClientCommands.showLog]: () => deps.output.show(true),
    [ClientCommands.showSoql]: (uri) => showSoql(deps, uri),
    [ClientCommands.showSettingsSheet]: () => showSettingsSheet(deps),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

/** Returns the JSON text it showed (tests use it), or undefined when nothing could be compiled. */
async function showCompiledJson(deps: CommandDeps, uriArg: unknown): Promise<string | undefined> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : activeHslistUri();
  if (!uri) {
    void vscode.window.showWarningMessage('hslist: open an .hslist file to see its compiled HubSpot JSON.');
    return undefined;
  }
  const result = await runServerCommand(deps, ServerCommands.compiledJson, [uri.toString()], 'Compiled JSON');
  if (result === undefined) return undefined;
  const text = typeof result === 'string' ? result : JSON.stringify(result, null, 2);
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return text;
}

/** The SOQL of the list at the cursor (Lead and Contact) in a new editor; returns the text (tests use it). */
async function showSoql(deps: CommandDeps, uriArg: unknown): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = uriArg instanceof vscode.Uri ? uriArg : activeHslistUri();
  if (!uri) {
    void vscode.window.showWarningMessage('hslist: open an .hslist file to see a list as Salesforce SOQL.');
    return undefined;
  }
  const position = editor && editor.document.uri.toString() === uri.toString() ? editor.selection.active : undefined;
  const result = await runServerCommand(deps, ServerCommands.soql, [uri.toString(), position ? { line: position.line, character: position.character } : undefined], 'Salesforce SOQL');
  if (typeof result !== 'string') return undefined;
  const doc = await vscode.workspace.openTextDocument({ language: 'sql', content: result });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return result;
}

/** The sync block's settings to set by hand in HubSpot, as Markdown in a new editor; returns the text. */
async function showSettingsSheet(deps: CommandDeps): Promise<string | undefined> {
  const result = await runServerCommand(deps, ServerCommands.settingsSheet, [], 'Salesforce settings sheet');
  if (typeof result !== 'string') return undefined;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return result;
}

/** Server errors become a message naming the command (e.g. "not available yet"), never a throw. */
async function runServerCommand(deps: CommandDeps, command: string, args: unknown[], title: string) {
  try {
    return await deps.server.executeServerCommand(command, args);
  } catch (error) {
    const message = `hslist: ${title}: ${describe(error)}`;
    deps.output.appendLine(`[client] ${message}`);
    void vscode.window.showWarningMessage(message);
    return undefined;
  }
}

async function disconnectAccounts(deps: CommandDeps): Promise<void> {
  await deps.accounts.disconnectAll();
  deps.output.appendLine('[client] HubSpot and Salesforce accounts disconnected (every host)');
  void vscode.window.showInformationMessage('hslist: accounts disconnected.');
}

function activeHslistUri(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === LANGUAGE_ID ? doc.uri : undefined;
}
