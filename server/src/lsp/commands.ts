// workspace/executeCommand (`hslist.compiledJson`, `hslist.refreshSchema`, `hslist.soql`, `hslist.settingsSheet`)
// and the custom requests
// `hslist/ping` and `hslist/memory`. Names are shared with the client (client/src/ids.ts).

import { ErrorCodes, ResponseError, type ExecuteCommandParams, type Position } from 'vscode-languageserver/node';
import type { ListNode } from '@hslist/grammar';
import { compileList } from '../hubspot/compile';
import { fileOf, type FileAt, type ServerContext } from './context';
import { guarded } from './guard';
import { toOffset } from './ranges';
import { refreshFromAccounts } from './schema-refresh';
import { soqlCommand } from './soql';
import { settingsSheetMarkdown } from './settings-sheet';
import { resolveList } from '../language/definitions/resolve';

export const SERVER_NAME = 'hslist-language-server';
export const COMMANDS = { compiledJson: 'hslist.compiledJson', refreshSchema: 'hslist.refreshSchema', soql: 'hslist.soql', settingsSheet: 'hslist.settingsSheet' } as const;

function isPosition(value: unknown): value is Position {
  const p = value as Position;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

function listsToCompile(at: FileAt, position: unknown): ListNode[] {
  if (!isPosition(position)) return at.file.tree.lists;
  const offset = toOffset(at.file.lineIndex, position);
  const list = at.file.tree.lists.find((l) => l.start <= offset && offset <= l.end);
  return list ? [list] : at.file.tree.lists;
}

/** The Lists API create request of the list at the position, or of every list of the document. */
function compiledJson(ctx: ServerContext, args: unknown[]): unknown {
  const uri = typeof args[0] === 'string' ? args[0] : undefined;
  const at = uri ? fileOf(ctx, uri) : undefined;
  if (!uri || !at) throw new ResponseError(ErrorCodes.InvalidParams, `hslist.compiledJson needs the URI of an open .hslist document (got ${JSON.stringify(args[0])}).`);
  const lists = listsToCompile(at, args[1]);
  if (lists.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, `${ctx.state.relative(at.path)} has no list to compile.`);
  const errors = at.file.diagnostics.filter((d) => d.severity === 'error' && lists.some((l) => d.start >= l.start && d.end <= l.end));
  if (errors.length > 0) {
    const line = at.file.lineIndex.positionAt(errors[0].start).line + 1;
    throw new ResponseError(ErrorCodes.InvalidRequest, `Not compiled: ${errors.length} error(s), the first at line ${line}: ${errors[0].message}`);
  }
  const compileCtx = { schema: ctx.state.settings.schema, listIdFor: () => undefined, defaultTimezone: ctx.state.settings.config.timezone };
  const requests = lists.map((l) => compileList(resolveList(l, at.analysis.definitions), compileCtx).request);
  return lists.length === 1 && isPosition(args[1]) ? requests[0] : requests;
}

export function refreshSchema(ctx: ServerContext): { schema: string; contactProperties: number; companyProperties: number; salesforceFields: number; problems: string[] } {
  const problems = ctx.state.reloadSettings();
  for (const p of problems) ctx.connection.console.warn(`hslist: ${p}`);
  if (problems.length > 0) void ctx.connection.window.showWarningMessage(`hslist: ${problems[0]}`);
  ctx.publisher.schedule();
  const { schema, salesforceFields } = ctx.state.settings;
  return {
    schema: schema.source,
    contactProperties: schema.objects.contacts.size,
    companyProperties: schema.objects.companies.size,
    salesforceFields: salesforceFields?.length ?? 0,
    problems,
  };
}

export function registerCommands(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand(
    guarded(ctx.connection, 'executeCommand', null as unknown, (params: ExecuteCommandParams) => {
      if (params.command === COMMANDS.compiledJson) return compiledJson(ctx, params.arguments ?? []);
      if (params.command === COMMANDS.soql) return soqlCommand(ctx, params.arguments ?? []);
      if (params.command === COMMANDS.settingsSheet) return settingsSheetMarkdown(ctx);
      // With the accounts argument (the VS Code client): pull, then reload. Without: reload from disk only.
      if (params.command === COMMANDS.refreshSchema) {
        const args = params.arguments ?? [];
        return args.length > 0 ? refreshFromAccounts(ctx, args[0], () => refreshSchema(ctx)) : refreshSchema(ctx);
      }
      throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${params.command}.`);
    }),
  );
  // `node` says how the server runs (the client starts it with bin/node-settings.js's flags and environment).
  ctx.connection.onRequest('hslist/ping', () => ({ pong: true, server: SERVER_NAME, documents: ctx.documents.all().length, node: { execArgv: process.execArgv, mallocMmapThreshold: process.env.MALLOC_MMAP_THRESHOLD_ } }));
  ctx.connection.onRequest('hslist/memory', (params: { gc?: boolean } | undefined) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (params?.gc && gc) gc();
    return { ...process.memoryUsage(), gcExposed: gc !== undefined };
  });
}
