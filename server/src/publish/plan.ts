// plan: the workspace's lists × what the portal holds × the state file → one entry per list. Pure: the
// reads happen in remote.ts, the writes in apply.ts. A list's identity in the portal is its id in the
// state file; a list the state file does not know is matched by name (HubSpot names are unique,
// case-insensitively), or, when its criteria equal those of a list that left the files, taken as that
// list renamed.

import type { HubSpotList } from '../hubspot/account/types';
import { definitionHash } from './canonical';
import type { DesiredList, DesiredWorkspace } from './desired';
import type { Change, Plan, PlanEntry } from './plan-types';
import { referencedListIds, resolvePlaceholders } from './references';
import { folderPathOfList, type RemotePortal } from './remote';
import { findListState, type ListState, type PortalState } from './state-file';
import { blockDependents, plannedIds, type Identity } from './plan-identity';
import { withMemberChanges } from './members-plan';

export interface PlanOptions {
  prune?: boolean;
}

export function makePlan(desired: DesiredWorkspace, remote: RemotePortal, portal: PortalState | undefined, options: PlanOptions = {}): Plan {
  const identities = new Map<string, Identity>();
  const idFor = referenceResolver(desired, remote, identities);
  plannedIds(desired, remote, portal, (d) => resolvedHash(d, idFor), identities);
  const entries = desired.lists.map((d) => entryFor(d, identities.get(d.name.toLowerCase()), remote, idFor));
  blockDependents(entries, desired);
  entries.forEach((entry, i) => (entries[i] = withMemberChanges(entry, remote.members)));
  const leftovers = leftoverEntries(desired, remote, portal, identities, options);
  const notes = [...leftovers.notes, ...inclusionNotes(desired, portal)];
  return {
    portalId: remote.portalId,
    host: remote.host,
    entries: [...entries, ...leftovers.entries],
    inclusionList: desired.inclusionList,
    foreignIds: foreignIds(desired, remote),
    notInCode: notInCode(remote, portal, desired),
    notes,
  };
}

/** Ids for `in list` references: workspace lists that exist keep theirs; other lists are looked up by name. */
function referenceResolver(desired: DesiredWorkspace, remote: RemotePortal, identities: Map<string, Identity>) {
  const inWorkspace = new Set(desired.lists.map((d) => d.name.toLowerCase()));
  return (name: string): { id?: string; problem?: string } => {
    const key = name.toLowerCase();
    if (inWorkspace.has(key)) return { id: identities.get(key)?.existingId };
    const found = remote.byName.get(key);
    if (!found) return { problem: `it refers to the list "${name}", which is neither in the workspace nor in the portal` };
    if (found.objectTypeId !== '0-1') return { problem: `it refers to "${name}", which is not a contact list in the portal` };
    return { id: found.listId };
  };
}

type Resolver = ReturnType<typeof referenceResolver>;

function base(d: DesiredList, identity: Identity | undefined): PlanEntry {
  return {
    name: d.name, status: 'unchanged', processingType: d.processingType, changes: [], reasons: [], needsForce: false, needsConfirmation: false,
    inclusion: d.inclusion, location: d.location, desired: d,
    ...(identity?.existingId ? { listId: identity.existingId } : {}),
    ...(identity?.stateName ? { stateName: identity.stateName } : {}),
  };
}

function entryFor(d: DesiredList, identity: Identity | undefined, remote: RemotePortal, resolve: Resolver): PlanEntry {
  const entry = base(d, identity);
  if (d.problems.length > 0) return blocked(entry, d.problems);
  const problems = d.references.map((n) => resolve(n).problem).filter((p): p is string => p !== undefined);
  const byId = new Set(remote.lists.map((l) => l.listId));
  for (const id of d.filterBranch ? referencedListIds(d.filterBranch) : []) if (!byId.has(id)) problems.push(`it refers to list #${id}, which is not in the portal`);
  if (problems.length > 0) return blocked(entry, problems);
  const desiredHash = resolvedHash(d, resolve);
  if (identity?.kind === 'taken') return blocked(entry, [identity.problem!]);
  if (!identity) return { ...entry, status: 'create', changes: [{ kind: 'create' }], needsConfirmation: d.inclusion };
  const list = identity.existingId ? remote.withFilters.get(identity.existingId) : undefined;
  if (identity.kind === 'state' && !list) return deletedInHubSpot(entry, identity.state!, desiredHash);
  if (!list) return { ...entry, status: 'create', changes: [{ kind: 'create' }], needsConfirmation: d.inclusion };
  entry.remote = list;
  const typeProblem = typeChangeProblem(d, list);
  if (typeProblem) return blocked(entry, [typeProblem]);
  return identity.kind === 'adopt' ? adopted(entry, d, list, desiredHash, remote) : tracked(entry, d, list, identity, desiredHash, remote);
}

function blocked(entry: PlanEntry, reasons: string[]): PlanEntry {
  return { ...entry, status: 'blocked', changes: [], reasons };
}

