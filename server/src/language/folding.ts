// Folding regions by offsets: blocks, a `where` that spans lines, and runs of two or more comment
// lines. The LSP layer turns offsets into lines (a region folds only when it spans lines).

import type { FileNode, ListNode, Span } from '@hslist/grammar';
import { relativeToList } from './list-relative';

export interface FoldRegion extends Span {
  kind: 'region' | 'comment';
}

/** Comments that stand alone on consecutive lines, joined into one region per run. */
function commentRuns(file: FileNode, text: string): FoldRegion[] {
  const out: FoldRegion[] = [];
  let run: FoldRegion | undefined;
  let count = 0;
  for (const c of file.comments) {
    if (c.trailing) continue;
    const between = run ? text.slice(run.end, c.start) : '';
    if (run && /^\s*$/.test(between) && (between.match(/\n/g) ?? []).length === 1) {
      run.end = c.end;
      count++;
      continue;
    }
    if (run && count > 1) out.push(run);
    run = { start: c.start, end: c.end, kind: 'comment' };
    count = 1;
  }
  if (run && count > 1) out.push(run);
  return out;
}

/** Where a list's criteria end, from its start (-1: none), by list (list-relative.ts). */
const whereEnds = new WeakMap<ListNode, number>();

function relativeWhereEnd(list: ListNode): number {
  return list.where && list.whereKeyword ? list.where.end - list.start : -1;
}

export function foldingRegions(file: FileNode, text: string): FoldRegion[] {
  const out: FoldRegion[] = [];
  const conditions = file.conditions ?? [];
  for (const block of [...file.lists, ...file.syncBlocks, ...(file.valueSets ?? []), ...conditions]) out.push({ start: block.start, end: block.end, kind: 'region' });
  for (const list of file.lists) {
    const whereEnd = relativeToList(whereEnds, list, relativeWhereEnd);
    if (whereEnd >= 0 && list.whereKeyword) out.push({ start: list.whereKeyword.start, end: list.start + whereEnd, kind: 'region' });
  }
  for (const condition of conditions) {
    if (condition.where && condition.whereKeyword) out.push({ start: condition.whereKeyword.start, end: condition.where.end, kind: 'region' });
  }
  out.push(...commentRuns(file, text));
  return out.sort((a, b) => a.start - b.start);
}
