// pull: existing HubSpot lists → .hslist files, recorded in the state file so that `hslist plan` right
// after shows nothing to do. A list with any filter the language cannot say is not written at all:
// leaving that filter out would make the list broader than HubSpot's, and a broader inclusion list syncs
// contacts that must not sync. Every written file is checked with the workspace first; a list whose
// file would not check clean is reported instead of written.

import { join, relative } from 'node:path';
import type { HubSpotAccount, HubSpotList } from '../hubspot/account/types';
import { analyzeWorkspace, type SourceFile } from '../language/workspace';
import { writeFilesAtomically } from '../accounts/atomic-write';
import { definitionHash } from './canonical';
import { desiredWorkspace } from './desired';
import { pulledText, type PulledList } from './pull-text';
import { resolvePlaceholders } from './references';
import { PublishError, type PublishWorkspace } from './session';
import { portalState, readStateFile, writeStateFile, type PortalState } from './state-file';
import { portalMismatch, type ResolvedTarget } from './targets';
import { folderPaths } from './pull-folders';
import { INLINE_MEMBERS, membersCsv, membersFilePath, membersForm, staticListMembers } from './pull-members';
import { membersHash } from './apply-members';
import { existsSync } from 'node:fs';

export interface PullRequest {
  all?: boolean;
  names?: string[];
  ids?: string[];
  outDir: string;
  /** Replace files that exist already. */
  overwrite?: boolean;
  target?: ResolvedTarget;
}

export interface PullOutcome {
  portalId: string;
  written: { name: string; listId: string; file: string }[];
  skipped: { name: string; reason: string }[];
  failed: { name: string; listId?: string; reasons: string[] }[];
}

export async function pullLists(workspace: PublishWorkspace, account: HubSpotAccount, request: PullRequest): Promise<PullOutcome> {
  const read = readStateFile(workspace.root);
  if (!read.ok) throw new PublishError(read.message);
  const details = await account.accountDetails();
  const mismatch = request.target && portalMismatch(request.target, details.portalId);
  if (mismatch) throw new PublishError(mismatch);
  const portal = portalState(read.state, details.portalId);
  const outcome: PullOutcome = { portalId: details.portalId, written: [], skipped: [], failed: [] };
  const chosen = choose(await account.searchLists(), request, workspace, portal, outcome);
  if (chosen.length === 0) return outcome;
  const found = await account.getLists(chosen.map((l) => l.listId), true);
  const unreadMembers = new Set<string>();
  const members = await staticListMembers(account, found, (list, reason) => {
    unreadMembers.add(list.listId);
    outcome.failed.push({ name: list.name, listId: list.listId, reasons: [reason] });
  });
  const lists = found.filter((l) => !unreadMembers.has(l.listId));
  const folders = await folderPaths(account);
  const pulled = settle(lists, folders, workspace, portal, request, outcome, members);
  if (pulled.length === 0) return outcome;
  await writeFilesAtomically(pulled.flatMap((p) => [{ path: p.file, content: p.text }, ...(p.membersFile ? [{ path: p.membersFile.path, content: p.membersFile.content }] : [])]));
  for (const p of pulled) {
    const ids = members.get(p.list.listId);
    const held = ids && ids.length > 0 ? { members: ids.length, membersHash: membersHash(ids) } : {};
    portal.lists[p.list.name] = { listId: p.list.listId, processingType: p.list.processingType, filtersHash: p.filtersHash, remoteHash: definitionHash(p.list.processingType, p.list.filterBranch), ...(p.folder ? { folder: p.folder } : {}), ...held };
    outcome.written.push({ name: p.list.name, listId: p.list.listId, file: p.file });
  }
  await writeStateFile(workspace.root, read.state);
  return outcome;
}

function choose(all: HubSpotList[], request: PullRequest, workspace: PublishWorkspace, portal: PortalState, outcome: PullOutcome): HubSpotList[] {
  const contactLists = all.filter((l) => l.objectTypeId === '0-1');
  const picked = new Map<string, HubSpotList>();
  if (request.all) for (const l of contactLists) picked.set(l.listId, l);
  for (const name of request.names ?? []) {
    const found = all.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (!found) outcome.failed.push({ name, reasons: ['the portal has no list of that name'] });
    else if (found.objectTypeId !== '0-1') outcome.failed.push({ name, listId: found.listId, reasons: [`it is a list of object type ${found.objectTypeId}; only contact lists can be written as .hslist`] });
    else picked.set(found.listId, found);
  }
  for (const id of request.ids ?? []) {
    const found = all.find((l) => l.listId === id);
    if (!found) outcome.failed.push({ name: `#${id}`, listId: id, reasons: ['the portal has no list with that id'] });
    else if (found.objectTypeId !== '0-1') outcome.failed.push({ name: found.name, listId: id, reasons: [`it is a list of object type ${found.objectTypeId}; only contact lists can be written as .hslist`] });
    else picked.set(found.listId, found);
  }
  const known = new Map(Object.entries(portal.lists).map(([name, s]) => [s.listId, name]));
  const asked = new Set([...(request.names ?? []).map((n) => n.toLowerCase()), ...(request.ids ?? [])]);
  return [...picked.values()].filter((l) => {
    const inCode = workspace.analysis.lists.get(l.name.toLowerCase())?.[0];
    const reason = inCode ? `it is in the files already (${relative(workspace.root, inCode.path)})` : known.has(l.listId) ? `the state file records it as "${known.get(l.listId)}"` : undefined;
    // --all leaves lists already kept as code out without a word; a list asked for by name or id is told about.
    if (reason && (asked.has(l.name.toLowerCase()) || asked.has(l.listId))) outcome.skipped.push({ name: l.name, reason });
    return reason === undefined;
  });
}

