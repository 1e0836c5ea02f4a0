// "hslist: Plan" (the plan as the CLI prints it, and a diff editor for each list whose criteria HubSpot
// holds otherwise), "Show diff with HubSpot", "Open definition", and what a publish lens does.

import * as vscode from 'vscode';
import type { EntryView, PlanView } from '../../../server/src/lsp/publish/protocol';
import { describe, tellUnavailable, type PublishContext } from './context';
import { planMarkdown } from './plan-text';
import type { PublishNode } from './tree-model';
import { VIEW_ID } from './tree';

/** Diff editors opened by one Plan at most; the others are a click away in the lists view. */
const MAX_DIFFS = 5;

/** Returns the plan shown (tests read it), or undefined when there is none. */
export async function planCommand(ctx: PublishContext, prune = false): Promise<PlanView | undefined> {
  let answer;
  try {
    answer = await ctx.client.plan({ impacts: true, prune });
  } catch (error) {
    void vscode.window.showWarningMessage(`hslist: Plan: ${describe(error)}`);
    return undefined;
  }
  if (answer.state === 'unavailable') {
    await tellUnavailable(ctx, answer, 'Plan');
    return undefined;
  }
  const view = answer.plan;
  ctx.output.appendLine(`[publish] ${view.summary}`);
  for (const entry of view.entries.filter((e) => e.hasDiff).slice(0, MAX_DIFFS)) await showDiff(ctx, entry.name, true);
  const doc = await vscode.workspace.openTextDocument(ctx.docs.add('hslist-plan.md', planMarkdown(view)));
  await vscode.window.showTextDocument(doc, { preview: false });
  return view;
}

/** HubSpot's criteria on the left, the files' on the right: what apply (with --force when drifted) changes. */
export async function showDiff(ctx: PublishContext, name: string, background = false): Promise<boolean> {
  const texts = await ctx.client.criteria(name);
  if (texts.state === 'none') {
    if (!background) void vscode.window.showInformationMessage(`hslist: ${texts.message}`);
    return false;
  }
  if (texts.note) ctx.output.appendLine(`[publish] ${texts.name}: ${texts.note}`);
  const left = ctx.docs.add(`HubSpot #${texts.listId} ${texts.name}.hslist`, texts.hubspotText);
  const right = ctx.docs.add(`files ${texts.name}.hslist`, texts.fileText);
  const title = `${texts.name}: HubSpot #${texts.listId} ↔ ${texts.location ?? 'the files'}`;
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false, preserveFocus: background });
  return true;
}

export async function openDefinition(entry: EntryView | undefined): Promise<boolean> {
  if (!entry?.uri) return false;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.uri));
  const at = new vscode.Position(entry.line ?? 0, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: false });
  return true;
}

/** The entry a command was given: a view row, or a list name (lens, palette, tests). */
export function entryOf(ctx: PublishContext, arg: unknown): EntryView | undefined {
  if (typeof arg === 'object' && arg !== null && (arg as PublishNode).kind === 'list') return (arg as Extract<PublishNode, { kind: 'list' }>).entry;
  if (typeof arg !== 'string') return undefined;
  const answer = ctx.tree.current;
  return answer?.state === 'planned' ? answer.plan.entries.find((e) => e.name.toLowerCase() === arg.toLowerCase()) : undefined;
}

/** A publish lens: the diff when HubSpot holds other criteria, else the list's row in the view. */
export async function lensAction(ctx: PublishContext, name: unknown): Promise<void> {
  const entry = entryOf(ctx, name);
  if (!entry) return;
  if (entry.hasDiff && (await showDiff(ctx, entry.name))) return;
  await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  await ctx.tree.reveal(entry.name);
}
