// The members of every static list of the workspace (`invalid-member`, `duplicate-member`,
// `members-file-unreadable`, `members-file-empty`, `members-file-bad-line`): a workspace check, so that
// a members file edited outside the editor is read again on the next analysis (members-file.ts caches
// by size and modification time).

import type { FileNode, ListNode } from '@hslist/grammar';
import { relativeToList } from '../list-relative';
import type { WorkspaceIndex } from '../symbols';
import type { PathDiagnostic } from './list-references';
import { staticMembers } from '../members';
import { listTypeOf } from './list-settings';

/** The static lists of a tree: this check runs on every analysis, and most files keep their trees. */
const staticListsByTree = new WeakMap<FileNode, ListNode[]>();

function staticListsOf(tree: FileNode): ListNode[] {
  let lists = staticListsByTree.get(tree);
  if (!lists) {
    lists = tree.lists.filter(isStatic);
    staticListsByTree.set(tree, lists);
  }
  return lists;
}

/**
 * Whether a list is static, by list: a list an edit moved is static when the list it moved from was, and
 * its settings are not read again (list-relative.ts).
 */
const staticByList = new WeakMap<ListNode, boolean>();

function isStatic(list: ListNode): boolean {
  return relativeToList(staticByList, list, (l) => listTypeOf(l) === 'static');
}

export function checkStaticMembers(index: WorkspaceIndex): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  for (const file of index.files) {
    const lineOf = (offset: number) => file.lineIndex.positionAt(offset).line + 1;
    for (const list of staticListsOf(file.tree)) {
      for (const d of staticMembers(list, file.path, lineOf).diagnostics) out.push({ ...d, path: file.path });
    }
  }
  return out;
}
