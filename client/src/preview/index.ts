// The preview's client side: the commands (open the panel, explain a contact, export, reload the
// data), the panel following the list under the cursor, and re-reading the contact data when the
// `hslist.contactData` setting changes. Counts and hovers come from the server (code lenses,
// inlay hints, hover) and need nothing here.

import * as vscode from 'vscode';
import { previewFromFile, previewFromHubSpot, type DataChoice } from './data-source';
import { ExplanationDocuments, EXPLAIN_SCHEME, explainContact, type ExplainArgs } from './explain';
import { exportMatches, PreviewPanel } from './panel';
import { viewOf } from './panel-messages';
import { PreviewClient, type PreviewStatus, type PreviewTransport } from './requests';
import { markWhen } from '../walkthrough';

export const PreviewCommands = {
  openPanel: 'hslist.openPreviewPanel',
  explainContact: 'hslist.explainContact',
  exportCsv: 'hslist.exportPreviewCsv',
  reloadData: 'hslist.reloadContactData',
  previewFromHubSpot: 'hslist.previewFromHubSpot',
  previewFromFile: 'hslist.previewFromFile',
} as const;

export interface PreviewDeps {
  server: PreviewTransport;
  output: vscode.OutputChannel;
  extensionUri: vscode.Uri;
  /** Whether a HubSpot account is connected (its token stored). */
  hubSpotConnected(): Promise<boolean>;
  /** Subscribes to the server's `hslist/preview/updated` ({ names }: the lists whose preview changed; absent: all). */
  onPreviewUpdated(listener: (names: string[] | undefined) => void): vscode.Disposable;
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

  /** Returns what the panel shows (tests read the HTML and the newest summary), or undefined when no list is at hand. */
  async openPanel(uriArg?: unknown, nameArg?: unknown, viewArg?: unknown): Promise<{ name: string; html: string; summary?: Record<string, unknown>; salesforce?: unknown } | undefined> {
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
    const view = typeof viewArg === 'string' ? viewArg : undefined;
    if (!this.panel) {
      this.panel = new PreviewPanel(this.deps.extensionUri, this.client, name, view);
      this.panel.onDidClose(() => (this.panel = undefined));
    } else {
      this.panel.reveal();
      await this.panel.show(name, view);
    }
    return { name, html: this.panel.html, summary: this.panel.lastSummary, salesforce: this.panel.lastSalesforce };
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

  /** The server's numbers changed (an evaluation, a comparison that arrived, data gone): the panel asks again. */
  updated(names: unknown): void {
    const panel = this.panel;
    if (!panel) return;
    // An empty list changes nothing: asking again would make the server evaluate again, and so on.
    if (!Array.isArray(names) || names.includes(panel.name)) void panel.show(panel.name);
  }

  /** Returns the server's status after the load (tests read it), or undefined when the request failed. */
  async reload(): Promise<PreviewStatus | undefined> {
    try {
      const status = await this.client.reload();
      this.deps.output.appendLine(`[preview] contact data: ${status.state}${status.source ? ` (${status.source})` : ''}`);
      if (this.panel) await this.panel.show(this.panel.name);
      return status;
    } catch (error) {
      this.deps.output.appendLine(`[preview] reload: ${describe(error)}`);
      return undefined;
    }
  }

  /** After a data command: an unchanged setting fires no configuration event, so load again here. */
  async chosen(choice: DataChoice | undefined): Promise<DataChoice | undefined> {
    if (choice && !choice.changed) await this.reload();
    return choice;
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
    deps.onPreviewUpdated((names) => feature.updated(names)),
    vscode.commands.registerCommand(PreviewCommands.openPanel, (uri?: unknown, name?: unknown, view?: unknown) => feature.openPanel(uri, name, view).then(markWhen('preview'))),
    vscode.commands.registerCommand(PreviewCommands.explainContact, (args?: ExplainArgs) =>
      explainContact(feature.client, feature.docs, deps.output, typeof args === 'object' && args !== null ? args : {})),
    vscode.commands.registerCommand(PreviewCommands.exportCsv, (name: string, target: vscode.Uri, search = '', view?: unknown) =>
      exportMatches(feature.client, { name, search, view: viewOf(view) }, target)),
    vscode.commands.registerCommand(PreviewCommands.reloadData, () => feature.reload()),
    vscode.commands.registerCommand(PreviewCommands.previewFromHubSpot, async () => feature.chosen(await previewFromHubSpot(deps))),
    vscode.commands.registerCommand(PreviewCommands.previewFromFile, async (file?: unknown) =>
      feature.chosen(await previewFromFile(deps, file instanceof vscode.Uri ? file : undefined))),
    vscode.window.onDidChangeTextEditorSelection((e) => feature.follow(e.textEditor.document, 300, false)),
    vscode.workspace.onDidChangeTextDocument((e) => feature.follow(e.document, 700, true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Another HubSpot host is other data (and maybe no connection): load again.
      if (e.affectsConfiguration('hslist.contactData') || e.affectsConfiguration('hslist.hubspot.baseUrl')) void feature.reload();
    }),
  ];
}