/** The hash of the definition with every reference resolved, or undefined while one points at a list still to be created. */
function resolvedHash(d: DesiredList, resolve: Resolver): string | undefined {
  if (!d.filterBranch) return definitionHash(d.processingType, undefined);
  const { branch, unresolved } = resolvePlaceholders(d.filterBranch, (n) => resolve(n).id);
  return unresolved.length > 0 ? undefined : definitionHash(d.processingType, branch);
}

function typeChangeProblem(d: DesiredList, list: HubSpotList): string | undefined {
  if (list.objectTypeId !== '0-1') return `a list named "${list.name}" of another object type (${list.objectTypeId}) exists in the portal, and list names are unique`;
  if (list.processingType === d.processingType) return undefined;
  const words: Record<string, string> = { DYNAMIC: 'active', MANUAL: 'static', SNAPSHOT: 'snapshot' };
  const what = `HubSpot cannot turn the ${words[list.processingType] ?? list.processingType} list #${list.listId} into a ${words[d.processingType]} list in place`;
  if (d.inclusion) return `${what}, and the inclusion list must stay active (it is selected in HubSpot's Salesforce settings by its id)`;
  return `${what}: delete it in HubSpot (or give the file's list another name) and apply again`;
}

function deletedInHubSpot(entry: PlanEntry, state: ListState, desiredHash: string | undefined): PlanEntry {
  const changes: Change[] = [{ kind: 'restore' }];
  if (desiredHash !== state.filtersHash) changes.push({ kind: 'filters' });
  const reasons = [`list #${state.listId} was deleted in HubSpot since the last publish; apply --force restores it (or creates it anew)`];
  if (entry.inclusion) reasons.push('it is the inclusion list: check in HubSpot\'s Salesforce settings that it is still selected');
  return { ...entry, listId: state.listId, status: 'drifted', changes, reasons, needsForce: true };
}

function adopted(entry: PlanEntry, d: DesiredList, list: HubSpotList, desiredHash: string | undefined, remote: RemotePortal): PlanEntry {
  const same = desiredHash !== undefined && desiredHash === definitionHash(list.processingType, list.filterBranch);
  const changes: Change[] = [...folderChange(d, list, remote), ...(same ? [] : [{ kind: 'filters' } as Change]), { kind: 'record' }];
  if (same) return { ...entry, status: 'change', changes, reasons: [`already in HubSpot as #${list.listId} with these criteria; apply records it in the state file`] };
  const reasons = [`a list named "${list.name}" (#${list.listId}) is in HubSpot but not in the state file, with other criteria; apply --force takes it over and replaces its criteria`];
  return { ...entry, status: 'drifted', changes, reasons, needsForce: true };
}

function tracked(entry: PlanEntry, d: DesiredList, list: HubSpotList, identity: Identity, desiredHash: string | undefined, remote: RemotePortal): PlanEntry {
  const state = identity.state!;
  const remoteHash = definitionHash(list.processingType, list.filterBranch);
  const sameAsRemote = desiredHash !== undefined && desiredHash === remoteHash;
  const drift = driftReasons(d, list, identity, remoteHash !== state.remoteHash && !sameAsRemote, remote);
  const changes: Change[] = [];
  if (list.name !== d.name) changes.push({ kind: 'rename', from: list.name, to: d.name });
  changes.push(...folderChange(d, list, remote));
  const filtersChanged = desiredHash === undefined || desiredHash !== state.filtersHash || (drift.filters && !sameAsRemote);
  if (filtersChanged && !sameAsRemote) changes.push({ kind: 'filters' });
  else if (desiredHash !== state.filtersHash || remoteHash !== state.remoteHash) changes.push({ kind: 'record' });
  if (changes.some((c) => c.kind === 'filters') && d.processingType === 'SNAPSHOT') {
    return blocked(entry, ['a snapshot list\'s criteria are evaluated once, when HubSpot creates it, and cannot be changed: delete it in HubSpot and apply again to create it anew']);
  }
  const result: PlanEntry = { ...entry, changes, status: changes.length === 0 ? 'unchanged' : 'change' };
  if (drift.reasons.length > 0 && changes.some((c) => c.kind !== 'record')) return { ...result, status: 'drifted', reasons: drift.reasons, needsForce: true };
  return protectInclusion(result, identity);
}

function driftReasons(d: DesiredList, list: HubSpotList, identity: Identity, filters: boolean, remote: RemotePortal): { reasons: string[]; filters: boolean } {
  const state = identity.state!;
  const reasons: string[] = [];
  if (filters) reasons.push(`its criteria were changed in HubSpot since the last publish; apply --force replaces them with the file's`);
  const renamedInCode = identity.stateName !== undefined && identity.stateName.toLowerCase() !== d.name.toLowerCase();
  if (!renamedInCode && list.name.toLowerCase() !== (identity.stateName ?? d.name).toLowerCase()) {
    reasons.push(`it was renamed in HubSpot to "${list.name}"; apply --force renames it back`);
  }
  const current = folderPathOfList(remote.folders, list.listId);
  const recorded = state.folder ?? '';
  if ((d.folder ?? '') === recorded && (current === undefined || current.toLowerCase() !== recorded.toLowerCase())) {
    reasons.push(`it was moved in HubSpot ${current === undefined ? 'to another folder' : `to ${current === '' ? 'the root folder' : `folder "${current}"`}`}; apply --force moves it back`);
  }
  return { reasons, filters };
}

