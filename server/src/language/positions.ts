// Offsets ↔ line/character, for the edges only (the CLI prints them, the LSP sends them).
// Lines and characters are 0-based and characters count UTF-16 code units, as JavaScript string
// offsets and the LSP do. A line ends at "\n", "\r\n" or a lone "\r".
import { basename, dirname, isAbsolute, relative } from 'node:path';

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: Uint32Array;

  constructor(readonly text: string) {
    this.starts = text.indexOf('\r') < 0 ? lineFeedStarts(text) : anyLineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offsets outside the text are clamped to it. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  /** Positions past a line's end are clamped to the end of that line (before its line break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /** Offset just after the last character of the line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/**
 * Line starts are collected in one buffer kept between indexes and copied out at their exact count: a big
 * file is indexed again after each keystroke, and a growing array of numbers left several times its size
 * as garbage. A buffer grown for a file of very many lines is not kept.
 */
let scratch = new Uint32Array(4096);
const KEPT_SCRATCH = 1 << 16;

function withLineStart(n: number, start: number): void {
  if (n === scratch.length) {
    const grown = new Uint32Array(n * 2);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[n] = start;
}

function exactCopy(count: number): Uint32Array {
  const starts = scratch.slice(0, count);
  if (scratch.length > KEPT_SCRATCH) scratch = new Uint32Array(4096);
  return starts;
}

/** Line starts of a text whose lines end with "\n" alone (most texts): found by the native search. */
function lineFeedStarts(text: string): Uint32Array {
  let n = 1;
  scratch[0] = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) withLineStart(n++, i + 1);
  return exactCopy(n);
}

/** Line starts of a text with "\r\n" or lone "\r" line ends too. */
function anyLineStarts(text: string): Uint32Array {
  let n = 1;
  scratch[0] = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) withLineStart(n++, i + 1);
  }
  return exactCopy(n);
}

const cache = new WeakMap<object, LineIndex>();

/** "path:line" with a 1-based line, as people read it in messages. */
export function describeLocation(path: string, index: LineIndex, offset: number): string {
  return `${path}:${index.positionAt(offset).line + 1}`;
}

/**
 * "path:line" of a place in file `path`, the path written from the folder of file `from` (where the
 * message is shown): `shared.hslist:4`, `../defs/shared.hslist:4`; the workspace's absolute paths stay out
 * of messages.
 */
export function describeLocationFrom(from: string, path: string, index: LineIndex, offset: number): string {
  const shown = isAbsolute(path) && isAbsolute(from) ? relative(dirname(from), path) || basename(path) : path;
  return describeLocation(shown, index, offset);
}

/** One index per text holder object (e.g. a file analysis), built on first use. */
export function lineIndexFor(holder: object, text: string): LineIndex {
  let index = cache.get(holder);
  if (!index || index.text !== text) {
    index = new LineIndex(text);
    cache.set(holder, index);
  }
  return index;
}
