// Read-only documents of the publish commands: the plan, apply's and pull's outcomes, and the two
// sides of a criteria diff (HubSpot's and the files'). Virtual, so closing them never asks to save,
// and outside the language server's document selector (it checks only real files).

import * as vscode from 'vscode';

export const PUBLISH_SCHEME = 'hslist-publish';

export class PublishDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 1;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  /** A new document; `name` ends with its extension (".md", ".hslist"), which gives its language. */
  add(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PUBLISH_SCHEME, path: `/${this.next++}/${name.replace(/[^\p{L}\p{N}@#.()-]+/gu, '-')}` });
    this.texts.set(uri.path, text);
    return uri;
  }

  /** Opens a text (Markdown, plain) beside nothing: in the active group, kept open (not a preview tab). */
  async show(name: string, text: string): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(this.add(name, text));
    return vscode.window.showTextDocument(doc, { preview: false });
  }
}
