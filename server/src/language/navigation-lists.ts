// Facts about the workspace's lists that several features show: the list infos completion offers,
// the folders in use, and a list's summary (hover).

import type { ListNode } from '@hslist/grammar';
import { listTypeOf } from './checks/list-settings';
import { findSetting } from './checks/settings';
import type { ListInfo } from './completion-values';
import type { ListSymbol } from './symbols';
import { listKey } from './symbols';
import { forEachCondition } from './walk';
import type { WorkspaceAnalysis } from './workspace';

export function folderOf(list: ListNode): string | undefined {
  const value = findSetting(list.settings, 'folder')?.value;
  return value?.kind === 'string' ? value.value : undefined;
}

export function typeOf(list: ListNode): string {
  return listTypeOf(list) ?? 'unknown type';
}

/** The first definition of every list name, in name order. */
export function listInfos(analysis: WorkspaceAnalysis): ListInfo[] {
  return [...analysis.lists.values()]
    .map((defs) => defs[0])
    .map((s) => ({ name: s.name, type: typeOf(s.node), folder: folderOf(s.node), path: s.path }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function folders(analysis: WorkspaceAnalysis): string[] {
  const found = new Set<string>();
  for (const defs of analysis.lists.values()) for (const d of defs) {
    const folder = folderOf(d.node);
    if (folder) found.add(folder);
  }
  return [...found].sort();
}

function countConditions(list: ListNode): number {
  let n = 0;
  forEachCondition(list.where, 'contacts', (c) => {
    if (c.kind !== 'error' && c.kind !== 'association') n++;
  });
  return n;
}

function joined(names: string[]): string {
  return names.length === 0 ? 'none' : [...new Set(names)].join(', ');
}

/** Markdown: `list "Name"`, its type, folder, file, number of conditions, what it uses and what uses it. */
export function listSummary(analysis: WorkspaceAnalysis, symbol: ListSymbol, displayPath: (path: string) => string = (p) => p): string {
  const key = listKey(symbol.name);
  const uses = analysis.references.filter((r) => r.fromList === symbol.node).map((r) => `"${r.name}"`);
  const named = (analysis.definitions?.references ?? []).filter((r) => r.from === symbol.node);
  uses.push(...named.map((r) => (r.kind === 'condition' ? `condition ${r.name}` : `values ${r.name}`)));
  const usedBy = analysis.references
    .filter((r) => listKey(r.name) === key)
    .map((r) => (r.fromList ? `"${r.fromList.name.text}"` : r.fromCondition ? `condition ${r.fromCondition.name.text}` : 'the sync block (inclusion list)'));
  const folder = folderOf(symbol.node);
  const conditions = countConditions(symbol.node);
  return [
    `**list "${symbol.name}"**: ${typeOf(symbol.node)} list`,
    '',
    `Folder: ${folder ? `"${folder}"` : 'none'} · File: \`${displayPath(symbol.path)}\` · ${conditions} condition${conditions === 1 ? '' : 's'}`,
    '',
    `Uses: ${joined(uses)}`,
    '',
    `Used by: ${usedBy.length === 0 ? 'none' : [...new Set(usedBy)].join(', ')}`,
  ].join('\n');
}
