// The engine's plan as the client receives it: plain JSON without syntax trees or HubSpot's list
// objects, each entry with where it is defined, its lens text, and the CLI's wording of its changes,
// plus the whole plan as `hslist plan` prints it.

import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { changeText, countByStatus, renderPlanText, summaryLine } from '../../cli/plan-render';
import type { WorkspaceAnalysis } from '../../language/workspace';
import type { Plan, PlanEntry } from '../../publish/plan-types';
import { hasCriteriaDiff } from './criteria-text';
import { lensTitle, stateText } from './lens-text';
import type { EntryView, PlanView } from './protocol';

export interface ViewContext {
  analysis: WorkspaceAnalysis;
  readAt: string;
  judged: boolean;
  prune: boolean;
}

/** What apply would do, in a form that changes whenever the work or its safeguards change. */
export function planFingerprint(plan: Plan): string {
  const work = plan.entries.map((e) => [e.name, e.status, e.listId ?? '', e.changes, e.needsForce, e.needsConfirmation, e.inclusion]);
  return createHash('sha256').update(JSON.stringify([plan.portalId, work])).digest('hex').slice(0, 32);
}

function definitionOf(analysis: WorkspaceAnalysis, name: string): { uri: string; line: number } | undefined {
  const first = analysis.lists.get(name.toLowerCase())?.[0];
  const file = first ? analysis.files.get(first.path) : undefined;
  if (!first || !file) return undefined;
  const uri = first.path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(first.path) ? pathToFileURL(first.path).href : first.path;
  return { uri, line: file.lineIndex.positionAt(first.node.name.start).line };
}

export function entryView(entry: PlanEntry, analysis: WorkspaceAnalysis): EntryView {
  const at = entry.desired ? definitionOf(analysis, entry.name) : undefined;
  const impact = entry.impact;
  return {
    name: entry.name,
    status: entry.status,
    ...(entry.listId ? { listId: entry.listId } : {}),
    processingType: entry.processingType,
    ...(entry.location ? { location: entry.location } : {}),
    ...(at ? { uri: at.uri, line: at.line } : {}),
    changes: entry.changes.map(changeText).filter((t) => t !== ''),
    reasons: entry.reasons,
    needsForce: entry.needsForce,
    needsConfirmation: entry.needsConfirmation,
    inclusion: entry.inclusion,
    ...(impact ? { impact: { enter: impact.enter, leave: impact.leave, undecided: impact.undecided, after: impact.after, source: impact.source } } : {}),
    hasDiff: hasCriteriaDiff(entry),
    lens: entry.desired ? (lensTitle(entry) ?? stateText(entry)) : stateText(entry),
  };
}

export function planView(plan: Plan, ctx: ViewContext): PlanView {
  return {
    portalId: plan.portalId,
    host: plan.host,
    readAt: ctx.readAt,
    entries: plan.entries.map((e) => entryView(e, ctx.analysis)),
    notInCode: plan.notInCode,
    notes: plan.notes,
    ...(plan.inclusionList ? { inclusionList: plan.inclusionList } : {}),
    counts: countByStatus(plan),
    summary: summaryLine(plan),
    text: renderPlanText(plan, { colour: false }),
    fingerprint: planFingerprint(plan),
    judged: ctx.judged,
    prune: ctx.prune,
  };
}
