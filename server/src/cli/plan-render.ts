// The plan as people and CI read it: text (colour only on a terminal and never under NO_COLOR), JSON,
// and GitHub Actions annotations on the lists' lines.

import type { Change, Impact, Plan, PlanEntry, PlanStatus } from '../publish/plan-types';
import { STATE_FILE } from '../publish/state-file';
import { escapeData, escapeProperty } from './problems';

const MARK: Record<PlanStatus, string> = { create: '+', change: '~', unchanged: '=', drifted: '!', blocked: 'x', delete: '-', 'not-in-code': '?' };
const WORD: Record<PlanStatus, string> = { create: 'create', change: 'change', unchanged: 'unchanged', drifted: 'drifted', blocked: 'blocked', delete: 'delete', 'not-in-code': 'not in code' };
const COLOUR: Record<PlanStatus, number> = { create: 32, change: 33, unchanged: 2, drifted: 35, blocked: 31, delete: 31, 'not-in-code': 36 };

export interface RenderOptions {
  colour: boolean;
  /** Show unchanged lists one by one (default: a count). */
  verbose?: boolean;
}

export function renderPlanText(plan: Plan, options: RenderOptions): string {
  const paint = (status: PlanStatus, text: string) => (options.colour ? `\x1b[${COLOUR[status]}m${text}\x1b[0m` : text);
  const lines = [`Plan for HubSpot portal ${plan.portalId} at ${plan.host} (state file ${STATE_FILE})`, ''];
  const shown = plan.entries.filter((e) => options.verbose || e.status !== 'unchanged' || (e.members?.unmatched.length ?? 0) > 0);
  for (const entry of shown) lines.push(...entryLines(entry, paint));
  if (shown.length > 0) lines.push('');
  lines.push(...syncSideLines(plan));
  lines.push(...plan.notes.map((n) => `Note: ${n}.`));
  lines.push(summaryLine(plan));
  return `${lines.join('\n')}\n`;
}

function entryLines(entry: PlanEntry, paint: (status: PlanStatus, text: string) => string): string[] {
  const head = `${paint(entry.status, `${MARK[entry.status]} ${WORD[entry.status].padEnd(11)}`)} "${entry.name}"${entry.listId ? ` #${entry.listId}` : ''}${entry.location ? `  (${entry.location})` : ''}`;
  const lines = [head];
  const changes = entry.changes.map(changeText).filter((t) => t !== '');
  if (changes.length > 0) lines.push(`      ${entry.status === 'drifted' ? 'with --force: ' : ''}${changes.join('; ')}`);
  for (const reason of entry.reasons) lines.push(`      ${reason}`);
  lines.push(...unmatchedLines(entry));
  if (entry.impact) lines.push(...impactLines(entry.impact, entry.inclusion, entry.changes.some((c) => c.kind === 'create')));
  if (entry.inclusion && entry.changes.some((c) => c.kind === 'filters' || c.kind === 'create')) lines.push('      the inclusion list: who enters starts syncing to Salesforce when a sync is triggered; apply asks first');
  if (entry.drift?.note) lines.push(`      ${entry.drift.note}`);
  if (entry.drift?.diff) lines.push(...entry.drift.diff.split('\n').map((l) => `        ${l}`));
  return lines;
}

/** The settings sheet and, with --properties and --salesforce-fields, the property and field changes: after the lists. */
function syncSideLines(plan: Plan): string[] {
  const lines: string[] = [];
  if (plan.properties) {
    lines.push('Contact properties the sync block\'s mappings need (--properties):');
    if (plan.properties.changes.length === 0) lines.push('  none');
    for (const c of plan.properties.changes) lines.push(`+ ${c.text}`);
    for (const n of plan.properties.notes) lines.push(`  note: ${n}`);
    lines.push('');
  }
  if (plan.salesforceFields) {
    lines.push('Salesforce fields the sync block\'s mappings need (--salesforce-fields, Metadata API):');
    if (plan.salesforceFields.changes.length === 0) lines.push('  none');
    for (const c of plan.salesforceFields.changes) lines.push(`+ ${c.text}`);
    for (const n of plan.salesforceFields.notes) lines.push(`  note: ${n}`);
    lines.push('');
  }
  if (plan.settings && plan.settings.length > 0) {
    lines.push('Settings sheet: set by hand in HubSpot (no public API sets them; `hslist settings confirm` once done):');
    for (const item of plan.settings) lines.push(`  [${item.status}] ${item.what}: "${item.value}"`, `      ${item.where}`);
    lines.push('');
  }
  return lines;
}

export function changeText(change: Change): string {
  switch (change.kind) {
    case 'create':
      return 'create it';
    case 'restore':
      return 'restore it from HubSpot\'s deleted lists (or create it anew)';
    case 'filters':
      return 'replace its criteria';
    case 'rename':
      return `rename "${change.from}" → "${change.to}"`;
    case 'move':
      return `move ${change.from === undefined ? '' : `from ${folderName(change.from)} `}to ${folderName(change.to)}`;
    case 'record':
      return 'record it in the state file';
    case 'forget':
      return 'remove it from the state file';
    case 'delete':
      return 'delete it in HubSpot (restorable there for 90 days)';
    case 'members':
      return `${change.add.length > 0 ? `+${n(change.add.length)}` : '+0'} −${n(change.remove.length)} members`;
  }
}

