// Applying a static list's member difference: one add-and-remove per batch (only the difference, never
// the whole list again), then the members read back from HubSpot and recorded in the state file (their
// count and a hash). Whatever HubSpot did not take is said, never counted as done.

import { createHash } from 'node:crypto';
import type { HubSpotAccount } from '../hubspot/account/types';
import type { PlanEntry } from './plan-types';
import type { PortalState, StateWriter } from './state-file';

/** What applying members needs of the apply's step context (apply-steps.ts). */
export interface MembersContext {
  account: HubSpotAccount;
  portal: PortalState;
  writer: StateWriter;
  note(name: string, text: string): void;
}

export function membersHash(ids: string[]): string {
  const sorted = [...ids].sort();
  return `sha256:${createHash('sha256').update(sorted.join('\n')).digest('hex')}`;
}

export async function applyMembers(entry: PlanEntry, listId: string, add: string[], remove: string[], ctx: MembersContext): Promise<void> {
  const result = await ctx.account.changeListMemberships(listId, add, remove);
  const after = (await ctx.account.listMemberships(listId)).map((m) => m.recordId);
  const held = new Set(after);
  const notAdded = add.filter((id) => !held.has(id));
  const notRemoved = remove.filter((id) => held.has(id));
  const key = entry.stateName ?? entry.name;
  const current = ctx.portal.lists[key];
  if (current) {
    ctx.portal.lists[key] = { ...current, members: after.length, membersHash: membersHash(after) };
    await ctx.writer.save();
  }
  const unmatched = entry.members?.unmatched ?? [];
  if (unmatched.length > 0) ctx.note(entry.name, `${unmatched.length} member${unmatched.length === 1 ? '' : 's'} of the files match${unmatched.length === 1 ? 'es' : ''} no contact in HubSpot and ${unmatched.length === 1 ? 'was' : 'were'} not added: ${unmatched.join(', ')}`);
  if (result.missing.length > 0) ctx.note(entry.name, `HubSpot reports ${result.missing.length} record id${result.missing.length === 1 ? '' : 's'} missing (no such contact): ${result.missing.map((id) => `#${id}`).join(', ')}`);
  if (notAdded.length > 0 || notRemoved.length > 0) {
    const parts = [notAdded.length > 0 ? `${notAdded.length} not added (${notAdded.map((id) => `#${id}`).join(', ')})` : '', notRemoved.length > 0 ? `${notRemoved.length} not removed (${notRemoved.map((id) => `#${id}`).join(', ')})` : ''].filter(Boolean);
    throw new Error(`HubSpot's members of list ${listId} read back differ from what was sent: ${parts.join(', ')}; plan again to see what it holds`);
  }
  ctx.note(entry.name, `members: +${add.length} −${remove.length} → ${after.length} in HubSpot (read back)`);
}
