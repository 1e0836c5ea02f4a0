// A cancellable work-done progress for the publish requests the user starts (plan with impacts,
// apply): the VS Code client shows it as a notification with a Cancel button (client/src/progress.ts).
// Cancel — from the notification or from the request itself — aborts one AbortController, whose
// signal reaches every HubSpot request and the engine's loops.

import type { CancellationToken } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';

export interface CancellableWork {
  signal: AbortSignal;
  report(message: string, percentage?: number): void;
  done(): void;
}

/** Begins the progress (a no-op reporter when the client has none) linked to the request's token. */
export async function beginCancellable(ctx: ServerContext, title: string, token: CancellationToken | undefined): Promise<CancellableWork> {
  const controller = new AbortController();
  const progress = await ctx.connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin(title, 0, 'Starting…', true);
  const subscriptions = [progress?.token.onCancellationRequested(() => controller.abort()), token?.onCancellationRequested(() => controller.abort())];
  if (token?.isCancellationRequested) controller.abort();
  let percent = 0;
  let ended = false;
  return {
    signal: controller.signal,
    report: (message, percentage) => {
      if (ended) return;
      // VS Code's bar only grows: a later phase starting at 0 % keeps the bar where it is.
      percent = Math.max(percent, Math.min(100, Math.round(percentage ?? percent)));
      progress?.report(percent, message);
    },
    done: () => {
      if (ended) return;
      ended = true;
      for (const s of subscriptions) s?.dispose();
      progress?.done();
    },
  };
}
