// The preview's client side: the commands (open the panel, explain a contact, export, reload the
// data), the panel following the list under the cursor, and re-reading the contact data when the
// `hslist.contactData` setting changes. Counts and hovers come from the server (code lenses,
// inlay hints, hover) and need nothing here.

import * as vscode from 'vscode';
import { ExplanationDocuments, EXPLAIN_SCHEME, explainContact, type ExplainArgs } from './explain';
import { exportMatches, PreviewPanel } from './panel';
import { PreviewClient, type PreviewTransport } from './requests';

export const PreviewCommands = {
  openPanel: 'hslist.openPreviewPanel',
  explainContact: 'hslist.explainContact',
  exportCsv: 'hslist.exportPreviewCsv',
  reloadData: 'hslist.reloadContactData',
} as const;

export interface PreviewDeps {
  server: PreviewTransport;
  output: vscode.OutputChannel;
  extensionUri: vscode.Uri;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class PreviewFeature implements vscode.Disposable {
  readonly client: PreviewClient;
  private panel: PreviewPanel | undefined;
  private timer: NodeJS.Timeout | undefined;
  readonly docs = new ExplanationDocuments();

  constructor(private readonly deps: PreviewDeps) {
    this.client = new PreviewClient(deps.server);
  }

  /** The list under the cursor of the active .hslist editor (or the one given). */
  private async listName(uriArg: unknown, nameArg: unknown): Promise<string | undefined> {
    if (typeof nameArg === 'string') return nameArg;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'hslist') return undefined;
    const uri = typeof uriArg === 'string' ? uriArg : uriArg instanceof vscode.Uri ? uriArg.toString() : editor.document.uri.toString();
    return (await this.client.listAt(uri, editor.selection.active))?.name;
  }

  /** Returns what the panel shows (tests read the HTML), or undefined when no list is at hand. */
  async openPanel(uriArg?: unknown, nameArg?: unknown): Promise<{ name: string; html: string } | undefined> {
    let name: string | undefined;
    try {
      name = await this.listName(uriArg, nameArg);
    } catch (error) {
      void vscode.window.showWarningMessage(`hslist: Open preview panel: ${describe(error)}`);
      return undefined;
    }
    if (!name) {
      void vscode.window.showWarningMessage('hslist: put the cursor in a list of an .hslist file to preview it.');
      return undefined;
    }
    if (!this.panel) {
      this.panel = new PreviewPanel(this.deps.extensionUri, this.client, name);
      this.panel.onDidClose(() => (this.panel = undefined));
    } else {
      this.panel.reveal();
      await this.panel.show(name);
    }
    return { name, html: this.panel.html };
  }

  /** After a cursor move or an edit: show the list now under the cursor (its newest numbers). */
  follow(document: vscode.TextDocument, delayMs: number, edited: boolean): void {
    if (!this.panel || document.languageId !== 'hslist') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const editor = vscode.window.activeTextEditor;
      if (!this.panel || editor?.document !== document) return;
      this.client.listAt(document.uri.toString(), editor.selection.active).then(
        (found) => (found && (edited || found.name !== this.panel?.name) ? this.panel?.show(found.name) : undefined),
        (error: unknown) => this.deps.output.appendLine(`[preview] ${describe(error)}`),
      );
    }, delayMs);
  }

  async reload(): Promise<void> {
    try {
      const status = await this.client.reload();
      this.deps.output.appendLine(`[preview] contact data: ${status.state}${status.source ? ` (${status.source})` : ''}`);
      if (this.panel) await this.panel.show(this.panel.name);
    } catch (error) {
      this.deps.output.appendLine(`[preview] reload: ${describe(error)}`);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
  }
}

export function registerPreview(deps: PreviewDeps): vscode.Disposable[] {
  const feature = new PreviewFeature(deps);
  return [
    feature,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, feature.docs),
    vscode.commands.registerCommand(PreviewCommands.openPanel, (uri?: unknown, name?: unknown) => feature.openPanel(uri, name)),
    vscode.commands.registerCommand(PreviewCommands.explainContact, (args?: ExplainArgs) =>
      explainContact(feature.client, feature.docs, deps.output, typeof args === 'object' && args !== null ? args : {})),
    vscode.commands.registerCommand(PreviewCommands.exportCsv, (name: string, target: vscode.Uri, search = '') =>
      exportMatches(feature.client, name, search, target)),
    vscode.commands.registerCommand(PreviewCommands.reloadData, () => feature.reload()),
    vscode.window.onDidChangeTextEditorSelection((e) => feature.follow(e.textEditor.document, 300, false)),
    vscode.workspace.onDidChangeTextDocument((e) => feature.follow(e.document, 700, true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('hslist.contactData')) void feature.reload();
    }),
  ];
}
