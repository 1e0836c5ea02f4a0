// What every publish command gets, and how it says that HubSpot cannot be reached.

import * as vscode from 'vscode';
import type { Unavailable } from '../../../server/src/lsp/publish/protocol';
import type { PublishDocuments } from './documents';
import type { PublishClient } from './requests';
import type { PublishTree } from './tree';
import { CONNECT_COMMAND } from './tree-model';

/** `vscode.window.showWarningMessage`, reduced; the extension-host tests swap in scripted answers. */
export type Ask = (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined>;

export interface PublishContext {
  client: PublishClient;
  tree: PublishTree;
  docs: PublishDocuments;
  output: vscode.OutputChannel;
  ask: Ask;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Not connected: a warning with a button to connect; a failed read: the sentence; cancelled: a line in the log. */
export async function tellUnavailable(ctx: PublishContext, answer: Unavailable, what: string): Promise<void> {
  ctx.output.appendLine(`[publish] ${what}: ${answer.message}`);
  if (answer.reason === 'cancelled') return;
  if (answer.reason === 'not-connected') {
    const connect = 'Connect HubSpot account';
    if ((await vscode.window.showWarningMessage(`hslist: ${what}: ${answer.message}`, connect)) === connect) await vscode.commands.executeCommand(CONNECT_COMMAND);
    return;
  }
  void vscode.window.showWarningMessage(`hslist: ${what}: ${answer.message}`);
}
