// Document symbols (outline) and workspace symbols (lists by fuzzy name).

import {
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { workspaceSymbols } from '../language/navigation';
import type { LineIndex } from '../language/positions';
import { documentOutline, type OutlineItem, type OutlineKind } from '../language/symbols-outline';
import { fileOf, type ServerContext } from './context';
import { guarded } from './guard';
import { toRange } from './ranges';

const KINDS: Record<OutlineKind, SymbolKind> = {
  list: SymbolKind.Class,
  sync: SymbolKind.Module,
  setting: SymbolKind.Property,
  criteria: SymbolKind.Function,
  mapping: SymbolKind.Field,
  valueSet: SymbolKind.Constant,
  condition: SymbolKind.Function,
};

function toSymbol(item: OutlineItem, index: LineIndex): DocumentSymbol {
  const range = toRange(index, item.span);
  const selection = toRange(index, item.selection);
  return {
    name: item.name || '(unnamed)',
    detail: item.detail,
    kind: KINDS[item.kind],
    range,
    selectionRange: selection,
    children: item.children.map((c) => toSymbol(c, index)),
  };
}

export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    guarded(ctx.connection, 'documentSymbol', [] as DocumentSymbol[], (params: DocumentSymbolParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      if (!at) return [];
      return documentOutline(at.file.tree, at.file.text).map((item) => toSymbol(item, at.file.lineIndex));
    }),
  );
  ctx.connection.onWorkspaceSymbol(
    guarded(ctx.connection, 'workspaceSymbol', [] as SymbolInformation[], (params: WorkspaceSymbolParams) => {
      const analysis = ctx.state.analysis();
      return workspaceSymbols(analysis, params.query ?? '').flatMap((s) => {
        const file = analysis.files.get(s.path);
        if (!file) return [];
        const location = { uri: ctx.state.uriOf(s.path), range: toRange(file.lineIndex, s.node.name) };
        return [{ name: s.name, kind: SymbolKind.Class, location, containerName: ctx.state.relative(s.path) }];
      });
    }),
  );
}
