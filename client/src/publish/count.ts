// "hslist: Count in HubSpot": HubSpot's own count of lists as the files define them, for criteria the
// local preview cannot judge. The lists are picked (those of the active file pre-selected), or given by
// the view's row or by the command's arguments; the server counts them through temporary lists it
// always deletes, under a cancellable progress notification.

import * as vscode from 'vscode';
import type { CountAnswer, CountView, EntryView } from '../../../server/src/lsp/publish/protocol';
import { describe, tellUnavailable, type PublishContext } from './context';
import { entryOf } from './plan-commands';

const SHOW_DETAILS = 'Show details';

export interface CountArgs {
  names?: string[];
}

async function pickLists(ctx: PublishContext): Promise<string[] | undefined> {
  const planned = await ctx.client.plan();
  if (planned.state === 'unavailable') {
    await tellUnavailable(ctx, planned, 'Count in HubSpot');
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const items = planned.plan.entries.filter((e) => e.status !== 'not-in-code').map((entry) => ({ label: entry.name, description: entry.location, picked: entry.uri === active, entry }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('hslist: the workspace has no list to count.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `Count in HubSpot (${planned.plan.host}): temporary lists, deleted once counted`,
    placeHolder: 'The lists HubSpot should count as the files define them',
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked && picked.length > 0 ? picked.map((p) => p.entry.name) : undefined;
}

function namesFrom(ctx: PublishContext, arg: unknown): string[] | undefined {
  if (typeof arg === 'object' && arg !== null && Array.isArray((arg as CountArgs).names)) return (arg as CountArgs).names;
  const entry: EntryView | undefined = entryOf(ctx, arg);
  return entry ? [entry.name] : undefined;
}

/** Returns the server's answer (tests read it), or undefined when nothing was counted. */
export async function countCommand(ctx: PublishContext, arg?: unknown): Promise<CountAnswer | undefined> {
  try {
    const names = namesFrom(ctx, arg) ?? (await pickLists(ctx));
    if (!names) return undefined;
    const answer = await ctx.client.count({ names });
    if (answer.state === 'unavailable') await tellUnavailable(ctx, answer, 'Count in HubSpot');
    else report(ctx, answer);
    return answer;
  } catch (error) {
    void vscode.window.showWarningMessage(`hslist: Count in HubSpot: ${describe(error)}`);
    return undefined;
  }
}

function report(ctx: PublishContext, answer: CountView): void {
  ctx.output.appendLine(`[publish] count:\n${answer.text}`);
  const message = countMessage(answer);
  const shown = message.warning ? vscode.window.showWarningMessage(message.text, SHOW_DETAILS) : vscode.window.showInformationMessage(message.text, SHOW_DETAILS);
  void Promise.resolve(shown).then((choice) => (choice === SHOW_DETAILS ? ctx.docs.show('hslist-count.txt', answer.text) : undefined));
}

/** One line for the notification: the counts, and what went wrong first (a list left behind above all). */
export function countMessage(answer: CountView): { text: string; warning: boolean } {
  if (answer.left.length > 0) {
    const ids = answer.left.map((l) => `#${l.listId}`).join(', ');
    return { text: `hslist: temporary list${answer.left.length === 1 ? '' : 's'} ${ids} could not be deleted: delete ${answer.left.length === 1 ? 'it' : 'them'} in HubSpot (details in the output).`, warning: true };
  }
  if (answer.cancelled) return { text: 'hslist: counting in HubSpot was cancelled; the temporary lists were deleted.', warning: true };
  const counted = answer.lists.filter((l) => l.size !== undefined).map((l) => `"${l.name}" ${l.size!.toLocaleString('en-US')}`);
  const missed = answer.lists.filter((l) => l.size === undefined);
  const head = counted.length > 0 ? `HubSpot counts ${counted.join(' · ')} contacts` : 'HubSpot counted no list';
  const tail = missed.length > 0 ? `; not counted: ${missed.map((l) => `"${l.name}" (${l.reason})`).join('; ')}` : '';
  return { text: `hslist: ${head}${tail}.`, warning: missed.length > 0 };
}
