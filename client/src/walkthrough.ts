// The Getting Started walkthrough (`contributes.walkthroughs` in package.json, texts in media/walkthrough/):
// each step completes on a context key set here when its action really succeeded (files created or an
// .hslist file open, an account stored, the schema pulled, the preview panel shown, a plan shown), not
// merely when a command was started. And "hslist: Create a workspace here", the first step's action.
import * as vscode from 'vscode';
import type { AccountState } from './accounts';
import { CREATE_WORKSPACE_COMMAND, LANGUAGE_ID, WalkthroughSteps } from './ids';

export type WalkthroughStep = keyof typeof WalkthroughSteps;

export function markStep(step: WalkthroughStep): void {
  void vscode.commands.executeCommand('setContext', WalkthroughSteps[step], true);
}

/** The step's mark when its value says it is done: useful as `.then(markWhen('preview'))` on a command's result. */
export function markWhen<T>(step: WalkthroughStep, done: (value: T) => boolean = (value) => value !== undefined): (value: T) => T {
  return (value) => {
    if (done(value)) markStep(step);
    return value;
  };
}

export function accountsConnected(state: AccountState): boolean {
  return state.hubspot.length > 0 || state.salesforce.length > 0;
}

const HSLIST_JSON = 'hslist.json';
const FIRST_LIST = 'lists.hslist';
// Reads the connected portal: the walkthrough's next steps connect an account and preview it.
const CONFIG_TEXT = '{\n  "contacts": "hubspot"\n}\n';
const LIST_TEXT = [
  '// A first list: hover a property for what it holds, Ctrl+Space for what can follow.',
  'list "Created in the last 6 weeks" {',
  '  type: active',
  '  where email is known',
  '    and createdate is in last 6 weeks',
  '}',
  '',
].join('\n');

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `hslist.json` and a first list into the first workspace folder, each only when missing (never
 * over a file), then opens the folder's first .hslist file. Returns the files written (tests read it).
 */
export async function createWorkspace(): Promise<string[] | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const open = 'Open Folder…';
    const choice = await vscode.window.showInformationMessage('hslist: open the folder for your lists first (an empty one is fine), then run this again.', open);
    if (choice === open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    return undefined;
  }
  const written: string[] = [];
  const config = vscode.Uri.joinPath(folder.uri, HSLIST_JSON);
  if (!(await exists(config))) {
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(CONFIG_TEXT));
    written.push(HSLIST_JSON);
  }
  let [list] = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.hslist'), '**/node_modules/**', 1);
  if (!list) {
    list = vscode.Uri.joinPath(folder.uri, FIRST_LIST);
    await vscode.workspace.fs.writeFile(list, new TextEncoder().encode(LIST_TEXT));
    written.push(FIRST_LIST);
  }
  await vscode.window.showTextDocument(list, { preview: false });
  const what = written.length > 0 ? `created ${written.join(' and ')}` : 'hslist.json and the lists were already there: nothing written';
  void vscode.window.showInformationMessage(`hslist: ${what} in ${folder.name}.`);
  markStep('workspace');
  return written;
}

/** The command, and the first step done as soon as an .hslist file is open (a workspace that already has lists). */
export function registerWalkthrough(): vscode.Disposable[] {
  const isList = (doc: vscode.TextDocument) => doc.languageId === LANGUAGE_ID;
  if (vscode.workspace.textDocuments.some(isList)) markStep('workspace');
  return [
    vscode.commands.registerCommand(CREATE_WORKSPACE_COMMAND, createWorkspace),
    vscode.workspace.onDidOpenTextDocument((doc) => (isList(doc) ? markStep('workspace') : undefined)),
  ];
}
