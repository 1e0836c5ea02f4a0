// printFile: the canonical text of a tree. Blocks in source order with one blank line between them;
// in a list, settings first, then `where`; in a sync block, settings, then mappings. Comments and the
// author's blank lines are laid out by print-layout.ts.

import type { FileNode, ListNode, Setting, SettingValue, SyncNode } from './ast';
import { encodeString } from './lex';
import { chainLines, exprLines, numberText, printPropertyName, type Line } from './print-expr';
import { layout, type BlockLine } from './print-layout';

const WORDS = /^[A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z0-9_]+)?(?: [A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z0-9_]+)?)*$/;

function settingValueText(value: SettingValue | undefined): string {
  if (!value) return '';
  if (value.kind === 'string') return ` ${encodeString(value.value)}`;
  if (value.kind === 'number') return ` ${numberText(value.value)}`;
  return ` ${WORDS.test(value.value) ? value.value : encodeString(value.value)}`;
}

function settingLine(s: Setting): BlockLine {
  return { text: `  ${s.key.text}:${settingValueText(s.value)}`, anchor: s.start, indent: 2, role: 'item' };
}

function indentOf(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  return i;
}

/** `where` and its criteria; a top-level `and`/`or` chain goes one operand per line. */
function whereLines(list: ListNode): Line[] {
  const where = list.where;
  if (!where) return [];
  const printed = where.kind === 'and' || where.kind === 'or' ? chainLines(where, '  where ', 4) : exprLines(where, '  where ', 2, 0);
  printed[0] = { ...printed[0], anchor: Math.min(printed[0].anchor, list.whereKeyword?.start ?? printed[0].anchor) };
  return printed;
}

function listLines(list: ListNode): BlockLine[] {
  const lines: BlockLine[] = [{ text: `list ${encodeString(list.name.text)} {`, anchor: list.start, indent: 0, role: 'open' }];
  lines.push(...list.settings.map(settingLine));
  whereLines(list).forEach((l, i) => lines.push({ ...l, indent: indentOf(l.text), role: i === 0 ? 'item' : 'more' }));
  lines.push({ text: '}', anchor: Math.max(list.start, list.end - 1), indent: 0, role: 'close' });
  return lines;
}

function fieldText(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : `\`${text}\``;
}

function syncLines(sync: SyncNode): BlockLine[] {
  const lines: BlockLine[] = [{ text: `sync ${fieldText(sync.target.text)} {`, anchor: sync.start, indent: 0, role: 'open' }];
  lines.push(...sync.settings.map(settingLine));
  for (const m of sync.mappings) {
    const text = `  map ${printPropertyName(m.hubspotProperty)} to ${fieldText(m.salesforceField.text)}:${settingValueText(m.rule)}`;
    lines.push({ text, anchor: m.start, indent: 2, role: 'item' });
  }
  lines.push({ text: '}', anchor: Math.max(sync.start, sync.end - 1), indent: 0, role: 'close' });
  return lines;
}

/**
 * The canonical text of `file`. With `source`, the text the tree was parsed from, the author's blank
 * lines are kept (one for one or more).
 */
export function printFile(file: FileNode, source?: string): string {
  const blocks = [...file.lists, ...file.syncBlocks].sort((a, b) => a.start - b.start);
  const lines: BlockLine[] = [];
  blocks.forEach((block, i) => {
    const printed = block.kind === 'list' ? listLines(block) : syncLines(block);
    if (i > 0) printed[0] = { ...printed[0], separate: true };
    lines.push(...printed);
  });
  return layout(lines, file.comments ?? [], source);
}
