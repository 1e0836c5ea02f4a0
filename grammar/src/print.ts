// printFile: the canonical text of a tree. Blocks in source order with one blank line between them;
// in a list, settings first, then `where`; in a sync block, settings, then mappings. Comments are
// placed by offset: an own-line comment goes before the node that follows it, an end-of-line
// comment stays at the end of the line of the node before it.

import type { Comment, FileNode, ListNode, Setting, SettingValue, SyncNode } from './ast';
import { encodeString } from './lex';
import { chainLines, exprLines, numberText, printPropertyName, type Line } from './print-expr';

interface BlockLine extends Line {
  indent: number;
  blankBefore?: boolean;
  closing?: boolean;
}

const WORDS = /^[A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z0-9_]+)?(?: [A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z0-9_]+)?)*$/;

function settingValueText(value: SettingValue | undefined): string {
  if (!value) return '';
  if (value.kind === 'string') return ` ${encodeString(value.value)}`;
  if (value.kind === 'number') return ` ${numberText(value.value)}`;
  return ` ${WORDS.test(value.value) ? value.value : encodeString(value.value)}`;
}

function settingLine(s: Setting): BlockLine {
  return { text: `  ${s.key.text}:${settingValueText(s.value)}`, anchor: s.start, indent: 2 };
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

function listLines(list: ListNode): BlockLine[] {
  const lines: BlockLine[] = [{ text: `list ${encodeString(list.name.text)} {`, anchor: list.start, indent: 0 }];
  lines.push(...list.settings.map(settingLine));
  if (list.where) {
    const where = list.where;
    const printed = where.kind === 'and' || where.kind === 'or' ? chainLines(where, '  where ', 4) : exprLines(where, '  where ', 2, 0);
    printed[0] = { ...printed[0], anchor: Math.min(printed[0].anchor, list.whereKeyword?.start ?? printed[0].anchor) };
    lines.push(...printed.map((l) => ({ ...l, indent: indentOf(l.text) })));
  }
  lines.push({ text: '}', anchor: Math.max(list.start, list.end - 1), indent: 0, closing: true });
  return lines;
}

function fieldText(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : `\`${text}\``;
}

function syncLines(sync: SyncNode): BlockLine[] {
  const lines: BlockLine[] = [{ text: `sync ${fieldText(sync.target.text)} {`, anchor: sync.start, indent: 0 }];
  lines.push(...sync.settings.map(settingLine));
  for (const m of sync.mappings) {
    const text = `  map ${printPropertyName(m.hubspotProperty)} to ${fieldText(m.salesforceField.text)}:${settingValueText(m.rule)}`;
    lines.push({ text, anchor: m.start, indent: 2 });
  }
  lines.push({ text: '}', anchor: Math.max(sync.start, sync.end - 1), indent: 0, closing: true });
  return lines;
}

export function printFile(file: FileNode): string {
  const blocks = [...file.lists, ...file.syncBlocks].sort((a, b) => a.start - b.start);
  const lines: BlockLine[] = [];
  blocks.forEach((block, i) => {
    const printed = block.kind === 'list' ? listLines(block) : syncLines(block);
    if (i > 0) printed[0] = { ...printed[0], blankBefore: true };
    lines.push(...printed);
  });
  return placeComments(lines, file.comments ?? []);
}

/** Index of the line a comment belongs to: after it (trailing) or before it (own-line). */
function targetLine(lines: BlockLine[], c: Comment): { index: number; trailing: boolean } {
  let best = -1;
  if (c.trailing) {
    for (let i = 0; i < lines.length; i++) if (lines[i].anchor <= c.start && (best < 0 || lines[i].anchor >= lines[best].anchor)) best = i;
    if (best >= 0) return { index: best, trailing: true };
  }
  for (let i = 0; i < lines.length; i++) if (lines[i].anchor >= c.end && (best < 0 || lines[i].anchor < lines[best].anchor)) best = i;
  return { index: best < 0 ? lines.length : best, trailing: false };
}

function placeComments(lines: BlockLine[], comments: Comment[]): string {
  const before: string[][] = lines.map(() => []);
  const after: string[][] = lines.map(() => []);
  const tail: string[] = [];
  const ends = lines.map(() => '');
  for (const c of [...comments].sort((a, b) => a.start - b.start)) {
    const text = `//${c.text}`;
    const { index, trailing } = targetLine(lines, c);
    if (index >= lines.length) tail.push(text);
    else if (trailing && ends[index] === '') ends[index] = ` ${text}`;
    else if (trailing) after[index].push(' '.repeat(lines[index].indent) + text);
    else before[index].push(' '.repeat(lines[index].indent + (lines[index].closing ? 2 : 0)) + text);
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line.blankBefore) out.push('');
    out.push(...before[i], line.text + ends[i], ...after[i]);
  });
  out.push(...tail);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