function n(x: number): string {
  return x.toLocaleString('en-US');
}

/** Members the files name that HubSpot has no contact for: said on every plan, never sent. */
function unmatchedLines(entry: PlanEntry): string[] {
  const unmatched = entry.members?.unmatched ?? [];
  if (unmatched.length === 0) return [];
  const shown = unmatched.slice(0, 10).join(', ');
  const more = unmatched.length > 10 ? ` and ${n(unmatched.length - 10)} more` : '';
  return [`      ${n(unmatched.length)} member${unmatched.length === 1 ? '' : 's'} of the files match${unmatched.length === 1 ? 'es' : ''} no contact in HubSpot (not added): ${shown}${more}`];
}

function folderName(path: string): string {
  return path === '' ? 'the root folder' : `folder "${path}"`;
}

function impactLines(impact: Impact, inclusion: boolean, created: boolean): string[] {
  const who = (s: Impact['enterSamples']) => s.map((c) => c.email ?? c.name ?? `#${c.id}`).join(', ');
  const n = (x: number) => x.toLocaleString('en-US');
  const head = created ? `${n(impact.after)} contact${impact.after === 1 ? '' : 's'} would be members` : `+${n(impact.enter)} would enter · −${n(impact.leave)} would leave → ${n(impact.after)} members`;
  const lines = [`      ${head} (judged on ${impact.source})`];
  if (impact.enterSamples.length > 0) lines.push(`        entering${inclusion ? ' (start syncing)' : ''}: ${who(impact.enterSamples)}${impact.enter > impact.enterSamples.length ? ', …' : ''}`);
  if (impact.leaveSamples.length > 0) lines.push(`        leaving${inclusion ? ' (stop syncing)' : ''}: ${who(impact.leaveSamples)}${impact.leave > impact.leaveSamples.length ? ', …' : ''}`);
  if (impact.undecided > 0) lines.push(`        ${impact.undecided.toLocaleString('en-US')} contacts cannot be judged on this data`);
  return lines;
}

export function countByStatus(plan: Plan): Record<PlanStatus, number> {
  const counts: Record<PlanStatus, number> = { create: 0, change: 0, unchanged: 0, drifted: 0, blocked: 0, delete: 0, 'not-in-code': 0 };
  for (const e of plan.entries) counts[e.status]++;
  return counts;
}

export function summaryLine(plan: Plan): string {
  const c = countByStatus(plan);
  const parts = [`${c.create} to create`, `${c.change} to change`, `${c.delete} to delete`, `${c.drifted} drifted`, `${c.blocked} blocked`, `${c.unchanged} unchanged`];
  if (c['not-in-code'] > 0) parts.push(`${c['not-in-code']} no longer in the files`);
  const others = plan.notInCode.length > 0 ? ` ${plan.notInCode.length} other contact list${plan.notInCode.length === 1 ? ' is' : 's are'} in the portal but not kept as code (hslist pull --all brings them in).` : '';
  return `Plan: ${parts.join(', ')}.${others}`;
}

/** The plan as JSON: the entries without the syntax trees and HubSpot's full list objects. */
export function planJson(plan: Plan): unknown {
  return {
    portalId: plan.portalId,
    host: plan.host,
    inclusionList: plan.inclusionList ?? null,
    counts: countByStatus(plan),
    entries: plan.entries.map((e) => ({
      name: e.name, status: e.status, listId: e.listId ?? null, processingType: e.processingType, location: e.location ?? null,
      changes: e.changes, reasons: e.reasons, needsForce: e.needsForce, needsConfirmation: e.needsConfirmation, inclusion: e.inclusion,
      ...(e.impact ? { impact: e.impact } : {}), ...(e.drift ? { drift: e.drift } : {}), ...(e.members ? { members: e.members } : {}),
    })),
    notInCode: plan.notInCode,
    notes: plan.notes,
    ...(plan.settings ? { settings: plan.settings } : {}),
    ...(plan.properties ? { properties: plan.properties } : {}),
    ...(plan.salesforceFields ? { salesforceFields: plan.salesforceFields } : {}),
  };
}

/** One annotation per list that needs attention or changes, on its definition line. */
export function planGithub(plan: Plan): string {
  const out: string[] = [];
  for (const e of plan.entries) {
    if (e.status === 'unchanged') continue;
    const level = e.status === 'blocked' ? 'error' : e.status === 'drifted' ? 'warning' : 'notice';
    const [file, line] = (e.location ?? '').split(/:(?=\d+$)/);
    const where = file ? `file=${escapeProperty(file)},line=${line ?? 1},` : '';
    const text = [WORD[e.status], ...e.changes.map(changeText), ...e.reasons].join(': ');
    out.push(`::${level} ${where}title=${escapeProperty(`hslist plan: ${e.name}`)}::${escapeData(text)}\n`);
  }
  out.push(`::notice title=hslist plan::${escapeData(summaryLine(plan))}\n`);
  return out.join('');
}
