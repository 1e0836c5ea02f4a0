// Publishing's client side: the "HubSpot lists" view, the palette commands (Plan, Apply, Pull lists…,
// Refresh) and the view's context actions, the documents they open, and keeping the server told when
// the HubSpot connection changes. States and lenses come from the server (server/src/lsp/publish/).

import * as vscode from 'vscode';
import { PUBLISH_LENS_COMMAND, PublishNotifications, type PlanAnswer } from '../../../server/src/lsp/publish/protocol';
import type { ClientSetup } from '../server-connection';
import type { ServerState } from '../status';
import { applyCommand } from './apply';
import { countCommand } from './count';
import type { Ask, PublishContext } from './context';
import { PUBLISH_SCHEME, PublishDocuments } from './documents';
import { entryOf, lensAction, openDefinition, planCommand, showDiff } from './plan-commands';
import { pullCommand, type PullArgs } from './pull';
import { PublishClient, type PublishTransport } from './requests';
import { PublishTree, VIEW_ID } from './tree';
import { rowOf, type PublishNode } from './tree-model';
import { scriptedAsk, treeRows, type PublishTestHooks } from './test-hooks';
import { markWhen } from '../walkthrough';

export const PublishCommands = {
  plan: 'hslist.publish.plan',
  apply: 'hslist.publish.apply',
  applyPrune: 'hslist.publish.applyPrune',
  pull: 'hslist.publish.pull',
  refresh: 'hslist.publish.refresh',
  openDefinition: 'hslist.publish.openDefinition',
  showDiff: 'hslist.publish.showDiff',
  pullOne: 'hslist.publish.pullOne',
  count: 'hslist.publish.count',
  lensAction: PUBLISH_LENS_COMMAND,
} as const;

/** The context key that shows the view once the extension runs (it must not activate the extension by itself). */
const ENABLED_KEY = 'hslist.publish.enabled';

export interface PublishDeps {
  server: PublishTransport & {
    notify(method: string, params: unknown): boolean;
    onNewClient(setup: ClientSetup): vscode.Disposable;
    onDidChangeState: vscode.Event<ServerState>;
  };
  output: vscode.OutputChannel;
  /** Fires when a HubSpot account is connected or disconnected (here or in another window). */
  onAccountsChanged: vscode.Event<unknown>;
  /** Under an extension test runner: modals take scripted answers, and the hooks are returned. */
  testMode: boolean;
}

function commands(ctx: PublishContext): Record<string, (...args: unknown[]) => unknown> {
  return {
    [PublishCommands.plan]: () => planCommand(ctx).then(markWhen('publish')),
    [PublishCommands.apply]: () => applyCommand(ctx).then(markWhen('publish')),
    [PublishCommands.applyPrune]: () => applyCommand(ctx, true),
    [PublishCommands.pull]: (args?: unknown) => pullCommand(ctx, typeof args === 'object' && args !== null && !('kind' in args) ? (args as PullArgs) : undefined),
    [PublishCommands.refresh]: () => ctx.tree.reload(true),
    [PublishCommands.openDefinition]: (arg) => openDefinition(entryOf(ctx, arg)),
    [PublishCommands.showDiff]: (arg) => {
      const entry = entryOf(ctx, arg);
      return entry ? showDiff(ctx, entry.name) : false;
    },
    [PublishCommands.pullOne]: (arg) => {
      const node = arg as PublishNode | undefined;
      return node?.kind === 'portal-list' ? pullCommand(ctx, { listIds: [node.list.listId] }) : undefined;
    },
    [PublishCommands.lensAction]: (name) => lensAction(ctx, name),
    [PublishCommands.count]: (arg) => countCommand(ctx, arg),
  };
}

export function registerPublish(deps: PublishDeps): { disposables: vscode.Disposable[]; testHooks?: PublishTestHooks } {
  const client = new PublishClient(deps.server);
  const tree = new PublishTree(client, deps.output);
  const docs = new PublishDocuments();
  const scripted = deps.testMode ? scriptedAsk() : undefined;
  const ask: Ask = scripted?.ask ?? ((message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items));
  const ctx: PublishContext = { client, tree, docs, output: deps.output, ask };
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree });
  tree.attach(view);
  void vscode.commands.executeCommand('setContext', ENABLED_KEY, true);
  const connectionChanged = () => deps.server.notify(PublishNotifications.connectionChanged, {});
  const disposables: vscode.Disposable[] = [
    tree,
    view,
    vscode.workspace.registerTextDocumentContentProvider(PUBLISH_SCHEME, docs),
    ...Object.entries(commands(ctx)).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
    deps.server.onNewClient((languageClient) => {
      languageClient.onNotification(PublishNotifications.updated, () => void tree.reload());
    }),
    // Each start of the server (also a restart) asks for the plan: the server then shows publish lenses.
    deps.server.onDidChangeState((state) => (state === 'ready' ? void tree.reload() : undefined)),
    deps.onAccountsChanged(connectionChanged),
    vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('hslist.hubspot.baseUrl') ? connectionChanged() : undefined)),
  ];
  if (!scripted) return { disposables };
  return {
    disposables,
    testHooks: {
      tree: () => treeRows(tree, (node) => rowOf(node)),
      message: () => view.message,
      plan: (): PlanAnswer | undefined => tree.current,
      answerModals: scripted.answer,
      asked: scripted.asked,
    },
  };
}
