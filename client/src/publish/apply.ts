// "hslist: Apply": plans with who would enter and leave, asks in a modal (the counts, the inclusion
// list's +enter/−leave and what that means for Salesforce), asks a second time before overwriting lists
// changed in HubSpot (--force), then lets the server apply: its cancellable progress notification shows
// the work, and a summary follows. The server refuses when the plan is no longer the one confirmed.

import * as vscode from 'vscode';
import type { ApplyAnswer, PlanView } from '../../../server/src/lsp/publish/protocol';
import { APPLY, applyQuestion, applySummary, forceQuestion, needingForce, nothingToApply, OVERWRITE, runnableWithoutForce, WITHOUT_DRIFTED } from './apply-texts';
import { describe, tellUnavailable, type PublishContext } from './context';

const SHOW_DETAILS = 'Show details';

/** The user's answers: whether to apply, and with --force; undefined when they declined. */
async function confirmed(ctx: PublishContext, view: PlanView): Promise<{ force: boolean } | undefined> {
  const plain = runnableWithoutForce(view).length;
  if (plain > 0) {
    const q = applyQuestion(view);
    if ((await ctx.ask(q.message, { modal: true, detail: q.detail }, APPLY)) !== APPLY) return undefined;
  }
  if (needingForce(view).length === 0) return { force: false };
  const q = forceQuestion(view);
  const choice = await ctx.ask(q.message, { modal: true, detail: q.detail }, OVERWRITE, ...(plain > 0 ? [WITHOUT_DRIFTED] : []));
  if (choice === OVERWRITE) return { force: true };
  return choice === WITHOUT_DRIFTED ? { force: false } : undefined;
}

/** Returns the server's answer (tests read it), or undefined when nothing was sent. */
export async function applyCommand(ctx: PublishContext, prune = false): Promise<ApplyAnswer | undefined> {
  try {
    const planned = await ctx.client.plan({ impacts: true, prune });
    if (planned.state === 'unavailable') {
      await tellUnavailable(ctx, planned, 'Apply');
      return undefined;
    }
    const view = planned.plan;
    if (runnableWithoutForce(view).length === 0 && needingForce(view).length === 0) {
      void vscode.window.showInformationMessage(nothingToApply(view));
      return undefined;
    }
    const answers = await confirmed(ctx, view);
    if (!answers) {
      ctx.output.appendLine('[publish] apply: not confirmed; nothing was changed');
      return undefined;
    }
    const answer = await ctx.client.apply({ force: answers.force, prune, expect: view.fingerprint });
    await report(ctx, answer);
    return answer;
  } catch (error) {
    void vscode.window.showWarningMessage(`hslist: Apply: ${describe(error)}`);
    return undefined;
  }
}

async function report(ctx: PublishContext, answer: ApplyAnswer): Promise<void> {
  if (answer.state === 'unavailable') return tellUnavailable(ctx, answer, 'Apply');
  if (answer.state === 'stale') {
    void vscode.window.showWarningMessage(`hslist: ${answer.message}`);
    return;
  }
  ctx.output.appendLine(`[publish] apply:\n${answer.text}`);
  const summary = applySummary(answer);
  const shown = summary.warning ? vscode.window.showWarningMessage(summary.message, SHOW_DETAILS) : vscode.window.showInformationMessage(summary.message, SHOW_DETAILS);
  // Not awaited: the toast may stay until dismissed, and the command's caller should not wait on it.
  void Promise.resolve(shown).then((choice) => (choice === SHOW_DETAILS ? ctx.docs.show('hslist-apply.txt', answer.text) : undefined));
}
