// `hslist/publish/pull`: portal lists → .hslist files (the engine checks each with the workspace before
// writing it, and records it in the state file). The written files join the server's workspace at once,
// so their diagnostics and lenses do not wait for the file watcher; then the portal is read again.

import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { pullReport } from '../../publish/pull-report';
import { pullLists, type PullOutcome } from '../../publish/pull';
import type { ServerContext } from '../context';
import { failure, isUnavailable, openAccount } from './account';
import type { PullAnswer, PullParams } from './protocol';
import type { PublishSession } from './session';

function validParams(params: PullParams): { ids: string[]; outDir?: string } {
  const ids = Array.isArray(params?.listIds) ? params.listIds.map(String) : [];
  const bad = ids.find((id) => !/^\d+$/.test(id));
  if (ids.length === 0 || bad !== undefined) throw new ResponseError(ErrorCodes.InvalidParams, `Pull needs HubSpot list ids (digits); got ${JSON.stringify(params?.listIds)}.`);
  if (params.outDir !== undefined && (typeof params.outDir !== 'string' || !isAbsolute(params.outDir))) {
    throw new ResponseError(ErrorCodes.InvalidParams, `The folder for pulled files must be an absolute path; got ${JSON.stringify(params.outDir)}.`);
  }
  return { ids, ...(params.outDir ? { outDir: resolve(params.outDir) } : {}) };
}

export async function pullRequest(ctx: ServerContext, session: PublishSession, params: PullParams): Promise<PullAnswer> {
  const { ids, outDir } = validParams(params);
  session.wanted = true;
  return session.serial(async () => {
    const opened = await openAccount(ctx, undefined);
    if (isUnavailable(opened)) return opened;
    const workspace = session.workspace();
    const folder = outDir ?? workspace.root;
    let outcome: PullOutcome;
    try {
      outcome = await pullLists(workspace, opened.account, { ids, outDir: folder, overwrite: params.overwrite === true });
    } catch (error) {
      return failure(ctx, error, opened.host, 'Pulling the lists', undefined);
    }
    for (const w of outcome.written) ctx.state.readFromDisk(w.file);
    if (outcome.written.length > 0) ctx.publisher.schedule();
    await session.readNow({});
    session.notifyChanged();
    return {
      state: 'pulled',
      portalId: outcome.portalId,
      written: outcome.written.map((w) => ({ name: w.name, listId: w.listId, uri: pathToFileURL(w.file).href })),
      skipped: outcome.skipped,
      failed: outcome.failed,
      text: pullText(outcome, workspace.root, folder),
    };
  });
}

/** The outcome as `hslist pull` words it, paths relative to the workspace root. */
export function pullText(outcome: PullOutcome, root: string, outDir: string): string {
  return pullReport(outcome, (p) => (relative(root, p).startsWith('..') ? p : relative(root, p)), root, outDir);
}
