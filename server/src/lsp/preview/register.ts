// Wires the editor preview into the language server: the session (data + evaluations off the
// message loop), code lenses, inlay hints, and the custom requests the client and its panel send
// (protocol.ts). server.ts calls registerPreview(ctx) and announces PREVIEW_CAPABILITIES.

import { onMembersFilesChanged } from '../workspace-events';
import { CodeLensRefreshRequest, ErrorCodes, ResponseError, type CodeLens, type CodeLensParams, type InlayHint, type InlayHintParams, type Position } from 'vscode-languageserver/node';
import { extraCodeLenses } from '../code-lens-sources';
import type { ServerContext } from '../context';
import { fileOf } from '../context';
import { guarded } from '../guard';
import { toOffset } from '../ranges';
import { explainMarkdown } from './explain-text';
import { attachSession } from './hover-sample';
import { codeLenses, inlayHints } from './lenses';
import type { ExplainAnswer, ExplainParams, ExportParams, PreviewStatus, PreviewSummary, RowsPage, RowsParams, RowsView, SyncAnswer } from './protocol';
import { AccountMessages, PreviewNotifications, PreviewRequests } from './protocol';
import { PreviewSession } from './session';
import { countFigures, countParts } from '../../preview/count-text';
import type { PreviewRunner } from './runner';

export const PREVIEW_CAPABILITIES = { codeLensProvider: { resolveProvider: false }, inlayHintProvider: true } as const;
const MAX_PAGE = 500;

function listAt(ctx: ServerContext, uri: string, position: Position): string | undefined {
  const at = fileOf(ctx, uri);
  if (!at) return undefined;
  const offset = toOffset(at.file.lineIndex, position);
  const lists = at.file.tree.lists ?? [];
  const inside = lists.find((l) => l.start <= offset && offset <= l.end);
  // Between lists: the nearest one above the cursor (the one just finished), else the first.
  return (inside ?? [...lists].reverse().find((l) => l.end <= offset) ?? lists[0])?.name.text;
}

async function runnerOrRefuse(session: PreviewSession): Promise<PreviewRunner> {
  const runner = await session.ready();
  if (!runner) throw new ResponseError(ErrorCodes.InvalidRequest, session.status.message ?? 'No contact data is loaded for previews.');
  return runner;
}

async function summary(session: PreviewSession, name: string): Promise<PreviewSummary> {
  await session.settled();
  if (!session.previews.has(name)) await session.refresh([name]);
  const stored = session.previews.get(name);
  if (!stored) throw new ResponseError(ErrorCodes.InvalidRequest, session.status.message ?? `There is no list named "${name}" to preview.`);
  const { result, columns } = stored.preview;
  const published = session.comparison(name);
  return {
    status: session.status,
    name,
    total: result.total,
    count: result.count,
    maxCount: result.maxCount,
    complete: result.complete,
    countText: countParts(countFigures(result)),
    notPreviewable: result.notPreviewable.map((n) => `${n.text}: ${n.reason}`),
    funnel: result.clauses.map((c) => ({ text: c.text, count: c.count, survivors: c.funnel ?? c.count, ...(c.notPreviewable ? { notPreviewable: c.notPreviewable } : {}) })),
    columns,
    ...(published ? { published } : {}),
  };
}

function viewOf(view: unknown): RowsView {
  return view === 'enter' || view === 'leave' ? view : 'matches';
}

async function rows(session: PreviewSession, p: RowsParams): Promise<RowsPage> {
  const runner = await runnerOrRefuse(session);
  const limit = Math.min(MAX_PAGE, Math.max(0, Math.floor(p.limit)));
  const page = await runner.rows(p.name, session.scope(), Math.max(0, Math.floor(p.offset)), limit, p.search ?? '', viewOf(p.view));
  return { name: p.name, matches: page.matches, offset: p.offset, columns: page.columns, rows: page.rows };
}

async function explain(ctx: ServerContext, session: PreviewSession, p: ExplainParams): Promise<ExplainAnswer> {
  const name = p.name ?? (p.uri && p.position ? listAt(ctx, p.uri, p.position) : undefined);
  if (!name) return { markdown: '', error: 'Put the cursor in a list (or name one) to explain a contact against it.' };
  if (!p.contact?.trim()) return { markdown: '', error: 'Give a contact id or email address.' };
  const runner = await session.ready();
  if (!runner) return { markdown: '', error: session.status.message ?? 'No contact data is loaded for previews.' };
  const answer = await runner.explain(name, session.scope(), p.contact.trim());
  if ('error' in answer.explanation) return { markdown: '', error: answer.explanation.error };
  return { markdown: explainMarkdown(name, p.contact.trim(), answer.contactId, answer.explanation), result: answer.explanation.result };
}

function registerRequests(ctx: ServerContext, session: PreviewSession): void {
  const c = ctx.connection;
  c.onRequest(PreviewRequests.listAt, (p: { uri: string; position: Position }) => {
    const name = listAt(ctx, p.uri, p.position);
    return name ? { name } : null;
  });
  c.onRequest(PreviewRequests.summary, (p: { name: string }) => summary(session, p.name));
  c.onRequest(PreviewRequests.rows, (p: RowsParams) => rows(session, p));
  c.onRequest(PreviewRequests.exportCsv, async (p: ExportParams) => {
    const runner = await runnerOrRefuse(session);
    return runner.exportCsv(p.name, session.scope(), p.search ?? '', viewOf(p.view)).then((r) => ({ csv: r.csv, rows: r.rows }));
  });
  c.onNotification(AccountMessages.accountsChanged, () => void session.accountsChanged());
  c.onRequest(PreviewRequests.explain, (p: ExplainParams) => explain(ctx, session, p));
  c.onRequest(PreviewRequests.reload, async (): Promise<PreviewStatus> => {
    await session.reload();
    return session.status;
  });
  c.onRequest(PreviewRequests.status, async (): Promise<PreviewStatus> => {
    await session.settled();
    return session.status;
  });
  c.onRequest(PreviewRequests.sync, async (): Promise<SyncAnswer> => {
    await session.settled();
    const { summary, problem } = session.sync;
    return { ...(summary ? { summary } : {}), ...(problem ? { problem } : {}) };
  });
}

export function registerPreview(ctx: ServerContext): void {
  const session = new PreviewSession(ctx);
  attachSession(ctx, session);
  session.onUpdated = (names) => {
    void ctx.connection.sendNotification(PreviewNotifications.updated, { names });
    // Clients without refresh support ask again on their own; a refusal is not an error.
    ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    ctx.connection.languages.inlayHint.refresh().catch(() => undefined);
  };
  ctx.documents.onDidChangeContent(() => session.edited());
  ctx.documents.onDidClose(() => session.edited());
  // A members file changed on disk: the static lists that read it hold others now.
  onMembersFilesChanged(ctx, () => session.edited());
  ctx.connection.onCodeLens(guarded(ctx.connection, 'codeLens', [] as CodeLens[], (p: CodeLensParams) =>
    [...codeLenses(ctx, session, p.textDocument.uri), ...extraCodeLenses(ctx, p.textDocument.uri)]));
  ctx.connection.languages.inlayHint.on(guarded(ctx.connection, 'inlayHint', [] as InlayHint[], (p: InlayHintParams) => inlayHints(ctx, session, p.textDocument.uri)));
  registerRequests(ctx, session);
}
