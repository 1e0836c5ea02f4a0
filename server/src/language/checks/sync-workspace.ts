// Sync checks that need the whole workspace: `inclusion-list-not-active` (with a fix that edits
// the list's `type:` in the list's file, which may be another one: `Fix.path`), `no-inclusion-list` (info, rule E1), and
// `conflicting-sync-settings` (the integration has one set of settings, so a second sync block in
// another file conflicts with the first). An unknown inclusion list is `unknown-list`
// (list-references.ts).

import { type SyncNode, diagnostic, type Fix } from '@hslist/grammar';
import { describeLocation } from '../positions';
import { fileOf, findList, type ListSymbol, type WorkspaceIndex } from '../symbols';
import { listTypeOf } from './list-settings';
import type { PathDiagnostic } from './list-references';
import { findSetting } from './settings';

/** Change the list's `type:` value to `active` (a list without `type:` is already active). */
function makeActiveFix(symbol: ListSymbol): Fix | undefined {
  const value = findSetting(symbol.node.settings, 'type')?.value;
  if (!value) return undefined;
  return { title: `Make "${symbol.name}" an active list`, path: symbol.path, edits: [{ start: value.start, end: value.end, newText: 'active' }] };
}

function checkInclusionList(index: WorkspaceIndex, path: string, sync: SyncNode): PathDiagnostic[] {
  const setting = findSetting(sync.settings, 'inclusion list');
  if (!setting) {
    const message = 'No inclusion list is set, so every HubSpot contact with an email address is eligible to sync to Salesforce.';
    return [{ ...diagnostic('no-inclusion-list', message, sync.target, 'info'), path }];
  }
  if (setting.value?.kind !== 'string') return [];
  const symbol = findList(index, setting.value.value);
  if (!symbol) return [];
  const type = listTypeOf(symbol.node);
  if (type === 'active' || type === undefined) return [];
  const listFile = fileOf(index, symbol.path);
  const fix = makeActiveFix(symbol);
  const where = listFile ? describeLocation(symbol.path, listFile.lineIndex, symbol.node.name.start) : symbol.path;
  const message = `The inclusion list must be an active list, but "${symbol.name}" (${where}) is ${type}.`;
  return [{ ...diagnostic('inclusion-list-not-active', message, setting.value, 'error', fix ? [fix] : undefined), path }];
}

function checkConflicts(index: WorkspaceIndex): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  const first = index.syncBlocks[0];
  if (!first) return out;
  const firstFile = fileOf(index, first.path);
  const where = firstFile ? describeLocation(first.path, firstFile.lineIndex, first.node.target.start) : first.path;
  for (const other of index.syncBlocks.slice(1)) {
    if (other.path === first.path) continue; // two blocks in one file: `duplicate-sync-block`
    const message = `The integration has one set of sync settings, and they are already defined at ${where}; keep one sync block in the workspace.`;
    out.push({ ...diagnostic('conflicting-sync-settings', message, other.node.target), path: other.path });
  }
  return out;
}

export function checkWorkspaceSync(index: WorkspaceIndex): PathDiagnostic[] {
  // Only the first sync block is the integration's settings; the others are reported as conflicts.
  const first = index.syncBlocks.slice(0, 1);
  return [...first.flatMap(({ path, node }) => checkInclusionList(index, path, node)), ...checkConflicts(index)];
}
