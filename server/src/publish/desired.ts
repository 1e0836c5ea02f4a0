// What the workspace wants in HubSpot: each list's processing type, folder and compiled filters (with
// `$list:` placeholders for the lists it refers to), from the same analysis `hslist check` runs. A list
// with an error of its own (or defined twice) is still listed, with its problems, so the plan can say
// it is blocked while the rest of the workspace goes ahead.

import { resolveMembers, type ResolvedMembers } from '../preview/members';
import { relative } from 'node:path';
import type { ListNode } from '@hslist/grammar';
import { compileList } from '../hubspot/compile';
import type { ProcessingType } from '../hubspot/filter-branch';
import type { Schema } from '../language/schema-types';
import { inclusionListName } from '../preview/inclusion';
import type { WorkspaceAnalysis } from '../language/workspace';
import { placeholderNames } from './references';
import { resolveList } from '../language/definitions/resolve';

export interface DesiredList {
  name: string;
  processingType: ProcessingType;
  /** Folder path ("Salesforce", "Events/2025"); undefined: the root. */
  folder?: string;
  /** Absent for static lists, and for lists that do not compile. */
  filterBranch?: Record<string, unknown>;
  /** Names (as written) of the lists its `in list "…"` conditions refer to. */
  references: string[];
  inclusion: boolean;
  /** "lists/sales.hslist:12", relative to the workspace root. */
  location: string;
  node: ListNode;
  /** Why it cannot be published as it stands (errors in its text, a duplicate name). */
  problems: string[];
  /** A static list's own members (`members`, `members from`), when it names any: apply makes HubSpot's match. */
  members?: ResolvedMembers;
}

export interface DesiredWorkspace {
  lists: DesiredList[];
  inclusionList?: string;
  /** Files with errors anywhere (parse errors included): pruning is refused while there are any. */
  filesWithErrors: string[];
}

export interface DesiredOptions {
  root: string;
  schema: Schema;
  defaultTimezone: string;
}

export function desiredWorkspace(analysis: WorkspaceAnalysis, options: DesiredOptions): DesiredWorkspace {
  const inclusionList = inclusionListName(analysis.syncBlocks);
  const lists = [...analysis.lists.values()].map((defs) => desiredList(analysis, defs, options, inclusionList));
  const filesWithErrors = [...analysis.files.values()].filter((f) => f.diagnostics.some((d) => d.severity === 'error')).map((f) => relative(options.root, f.path));
  return { lists, inclusionList, filesWithErrors };
}

type Definitions = WorkspaceAnalysis['lists'] extends Map<string, infer D> ? D : never;

function desiredList(analysis: WorkspaceAnalysis, defs: Definitions, options: DesiredOptions, inclusionList: string | undefined): DesiredList {
  const first = defs[0];
  const file = analysis.files.get(first.path);
  const node = first.node;
  const line = file ? file.lineIndex.positionAt(node.name.start).line + 1 : 1;
  const location = `${relative(options.root, first.path)}:${line}`;
  const problems: string[] = [];
  for (const dup of defs.slice(1)) problems.push(`it is defined again in ${relative(options.root, dup.path)}`);
  const own = file?.diagnostics.filter((d) => d.severity === 'error' && d.start >= node.start && d.end <= node.end) ?? [];
  for (const d of own) problems.push(`${relative(options.root, first.path)}:${file!.lineIndex.positionAt(d.start).line + 1}: ${d.message}`);
  const compiled = compileList(resolveList(node, analysis.definitions), { schema: options.schema, defaultTimezone: options.defaultTimezone, listIdFor: () => undefined });
  if (!compiled.request && own.length === 0) problems.push(...compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
  const request = compiled.request;
  const members = resolveMembers(node, first.path, (offset) => (file ? file.lineIndex.positionAt(offset).line + 1 : 0));
  if (members?.problem && own.length === 0) problems.push(members.problem);
  return {
    name: node.name.text,
    processingType: request?.processingType ?? 'DYNAMIC',
    folder: folderOf(node),
    ...(request?.filterBranch ? { filterBranch: request.filterBranch as unknown as Record<string, unknown> } : {}),
    references: request?.filterBranch ? placeholderNames(request.filterBranch) : [],
    inclusion: inclusionList !== undefined && inclusionList.toLowerCase() === node.name.text.toLowerCase(),
    location,
    node,
    problems,
    ...(members ? { members } : {}),
  };
}

/** `folder: "Events / 2025/"` → "Events/2025": one spelling per path. */
export function normaliseFolderPath(path: string): string | undefined {
  const parts = path.split('/').map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 0 ? parts.join('/') : undefined;
}

function folderOf(node: ListNode): string | undefined {
  const value = node.settings.find((s) => s.key.text === 'folder')?.value;
  return value && value.kind === 'string' ? normaliseFolderPath(value.value) : undefined;
}
