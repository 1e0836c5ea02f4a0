// Entry point of the hslist VS Code extension: wires the output channel, the status bar, the
// accounts in SecretStorage, the language server connection and the palette commands.
import * as vscode from 'vscode';
import { registerAccountMessages } from './account-messages';
import { HUBSPOT_API_URL } from '../../server/src/accounts/hosts';
import { Accounts, type AccountState } from './accounts';
import { registerCommands } from './commands';
import { ConnectOffers, type ConnectOffer } from './connect-offers';
import { PreviewNotifications } from '../../server/src/lsp/preview/protocol';
import { registerPreview } from './preview';
import { registerPublish } from './publish';
import type { PublishTestHooks } from './publish/test-hooks';
import { OUTPUT_CHANNEL_NAME, PingResult } from './ids';
import { ServerConnection } from './server-connection';
import { ServerState, StatusItem } from './status';
import { accountsConnected, markStep, registerWalkthrough } from './walkthrough';

/** What `activate` returns: a small surface for the extension-host tests and other extensions. */
export interface HslistApi {
  serverState(): ServerState;
  statusText(): string;
  ping(): Promise<PingResult>;
  /** Resolves once the server reached `ready` (or `error`): lets tests wait on an event, not a sleep. */
  whenSettled(): Promise<ServerState>;
  /**
   * Test hooks: store a credential bound to a host as the Connect commands do (the extension-host
   * tests cannot type into their input boxes; the UI tests drive the real boxes), list the hosts
   * connected, and the offers to connect made so far. Only present when the extension runs under an
   * extension test runner: another extension must not swap the user's tokens.
   */
  connectHubSpotForTest?(token: string, baseUrl?: string): Promise<void>;
  connectSalesforceForTest?(instanceUrl: string, token: string): Promise<void>;
  connectedHostsForTest?(): Promise<AccountState>;
  connectOffersForTest?(): ConnectOffer[];
  /** Test hooks of publishing (the HubSpot lists view, scripted answers to Apply's modals); same condition. */
  publishForTest?: PublishTestHooks;
}

function testHooks(accounts: Accounts, offers: ConnectOffers): Partial<HslistApi> {
  return {
    connectHubSpotForTest: async (token, baseUrl = HUBSPOT_API_URL) => void (await accounts.connectHubSpot(baseUrl, token)),
    connectSalesforceForTest: async (instanceUrl, token) => void (await accounts.connectSalesforce(instanceUrl, token)),
    connectedHostsForTest: () => accounts.state(),
    connectOffersForTest: () => [...offers.offered],
  };
}

let connection: ServerConnection | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<HslistApi> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  const status = new StatusItem();
  const accounts = new Accounts(context.secrets);
  const server = new ServerConnection(context.asAbsolutePath('dist/server.js'), output);
  connection = server;
  context.subscriptions.push(output, status, accounts, server);

  server.onDidChangeState((state) => status.setServerState(state), undefined, context.subscriptions);
  const showAccounts = (state: AccountState): void => {
    status.setAccounts(state);
    if (accountsConnected(state)) markStep('connect');
  };
  accounts.onDidChange(showAccounts, undefined, context.subscriptions);
  for (const line of await accounts.migrate()) output.appendLine(`[client] ${line}`);
  showAccounts(await accounts.state());
  context.subscriptions.push(...registerWalkthrough());
  const offers = new ConnectOffers(output);
  // Before the first start: every client the connection creates gets the handlers and the progress feature.
  context.subscriptions.push(...registerAccountMessages({ server, accounts, offers, output }));
  context.subscriptions.push(...registerCommands({ server, accounts, offers, output }));
  context.subscriptions.push(...registerPreview({
    server,
    output,
    extensionUri: context.extensionUri,
    hubSpotConnected: async () => (await accounts.state()).hubspot.length > 0,
    onPreviewUpdated: (listener) => server.onNewClient((client) => {
      client.onNotification(PreviewNotifications.updated, (params: { names?: string[] } | undefined) => listener(params?.names));
    }),
  }));

  const publish = registerPublish({ server, output, onAccountsChanged: accounts.onDidChange, testMode: context.extensionMode === vscode.ExtensionMode.Test });
  context.subscriptions.push(...publish.disposables);

  output.appendLine(`[client] hslist ${context.extension.packageJSON.version as string} activating`);
  const started = server.start();
  return {
    serverState: () => server.currentState,
    statusText: () => status.text,
    ping: () => server.ping(),
    whenSettled: () => started.then(() => server.currentState),
    ...(context.extensionMode === vscode.ExtensionMode.Test ? testHooks(accounts, offers) : {}),
    ...(publish.testHooks ? { publishForTest: publish.testHooks } : {}),
  };
}

export async function deactivate(): Promise<void> {
  await connection?.stop();
  connection = undefined;
}
