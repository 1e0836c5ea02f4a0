// parse(text): scan, guard against pathological nesting, run the one reused parser, and turn every
// problem into a Diagnostic with offsets inside the text. Never throws.

import { EOF, type IRecognitionException, type IToken } from './chevrotain';
import type { FileNode } from './ast';
import { diagnostic, type Diagnostic } from './diagnostic';
import { findTooDeepNesting, type TooDeep } from './depth';
import { lexicalProblems } from './lex';
import { Scanner } from './scan';
import { HslistParser, type FileBlocks } from './parser';
import { makeWellFormed } from './well-formed';
import type { BlockMemo } from './block-memo';
import { lexicalBefore, lexicalWithin, movedLexical, movedMarks, reusePlan, sameRest, unchangedChunkAt, type ChunkLayout, type ChunkMark, type ReusePlan } from './chunk-layout';

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
  return parseInChunks(text, CHUNK_TOKENS);
}

/**
 * `parse` for a file parsed before: each block (chunk) unchanged since the last parse with this memo is
 * taken from it instead of being parsed again (block-memo.ts), so an edit costs the blocks it touched.
 * The result is the one `parse` gives.
 */
export function parseReusing(text: string, memo: BlockMemo): ParseResult {
  try {
    return parseInChunks(text, 1, memo);
  } finally {
    memo.finish();
  }
}

/** `parse` with chunks of about `chunkTokens` tokens (Infinity: one piece), for tests of the chunking. */
export function parseInChunks(text: string, chunkTokens: number, memo?: BlockMemo): ParseResult {
  try {
    return parseUnsafe(text, chunkTokens, memo);
  } catch (error) {
    // A bug of ours must not take the editor down: report it at the start of the file.
    const message = `The parser failed unexpectedly (${error instanceof Error ? error.message : String(error)}).`;
    return { file: emptyFile(text, []), diagnostics: [diagnostic('internal-error', message, { start: 0, end: 0 })] };
  }
}

function emptyFile(text: string, comments: FileNode['comments']): FileNode {
  return { kind: 'file', lists: [], syncBlocks: [], valueSets: [], conditions: [], comments, start: 0, end: text.length };
}

/**
 * A long text is scanned and parsed in chunks of whole blocks, so that the tokens of one chunk are
 * garbage before the next is read (a 10 MB file would otherwise hold millions of tokens at once).
 * A chunk that parses without a syntax error is read exactly as a parse of the whole text would read
 * it; from the first chunk with an error on, the rest of the text is parsed in one piece.
 */
const CHUNK_TOKENS = 4000;

interface Parsed extends FileBlocks {
  syntax: Diagnostic[];
}

function parseUnsafe(text: string, chunkTokens: number, memo?: BlockMemo): ParseResult {
  const scanner = new Scanner(text);
  const p = parser();
  p.textLength = text.length;
  const parsed: Parsed = { lists: [], syncBlocks: [], valueSets: [], conditions: [], syntax: [] };
  const plan = memo ? reusePlan(memo.layout, text) : undefined;
  // Set again when this parse ends well: a layout is only ever the one of the last text parsed.
  if (memo) memo.layout = undefined;
  const marks: ChunkMark[] = [];
  if (memo && plan && plan.resume > 0) {
    const unchanged = plan.old.chunks.slice(0, plan.resume);
    if (!takeKnown(unchanged, memo, parsed)) return parseUnsafe(text, chunkTokens, memo);
    marks.push(...unchanged);
    const at = plan.old.chunks[plan.resume];
    scanner.resumeAt(at.start, at.line, at.lineStart);
    addLexical(scanner, lexicalBefore(plan.old, at.start));
  }
  const scannedFrom = scanner.pos;
  let scannedTo = text.length;
  // Between two edits, the old chunks that come after the one scanned last (reuse.expected).
  const reuse = { expected: plan?.resume ?? 0, skipped: 0 };
  let chunk = scanner.nextChunk(chunkTokens);
  for (;;) {
    const tooDeep = findTooDeepNesting(chunk);
    if (tooDeep) return tooDeepResult(text, scanner, tooDeep);
    const last = scanner.done;
    const result: Parsed & { clean: boolean; source?: string } = !memo ? parseChunk(p, chunk) : chunk.length > 0 ? memoChunk(p, chunk, text, memo) : wellFormedChunk(parseChunk(p, chunk));
    if (result.clean || last) {
      append(parsed, result);
      if (memo && chunk.length > 0) marks.push(markOf(chunk, result.source ?? '', result.clean));
      reuse.expected++;
      if (last) break;
      if (memo && plan) takeUnchanged({ text, scanner, plan, memo, parsed, marks }, reuse);
      if (scanner.done) break;
      const next = scanner.nextStart;
      const rest = memo && plan && next ? sameRest(plan, next.startOffset) : undefined;
      if (memo && plan && next && rest) {
        // The rest of the text is the old rest, moved: its chunks come from the memo, unscanned.
        const moved = movedMarks(rest, plan.delta, next.startLine as number, next.startOffset - (next.startColumn as number) + 1);
        if (!takeKnown(moved, memo, parsed)) return parseUnsafe(text, chunkTokens, memo);
        marks.push(...moved);
        addLexical(scanner, movedLexical(plan.old, rest[0].start, plan.delta));
        scannedTo = scanner.pos;
        scanner.skipRest();
        break;
      }
      chunk = scanner.nextChunk(chunkTokens);
    } else chunk = chunk.concat(scanner.nextChunk(Infinity));
  }
  const lexical = lexicalProblems(text, scanner);
  const { lists, syncBlocks, valueSets, conditions } = parsed;
  const whole: FileNode = { kind: 'file', lists, syncBlocks, valueSets, conditions, comments: lexical.comments, start: 0, end: text.length };
  if (memo) {
    memo.scannedChars += scannedTo - scannedFrom - reuse.skipped;
    memo.layout = { text, chunks: marks, comments: scanner.comments, errors: scanner.errors, unterminated: scanner.unterminated };
  }
  const file = memo ? whole : makeWellFormed(whole);
  return { file, diagnostics: onePerLine(lexical.diagnostics, parsed.syntax, text) };
}

