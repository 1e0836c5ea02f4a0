// Wires publishing into the language server: the session, the publish lenses (added to the preview's
// code lens handler), the custom requests of protocol.ts, and the notifications both ways.
// server.ts calls registerPublish(ctx).

import { CodeLensRefreshRequest, ResponseError } from 'vscode-languageserver/node';
import { addCodeLensSource } from '../code-lens-sources';
import type { ServerContext } from '../context';
import { onFilesRead } from '../workspace-events';
import { describeError } from '../guard';
import { applyRequest } from './apply-request';
import { countRequest } from './count-request';
import { publishLenses } from './lenses';
import { criteriaRequest, planRequest, portalListsRequest } from './plan-request';
import { PublishNotifications, PublishRequests, type ApplyParams, type CountParams, type PlanParams, type PullParams } from './protocol';
import { pullRequest } from './pull-request';
import { PublishSession } from './session';

export function registerPublish(ctx: ServerContext): PublishSession {
  const session = new PublishSession(ctx);
  const c = ctx.connection;
  session.onChanged = () => {
    void c.sendNotification(PublishNotifications.updated, {}).catch(() => undefined);
    // Clients without refresh support ask again on their own; a refusal is not an error.
    c.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };
  addCodeLensSource(ctx, (uri) => publishLenses(ctx, session, uri));
  ctx.documents.onDidChangeContent(() => session.edited());
  ctx.documents.onDidClose(() => session.edited());
  onFilesRead(ctx, () => session.edited());
  c.onNotification(PublishNotifications.connectionChanged, () => session.connectionChanged());
  c.onRequest(PublishRequests.plan, (p: PlanParams | null, token) => logged(ctx, 'plan', planRequest(ctx, session, p ?? {}, token)));
  c.onRequest(PublishRequests.apply, (p: ApplyParams, token) => logged(ctx, 'apply', applyRequest(ctx, session, p, token)));
  c.onRequest(PublishRequests.pull, (p: PullParams) => logged(ctx, 'pull', pullRequest(ctx, session, p)));
  c.onRequest(PublishRequests.portalLists, () => logged(ctx, 'portal lists', portalListsRequest(session)));
  c.onRequest(PublishRequests.count, (p: CountParams, token) => logged(ctx, 'count', countRequest(ctx, session, p, token)));
  c.onRequest(PublishRequests.criteria, (p: { name?: unknown }) => logged(ctx, 'criteria', criteriaRequest(ctx, session, p ?? {})));
  return session;
}

/** A bug of ours reaches the client as an error answer, and the log says where (a refused request only as the answer). */
async function logged<T>(ctx: ServerContext, what: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof ResponseError)) ctx.connection.console.error(`hslist publish: ${what} failed: ${describeError(error)}`);
    throw error;
  }
}
