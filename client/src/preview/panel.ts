// The preview panel: one webview beside the editor showing the list under the cursor — its count,
// a funnel chart and a virtualised table of the matching contacts, paged from the server as the
// user scrolls. CSV export asks for a file with the save dialog and the extension writes it.

import * as vscode from 'vscode';
import { panelHtml } from './panel-html';
import { statusMessage, summaryMessage, viewOf } from './panel-messages';
import { salesforceSection } from './salesforce-text';
import type { ExportParams, PreviewClient, RowsView } from './requests';

type FromWebview =
  | { type: 'ready' }
  | { type: 'rows'; offset: number; limit: number; search: string; view?: RowsView; generation: number }
  | { type: 'export'; search: string; view?: RowsView }
  | { type: 'reload' };

const RELOAD_COMMAND = 'hslist.reloadContactData';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class PreviewPanel implements vscode.Disposable {
  static readonly viewType = 'hslist.preview';
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private listName: string;
  readonly html: string;
  /** The newest summary message posted to the webview (the extension-host tests read its texts). */
  lastSummary: Record<string, unknown> | undefined;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  /** `initialView` "salesforce": the panel opens on its Salesforce tab (the sync block's code lens asks for it). */
  constructor(private readonly extensionUri: vscode.Uri, private readonly client: PreviewClient, listName: string, private initialView?: string) {
    this.listName = listName;
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(PreviewPanel.viewType, this.title(), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: true,
    });
    const webview = this.panel.webview;
    this.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
    });
    webview.html = this.html;
    this.disposables.push(
      webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  get name(): string {
    return this.listName;
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Show another list, or the same one again after an edit; `view` "salesforce" opens the Salesforce tab. */
  async show(listName: string, view?: string): Promise<void> {
    this.listName = listName;
    this.panel.title = this.title();
    await this.sendSummary();
    if (view === 'salesforce') await this.panel.webview.postMessage({ type: 'view', view });
  }

  private title(): string {
    return `Preview: ${this.listName}`;
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'ready') {
      await this.sendSummary();
      if (this.initialView === 'salesforce') await this.panel.webview.postMessage({ type: 'view', view: this.initialView });
      this.initialView = undefined;
      return;
    }
    if (m.type === 'reload') {
      await vscode.commands.executeCommand(RELOAD_COMMAND);
      return;
    }
    if (m.type === 'rows') {
      try {
        const page = await this.client.rows({ name: this.listName, offset: m.offset, limit: m.limit, search: m.search, view: viewOf(m.view) });
        await this.panel.webview.postMessage({ type: 'rows', generation: m.generation, page });
      } catch (error) {
        await this.panel.webview.postMessage({ type: 'rows', generation: m.generation, error: describe(error) });
      }
      return;
    }
    if (m.type === 'export') await this.exportCsv(m.search, viewOf(m.view));
  }

  private async sendSummary(): Promise<void> {
    try {
      const name = this.listName;
      const summary = await this.client.summary(name);
      if (this.disposed || name !== this.listName) return;
      // A comparison read later (`published` absent now) comes with hslist/preview/updated (index.ts).
      await this.post(summaryMessage(summary));
      await this.sendSalesforce();
    } catch (error) {
      const status = await this.client.status().catch(() => undefined);
      await this.post(statusMessage(describe(error), status, this.listName));
    }
  }

  /** The Salesforce tab's texts (salesforce-text.ts); nothing when there is no Salesforce side. */
  private async sendSalesforce(): Promise<void> {
    const answer = await this.client.sync().catch(() => undefined);
    this.lastSalesforce = salesforceSection(answer);
    await this.panel.webview.postMessage({ type: 'salesforce', section: this.lastSalesforce });
  }

  /** The newest Salesforce tab texts (the extension-host tests read them). */
  lastSalesforce: ReturnType<typeof salesforceSection>;

  private async post(message: Record<string, unknown>): Promise<void> {
    this.lastSummary = message;
    await this.panel.webview.postMessage(message);
  }

  private async exportCsv(search: string, view: RowsView): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const suffix = view === 'matches' ? '' : `-would-${view}`;
    const suggested = `${this.listName.replace(/[^\w.-]+/g, '-')}${suffix}.csv`;
    const target = await vscode.window.showSaveDialog({
      title: `Export the contacts of "${this.listName}"`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, suggested) : undefined,
      filters: { CSV: ['csv'] },
    });
    if (!target) return;
    const result = await exportMatches(this.client, { name: this.listName, search, view }, target);
    await this.panel.webview.postMessage({ type: 'exported', ...result });
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.closed.fire();
    this.closed.dispose();
  }
}

/** Writes the view's contacts (after `search`) to `target`; used by the panel and the export command. */
export async function exportMatches(client: PreviewClient, params: ExportParams, target: vscode.Uri): Promise<{ path: string; rows: number; error?: string }> {
  try {
    const { csv, rows } = await client.exportCsv(params);
    await vscode.workspace.fs.writeFile(target, Buffer.from(csv, 'utf8'));
    return { path: target.fsPath, rows };
  } catch (error) {
    return { path: target.fsPath, rows: 0, error: `Export failed: ${describe(error)}` };
  }
}
