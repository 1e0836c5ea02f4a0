// textDocument/semanticTokens/full: language/semantic-tokens.ts encoded as LSP's relative integers.

import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams } from 'vscode-languageserver/node';
import { SEMANTIC_TOKEN_TYPES, semanticTokens } from '../language/semantic-tokens';
import { fileOf, type ServerContext } from './context';
import { guarded } from './guard';
import { toPosition } from './ranges';

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] };

export function registerSemanticTokens(ctx: ServerContext): void {
  ctx.connection.languages.semanticTokens.on(
    guarded(ctx.connection, 'semanticTokens', { data: [] } as SemanticTokens, (params: SemanticTokensParams) => {
      const at = fileOf(ctx, params.textDocument.uri);
      if (!at) return { data: [] };
      const builder = new SemanticTokensBuilder();
      for (const t of semanticTokens(at.file.tree, at.file.text)) {
        const start = toPosition(at.file.lineIndex, t.start);
        const end = toPosition(at.file.lineIndex, t.end);
        // Tokens never span lines (strings and comments end at the line's end).
        const length = end.line === start.line ? end.character - start.character : 0;
        if (length > 0) builder.push(start.line, start.character, length, SEMANTIC_TOKEN_TYPES.indexOf(t.type), 0);
      }
      return builder.build();
    }),
  );
}
