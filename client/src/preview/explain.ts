// "hslist: Explain contact…": asks for an email or id, and shows which groups and filters of the
// list under the cursor pass or fail with the contact's values, as a read-only Markdown document.

import * as vscode from 'vscode';
import type { PreviewClient } from './requests';

export const EXPLAIN_SCHEME = 'hslist-explain';

/** Read-only documents holding explanations (no "save changes?" when closed). */
export class ExplanationDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private next = 1;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  add(title: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${this.next++}/${title.replace(/[^\w@.-]+/g, '-')}.md` });
    this.texts.set(uri.path, text);
    return uri;
  }
}

export interface ExplainArgs {
  contact?: string;
  name?: string;
}

/** Returns the Markdown shown (tests use it), or undefined when there was nothing to explain. */
export async function explainContact(client: PreviewClient, docs: ExplanationDocuments, output: vscode.OutputChannel, args: ExplainArgs = {}): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const inHslist = editor?.document.languageId === 'hslist' ? editor : undefined;
  if (!args.name && !inHslist) {
    void vscode.window.showWarningMessage('hslist: put the cursor in a list of an .hslist file to explain a contact against it.');
    return undefined;
  }
  const contact = args.contact ?? (await vscode.window.showInputBox({
    title: 'Explain contact',
    prompt: 'Email address or contact id',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Enter an email address or a contact id.' : undefined),
  }));
  if (!contact) return undefined;
  const answer = await client.explain({
    contact,
    ...(args.name ? { name: args.name } : { uri: inHslist!.document.uri.toString(), position: inHslist!.selection.active }),
  });
  if (answer.error) {
    output.appendLine(`[preview] explain ${contact}: ${answer.error}`);
    void vscode.window.showWarningMessage(`hslist: ${answer.error}`);
    return undefined;
  }
  output.appendLine(`[preview] explain ${contact}:\n${answer.markdown}`);
  const uri = docs.add(`explain-${contact}`, answer.markdown);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  return answer.markdown;
}
