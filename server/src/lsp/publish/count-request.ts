// `hslist/publish/count`: HubSpot's own count of the named lists, through temporary lists the engine
// creates, reads and always deletes (publish/hubspot-count.ts), under a cancellable work-done progress.
// The deletes use an account no Cancel aborts, so cancelling never leaves a temporary list behind.

import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { createHubSpotAccount } from '../../hubspot/account/account';
import { countText } from '../../publish/count-report';
import { countWorkspaceLists, type CountRun } from '../../publish/count-session';
import type { DesiredList } from '../../publish/desired';
import { desiredOf } from '../../publish/session';
import type { ServerContext } from '../context';
import { failure, isUnavailable, openAccount } from './account';
import { beginCancellable } from './progress';
import type { CountAnswer, CountParams, CountView } from './protocol';
import type { PublishSession } from './session';

function namesOf(params: CountParams): string[] {
  const names = Array.isArray(params?.names) ? params.names : [];
  if (names.length === 0 || names.some((n) => typeof n !== 'string' || n.trim() === '')) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Count needs the names of lists; got ${JSON.stringify(params?.names)}.`);
  }
  return names;
}

export function countRequest(ctx: ServerContext, session: PublishSession, params: CountParams, token?: CancellationToken): Promise<CountAnswer> {
  const names = namesOf(params);
  return session.serial(async () => {
    chosen(desiredOf(session.workspace()).lists, names);
    const work = await beginCancellable(ctx, 'hslist: counting in HubSpot', token);
    try {
      const opened = await openAccount(ctx, work.signal);
      if (isUnavailable(opened)) return opened;
      let run: CountRun;
      try {
        run = await countWorkspaceLists(session.workspace(), opened.account, (lists) => chosen(lists, names), {
          cleanupAccount: createHubSpotAccount(opened.options),
          signal: work.signal,
          onStart: (n, portalId) => work.report(`Creating ${n} temporary list${n === 1 ? '' : 's'} in portal ${portalId}…`, 5),
          onProgress: (message) => work.report(message),
        });
      } catch (error) {
        return failure(ctx, error, opened.host, 'Counting in HubSpot', work.signal);
      }
      return view(run, opened.host, work.signal.aborted);
    } finally {
      work.done();
    }
  });
}

/** The named lists; a name the files do not define is an error of the request, never skipped. */
function chosen(lists: DesiredList[], names: string[]): DesiredList[] {
  const byName = new Map(lists.map((l) => [l.name.toLowerCase(), l]));
  const unknown = names.filter((n) => !byName.has(n.toLowerCase()));
  if (unknown.length > 0) throw new ResponseError(ErrorCodes.InvalidParams, `No list named ${unknown.map((n) => `"${n}"`).join(', ')} in the workspace.`);
  return [...new Set(names.map((n) => byName.get(n.toLowerCase())!))];
}

function view(run: CountRun, host: string, cancelled: boolean): CountView {
  const { portalId, selection, result } = run;
  return {
    state: 'counted',
    portalId,
    host,
    lists: [
      ...result.outcomes.map((o) => (o.counted ? { name: o.name, size: o.size } : { name: o.name, reason: o.reason })),
      ...selection.refused.map((r) => ({ name: r.name, reason: r.reason })),
    ],
    left: result.left,
    cancelled,
    text: countText(portalId, selection, result),
  };
}
