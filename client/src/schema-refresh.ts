// "hslist: Refresh schema": the tokens from SecretStorage and the base URLs from settings go to the
// server in the `hslist.refreshSchema` command's argument (in memory only: never logged, never
// written); the server pulls the schemas into `.hslist/schema/`, re-checks every file and answers one
// line, shown here as a notification after a progress notification.
import * as vscode from 'vscode';
import type { Accounts, SalesforceSession } from './accounts';
import { traceCopiesMessages } from './hubspot-connection';
import { ServerCommands } from './ids';
import { describe, type ServerConnection } from './server-connection';

export interface SchemaRefreshDeps {
  server: ServerConnection;
  accounts: Accounts;
  output: vscode.OutputChannel;
}

/** What the command returns (the tests read it); `message` is what the notification says. */
export interface SchemaRefreshOutcome {
  ok: boolean;
  message: string;
}

interface RefreshArgument {
  hubspot?: { accessToken: string; baseUrl?: string };
  salesforce?: { instanceUrl: string; accessToken: string };
}

const NOT_CONNECTED = 'hslist: no account is connected. Run "hslist: Connect HubSpot account" or "hslist: Connect Salesforce org" first, then "hslist: Refresh schema".';

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('hslist', vscode.workspace.workspaceFolders?.[0]?.uri);
}

const sameUrl = (a: string, b: string): boolean => a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');

/**
 * The token goes only to the instance it was connected for: when the setting names another instance,
 * refuse rather than send the token there.
 */
function salesforceArgument(session: SalesforceSession): RefreshArgument['salesforce'] | string {
  const configured = settings().get<string>('salesforce.instanceUrl')?.trim() ?? '';
  if (configured !== '' && !sameUrl(configured, session.instanceUrl)) {
    return `hslist: the Salesforce org was connected at ${session.instanceUrl}, but hslist.salesforce.instanceUrl is ${configured}. Run "hslist: Connect Salesforce org" again.`;
  }
  return { instanceUrl: session.instanceUrl, accessToken: session.accessToken };
}

/** The argument, or a sentence saying why there is none. */
async function refreshArgument(accounts: Accounts): Promise<RefreshArgument | string> {
  const [hubspotToken, session] = await Promise.all([accounts.hubSpotToken(), accounts.salesforceSession()]);
  if (hubspotToken === undefined && session === undefined) return NOT_CONNECTED;
  const argument: RefreshArgument = {};
  if (hubspotToken !== undefined) {
    const baseUrl = settings().get<string>('hubspot.baseUrl')?.trim();
    argument.hubspot = baseUrl ? { accessToken: hubspotToken, baseUrl } : { accessToken: hubspotToken };
  }
  if (session !== undefined) {
    const salesforce = salesforceArgument(session);
    if (typeof salesforce === 'string') return salesforce;
    argument.salesforce = salesforce;
  }
  return argument;
}

/** A message trace ("compact" or "verbose") would copy the request's parameters, tokens included, to the log. */
function traceCopiesParameters(): boolean {
  return traceCopiesMessages(vscode.workspace.getConfiguration('hslist').get<string>('trace.server'));
}

function isAnswer(value: unknown): value is SchemaRefreshOutcome {
  const v = value as SchemaRefreshOutcome;
  return typeof v === 'object' && v !== null && typeof v.ok === 'boolean' && typeof v.message === 'string';
}

async function askServer(deps: SchemaRefreshDeps, argument: RefreshArgument): Promise<SchemaRefreshOutcome> {
  const progress = { location: vscode.ProgressLocation.Notification, title: 'hslist: refreshing the schema from the connected accounts…' };
  try {
    const answer = await vscode.window.withProgress(progress, () => deps.server.executeServerCommand(ServerCommands.refreshSchema, [argument]));
    if (isAnswer(answer)) return { ok: answer.ok, message: `hslist: ${answer.ok ? 'schema refreshed' : 'schema not refreshed'}. ${answer.message}` };
    return { ok: false, message: 'hslist: schema not refreshed. The language server gave no answer.' };
  } catch (error) {
    // The server's errors name a field, never a value; the connection's errors carry no request data.
    return { ok: false, message: `hslist: schema not refreshed. ${describe(error)}` };
  }
}

export async function refreshSchemaCommand(deps: SchemaRefreshDeps): Promise<SchemaRefreshOutcome> {
  const argument = traceCopiesParameters()
    ? 'hslist: Refresh schema does not run while hslist.trace.server is "compact" or "verbose", because the trace would copy the access tokens to the log. Set it to "messages" or "off".'
    : await refreshArgument(deps.accounts);
  if (typeof argument === 'string') {
    deps.output.appendLine(`[client] ${argument}`);
    void vscode.window.showWarningMessage(argument);
    return { ok: false, message: argument };
  }
  const outcome = await askServer(deps, argument);
  deps.output.appendLine(`[client] ${outcome.message}`);
  if (outcome.ok) void vscode.window.showInformationMessage(outcome.message);
  else void vscode.window.showErrorMessage(outcome.message);
  return outcome;
}