function folderChange(d: DesiredList, list: HubSpotList, remote: RemotePortal): Change[] {
  const wanted = d.folder ?? '';
  const current = folderPathOfList(remote.folders, list.listId);
  return current !== undefined && current.toLowerCase() === wanted.toLowerCase() ? [] : [{ kind: 'move', from: current, to: wanted }];
}

/** The inclusion list is not renamed without --force, and a change of its criteria asks first. */
function protectInclusion(entry: PlanEntry, identity: Identity): PlanEntry {
  if (!entry.inclusion) return entry;
  const result = { ...entry, needsConfirmation: entry.changes.some((c) => c.kind === 'filters') };
  if (identity.kind === 'rename' || entry.changes.some((c) => c.kind === 'rename')) {
    return { ...result, needsForce: true, reasons: [...result.reasons, 'it is the inclusion list: renaming it needs --force (HubSpot keeps it selected by id, but check the Salesforce settings afterwards)'] };
  }
  return result;
}

function leftoverEntries(desired: DesiredWorkspace, remote: RemotePortal, portal: PortalState | undefined, identities: Map<string, Identity>, options: PlanOptions) {
  const claimed = new Set([...identities.values()].map((i) => i.stateName?.toLowerCase()).filter((n): n is string => n !== undefined));
  const referenced = new Set(desired.lists.flatMap((d) => d.references.map((r) => r.toLowerCase())));
  const entries: PlanEntry[] = [];
  const notes: string[] = [];
  const pruneRefused = options.prune && desired.filesWithErrors.length > 0;
  if (pruneRefused) notes.push(`--prune is refused while files have errors (${desired.filesWithErrors.join(', ')}): a list that only failed to read would be deleted`);
  for (const [name, state] of Object.entries(portal?.lists ?? {})) {
    if (claimed.has(name.toLowerCase())) continue;
    const list = remote.withFilters.get(state.listId);
    const entry: PlanEntry = { name, status: 'not-in-code', listId: state.listId, processingType: state.processingType, changes: [], reasons: [], needsForce: false, needsConfirmation: false, inclusion: false, stateName: name, ...(list ? { remote: list } : {}) };
    if (!list) entries.push({ ...entry, status: 'change', changes: [{ kind: 'forget' }], reasons: ['gone from HubSpot and from the files; apply removes it from the state file'] });
    else if (!options.prune || pruneRefused) entries.push({ ...entry, reasons: ['published from the files before and no longer in them; apply --prune deletes it from HubSpot'] });
    else entries.push(pruneEntry(entry, name, portal!, referenced));
  }
  return { entries, notes };
}

function pruneEntry(entry: PlanEntry, name: string, portal: PortalState, referenced: Set<string>): PlanEntry {
  if (referenced.has(name.toLowerCase())) return { ...entry, status: 'blocked', reasons: ['a list of the workspace still refers to it by name'] };
  const wasInclusion = portal.inclusionList !== undefined && portal.inclusionList.toLowerCase() === name.toLowerCase();
  const reasons = wasInclusion ? ['it was the inclusion list at the last publish: deleting it needs --force, and stops the Salesforce sync it limits'] : [];
  return { ...entry, status: 'delete', changes: [{ kind: 'delete' }], reasons, needsForce: wasInclusion, needsConfirmation: true };
}

/** The integration's inclusion list is chosen in HubSpot's UI: a new choice in the files is a step for a person. */
function inclusionNotes(desired: DesiredWorkspace, portal: PortalState | undefined): string[] {
  const before = portal?.inclusionList;
  const now = desired.inclusionList;
  if (!now || !before || before.toLowerCase() === now.toLowerCase()) return [];
  return [`the inclusion list is now "${now}" (it was "${before}"): select it in HubSpot under Settings > Integrations > Connected apps > Salesforce > Contacts; no public API sets it`];
}

function foreignIds(desired: DesiredWorkspace, remote: RemotePortal): Record<string, string> {
  const inWorkspace = new Set(desired.lists.map((d) => d.name.toLowerCase()));
  const ids: Record<string, string> = {};
  for (const name of desired.lists.flatMap((d) => d.references).map((r) => r.toLowerCase())) {
    const found = remote.byName.get(name);
    if (!inWorkspace.has(name) && found?.objectTypeId === '0-1') ids[name] = found.listId;
  }
  return ids;
}

function notInCode(remote: RemotePortal, portal: PortalState | undefined, desired: DesiredWorkspace): Plan['notInCode'] {
  const known = new Set(Object.values(portal?.lists ?? {}).map((l) => l.listId));
  const names = new Set(desired.lists.map((d) => d.name.toLowerCase()));
  return remote.lists
    .filter((l) => l.objectTypeId === '0-1' && !known.has(l.listId) && !names.has(l.name.toLowerCase()))
    .map((l) => ({ listId: l.listId, name: l.name, processingType: l.processingType }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export { findListState };
