// The one place where offsets of the pure layers become LSP positions and ranges, and back.
// Lines and characters count UTF-16 code units, like the LSP default and JavaScript strings.

import type { Position, Range } from 'vscode-languageserver/node';
import type { Span } from '@hslist/grammar';
import { LineIndex } from '../language/positions';

export function toRange(index: LineIndex, span: Span): Range {
  const start = index.positionAt(span.start);
  return { start, end: index.positionAt(Math.max(span.start, span.end)) };
}

export function toPosition(index: LineIndex, offset: number): Position {
  return index.positionAt(offset);
}

export function toOffset(index: LineIndex, position: Position): number {
  return index.offsetAt(position);
}

export function toSpan(index: LineIndex, range: Range): Span {
  const start = index.offsetAt(range.start);
  return { start, end: Math.max(start, index.offsetAt(range.end)) };
}

/** Line numbers of a span, for folding. */
export function lineSpan(index: LineIndex, span: Span): { startLine: number; endLine: number } {
  return { startLine: index.positionAt(span.start).line, endLine: index.positionAt(span.end).line };
}
