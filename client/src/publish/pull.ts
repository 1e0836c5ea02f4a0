// "hslist: Pull lists…": a multi-select quick pick of the portal's lists that are not kept as code,
// then where to write them (the workspace root or a folder the user picks). The server writes each
// list only when its file checks clean with the workspace; the written files are opened.

import * as vscode from 'vscode';
import type { PortalList, PullAnswer } from '../../../server/src/lsp/publish/protocol';
import { describe, tellUnavailable, type PublishContext } from './context';

const TYPES: Record<string, string> = { DYNAMIC: 'active', MANUAL: 'static', SNAPSHOT: 'snapshot' };
const SHOW_DETAILS = 'Show details';

export interface PullArgs {
  listIds?: string[];
  /** Absolute folder; the workspace root (hslist.json's folder) when absent. */
  outDir?: string;
}

async function pickLists(ctx: PublishContext): Promise<PortalList[] | undefined> {
  const listed = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'hslist: reading the portal\'s lists' }, () => ctx.client.portalLists());
  if (listed.state === 'unavailable') {
    await tellUnavailable(ctx, listed, 'Pull lists');
    return undefined;
  }
  if (listed.lists.length === 0) {
    void vscode.window.showInformationMessage(`hslist: every contact list of HubSpot (${listed.host}) is kept as code already.`);
    return undefined;
  }
  const items = listed.lists.map((list) => ({ label: list.name, description: `#${list.listId} · ${TYPES[list.processingType] ?? list.processingType}`, list }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Pull lists from HubSpot (${listed.host})`,
    placeHolder: 'Lists of the portal that are not kept as code: pick one or more',
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked && picked.length > 0 ? picked.map((p) => p.list) : undefined;
}

/** The folder for the files: undefined for the workspace root; null when the user backed out. */
async function pickFolder(): Promise<string | undefined | null> {
  const root = { label: 'Workspace root', description: "the folder of hslist.json", folder: false };
  const other = { label: 'Choose a folder…', description: 'inside the workspace, so plan and apply see the files', folder: true };
  const choice = await vscode.window.showQuickPick([root, other], { title: 'Where should the .hslist files go?', ignoreFocusOut: true });
  if (!choice) return null;
  if (!choice.folder) return undefined;
  const picked = await vscode.window.showOpenDialog({
    title: 'Folder for the pulled lists',
    openLabel: 'Pull into this folder',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0] ? picked[0].fsPath : null;
}

/** Returns the server's answer (tests read it), or undefined when nothing was pulled. */
export async function pullCommand(ctx: PublishContext, args?: PullArgs): Promise<PullAnswer | undefined> {
  try {
    const listIds = args?.listIds ?? (await pickLists(ctx))?.map((l) => l.listId);
    if (!listIds) return undefined;
    const outDir = args ? args.outDir : await pickFolder();
    if (outDir === null) return undefined;
    const title = `hslist: pulling ${listIds.length} list${listIds.length === 1 ? '' : 's'} from HubSpot`;
    const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => ctx.client.pull({ listIds, ...(outDir ? { outDir } : {}) }));
    await report(ctx, answer);
    return answer;
  } catch (error) {
    void vscode.window.showWarningMessage(`hslist: Pull lists: ${describe(error)}`);
    return undefined;
  }
}

async function report(ctx: PublishContext, answer: PullAnswer): Promise<void> {
  if (answer.state === 'unavailable') return tellUnavailable(ctx, answer, 'Pull lists');
  ctx.output.appendLine(`[publish] pull:\n${answer.text}`);
  for (const [i, w] of answer.written.entries()) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(w.uri));
    await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: i < answer.written.length - 1 });
  }
  const written = `${answer.written.length} list${answer.written.length === 1 ? '' : 's'}`;
  if (answer.failed.length === 0) {
    void vscode.window.showInformationMessage(`hslist: pulled ${written} from portal ${answer.portalId}; recorded in hslist.lock.json.`);
    return;
  }
  const first = answer.failed[0];
  const message = `hslist: pulled ${written}; ${answer.failed.length} not pulled ("${first.name}": ${first.reasons[0] ?? 'see details'}).`;
  void Promise.resolve(vscode.window.showWarningMessage(message, SHOW_DETAILS)).then((c) => (c === SHOW_DETAILS ? ctx.docs.show('hslist-pull.txt', answer.text) : undefined));
}