interface Pulled extends PulledList {
  file: string;
  text: string;
  filtersHash: string;
  /** A static list with many members: its members file, written with the .hslist. */
  membersFile?: { path: string; content: string };
}

/** Decompiles and checks the lists, dropping those that fail, until every remaining one checks clean. */
function settle(lists: HubSpotList[], folders: Map<string, string>, workspace: PublishWorkspace, portal: PortalState, request: PullRequest, outcome: PullOutcome, members: Map<string, string[]>): Pulled[] {
  let candidates = lists;
  for (;;) {
    const names = nameMap(portal, candidates);
    const texts = new Map<string, Pulled>();
    const files = fileNames(candidates, request.outDir);
    for (const list of candidates) {
      const ids = members.get(list.listId) ?? [];
      // Checked with the members inline (a members file is not written yet), written as they will be.
      const made = pulledText(list, folders.get(list.listId), workspace, (id) => names.get(id), ids.length > 0 ? membersForm(ids, files.get(list.listId)!, true) : undefined);
      if ('reasons' in made) outcome.failed.push({ name: list.name, listId: list.listId, reasons: made.reasons });
      else texts.set(list.listId, { ...made, file: files.get(list.listId)!, text: made.text, filtersHash: '' });
    }
    const failures = checkAll([...texts.values()], workspace, portal, names, request, members);
    if (failures.size === 0) return [...texts.values()].map((p) => withMembersFile(p, members.get(p.list.listId) ?? [], folders, workspace, names));
    for (const [listId, reasons] of failures) outcome.failed.push({ name: texts.get(listId)!.list.name, listId, reasons });
    candidates = candidates.filter((l) => texts.has(l.listId) && !failures.has(l.listId));
  }
}

/** A list with many members is written naming a members file beside it, which is written too. */
function withMembersFile(p: Pulled, ids: string[], folders: Map<string, string>, workspace: PublishWorkspace, names: Map<string, string>): Pulled {
  const form = membersForm(ids, p.file);
  if (!('file' in form)) return p;
  const made = pulledText(p.list, folders.get(p.list.listId), workspace, (id) => names.get(id), form);
  if ('reasons' in made) return p; // the same list decompiled a moment ago: cannot differ
  return { ...p, text: made.text, membersFile: { path: membersFilePath(p.file), content: membersCsv(ids) } };
}

/** List id → the name `in list` uses for it: lists kept as code and lists pulled now; others stay `#id`. */
function nameMap(portal: PortalState, pulled: HubSpotList[]): Map<string, string> {
  const names = new Map(Object.entries(portal.lists).map(([name, s]) => [s.listId, name]));
  for (const l of pulled) names.set(l.listId, l.name);
  return names;
}

function fileNames(lists: HubSpotList[], dir: string): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const list of lists) {
    const base = list.name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || `list-${list.listId}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    names.set(list.listId, join(dir, `${name}.hslist`));
  }
  return names;
}

/** Problems per list id, from checking the workspace with the pulled files added; fills each filtersHash. */
function checkAll(pulled: Pulled[], workspace: PublishWorkspace, portal: PortalState, names: Map<string, string>, request: PullRequest, members: Map<string, string[]>): Map<string, string[]> {
  const failures = new Map<string, string[]>();
  const existing: SourceFile[] = [...workspace.analysis.files.values()].map((f) => ({ path: f.path, text: f.text }));
  const taken = new Set(existing.map((f) => f.path));
  for (const p of pulled) if (taken.has(p.file) && !request.overwrite) failures.set(p.list.listId, [`${p.file} exists already (pass --overwrite to replace it)`]);
  for (const p of pulled) {
    const csv = membersFilePath(p.file);
    const many = (members.get(p.list.listId)?.length ?? 0) > INLINE_MEMBERS;
    if (many && existsSync(csv) && !request.overwrite) failures.set(p.list.listId, [...(failures.get(p.list.listId) ?? []), `${csv} exists already (pass --overwrite to replace it)`]);
  }
  const files = [...existing.filter((f) => !pulled.some((p) => p.file === f.path)), ...pulled.map((p) => ({ path: p.file, text: p.text }))];
  const analysis = analyzeWorkspace(files, workspace.schema, { defaultTimezone: workspace.defaultTimezone });
  const desired = desiredWorkspace(analysis, { root: workspace.root, schema: workspace.schema, defaultTimezone: workspace.defaultTimezone });
  const idOfName = new Map([...names].map(([id, name]) => [name.toLowerCase(), id]));
  for (const p of pulled) {
    const d = desired.lists.find((x) => x.name.toLowerCase() === p.list.name.toLowerCase());
    const problems = d ? d.problems : ['it was not found in the written file'];
    if (problems.length > 0) {
      failures.set(p.list.listId, [...(failures.get(p.list.listId) ?? []), ...problems]);
      continue;
    }
    const { branch, unresolved } = d!.filterBranch ? resolvePlaceholders(d!.filterBranch, (n) => idOfName.get(n.toLowerCase())) : { branch: undefined, unresolved: [] };
    if (unresolved.length > 0) failures.set(p.list.listId, [`it refers to ${unresolved.join(', ')}, which is not known by id`]);
    p.filtersHash = definitionHash(d!.processingType, branch);
  }
  return failures;
}

export { portalState };
