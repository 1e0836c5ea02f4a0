// Code actions: every fix a diagnostic carries (its edits may be in another file: `Fix.path`), and
// "Make list active" on a list whose type is static or snapshot. Offsets only.

import type { Span, Diagnostic, TextEdit } from '@hslist/grammar';
import { findSetting } from './checks/settings';
import { listTypeOf } from './checks/list-settings';
import type { WorkspaceAnalysis } from './workspace';

export interface FileEdits {
  path: string;
  edits: TextEdit[];
}

export interface CodeActionEntry {
  title: string;
  kind: 'quickfix' | 'refactor';
  /** The diagnostic the action fixes, in the requested file. */
  diagnostic?: Diagnostic;
  changes: FileEdits[];
  preferred?: boolean;
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

function fixActions(analysis: WorkspaceAnalysis, path: string, range: Span): CodeActionEntry[] {
  const file = analysis.files.get(path);
  if (!file) return [];
  return file.diagnostics
    .filter((d) => d.fixes && overlaps(d, range))
    .flatMap((d) =>
      (d.fixes ?? []).map((fix, i) => ({
        title: fix.title,
        kind: 'quickfix' as const,
        diagnostic: d,
        changes: [{ path: fix.path ?? path, edits: fix.edits }],
        preferred: i === 0 && (d.fixes?.length ?? 0) === 1,
      })),
    );
}

function makeActiveActions(analysis: WorkspaceAnalysis, path: string, range: Span): CodeActionEntry[] {
  const file = analysis.files.get(path);
  if (!file) return [];
  return file.tree.lists.filter((l) => overlaps(l, range)).flatMap((list) => {
    const type = listTypeOf(list);
    const value = findSetting(list.settings, 'type')?.value;
    if (type === 'active' || !value) return [];
    return [{ title: `Make list "${list.name.text}" active`, kind: 'refactor' as const, changes: [{ path, edits: [{ start: value.start, end: value.end, newText: 'active' }] }] }];
  });
}

export function codeActions(analysis: WorkspaceAnalysis, path: string, range: Span): CodeActionEntry[] {
  const fixes = fixActions(analysis, path, range);
  const titles = new Set(fixes.map((f) => f.title));
  const active = makeActiveActions(analysis, path, range).filter((a) => !titles.has(a.title));
  return [...fixes, ...active];
}
