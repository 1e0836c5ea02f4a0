// textDocument/hover over language/hover.ts.

import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../language/hover';
import { fileOf, type ServerContext } from './context';
import { guarded } from './guard';
import { toOffset, toRange } from './ranges';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    guarded(ctx.connection, 'hover', null as Hover | null, (params: HoverParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      if (!at) return null;
      const offset = toOffset(at.file.lineIndex, params.position);
      const found = hoverAt({ analysis: at.analysis, path: at.path, offset, schema: ctx.state.settings.schema, displayPath: (p) => ctx.state.relative(p) });
      return found ? { contents: { kind: 'markdown', value: found.markdown }, range: toRange(at.file.lineIndex, found.span) } : null;
    }),
  );
}
