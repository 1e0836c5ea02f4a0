// `hslist/publish/plan`, `hslist/publish/criteria` and `hslist/publish/portalLists`: thin over the
// session. A plain plan request reuses the last read of the portal (reading it once when there is
// none); Refresh reads again; a plan with impacts (hslist: Plan, Apply's question) reads again and
// loads the contact data under a cancellable progress.

import type { CancellationToken } from 'vscode-languageserver/node';
import type { Plan } from '../../publish/plan-types';
import type { ServerContext } from '../context';
import { isUnavailable } from './account';
import { criteriaAnswer } from './criteria-text';
import { judgeImpacts } from './impacts';
import { planView } from './plan-view';
import { beginCancellable } from './progress';
import type { CriteriaAnswer, PlanAnswer, PlanParams, PortalListsAnswer, Unavailable } from './protocol';
import type { PublishSession } from './session';

const NOT_READ: Unavailable = { state: 'unavailable', reason: 'error', message: 'The portal has not been read yet: refresh the HubSpot lists view.' };

function answer(ctx: ServerContext, session: PublishSession, plan: Plan, judged: boolean, prune: boolean): PlanAnswer {
  const readAt = session.readAt ?? new Date().toISOString();
  return { state: 'planned', plan: planView(plan, { analysis: ctx.state.analysis(), readAt, judged, prune }) };
}

function cachedAnswer(ctx: ServerContext, session: PublishSession): PlanAnswer {
  const plan = session.current();
  if (!plan) return NOT_READ;
  return isUnavailable(plan) ? plan : answer(ctx, session, plan, false, false);
}

export async function planRequest(ctx: ServerContext, session: PublishSession, params: PlanParams, token?: CancellationToken): Promise<PlanAnswer> {
  session.wanted = true;
  const prune = params.prune === true;
  if (params.impacts) return judgedPlan(ctx, session, prune, token);
  if (prune) {
    const fresh = await session.refresh({ prune });
    return isUnavailable(fresh) ? fresh : answer(ctx, session, fresh.planned.plan, false, true);
  }
  if (params.refresh) await session.refresh();
  else await session.ensure();
  return cachedAnswer(ctx, session);
}

function judgedPlan(ctx: ServerContext, session: PublishSession, prune: boolean, token: CancellationToken | undefined): Promise<PlanAnswer> {
  return session.serial(async () => {
    const work = await beginCancellable(ctx, 'hslist: planning against HubSpot', token);
    try {
      work.report('Reading the portal…');
      const fresh = await session.readNow({ prune, signal: work.signal });
      if (isUnavailable(fresh)) return fresh;
      await judgeImpacts(ctx, fresh.planned, fresh.opened.options, fresh.opened.host, work);
      return answer(ctx, session, fresh.planned.plan, true, prune);
    } finally {
      work.done();
      session.notifyChanged();
    }
  });
}

export async function criteriaRequest(ctx: ServerContext, session: PublishSession, params: { name?: unknown }): Promise<CriteriaAnswer> {
  const name = typeof params?.name === 'string' ? params.name : '';
  await session.ensure();
  const plan = session.current();
  if (!plan || isUnavailable(plan)) return { state: 'none', message: plan?.message ?? NOT_READ.message };
  const entry = plan.entries.find((e) => e.desired && e.name.toLowerCase() === name.toLowerCase());
  if (!entry) return { state: 'none', message: `There is no list named "${name}" in the files.` };
  const settings = ctx.state.settings;
  return criteriaAnswer(plan, entry, { schema: settings.schema, defaultTimezone: settings.config.timezone });
}

/** The portal's contact lists not kept as code, read now (the quick pick of "Pull lists…"). */
export function portalListsRequest(session: PublishSession): Promise<PortalListsAnswer> {
  session.wanted = true;
  return session.serial(async () => {
    const fresh = await session.readNow({});
    session.notifyChanged();
    if (isUnavailable(fresh)) return fresh;
    return { state: 'listed', host: fresh.opened.host, lists: fresh.planned.plan.notInCode };
  });
}
