// apply: carries out a plan. Lists go in dependency order (a list that refers to a list being created
// waits for it, so its filters hold the new id), a few at a time; the state file is written after every
// change HubSpot confirmed. Drifted lists and protected changes wait for --force; blocked lists never
// go. A failure stops only the lists that depend on the failed one; HubSpot's DAILY limit (or a
// cancellation) stops everything that has not started, and the state file stays true for what did.

import { HubSpotAccountError } from '../hubspot/account/errors';
import type { HubSpotAccount } from '../hubspot/account/types';
import { FolderResolver } from './folders';
import { runEntry, WaitingForReference, type StepContext } from './apply-steps';
import { hasWork, type Plan, type PlanEntry } from './plan-types';
import type { FolderIndex } from './remote';
import { findListState, portalState, type StateWriter } from './state-file';

export interface ApplyOptions {
  force?: boolean;
  /** Lists worked on at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, current: string) => void;
}

export interface ApplyOutcome {
  /** Lists changed in HubSpot (or in the state file), with their ids. */
  applied: { name: string; listId?: string; changes: PlanEntry['changes'] }[];
  /** Lists left as they are, and why (drifted without --force, blocked, waiting for a failed list). */
  skipped: { name: string; reason: string }[];
  failed: { name: string; message: string }[];
  /** Why the run stopped early: the DAILY limit, a cancellation. */
  stopped?: string;
  foldersCreated: string[];
  /** What to read about lists that were applied: members read back, members HubSpot has no contact for. */
  notes: { name: string; text: string }[];
}

export async function applyPlan(plan: Plan, account: HubSpotAccount, writer: StateWriter, folders: FolderIndex, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const portal = portalState(writer.state, plan.portalId);
  const outcome: ApplyOutcome = { applied: [], skipped: [], failed: [], foldersCreated: [], notes: [] };
  const { runnable, skipped } = selectRunnable(plan, options.force === true);
  outcome.skipped.push(...skipped);
  const ctx: StepContext = { account, portal, writer, folders: new FolderResolver(account, folders), idOf: idResolver(plan, portal), note: (name, text) => outcome.notes.push({ name, text }) };
  await runInOrder(runnable, ctx, outcome, options);
  outcome.foldersCreated = ctx.folders.created;
  await rememberInclusionList(plan, writer);
  return outcome;
}

/** What apply will run, and what it leaves as it is with why. */
export function selectRunnable(plan: Plan, force: boolean): { runnable: PlanEntry[]; skipped: ApplyOutcome['skipped'] } {
  const runnable: PlanEntry[] = [];
  const skipped: ApplyOutcome['skipped'] = [];
  for (const entry of plan.entries) {
    if (entry.status === 'blocked') skipped.push({ name: entry.name, reason: entry.reasons.join('; ') });
    else if (entry.needsForce && !force && entry.changes.length > 0) skipped.push({ name: entry.name, reason: `${entry.reasons.join('; ')} (not applied without --force)` });
    else if (entry.changes.length > 0 && (hasWork(entry) || (entry.status === 'drifted' && force))) runnable.push(entry);
  }
  return { runnable, skipped };
}

/** References resolve to the state file's ids first (they change as lists are created), then to the plan's. */
function idResolver(plan: Plan, portal: ReturnType<typeof portalState>): (name: string) => string | undefined {
  const planned = new Map(plan.entries.filter((e) => e.desired && e.listId).map((e) => [e.name.toLowerCase(), e.listId!]));
  return (name) => findListState(portal, name)?.entry.listId ?? planned.get(name.toLowerCase()) ?? plan.foreignIds[name.toLowerCase()];
}

/** Each entry starts when the lists it refers to that are being created or restored have finished. */
async function runInOrder(entries: PlanEntry[], ctx: StepContext, outcome: ApplyOutcome, options: ApplyOptions): Promise<void> {
  const pending = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const all = new Map(pending);
  const done = new Map<string, boolean>();
  const limit = Math.max(1, options.concurrency ?? 4);
  const running = new Set<Promise<void>>();
  let finished = 0;
  // A list waits for the lists it refers to that this run creates or restores (their ids are not known yet).
  const waitsFor = (e: PlanEntry) => (e.desired?.references ?? []).map((r) => r.toLowerCase()).filter((r) => all.has(r) && r !== e.name.toLowerCase() && needsNewId(all.get(r)!));
  while (pending.size > 0 || running.size > 0) {
    if (outcome.stopped === undefined && !options.signal?.aborted) {
      for (const entry of [...pending.values()]) {
        if (running.size >= limit) break;
        const deps = waitsFor(entry).filter((r) => !done.has(r));
        const failedDep = waitsFor(entry).find((r) => done.get(r) === false);
        if (failedDep !== undefined) {
          pending.delete(entry.name.toLowerCase());
          done.set(entry.name.toLowerCase(), false);
          outcome.skipped.push({ name: entry.name, reason: `it refers to "${all.get(failedDep)?.name ?? failedDep}", which was not published` });
          continue;
        }
        if (deps.length > 0) continue;
        pending.delete(entry.name.toLowerCase());
        const work = runOne(entry, ctx, outcome, options.signal).then((ok) => {
          done.set(entry.name.toLowerCase(), ok);
          options.onProgress?.(++finished, entries.length, entry.name);
        });
        running.add(work);
        void work.finally(() => running.delete(work));
      }
    } else if (pending.size > 0) {
      for (const entry of pending.values()) outcome.skipped.push({ name: entry.name, reason: outcome.stopped ?? 'the apply was cancelled' });
      pending.clear();
      outcome.stopped ??= 'the apply was cancelled';
    }
    if (running.size === 0) {
      if (pending.size === 0) break;
      // Nothing can start: what is left waits on itself (a cycle the checks did not catch).
      for (const entry of pending.values()) outcome.skipped.push({ name: entry.name, reason: 'its references form a cycle' });
      pending.clear();
      break;
    }
    await Promise.race(running);
  }
}

function needsNewId(entry: PlanEntry): boolean {
  return entry.changes.some((c) => c.kind === 'create' || c.kind === 'restore');
}

async function runOne(entry: PlanEntry, ctx: StepContext, outcome: ApplyOutcome, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    const listId = await runEntry(entry, ctx);
    outcome.applied.push({ name: entry.name, ...(listId ? { listId } : {}), changes: entry.changes });
    return true;
  } catch (error) {
    if (signal?.aborted) {
      // The request in flight was abandoned: HubSpot may or may not have carried it out; the next plan reads what it did.
      outcome.skipped.push({ name: entry.name, reason: 'the apply was cancelled while it was being changed; plan again to see what HubSpot holds' });
      outcome.stopped = 'the apply was cancelled';
      return false;
    }
    if (error instanceof WaitingForReference) {
      outcome.skipped.push({ name: entry.name, reason: error.message });
      return false;
    }
    const message = error instanceof Error ? error.message : String(error);
    outcome.failed.push({ name: entry.name, message });
    if (error instanceof HubSpotAccountError && error.policyName === 'DAILY') outcome.stopped = `HubSpot's daily API limit is reached (${message}); run apply again after it resets (midnight in the portal's time zone)`;
    return false;
  }
}

async function rememberInclusionList(plan: Plan, writer: StateWriter): Promise<void> {
  if (!plan.inclusionList) return;
  const portal = portalState(writer.state, plan.portalId);
  if (!findListState(portal, plan.inclusionList) || portal.inclusionList === plan.inclusionList) return;
  portal.inclusionList = plan.inclusionList;
  await writer.save();
}
