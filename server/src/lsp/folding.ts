// textDocument/foldingRange: blocks, multi-line `where`, comment runs (language/folding.ts).

import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver/node';
import { foldingRegions } from '../language/folding';
import { fileOf, type ServerContext } from './context';
import { guarded } from './guard';
import { lineSpan } from './ranges';

export function registerFolding(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(
    guarded(ctx.connection, 'foldingRange', [] as FoldingRange[], (params: FoldingRangeParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      if (!at) return [];
      return foldingRegions(at.file.tree, at.file.text).flatMap((region) => {
        const { startLine, endLine } = lineSpan(at.file.lineIndex, region);
        if (endLine <= startLine) return [];
        return [{ startLine, endLine, kind: region.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region }];
      });
    }),
  );
}
