// textDocument/completion over language/completion.ts. Reads the live document text (the line being
// typed need not parse) and the latest analysis for the workspace's lists.

import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import { complete, type CompletionEntry } from '../language/completion';
import { folders, listInfos } from '../language/navigation-lists';
import { definitionInfos } from '../language/completion-definitions';
import { LineIndex } from '../language/positions';
import type { ServerContext } from './context';
import { guarded } from './guard';
import { toOffset, toRange } from './ranges';

const KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  property: CompletionItemKind.Property,
  operator: CompletionItemKind.Operator,
  value: CompletionItemKind.EnumMember,
  list: CompletionItemKind.Reference,
  setting: CompletionItemKind.Field,
  field: CompletionItemKind.Field,
  snippet: CompletionItemKind.Snippet,
  unit: CompletionItemKind.Unit,
  definition: CompletionItemKind.Constant,
};

function toItem(entry: CompletionEntry, index: LineIndex, snippets: boolean): CompletionItem {
  const useSnippet = snippets && entry.snippet !== undefined;
  const item: CompletionItem = {
    label: entry.label,
    kind: KINDS[entry.kind],
    textEdit: { range: toRange(index, entry.replace), newText: useSnippet ? (entry.snippet as string) : entry.insertText },
    insertTextFormat: useSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation) item.documentation = { kind: 'markdown', value: entry.documentation };
  if (entry.filterText) item.filterText = entry.filterText;
  if (entry.sortText) item.sortText = entry.sortText;
  if (entry.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(
    guarded(ctx.connection, 'completion', [] as CompletionItem[], (params: CompletionParams) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const text = doc.getText();
      const index = new LineIndex(text);
      const analysis = ctx.state.recentAnalysis();
      const entries = complete({
        text,
        offset: toOffset(index, params.position),
        schema: ctx.state.settings.schema,
        lists: listInfos(analysis),
        folders: folders(analysis),
        salesforceFields: ctx.state.settings.salesforceFields,
        ...definitionInfos(analysis.definitions),
      });
      return entries.map((e) => toItem(e, index, ctx.client.snippets));
    }),
  );
}
