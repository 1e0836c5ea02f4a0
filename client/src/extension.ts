// Entry point of the hslist VS Code extension: wires the output channel, the status bar, the
// accounts in SecretStorage, the language server connection and the palette commands.
import * as vscode from 'vscode';
import { registerAccountMessages } from './account-messages';
import { Accounts } from './accounts';
import { registerCommands } from './commands';
import { PreviewNotifications } from '../../server/src/lsp/preview/protocol';
import { registerPreview } from './preview';
import { registerPublish } from './publish';
import type { PublishTestHooks } from './publish/test-hooks';
import { OUTPUT_CHANNEL_NAME, PingResult } from './ids';
import { ServerConnection } from './server-connection';
import { ServerState, StatusItem } from './status';

/** What `activate` returns: a small surface for the extension-host tests and other extensions. */
export interface HslistApi {
  serverState(): ServerState;
  statusText(): string;
  ping(): Promise<PingResult>;
  /** Resolves once the server reached `ready` (or `error`): lets tests wait on an event, not a sleep. */
  whenSettled(): Promise<ServerState>;
  /**
   * Test hook: stores a HubSpot token as "hslist: Connect HubSpot account" does (the extension-host
   * tests cannot type into its input box; the UI tests drive the real box). Only present when the
   * extension runs under an extension test runner: another extension must not swap the user's token.
   */
  connectHubSpotForTest?(token: string): Promise<void>;
  /** Test hooks of publishing (the HubSpot lists view, scripted answers to Apply's modals); same condition. */
  publishForTest?: PublishTestHooks;
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
  accounts.onDidChange((state) => status.setAccounts(state), undefined, context.subscriptions);
  status.setAccounts(await accounts.state());
  // Before the first start: every client the connection creates gets the handlers and the progress feature.
  context.subscriptions.push(...registerAccountMessages({ server, accounts, output }));
  context.subscriptions.push(...registerCommands({ server, accounts, output }));
  context.subscriptions.push(...registerPreview({
    server,
    output,
    extensionUri: context.extensionUri,
    hubSpotConnected: async () => (await accounts.hubSpotToken()) !== undefined,
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
    ...(context.extensionMode === vscode.ExtensionMode.Test ? { connectHubSpotForTest: (token: string) => accounts.setHubSpotToken(token) } : {}),
    ...(publish.testHooks ? { publishForTest: publish.testHooks } : {}),
  };
}

export async function deactivate(): Promise<void> {
  await connection?.stop();
  connection = undefined;
}
