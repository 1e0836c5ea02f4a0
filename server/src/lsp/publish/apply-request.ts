// `hslist/publish/apply`: reads the portal again, checks that the plan is still the one the user
// confirmed (the client sends its fingerprint), and carries it out under a cancellable work-done
// progress, one list after another. The state file is written by the engine after every change HubSpot
// confirmed, so a cancelled or failed apply leaves it true for what did happen. Then the portal is read
// again, so the lists view and the lenses show what HubSpot holds now.

import type { CancellationToken } from 'vscode-languageserver/node';
import { inclusionAdvice, outcomeText } from '../../cli/apply-report';
import { changeText } from '../../cli/plan-render';
import type { ApplyOutcome } from '../../publish/apply';
import { applyPublish } from '../../publish/session';
import { statePath } from '../../publish/state-file';
import type { ServerContext } from '../context';
import { isUnavailable, type OpenedAccount } from './account';
import { planFingerprint } from './plan-view';
import { beginCancellable, type CancellableWork } from './progress';
import type { ApplyAnswer, ApplyOutcomeView, ApplyParams } from './protocol';
import type { FreshPlan, PublishSession } from './session';

export const STALE_MESSAGE = 'The files or HubSpot changed since the plan you confirmed, so nothing was applied. Run Apply again to see the new plan.';

/** Lists worked on at once, as the CLI's default: a list waits for the lists it refers to that this run creates. */
const CONCURRENCY = 4;

export function applyRequest(ctx: ServerContext, session: PublishSession, params: ApplyParams, token?: CancellationToken): Promise<ApplyAnswer> {
  session.wanted = true;
  return session.serial(async () => {
    const work = await beginCancellable(ctx, 'hslist: applying to HubSpot', token);
    let applied = false;
    try {
      work.report('Reading the portal…');
      const fresh = await session.readNow({ prune: params.prune === true, signal: work.signal });
      if (isUnavailable(fresh)) return fresh;
      if (planFingerprint(fresh.planned.plan) !== params.expect) return { state: 'stale', message: STALE_MESSAGE };
      applied = true;
      return await carryOut(fresh, params.force === true, work);
    } finally {
      work.done();
      // What HubSpot holds now (never cancelled: the view must not keep showing the old state).
      if (applied) await session.readNow({});
      session.notifyChanged();
    }
  });
}

async function carryOut(fresh: FreshPlan, force: boolean, work: CancellableWork): Promise<ApplyOutcomeView> {
  const { planned, opened } = fresh;
  work.report(`Applying to HubSpot (${opened.host})…`, 5);
  const outcome = await applyPublish(planned, opened.account, {
    force,
    concurrency: CONCURRENCY,
    signal: work.signal,
    onProgress: (done, total, current) => work.report(`${done} of ${total}: "${current}"`, 5 + Math.round((done / Math.max(1, total)) * 95)),
  });
  return outcomeView(outcome, fresh, opened, work.signal.aborted);
}

function outcomeView(outcome: ApplyOutcome, fresh: FreshPlan, opened: OpenedAccount, cancelled: boolean): ApplyOutcomeView {
  const { plan, workspace } = fresh.planned;
  const advice = inclusionAdvice(plan, outcome);
  return {
    state: 'applied',
    portalId: plan.portalId,
    host: opened.host,
    applied: outcome.applied.map((a) => ({ name: a.name, ...(a.listId ? { listId: a.listId } : {}), changes: a.changes.map(changeText) })),
    failed: outcome.failed,
    skipped: outcome.skipped,
    ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
    cancelled,
    foldersCreated: outcome.foldersCreated,
    text: outcomeText(outcome, statePath(workspace.root)) + (advice ?? ''),
  };
}
