// Laying printed lines out: comments placed by offset (an own-line comment before the line of the node
// that follows it, an end-of-line comment at the end of the line of the node before it) and the
// author's blank lines kept: one where the source had one or more before a block-level line or an
// own-line comment, never two in a row, none just inside `{` or just before `}`.

import type { Comment } from './ast';
import type { Line } from './print-expr';

export interface BlockLine extends Line {
  indent: number;
  /** `open` starts a block, `item` starts a setting, `where` or mapping, `more` continues one, `close` ends a block. */
  role: 'open' | 'item' | 'more' | 'close';
  /** A block after the first: always one blank line before it (and before the comments above it). */
  separate?: boolean;
}

/** Whether the line holding `offset` starts with it and the line above it is blank. */
export function blankLineBefore(source: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && isSpace(source.charCodeAt(i))) i--;
  if (i < 0 || !isNewline(source.charCodeAt(i))) return false;
  if (source.charCodeAt(i) === 10 && source.charCodeAt(i - 1) === 13) i--;
  i--;
  while (i >= 0 && isSpace(source.charCodeAt(i))) i--;
  return i < 0 || isNewline(source.charCodeAt(i));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;
}

function isNewline(code: number): boolean {
  return code === 10 || code === 13;
}

/** Line indices ordered by anchor (ties in line order), for binary searches by offset. */
function byAnchor(lines: BlockLine[]): number[] {
  return lines.map((_, i) => i).sort((a, b) => lines[a].anchor - lines[b].anchor || a - b);
}

/** Index into `order` of the first line whose anchor is >= offset (order.length when none is). */
function firstAtOrAfter(lines: BlockLine[], order: number[], offset: number): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines[order[mid]].anchor < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the line a comment belongs to: the last line starting before it (trailing) or the first after it. */
function targetLine(lines: BlockLine[], order: number[], c: Comment): { index: number; trailing: boolean } {
  if (c.trailing) {
    const at = firstAtOrAfter(lines, order, c.start + 1) - 1;
    if (at >= 0) return { index: order[at], trailing: true };
  }
  const at = firstAtOrAfter(lines, order, c.end);
  return { index: at < order.length ? order[at] : lines.length, trailing: false };
}

/** Collects output lines, keeping at most one blank line in a row and none just inside a block. */
class Output {
  readonly lines: string[] = [];
  private afterOpen = false;

  add(text: string, blank: boolean, role: BlockLine['role'] | 'comment'): void {
    const last = this.lines.length - 1;
    if (blank && last >= 0 && this.lines[last] !== '' && !this.afterOpen && role !== 'close') this.lines.push('');
    this.lines.push(text);
    this.afterOpen = role === 'open';
  }
}

interface Placed {
  before: Comment[][];
  after: string[][];
  ends: string[];
  tail: Comment[];
}

function placeAll(lines: BlockLine[], comments: Comment[]): Placed {
  const placed: Placed = { before: lines.map(() => []), after: lines.map(() => []), ends: lines.map(() => ''), tail: [] };
  const order = byAnchor(lines);
  for (const c of [...comments].sort((a, b) => a.start - b.start)) {
    const { index, trailing } = targetLine(lines, order, c);
    if (index >= lines.length) placed.tail.push(c);
    else if (trailing && placed.ends[index] === '') placed.ends[index] = ` //${c.text}`;
    else if (trailing) placed.after[index].push(`${' '.repeat(lines[index].indent)}//${c.text}`);
    else placed.before[index].push(c);
  }
  return placed;
}

/** The text of `lines` with `comments` in place; `source` (when given) tells where the author left blank lines. */
export function layout(lines: BlockLine[], comments: Comment[], source: string | undefined): string {
  const blank = (offset: number) => source !== undefined && blankLineBefore(source, offset);
  const { before, after, ends, tail } = placeAll(lines, comments);
  const out = new Output();
  lines.forEach((line, i) => {
    let separate = line.separate === true;
    const commentIndent = ' '.repeat(line.indent + (line.role === 'close' ? 2 : 0));
    for (const c of before[i]) {
      out.add(`${commentIndent}//${c.text}`, separate || blank(c.start), 'comment');
      separate = false;
    }
    const mayBreak = line.role === 'open' || line.role === 'item';
    out.add(line.text + ends[i], separate || (mayBreak && blank(line.anchor)), line.role);
    for (const text of after[i]) out.add(text, false, 'comment');
  });
  for (const c of tail) out.add(`//${c.text}`, blank(c.start), 'comment');
  return out.lines.length === 0 ? '' : `${out.lines.join('\n')}\n`;
}
