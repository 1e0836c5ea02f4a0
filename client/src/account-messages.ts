// The accounts side of the server connection: the server asks for the HubSpot connection right before
// it talks to HubSpot (live preview, published-list comparison), and hears when accounts change.
// The token goes only into the answer: the log names the outcome, never the value.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AccountMessages, type HubSpotConnectionAnswer } from '../../server/src/lsp/preview/protocol';
import type { Accounts } from './accounts';
import { connectionAnswer, describeAnswer } from './hubspot-connection';
import { NotificationProgressFeature } from './progress';
import type { ServerConnection } from './server-connection';

export interface AccountMessageDeps {
  server: ServerConnection;
  accounts: Accounts;
  output: vscode.OutputChannel;
}

async function answerHubSpotConnection(deps: AccountMessageDeps): Promise<HubSpotConnectionAnswer> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const answer = connectionAnswer({
    token: await deps.accounts.hubSpotToken(),
    baseUrl: vscode.workspace.getConfiguration('hslist', folder).get<string>('hubspot.baseUrl'),
    trace: vscode.workspace.getConfiguration('hslist').get<string>('trace.server'),
  });
  deps.output.appendLine(`[client] HubSpot connection asked by the server: ${describeAnswer(answer)}`);
  return answer;
}

/** Installs the handler and the progress feature on every client, and forwards account changes. */
export function registerAccountMessages(deps: AccountMessageDeps): vscode.Disposable[] {
  return [
    deps.server.onNewClient((client: LanguageClient) => {
      client.registerFeature(new NotificationProgressFeature(client));
      client.onRequest(AccountMessages.hubspotConnection, () => answerHubSpotConnection(deps));
    }),
    // Connect, disconnect, or another window's change (SecretStorage reports it): the server drops
    // what it read with the old account and, when the preview uses the live portal, loads again.
    deps.accounts.onDidChange(() => {
      deps.server.notify(AccountMessages.accountsChanged, {});
    }),
  ];
}
