// textDocument/codeAction: every diagnostic fix (edits may be in another file) and "Make list active".

import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver/node';
import { codeActions, type CodeActionEntry } from '../language/code-actions';
import type { WorkspaceAnalysis } from '../language/workspace';
import { fileOf, type ServerContext } from './context';
import { toLspDiagnostic } from './diagnostics';
import { guarded } from './guard';
import { toRange, toSpan } from './ranges';

function toAction(ctx: ServerContext, analysis: WorkspaceAnalysis, path: string, entry: CodeActionEntry): CodeAction | undefined {
  const changes: Record<string, TextEdit[]> = {};
  for (const change of entry.changes) {
    const file = analysis.files.get(change.path);
    if (!file) return undefined;
    changes[ctx.state.uriOf(change.path)] = change.edits.map((e) => ({ range: toRange(file.lineIndex, e), newText: e.newText }));
  }
  const action: CodeAction = {
    title: entry.title,
    kind: entry.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    edit: { changes },
  };
  const own = analysis.files.get(path);
  if (entry.diagnostic && own) action.diagnostics = [toLspDiagnostic(own.lineIndex, entry.diagnostic)];
  if (entry.preferred) action.isPreferred = true;
  return action;
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    guarded(ctx.connection, 'codeAction', [] as CodeAction[], (params: CodeActionParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      if (!at) return [];
      const entries = codeActions(at.analysis, at.path, toSpan(at.file.lineIndex, params.range));
      return entries.map((e) => toAction(ctx, at.analysis, at.path, e)).filter((a): a is CodeAction => a !== undefined);
    }),
  );
}
