// Go to definition, find references, prepare rename and rename of lists, across files.

import {
  ResponseError,
  ErrorCodes,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { definitionAt, prepareRename, referencesAt, renameList, type Location as SpanLocation } from '../language/navigation';
import type { WorkspaceAnalysis } from '../language/workspace';
import { fileOf, type ServerContext } from './context';
import { guarded } from './guard';
import { toOffset, toRange } from './ranges';

function toLocation(ctx: ServerContext, analysis: WorkspaceAnalysis, loc: SpanLocation): Location | undefined {
  const file = analysis.files.get(loc.path);
  return file ? { uri: ctx.state.uriOf(loc.path), range: toRange(file.lineIndex, loc.span) } : undefined;
}

function registerDefinition(ctx: ServerContext): void {
  ctx.connection.onDefinition(
    guarded(ctx.connection, 'definition', null as Location | null, (params: DefinitionParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      const found = at && definitionAt(at.analysis, at.path, toOffset(at.file.lineIndex, params.position));
      return (at && found && toLocation(ctx, at.analysis, found)) ?? null;
    }),
  );
}

function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(
    guarded(ctx.connection, 'references', [] as Location[], (params: ReferenceParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      const locations = at && referencesAt(at.analysis, at.path, toOffset(at.file.lineIndex, params.position), params.context?.includeDeclaration ?? true);
      if (!at || !locations) return [];
      return locations.map((l) => toLocation(ctx, at.analysis, l)).filter((l): l is Location => l !== undefined);
    }),
  );
}

function registerRename(ctx: ServerContext): void {
  ctx.connection.onPrepareRename(
    guarded(ctx.connection, 'prepareRename', null as { range: Range; placeholder: string } | null, (params: PrepareRenameParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      const found = at && prepareRename(at.analysis, at.path, toOffset(at.file.lineIndex, params.position));
      return at && found ? { range: toRange(at.file.lineIndex, found.span), placeholder: found.placeholder } : null;
    }),
  );
  ctx.connection.onRenameRequest(
    guarded(ctx.connection, 'rename', null as WorkspaceEdit | null, (params: RenameParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      if (!at) return null;
      const result = renameList(at.analysis, at.path, toOffset(at.file.lineIndex, params.position), params.newName);
      if (!result.ok) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
      const changes: Record<string, TextEdit[]> = {};
      for (const [path, edits] of result.edits) {
        const file = at.analysis.files.get(path);
        if (file) changes[ctx.state.uriOf(path)] = edits.map((e) => ({ range: toRange(file.lineIndex, e), newText: e.newText }));
      }
      return { changes };
    }),
  );
}

export function registerNavigation(ctx: ServerContext): void {
  registerDefinition(ctx);
  registerReferences(ctx);
  registerRename(ctx);
}
