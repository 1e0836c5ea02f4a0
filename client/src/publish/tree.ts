// The "HubSpot lists" view in the Explorer: every list of the workspace with its state in the connected
// portal, lists deleted from the files, and the portal's lists that are not kept as code. It shows the
// server's last plan (recomputed on every edit without a HubSpot request) and asks again when the server
// says the plan changed; Refresh reads the portal again.

import * as vscode from 'vscode';
import type { PlanAnswer } from '../../../server/src/lsp/publish/protocol';
import type { PublishClient } from './requests';
import { childNodes, rootNodes, rowOf, viewDescription, viewMessage, type PublishNode } from './tree-model';

export const VIEW_ID = 'hslist.publish';

export class PublishTree implements vscode.TreeDataProvider<PublishNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PublishNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private answer: PlanAnswer | undefined;
  private loading: Promise<PlanAnswer> | undefined;
  private view: vscode.TreeView<PublishNode> | undefined;

  constructor(private readonly client: PublishClient, private readonly output: vscode.OutputChannel) {}

  attach(view: vscode.TreeView<PublishNode>): void {
    this.view = view;
    this.showHeader();
  }

  /** The last answer (undefined before the first). */
  get current(): PlanAnswer | undefined {
    return this.answer;
  }

  /** Asks the server for the plan (`refresh`: read the portal again) and shows it. */
  reload(refresh = false): Promise<PlanAnswer> {
    // A server that is not running yet (or failed) is an answer too: the view says so instead of asking
    // again at once; the server's `ready` reloads.
    const load = Promise.resolve()
      .then(() => this.client.plan(refresh ? { refresh: true } : {}))
      .catch((error: unknown): PlanAnswer => {
        const message = error instanceof Error ? error.message : String(error);
        this.output.appendLine(`[publish] plan: ${message}`);
        return { state: 'unavailable', reason: 'error', message: `The plan cannot be read: ${message}.` };
      });
    this.loading = load;
    return load.then((answer) => {
      if (this.loading === load) this.show(answer);
      return answer;
    });
  }

  private show(answer: PlanAnswer): void {
    this.answer = answer;
    this.loading = undefined;
    this.showHeader();
    this.changed.fire(undefined);
  }

  private showHeader(): void {
    if (!this.view) return;
    this.view.message = viewMessage(this.answer);
    this.view.description = viewDescription(this.answer);
  }

  getTreeItem(node: PublishNode): vscode.TreeItem {
    const row = rowOf(node);
    const collapsible = node.kind === 'not-in-code' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(row.label, collapsible);
    item.id = row.id;
    item.description = row.description;
    item.tooltip = new vscode.MarkdownString(row.tooltip);
    item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined);
    item.contextValue = row.contextValue;
    item.accessibilityInformation = { label: row.description ? `${row.label}, ${row.description}` : row.label };
    if (row.command) item.command = row.command;
    return item;
  }

  async getChildren(node?: PublishNode): Promise<PublishNode[]> {
    if (node) return childNodes(node);
    if (!this.answer) await (this.loading ?? this.reload());
    return rootNodes(this.answer);
  }

  getParent(node: PublishNode): PublishNode | undefined {
    if (node.kind !== 'portal-list') return undefined;
    return rootNodes(this.answer).find((n) => n.kind === 'not-in-code');
  }

  /** Shows the row of a list of the files (a lens's click on a list without a diff). */
  async reveal(name: string): Promise<boolean> {
    const node = rootNodes(this.answer).find((n) => n.kind === 'list' && n.entry.name.toLowerCase() === name.toLowerCase());
    if (!node || !this.view) return false;
    await this.view.reveal(node, { select: true, focus: true });
    return true;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
