// Document outline: every list and the sync block, with their settings, criteria and mappings as
// children. Offsets only; the LSP layer makes DocumentSymbols of them.

import { printValue, type ListNode, type NamedConditionNode, type Setting, type Span, type SyncNode, type FileNode, type ValueSetNode } from '@hslist/grammar';
import { relativeToList } from './list-relative';
import { typeOf } from './navigation-lists';

export type OutlineKind = 'list' | 'sync' | 'setting' | 'criteria' | 'mapping' | 'valueSet' | 'condition';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: OutlineKind;
  span: Span;
  /** The part to highlight when the item is chosen (the name). */
  selection: Span;
  children: OutlineItem[];
}

function settingItem(s: Setting, text: string): OutlineItem {
  const value = s.value ? text.slice(s.value.start, s.value.end) : '';
  return { name: s.key.text, detail: value, kind: 'setting', span: { start: s.start, end: s.end }, selection: { start: s.key.start, end: s.key.end }, children: [] };
}

function listItem(list: ListNode | NamedConditionNode, text: string): OutlineItem {
  const children = list.settings.map((s) => settingItem(s, text));
  if (list.where && list.whereKeyword) {
    const span = { start: list.whereKeyword.start, end: Math.max(list.whereKeyword.end, list.where.end) };
    const firstLine = text.slice(list.where.start, list.where.end).split(/\r?\n/)[0];
    children.push({ name: 'where', detail: firstLine, kind: 'criteria', span, selection: list.whereKeyword, children: [] });
  }
  const span = { start: list.start, end: list.end };
  const selection = { start: list.name.start, end: list.name.end };
  if (list.kind === 'namedCondition') return { name: `condition ${list.name.text}`, kind: 'condition', span, selection, children };
  return { name: list.name.text, detail: `${typeOf(list)} list`, kind: 'list', span, selection, children };
}

function valueSetItem(set: ValueSetNode): OutlineItem {
  const detail = set.values.map(printValue).join(', ');
  const selection = { start: set.name.start, end: set.name.end };
  return { name: `values ${set.name.text}`, detail, kind: 'valueSet', span: { start: set.start, end: set.end }, selection, children: [] };
}

function syncItem(sync: SyncNode, text: string): OutlineItem {
  const children = sync.settings.map((s) => settingItem(s, text));
  for (const m of sync.mappings) {
    const name = `map ${m.hubspotProperty.text} to ${m.salesforceField.text}`;
    const detail = m.rule ? text.slice(m.rule.start, m.rule.end) : '';
    children.push({ name, detail, kind: 'mapping', span: { start: m.start, end: m.end }, selection: { start: m.hubspotProperty.start, end: m.hubspotProperty.end }, children: [] });
  }
  const span = { start: sync.start, end: sync.end };
  return { name: `sync ${sync.target.text}`, kind: 'sync', span, selection: { start: sync.target.start, end: sync.target.end }, children };
}

/** A list's item with offsets relative to the list's start, by list (list-relative.ts). */
const relativeItems = new WeakMap<ListNode, OutlineItem>();

function movedItem(item: OutlineItem, by: number): OutlineItem {
  const span = { start: item.span.start + by, end: item.span.end + by };
  const selection = { start: item.selection.start + by, end: item.selection.end + by };
  return { ...item, span, selection, children: item.children.map((c) => movedItem(c, by)) };
}

function placedListItem(list: ListNode, text: string): OutlineItem {
  const relative = relativeToList(relativeItems, list, (l) => movedItem(listItem(l, text), -l.start));
  return movedItem(relative, list.start);
}

export function documentOutline(file: FileNode, text: string): OutlineItem[] {
  const items = [
    ...file.lists.map((l) => placedListItem(l, text)),
    ...file.syncBlocks.map((s) => syncItem(s, text)),
    ...(file.valueSets ?? []).map(valueSetItem),
    ...(file.conditions ?? []).map((c) => listItem(c, text)),
  ];
  return items.sort((a, b) => a.span.start - b.span.start);
}
