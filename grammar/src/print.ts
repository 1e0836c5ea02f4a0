// printFile: the canonical text of a tree. Blocks in source order with one blank line between them;
// in a list, settings first, then `where`; in a sync block, settings, then mappings. Comments and the
// author's blank lines are laid out by print-layout.ts.

import type { Comment, Expr, FileNode, ListNode, MemberItem, NamedConditionNode, Setting, SettingValue, Span, SyncNode, ValueSetNode } from './ast';
import { encodeString } from './lex';
import { chainLines, exprLines, MAX_WIDTH, numberText, printPropertyName, printValue, valueList, type Line } from './print-expr';
import { layout, type BlockLine } from './print-layout';

const WORDS = /^[A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z0-9_]+)?(?: [A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z0-9_]+)?)*$/;

/** Members stay on the setting's line while it is at most this long; else one member a line. */
const MEMBERS_LINE_WIDTH = 100;

function memberText(item: MemberItem): string {
  return item.kind === 'id' ? `#${item.value}` : encodeString(item.value);
}

/** `members: (…)` on one line, or one member a line (each anchored at its member, so comments stay with it). */
function membersLines(s: Setting, items: MemberItem[], end: number): BlockLine[] {
  const inline = `  ${s.key.text}: (${items.map(memberText).join(', ')})`;
  if (inline.length <= MEMBERS_LINE_WIDTH) return [{ text: inline, anchor: s.start, indent: 2, role: 'item' }];
  const lines: BlockLine[] = [{ text: `  ${s.key.text}: (`, anchor: s.start, indent: 2, role: 'item' }];
  items.forEach((item, i) => lines.push({ text: `    ${memberText(item)}${i < items.length - 1 ? ',' : ''}`, anchor: item.start, indent: 4, role: 'more' }));
  lines.push({ text: '  )', anchor: Math.max(s.start, end - 1), indent: 2, role: 'more' });
  return lines;
}

/** A setting's value as text without quotes: what messages quote (`(#1, "a@b.c")` for members). */
export function settingValueString(value: SettingValue): string {
  if (value.kind === 'number') return numberText(value.value);
  if (value.kind === 'members') return `(${value.items.map(memberText).join(', ')})`;
  return value.value;
}

function settingValueText(value: SettingValue | undefined): string {
  if (!value) return '';
  if (value.kind === 'members') return ` (${value.items.map(memberText).join(', ')})`;
  if (value.kind === 'string') return ` ${encodeString(value.value)}`;
  if (value.kind === 'number') return ` ${numberText(value.value)}`;
  return ` ${WORDS.test(value.value) ? value.value : encodeString(value.value)}`;
}

function settingLines(s: Setting): BlockLine[] {
  if (s.value?.kind === 'members') return membersLines(s, s.value.items, s.value.end);
  return [{ text: `  ${s.key.text}:${settingValueText(s.value)}`, anchor: s.start, indent: 2, role: 'item' }];
}

function indentOf(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  return i;
}

/** `where` and its criteria (of a list or a named condition); a top-level `and`/`or` chain goes one operand per line. */
function whereLines(list: { where: Expr | undefined; whereKeyword: Span | undefined }): Line[] {
  const where = list.where;
  if (!where) return [];
  const printed = where.kind === 'and' || where.kind === 'or' ? chainLines(where, '  where ', 4) : exprLines(where, '  where ', 2, 0);
  printed[0] = { ...printed[0], anchor: Math.min(printed[0].anchor, list.whereKeyword?.start ?? printed[0].anchor) };
  return printed;
}

function listLines(list: ListNode | NamedConditionNode): BlockLine[] {
  const header = list.kind === 'list' ? `list ${encodeString(list.name.text)}` : `condition ${list.name.text}`;
  const lines: BlockLine[] = [{ text: `${header} {`, anchor: list.start, indent: 0, role: 'open' }];
  lines.push(...list.settings.flatMap(settingLines));
  whereLines(list).forEach((l, i) => lines.push({ ...l, indent: indentOf(l.text), role: i === 0 ? 'item' : 'more' }));
  lines.push({ text: '}', anchor: Math.max(list.start, list.end - 1), indent: 0, role: 'close' });
  return lines;
}

function fieldText(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : `\`${text}\``;
}

function syncLines(sync: SyncNode): BlockLine[] {
  const lines: BlockLine[] = [{ text: `sync ${fieldText(sync.target.text)} {`, anchor: sync.start, indent: 0, role: 'open' }];
  lines.push(...sync.settings.flatMap(settingLines));
  for (const m of sync.mappings) {
    const text = `  map ${printPropertyName(m.hubspotProperty)} to ${fieldText(m.salesforceField.text)}:${settingValueText(m.rule)}`;
    lines.push({ text, anchor: m.start, indent: 2, role: 'item' });
  }
  lines.push({ text: '}', anchor: Math.max(sync.start, sync.end - 1), indent: 0, role: 'close' });
  return lines;
}

/** `values name = (a, b)` on one line when it fits and holds no comment, else one value a line. */
function valueSetLines(set: ValueSetNode, comments: Comment[]): BlockLine[] {
  const head = `values ${set.name.text} = `;
  const flat = head + valueList(set.values);
  const commented = comments.some((c) => c.start > set.valuesSpan.start && c.start < set.valuesSpan.end);
  // One line is an `item`, not an `open`: the block after it gets its blank line.
  if (flat.length <= MAX_WIDTH && !commented) return [{ text: flat, anchor: set.start, indent: 0, role: 'item' }];
  const lines: BlockLine[] = [{ text: `${head}(`, anchor: set.start, indent: 0, role: 'open' }];
  set.values.forEach((value, i) => {
    lines.push({ text: `  ${printValue(value)}${i < set.values.length - 1 ? ',' : ''}`, anchor: value.start, indent: 2, role: 'item' });
  });
  lines.push({ text: ')', anchor: Math.max(set.start, set.end - 1), indent: 0, role: 'close' });
  return lines;
}

type Block = ListNode | SyncNode | ValueSetNode | NamedConditionNode;

function blockLines(block: Block, comments: Comment[]): BlockLine[] {
  if (block.kind === 'sync') return syncLines(block);
  if (block.kind === 'valueSet') return valueSetLines(block, comments);
  return listLines(block);
}

/**
 * The canonical text of `file`. With `source`, the text the tree was parsed from, the author's blank
 * lines are kept (one for one or more).
 */
export function printFile(file: FileNode, source?: string): string {
  const blocks: Block[] = [...file.lists, ...file.syncBlocks, ...(file.valueSets ?? []), ...(file.conditions ?? [])].sort((a, b) => a.start - b.start);
  const lines: BlockLine[] = [];
  let previous: BlockLine[] = [];
  blocks.forEach((block, i) => {
    const printed = blockLines(block, file.comments ?? []);
    // One-line value sets one after another may stay together (the author's blank lines are kept).
    const grouped = block.kind === 'valueSet' && blocks[i - 1]?.kind === 'valueSet' && printed.length === 1 && previous.length === 1;
    previous = printed;
    if (i > 0 && !grouped) printed[0] = { ...printed[0], separate: true };
    lines.push(...printed);
  });
  return layout(lines, file.comments ?? [], source);
}
