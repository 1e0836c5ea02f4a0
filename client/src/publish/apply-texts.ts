// What "hslist: Apply" asks and says: the modal questions (counts, the inclusion list's +enter/−leave
// and what that means for Salesforce, the drifted lists), and the summary afterwards. Plain data, no
// `vscode` import, so the wording is unit-tested. Which entries run mirrors `hslist apply`.

import type { ApplyOutcomeView, EntryView, PlanView } from '../../../server/src/lsp/publish/protocol';

export const APPLY = 'Apply';
export const OVERWRITE = 'Overwrite drifted lists (--force)';
export const WITHOUT_DRIFTED = 'Apply without them';

export interface Question {
  message: string;
  detail: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string): string => `${fmt(n)} ${n === 1 ? one : many}`;

function hasWork(e: EntryView): boolean {
  return e.changes.length > 0 && (e.status === 'create' || e.status === 'change' || e.status === 'delete');
}

/** What apply carries out without --force (the CLI's selection). */
export function runnableWithoutForce(view: PlanView): EntryView[] {
  return view.entries.filter((e) => e.status !== 'blocked' && !e.needsForce && hasWork(e));
}

/** What only --force carries out: drifted lists, and protected changes of the inclusion list. */
export function needingForce(view: PlanView): EntryView[] {
  return view.entries.filter((e) => e.status !== 'blocked' && e.needsForce && e.changes.length > 0 && (hasWork(e) || e.status === 'drifted'));
}

function inclusionLine(e: EntryView): string {
  const who = e.impact
    ? `+${fmt(e.impact.enter)} would enter, −${fmt(e.impact.leave)} would leave (judged on ${e.impact.source})`
    : 'who would enter and leave is not known (no contact data, or its load was cancelled: see the plan)';
  return `The inclusion list "${e.name}": ${who}. Contacts who enter start syncing to Salesforce when a sync is triggered; those who leave stop syncing (their Salesforce records stay).`;
}

function impactLine(e: EntryView): string | undefined {
  if (!e.impact || e.inclusion) return undefined;
  return e.status === 'create' ? `"${e.name}": ${plural(e.impact.after, 'contact', 'contacts')} would be members.` : `"${e.name}": +${fmt(e.impact.enter)} would enter, −${fmt(e.impact.leave)} would leave.`;
}

export function applyQuestion(view: PlanView): Question {
  const runs = runnableWithoutForce(view);
  const count = (status: EntryView['status']) => runs.filter((e) => e.status === status).length;
  const lines = [`Create ${fmt(count('create'))}, change ${fmt(count('change'))}, delete ${fmt(count('delete'))}.`];
  for (const e of runs) if (e.inclusion && (e.status === 'create' || e.needsConfirmation)) lines.push(inclusionLine(e));
  for (const e of runs) if (e.status === 'delete') lines.push(`Deletes "${e.name}" #${e.listId ?? '?'} in HubSpot (restorable there for 90 days).`);
  const impacts = runs.map(impactLine).filter((l): l is string => l !== undefined);
  lines.push(...impacts);
  const forced = needingForce(view).length;
  if (forced > 0) lines.push(`${plural(forced, 'list was', 'lists were')} changed in HubSpot since the last publish: you are asked next whether to overwrite ${forced === 1 ? 'it' : 'them'}.`);
  const blocked = view.counts.blocked;
  if (blocked > 0) lines.push(`${plural(blocked, 'blocked list is', 'blocked lists are')} left as ${blocked === 1 ? 'it is' : 'they are'} (see the plan).`);
  return { message: `Apply ${plural(runs.length, 'change', 'changes')} to HubSpot portal ${view.portalId} (${view.host})?`, detail: lines.join('\n') };
}

export function forceQuestion(view: PlanView): Question {
  const forced = needingForce(view);
  const lines = forced.map((e) => `"${e.name}"${e.listId ? ` #${e.listId}` : ''}: ${e.reasons[0] ?? 'changed in HubSpot'}`);
  for (const e of forced) if (e.inclusion) lines.push(inclusionLine(e));
  lines.push("Overwriting replaces HubSpot's version with the files' (as `hslist apply --force` does).");
  return { message: `${plural(forced.length, 'list was', 'lists were')} changed in HubSpot since the last publish. Overwrite ${forced.length === 1 ? 'it' : 'them'} with the files?`, detail: lines.join('\n') };
}

/** The sentence when there is nothing to ask about. */
export function nothingToApply(view: PlanView): string {
  const blocked = view.counts.blocked > 0 ? ` ${plural(view.counts.blocked, 'list is', 'lists are')} blocked: see the plan.` : '';
  return `hslist: nothing to apply: HubSpot portal ${view.portalId} (${view.host}) holds what the files say.${blocked}`;
}

export interface Summary {
  message: string;
  warning: boolean;
}

export function applySummary(outcome: ApplyOutcomeView): Summary {
  const applied = plural(outcome.applied.length, 'list', 'lists');
  if (outcome.cancelled) {
    return { message: `hslist: apply cancelled; ${applied} applied before the cancel (hslist.lock.json is true for what was done).`, warning: true };
  }
  const parts = [`applied ${applied} to HubSpot portal ${outcome.portalId} (${outcome.host})`];
  if (outcome.failed.length > 0) parts.push(`${fmt(outcome.failed.length)} failed`);
  if (outcome.skipped.length > 0) parts.push(`${fmt(outcome.skipped.length)} left as they are`);
  const stopped = outcome.stopped ? ` Stopped: ${outcome.stopped}.` : '';
  return { message: `hslist: ${parts.join(', ')}.${stopped}`, warning: outcome.failed.length > 0 || outcome.stopped !== undefined };
}
