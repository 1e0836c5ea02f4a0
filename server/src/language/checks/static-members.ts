// The members of every static list of the workspace (`invalid-member`, `duplicate-member`,
// `members-file-unreadable`, `members-file-empty`, `members-file-bad-line`): a workspace check, so that
// a members file edited outside the editor is read again on the next analysis (members-file.ts caches
// by size and modification time).

import type { WorkspaceIndex } from '../symbols';
import type { PathDiagnostic } from './list-references';
import { staticMembers } from '../members';
import { listTypeOf } from './list-settings';

export function checkStaticMembers(index: WorkspaceIndex): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  for (const file of index.files) {
    const lineOf = (offset: number) => file.lineIndex.positionAt(offset).line + 1;
    for (const list of file.tree.lists) {
      if (listTypeOf(list) !== 'static') continue;
      for (const d of staticMembers(list, file.path, lineOf).diagnostics) out.push({ ...d, path: file.path });
    }
  }
  return out;
}