function append(parsed: Parsed, result: Parsed): void {
  parsed.lists.push(...result.lists);
  parsed.syncBlocks.push(...result.syncBlocks);
  parsed.valueSets.push(...result.valueSets);
  parsed.conditions.push(...result.conditions);
  parsed.syntax.push(...result.syntax);
}

interface Reading {
  text: string;
  scanner: Scanner;
  plan: ReusePlan;
  memo: BlockMemo;
  parsed: Parsed;
  marks: ChunkMark[];
}

/**
 * From the next chunk start on, every old chunk the text still holds there, one after another, taken
 * from the memo with the scanner going on after it, up to the first that changed or the unchanged end
 * (sameRest takes that whole). A text edited in two places since the last parse is scanned at the two
 * places, not from the first to the second.
 */
function takeUnchanged({ text, scanner, plan, memo, parsed, marks }: Reading, reuse: { expected: number; skipped: number }): void {
  for (let next = scanner.nextStart; next && !sameRest(plan, next.startOffset); next = scanner.nextStart) {
    const start = next.startOffset;
    const k = unchangedChunkAt(plan, text, start, reuse.expected);
    if (k === undefined) return;
    const old = plan.old.chunks[k];
    const mark = movedMarks([old], start - old.start, next.startLine as number, start - (next.startColumn as number) + 1)[0];
    const end = start + old.source.length;
    if (!memo.knows(old.source) || !scanner.skipChunk(end, mark.lastLine, mark.lastLineStart, lexicalWithin(plan.old, old, start), old.source.endsWith('}'))) return;
    append(parsed, memo.take(old.source, start) as Parsed);
    marks.push(mark);
    reuse.expected = k + 1;
    reuse.skipped += old.source.length;
  }
}

/** The memo's results of chunks known to be unchanged (false when one is missing: then the file is scanned whole). */
function takeKnown(chunks: ChunkMark[], memo: BlockMemo, parsed: Parsed): boolean {
  for (const mark of chunks) {
    const known = memo.take(mark.source, mark.start);
    if (!known) return false;
    append(parsed, known);
  }
  return true;
}

function addLexical(scanner: Scanner, found: Pick<ChunkLayout, 'comments' | 'errors' | 'unterminated'>): void {
  scanner.comments.push(...found.comments);
  scanner.errors.push(...found.errors);
  scanner.unterminated.push(...found.unterminated);
}

function markOf(chunk: IToken[], source: string, clean: boolean): ChunkMark {
  const first = chunk[0];
  const last = chunk[chunk.length - 1];
  const start = first.startOffset;
  const lineStart = (token: IToken) => token.startOffset - (token.startColumn as number) + 1;
  return { start, firstTokenEnd: start + first.image.length, line: first.startLine as number, lineStart: lineStart(first), lastLine: last.startLine as number, lastLineStart: lineStart(last), source, clean };
}

/** A chunk from the memo when its text was read clean before; else parsed, and kept when clean. */
function memoChunk(p: HslistParser, chunk: IToken[], text: string, memo: BlockMemo): Parsed & { clean: boolean; source: string } {
  const lastToken = chunk[chunk.length - 1];
  const start = chunk[0].startOffset;
  const source = text.slice(start, lastToken.startOffset + lastToken.image.length);
  const known = memo.take(source, start);
  if (known) return { ...known, clean: true, source };
  memo.parsedChunks++;
  // Made well-formed here, block by block (what makeWellFormed does to a file it does to each block), so
  // that a chunk taken from the memo needs no second pass.
  const result = wellFormedChunk(parseChunk(p, chunk));
  if (result.clean) memo.keep(source, start, result);
  return { ...result, source };
}

function wellFormedChunk(result: Parsed & { clean: boolean }): Parsed & { clean: boolean } {
  const { lists, syncBlocks, valueSets, conditions } = makeWellFormed({ kind: 'file', ...result, comments: [], start: 0, end: 0 });
  return { lists, syncBlocks, valueSets: valueSets ?? [], conditions: conditions ?? [], syntax: result.syntax, clean: result.clean };
}

function parseChunk(p: HslistParser, tokens: IToken[]): Parsed & { clean: boolean } {
  p.extraDiagnostics = [];
  p.input = tokens;
  const blocks = p.file();
  const syntax = [...p.errors.map((e) => syntaxDiagnostic(e, p.textLength)), ...p.extraDiagnostics];
  p.input = [];
  const clean = syntax.every((d) => d.code !== 'syntax-error');
  // A rule that fails where recovery cannot resume yields no value: the file is then empty, never malformed.
  const { lists = [], syncBlocks = [], valueSets = [], conditions = [] } = blocks ?? {};
  return { lists, syncBlocks, valueSets, conditions, syntax, clean };
}

/** Too deep to parse safely: no blocks, the lexical problems of the whole text and the place too deep. */
function tooDeepResult(text: string, scanner: Scanner, tooDeep: TooDeep): ParseResult {
  while (!scanner.done) scanner.nextChunk(Infinity);
  const lexical = lexicalProblems(text, scanner);
  const d = diagnostic('nesting-too-deep', tooDeep.message, { start: tooDeep.start, end: tooDeep.end });
  return { file: emptyFile(text, lexical.comments), diagnostics: [...lexical.diagnostics, d] };
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
