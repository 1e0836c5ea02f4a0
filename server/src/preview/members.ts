// A static list's members as the preview judges them: record ids and lowercase emails, resolved once
// per workspace (members files included, relative to each list's file) into plain data that crosses
// to the editor's preview worker. A contact is a member when its record id or its email (any case)
// is among them; members the data has no contact for are counted and named, never dropped silently.

import type { ListNode } from '@hslist/grammar';
import { listTypeOf } from '../language/checks/list-settings';
import { staticMembers } from '../language/members';
import type { WorkspaceAnalysis } from '../language/workspace';
import { rawValue, type ColumnStore } from './columns';

export interface ResolvedMembers {
  ids: string[];
  /** Lowercase. */
  emails: string[];
  /** The first error among the members (a bad email, an unreadable file): the list is then not previewed. */
  problem?: string;
}

/** Members of each static list that says who its members are, by lowercased list name. */
export type MembersByList = ReadonlyMap<string, ResolvedMembers>;

export function resolveMembers(list: ListNode, path: string, lineOf: (offset: number) => number = () => 0): ResolvedMembers | undefined {
  if (listTypeOf(list) !== 'static') return undefined;
  const found = staticMembers(list, path, lineOf);
  if (!found.given) return undefined;
  const error = found.diagnostics.find((d) => d.severity === 'error');
  const ids = found.members.filter((m) => m.kind === 'id').map((m) => m.value);
  const emails = found.members.filter((m) => m.kind === 'email').map((m) => m.value.toLowerCase());
  return error ? { ids, emails, problem: error.message } : { ids, emails };
}

/** The members of every static list of an analysed workspace (first definition of each name). */
export function workspaceMembers(analysis: Pick<WorkspaceAnalysis, 'lists' | 'files'>): Map<string, ResolvedMembers> {
  const out = new Map<string, ResolvedMembers>();
  for (const [name, symbols] of analysis.lists) {
    const { path, node } = symbols[0];
    const lineIndex = analysis.files.get(path)?.lineIndex;
    const members = resolveMembers(node, path, lineIndex ? (o) => lineIndex.positionAt(o).line + 1 : undefined);
    if (members) out.set(name, members);
  }
  return out;
}

/** Members the data has no contact for (by record id, else by email), as written. */
export function membersNotInData(members: ResolvedMembers, store: ColumnStore): string[] {
  const missing: string[] = [];
  for (const id of members.ids) if (store.ids.rowOf(id) < 0) missing.push(`#${id}`);
  if (members.emails.length === 0) return missing;
  const col = store.columns.get('email');
  const known = new Set<string>();
  for (let row = 0; col && row < store.size; row++) known.add((rawValue(col, row) ?? '').toLowerCase());
  for (const email of members.emails) if (!known.has(email)) missing.push(email);
  return missing;
}
