// parse(text): lex, guard against pathological nesting, run the one reused parser, and turn every
// problem into a Diagnostic with offsets inside the text. Never throws.

import { EOF, type IRecognitionException, type IToken } from './chevrotain';
import type { FileNode } from './ast';
import { diagnostic, type Diagnostic } from './diagnostic';
import { findTooDeepNesting } from './depth';
import { lexText } from './lex';
import { HslistParser } from './parser';

export interface ParseResult {
  file: FileNode;
  diagnostics: Diagnostic[];
}

let shared: HslistParser | undefined;

/** The grammar is analysed once; every parse reuses the same instance. */
function parser(): HslistParser {
  shared ??= new HslistParser();
  return shared;
}

export function parse(text: string): ParseResult {
  try {
    return parseUnsafe(text);
  } catch (error) {
    // A bug of ours must not take the editor down: report it at the start of the file.
    const message = `The parser failed unexpectedly (${error instanceof Error ? error.message : String(error)}).`;
    return { file: emptyFile(text, []), diagnostics: [diagnostic('internal-error', message, { start: 0, end: 0 })] };
  }
}

function emptyFile(text: string, comments: FileNode['comments']): FileNode {
  return { kind: 'file', lists: [], syncBlocks: [], comments, start: 0, end: text.length };
}

function parseUnsafe(text: string): ParseResult {
  const lexed = lexText(text);
  const tooDeep = findTooDeepNesting(lexed.tokens);
  if (tooDeep) {
    const d = diagnostic('nesting-too-deep', tooDeep.message, { start: tooDeep.start, end: tooDeep.end });
    return { file: emptyFile(text, lexed.comments), diagnostics: [...lexed.diagnostics, d] };
  }
  const p = parser();
  p.textLength = text.length;
  p.extraDiagnostics = [];
  p.input = lexed.tokens;
  const blocks = p.file();
  const syntax = [...p.errors.map((e) => syntaxDiagnostic(e, text.length)), ...p.extraDiagnostics];
  p.input = [];
  // A rule that fails where recovery cannot resume yields no value: the file is then empty, never malformed.
  const file: FileNode = {
    kind: 'file',
    lists: blocks?.lists ?? [],
    syncBlocks: blocks?.syncBlocks ?? [],
    comments: lexed.comments,
    start: 0,
    end: text.length,
  };
  return { file, diagnostics: onePerLine(lexed.diagnostics, syntax, text) };
}

/** Point at the token found, or at the token before it when the found one is already on a later line. */
function syntaxDiagnostic(error: IRecognitionException, textLength: number): Diagnostic {
  const found = error.token;
  const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
  const foundIsReal = found.tokenType !== EOF && !Number.isNaN(found.startOffset);
  const previousIsReal = previous !== undefined && previous.tokenType !== EOF && !Number.isNaN(previous.startOffset);
  const useFound = foundIsReal && (!previousIsReal || found.startLine === previous.startLine);
  const token = useFound ? found : previousIsReal ? previous : undefined;
  const span = token
    ? { start: token.startOffset, end: token.startOffset + token.image.length }
    : { start: textLength, end: textLength };
  return diagnostic('syntax-error', error.message, clamp(span, textLength));
}

function clamp(span: { start: number; end: number }, length: number): { start: number; end: number } {
  const start = Math.min(Math.max(0, span.start), length);
  return { start, end: Math.min(Math.max(start, span.end), length) };
}

/** One bad line gives one diagnostic: lexer problems first, then the first syntax error of a line. */
function onePerLine(lexical: Diagnostic[], syntax: Diagnostic[], text: string): Diagnostic[] {
  const lineOf = (offset: number) => text.lastIndexOf('\n', offset - 1);
  const taken = new Set(lexical.map((d) => lineOf(d.start)));
  const kept = [...lexical];
  for (const d of [...syntax].sort((a, b) => a.start - b.start)) {
    const line = lineOf(d.start);
    if (taken.has(line)) continue;
    taken.add(line);
    kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
}
