// Whole-document and range formatting with the grammar's canonical printer. A document with syntax
// errors is not formatted (no edits): a formatter must never lose what it cannot read. A range
// formats the blocks it touches, each printed on its own.

import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { format, parse } from '@hslist/grammar';
import { LineIndex } from '../language/positions';
import type { ServerContext } from './context';
import { guarded } from './guard';
import { toRange, toSpan } from './ranges';

function wholeDocument(text: string): TextEdit[] {
  const result = format(text);
  if (result.diagnostics.length > 0 || !result.changed) return [];
  return [{ range: toRange(new LineIndex(text), { start: 0, end: text.length }), newText: result.text }];
}

function blocksIn(text: string, range: { start: number; end: number }): TextEdit[] {
  const parsed = parse(text);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return [];
  const index = new LineIndex(text);
  const blocks = [...parsed.file.lists, ...parsed.file.syncBlocks].filter((b) => b.start <= range.end && range.start <= b.end);
  return blocks.flatMap((block) => {
    const source = text.slice(block.start, block.end);
    const printed = format(source);
    const newText = printed.text.replace(/\n$/, '');
    return printed.diagnostics.length > 0 || newText === source ? [] : [{ range: toRange(index, block), newText }];
  });
}

export function registerFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentFormatting(
    guarded(ctx.connection, 'formatting', [] as TextEdit[], (params: DocumentFormattingParams) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      return doc ? wholeDocument(doc.getText()) : [];
    }),
  );
  ctx.connection.onDocumentRangeFormatting(
    guarded(ctx.connection, 'rangeFormatting', [] as TextEdit[], (params: DocumentRangeFormattingParams) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const text = doc.getText();
      return blocksIn(text, toSpan(new LineIndex(text), params.range));
    }),
  );
}
