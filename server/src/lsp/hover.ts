// textDocument/hover over language/hover.ts.

import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../language/hover';
import { fileOf, type ServerContext } from './context';
import { guarded } from './guard';
import { previewHoverMarkdown } from './preview/hover-sample';
import { toOffset, toRange } from './ranges';
import { soqlHoverMarkdown } from './soql';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    guarded(ctx.connection, 'hover', null as Hover | null, (params: HoverParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      if (!at) return null;
      const offset = toOffset(at.file.lineIndex, params.position);
      const found = hoverAt({ analysis: at.analysis, path: at.path, offset, schema: ctx.state.settings.schema, defaultTimezone: ctx.state.settings.config.timezone, displayPath: (p) => ctx.state.relative(p) });
      // On a list's name the preview adds its count and a sample of matching contacts, and SOQL its Salesforce equivalent.
      const counts = previewHoverMarkdown(ctx, params.textDocument.uri, offset);
      const soql = soqlHoverMarkdown(ctx, params.textDocument.uri, offset);
      const preview = counts && soql ? `${counts}\n\n---\n\n${soql}` : counts ?? soql;
      if (!found) return preview ? { contents: { kind: 'markdown', value: preview } } : null;
      const value = preview ? `${found.markdown}\n\n---\n\n${preview}` : found.markdown;
      return { contents: { kind: 'markdown', value }, range: toRange(at.file.lineIndex, found.span) };
    }),
  );
}
