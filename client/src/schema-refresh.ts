// "hslist: Refresh schema": the tokens from SecretStorage, each with the URL it was connected for, go
// to the server in the `hslist.refreshSchema` command's argument (in memory only: never logged, never
// written); only credentials connected for the hosts this workspace asks for are sent. The server
// checks the hosts again, pulls the schemas into `.hslist/schema/`, re-checks every file and answers
// one line, shown here as a notification after a progress notification.
import * as vscode from 'vscode';
import { AccountMessages, type WantedHost, type WorkspaceHosts } from '../../server/src/lsp/preview/protocol';
import type { Accounts, SalesforceSession } from './accounts';
import type { ConnectOffers, Service } from './connect-offers';
import { notConnectedClause, traceCopiesMessages } from './hubspot-connection';
import { ServerCommands } from './ids';
import { describe, type ServerConnection } from './server-connection';

export interface SchemaRefreshDeps {
  server: ServerConnection;
  accounts: Accounts;
  offers: ConnectOffers;
  output: vscode.OutputChannel;
}

/** What the command returns (the tests read it); `message` is what the notification says. */
export interface SchemaRefreshOutcome {
  ok: boolean;
  message: string;
}

interface RefreshArgument {
  hubspot?: { accessToken: string; baseUrl: string };
  salesforce?: SalesforceSession;
}

/** The credentials to send, and one clause per connected service left out because it is not connected for the workspace's host. */
interface RefreshPlan {
  argument: RefreshArgument;
  skipped: { service: Service; clause: string }[];
}

const NOT_CONNECTED = 'hslist: no account is connected. Run "hslist: Connect HubSpot account" or "hslist: Connect Salesforce org" first, then "hslist: Refresh schema".';
const UNTRUSTED_REFRESH = 'hslist: Refresh schema does not call connected accounts from an untrusted workspace. Trust it ("Workspaces: Manage Workspace Trust") first.';

/**
 * Each service's credential for the host this workspace asks for (the server reads the settings and
 * hslist.json): a credential connected for another host is never sent, and the user is offered to
 * connect one for the workspace's host instead. Salesforce without a named instance uses the org
 * connected last (its token goes to its own instance).
 */
async function refreshPlan(deps: SchemaRefreshDeps): Promise<RefreshPlan | string> {
  const state = await deps.accounts.state();
  if (state.hubspot.length === 0 && state.salesforce.length === 0) return NOT_CONNECTED;
  const hosts = await deps.server.request<WorkspaceHosts>(AccountMessages.hosts, {});
  const plan: RefreshPlan = { argument: {}, skipped: [] };
  const skip = (service: Service, wanted: WantedHost, connected: string[]): void => {
    const clause = notConnectedClause(service, wanted, connected);
    plan.skipped.push({ service, clause });
    deps.offers.offer(service, wanted, clause);
  };
  if (state.hubspot.length > 0) {
    const credential = await deps.accounts.hubSpotFor(hosts.hubspot.url);
    if (credential) plan.argument.hubspot = { accessToken: credential.accessToken, baseUrl: credential.url };
    else skip('HubSpot', hosts.hubspot, state.hubspot);
  }
  if (state.salesforce.length > 0) {
    const session = await deps.accounts.salesforceFor(hosts.salesforce?.url);
    if (session) plan.argument.salesforce = session;
    else if (hosts.salesforce) skip('Salesforce', hosts.salesforce, state.salesforce);
  }
  return plan;
}

/** A message trace ("compact" or "verbose") would copy the request's parameters, tokens included, to the log. */
function traceCopiesParameters(): boolean {
  return traceCopiesMessages(vscode.workspace.getConfiguration('hslist').get<string>('trace.server'));
}

function isAnswer(value: unknown): value is SchemaRefreshOutcome {
  const v = value as SchemaRefreshOutcome;
  return typeof v === 'object' && v !== null && typeof v.ok === 'boolean' && typeof v.message === 'string';
}

/** The server's answer: `message` without the "hslist: schema …" prefix. */
async function askServer(deps: SchemaRefreshDeps, argument: RefreshArgument): Promise<SchemaRefreshOutcome> {
  const progress = { location: vscode.ProgressLocation.Notification, title: 'hslist: refreshing the schema from the connected accounts…' };
  try {
    const answer = await vscode.window.withProgress(progress, () => deps.server.executeServerCommand(ServerCommands.refreshSchema, [argument]));
    return isAnswer(answer) ? answer : { ok: false, message: 'The language server gave no answer.' };
  } catch (error) {
    // The server's errors name a field, never a value; the connection's errors carry no request data.
    return { ok: false, message: describe(error) };
  }
}

/** The server's line plus, in its manner ("Salesforce: not refreshed: …"), each service left out here. */
function outcomeOf(answer: SchemaRefreshOutcome, skipped: RefreshPlan['skipped']): SchemaRefreshOutcome {
  const ok = answer.ok && skipped.length === 0;
  const parts = [answer.message.replace(/[.\s]+$/, ''), ...skipped.map((s) => `${s.service}: not refreshed: ${s.clause}`)];
  return { ok, message: `hslist: ${ok ? 'schema refreshed' : 'schema not refreshed'}. ${parts.join('; ')}.` };
}

async function planOrRefusal(deps: SchemaRefreshDeps): Promise<RefreshPlan | string> {
  if (!vscode.workspace.isTrusted) return UNTRUSTED_REFRESH;
  if (traceCopiesParameters()) {
    return 'hslist: Refresh schema does not run while hslist.trace.server is "compact" or "verbose", because the trace would copy the access tokens to the log. Set it to "messages" or "off".';
  }
  try {
    const plan = await refreshPlan(deps);
    if (typeof plan === 'string' || plan.argument.hubspot || plan.argument.salesforce) return plan;
    return `hslist: schema not refreshed. ${plan.skipped.map((s) => s.clause).join('; ')}.`;
  } catch (error) {
    return `hslist: schema not refreshed. ${describe(error)}`;
  }
}

export async function refreshSchemaCommand(deps: SchemaRefreshDeps): Promise<SchemaRefreshOutcome> {
  const plan = await planOrRefusal(deps);
  if (typeof plan === 'string') {
    deps.output.appendLine(`[client] ${plan}`);
    void vscode.window.showWarningMessage(plan);
    return { ok: false, message: plan };
  }
  const outcome = outcomeOf(await askServer(deps, plan.argument), plan.skipped);
  deps.output.appendLine(`[client] ${outcome.message}`);
  if (outcome.ok) void vscode.window.showInformationMessage(outcome.message);
  else void vscode.window.showErrorMessage(outcome.message);
  return outcome;
}
