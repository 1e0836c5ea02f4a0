// The palette commands (category "hslist"). Tokens are read with password input boxes and go
// straight to SecretStorage; nothing here writes them to the log.
import * as vscode from 'vscode';
import { Accounts } from './accounts';
import { ClientCommands, LANGUAGE_ID, ServerCommands } from './ids';
import { refreshSchemaCommand } from './schema-refresh';
import { describe, ServerConnection } from './server-connection';

export interface CommandDeps {
  server: ServerConnection;
  accounts: Accounts;
  output: vscode.OutputChannel;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    [ClientCommands.showCompiledJson]: (uri) => showCompiledJson(deps, uri),
    [ClientCommands.restartServer]: () => deps.server.restart(),
    [ClientCommands.connectHubSpot]: () => connectHubSpot(deps),
    [ClientCommands.connectSalesforce]: () => connectSalesforce(deps),
    [ClientCommands.disconnectAccounts]: () => disconnectAccounts(deps),
    [ClientCommands.refreshSchema]: () => refreshSchemaCommand(deps),
    [ClientCommands.showLog]: () => deps.output.show(true),
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

async function connectHubSpot(deps: CommandDeps): Promise<boolean> {
  const token = await vscode.window.showInputBox({
    title: 'Connect HubSpot account',
    prompt: 'Private app access token (stored in VS Code secret storage)',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Enter the access token.' : undefined),
  });
  if (token === undefined) return false;
  await deps.accounts.setHubSpotToken(token.trim());
  deps.output.appendLine('[client] HubSpot account connected');
  void vscode.window.showInformationMessage('hslist: HubSpot account connected.');
  return true;
}

async function connectSalesforce(deps: CommandDeps): Promise<boolean> {
  const configured = vscode.workspace.getConfiguration('hslist').get<string>('salesforce.instanceUrl') ?? '';
  const instanceUrl = await vscode.window.showInputBox({
    title: 'Connect Salesforce org (1/2)',
    prompt: 'Instance URL, e.g. https://mycompany.my.salesforce.com',
    value: configured,
    ignoreFocusOut: true,
    validateInput: validateInstanceUrl,
  });
  if (instanceUrl === undefined) return false;
  const accessToken = await vscode.window.showInputBox({
    title: 'Connect Salesforce org (2/2)',
    prompt: 'Access token (stored in VS Code secret storage)',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Enter the access token.' : undefined),
  });
  if (accessToken === undefined) return false;
  await deps.accounts.setSalesforceSession({ instanceUrl: instanceUrl.trim(), accessToken: accessToken.trim() });
  deps.output.appendLine(`[client] Salesforce org connected: ${instanceUrl.trim()}`);
  void vscode.window.showInformationMessage('hslist: Salesforce org connected.');
  return true;
}

export function validateInstanceUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return undefined;
    return 'The instance URL must start with https:// (or http:// for a local emulator).';
  } catch {
    return 'Enter a URL such as https://mycompany.my.salesforce.com.';
  }
}

async function disconnectAccounts(deps: CommandDeps): Promise<void> {
  await deps.accounts.disconnectAll();
  deps.output.appendLine('[client] HubSpot and Salesforce accounts disconnected');
  void vscode.window.showInformationMessage('hslist: accounts disconnected.');
}

function activeHslistUri(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === LANGUAGE_ID ? doc.uri : undefined;
}
