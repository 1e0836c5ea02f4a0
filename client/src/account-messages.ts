// The accounts side of the server connection: the server asks for the HubSpot connection right before
// it talks to HubSpot (live preview, published-list comparison), and for the Salesforce session right
// before it reads the org (the preview's Salesforce side), naming the host it is about to call, and
// hears when accounts change or the workspace becomes trusted. The token goes only into the
// answer, and only when it was connected for that host: the log names the outcome, never the value.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { parseServiceUrl } from '../../server/src/accounts/hosts';
import { AccountMessages, type HubSpotConnectionAnswer, type SalesforceConnectionAnswer } from '../../server/src/lsp/preview/protocol';
import type { Accounts } from './accounts';
import type { ConnectOffers } from './connect-offers';
import { connectionAnswer, describeAnswer, notConnectedClause, wantedOf } from './hubspot-connection';
import { NotificationProgressFeature } from './progress';
import { describeSalesforceAnswer, salesforceConnectionAnswer, wantedInstanceOf } from './salesforce-connection';
import type { ServerConnection } from './server-connection';

export interface AccountMessageDeps {
  server: ServerConnection;
  accounts: Accounts;
  offers: ConnectOffers;
  output: vscode.OutputChannel;
}

async function answerHubSpotConnection(deps: AccountMessageDeps, params: unknown): Promise<HubSpotConnectionAnswer> {
  const wanted = wantedOf(params);
  const valid = !('error' in parseServiceUrl(wanted.url));
  const credential = valid ? await deps.accounts.hubSpotFor(wanted.url) : undefined;
  const connectedHosts = (await deps.accounts.state()).hubspot;
  const trusted = vscode.workspace.isTrusted;
  const answer = connectionAnswer({
    wanted,
    credential,
    connectedHosts,
    trace: vscode.workspace.getConfiguration('hslist').get<string>('trace.server'),
    trusted,
  });
  deps.output.appendLine(`[client] HubSpot connection asked by the server: ${describeAnswer(answer)}`);
  // Offered when an account is connected for another host: the case of a repository naming its own host.
  // Without any account the server's own message says what to run (comparisons ask on every load of a file).
  if (trusted && valid && !credential && connectedHosts.length > 0) deps.offers.offer('HubSpot', wanted, notConnectedClause('HubSpot', wanted, connectedHosts));
  return answer;
}

async function answerSalesforceConnection(deps: AccountMessageDeps, params: unknown): Promise<SalesforceConnectionAnswer> {
  const wanted = wantedInstanceOf(params);
  const valid = wanted === undefined || !('error' in parseServiceUrl(wanted.url));
  const session = valid ? await deps.accounts.salesforceFor(wanted?.url) : undefined;
  const answer = salesforceConnectionAnswer({
    wanted,
    session,
    connectedHosts: (await deps.accounts.state()).salesforce,
    trace: vscode.workspace.getConfiguration('hslist').get<string>('trace.server'),
    trusted: vscode.workspace.isTrusted,
  });
  deps.output.appendLine(`[client] Salesforce session asked by the server: ${describeSalesforceAnswer(answer, wanted)}`);
  return answer;
}

/** Installs the handler and the progress feature on every client, and forwards account and trust changes. */
export function registerAccountMessages(deps: AccountMessageDeps): vscode.Disposable[] {
  return [
    deps.server.onNewClient((client: LanguageClient) => {
      client.registerFeature(new NotificationProgressFeature(client));
      client.onRequest(AccountMessages.hubspotConnection, (params: unknown) => answerHubSpotConnection(deps, params));
      client.onRequest(AccountMessages.salesforceConnection, (params: unknown) => answerSalesforceConnection(deps, params));
    }),
    // Connect, disconnect, or another window's change (SecretStorage reports it): the server drops
    // what it read with the old account and, when the preview uses the live portal, loads again.
    deps.accounts.onDidChange(() => {
      deps.offers.reset();
      deps.server.notify(AccountMessages.accountsChanged, {});
    }),
    // Trusting the workspace allows the live calls refused until then: the server tries again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      deps.output.appendLine('[client] the workspace is trusted now: connected accounts may be used');
      deps.server.notify(AccountMessages.accountsChanged, {});
    }),
  ];
}
