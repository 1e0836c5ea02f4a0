// The preview as one JSON-able value (what `--json` prints) and its text rendering.

import type { ExplainNode } from '../preview/explain';
import type { MembershipChange, MembershipDiff } from '../preview/diff';
import type { SampleContact } from '../preview/run';
import type { Refresh } from '../preview/hubspot/source';
import type { SourceIssue, SourceReport } from '../preview/types';
import { countFigures, countText } from '../preview/count-text';
import { syncExplanationLines } from '../sync/explain-text';
import type { SalesforceSideReport } from './preview-salesforce';

export interface FunnelStep {
  /** 1-based line of the clause in the file. */
  line: number;
  text: string;
  /** Contacts that pass this clause on its own. */
  count: number;
  /** Contacts that may pass it (above `count` only when it is not previewable for some). */
  maxCount: number;
  /** Contacts that pass it and every clause above it. */
  survivors: number;
  notPreviewable?: string;
}

export interface ExplainStep {
  text: string;
  result: 'pass' | 'fail' | 'unknown';
  values?: Record<string, string | null>;
  reason?: string;
  children: ExplainStep[];
}

export type Explanation = { contact: string; id: string; result: ExplainStep['result']; tree: ExplainStep } | { contact: string; error: string };

export type Published = (MembershipDiff & { syncsToSalesforce: boolean }) | { error: string };

export interface ListReport {
  list: string;
  total: number;
  count: number;
  /** Above `count` only when some conditions are not previewable locally. */
  maxCount: number;
  complete: boolean;
  funnel: FunnelStep[];
  notPreviewable: { text: string; reason: string }[];
  /** Properties the list reads, shown with each sample. */
  properties: string[];
  samples: SampleContact[];
  /** A static list's members with no contact in the data (`#id` or email), all of them. */
  membersNotInData?: string[];
  explain?: Explanation;
  /** The list as published in HubSpot: who would enter and leave. */
  published?: Published;
}

export interface DataReport extends SourceReport {
  kind: 'file' | 'hubspot';
  refresh?: Refresh;
  /** The live portal's id and time zone setting. */
  portal?: { id: string; timeZone: string | undefined };
  /** Said when the portal's time zone is not the workspace's default zone. */
  zoneNote?: string;
}

export interface PreviewReport {
  file: string;
  data: DataReport;
  lists: ListReport[];
  /** `--explain` with Salesforce data: the contact's Salesforce side under the sync block. */
  salesforce?: SalesforceSideReport;
}

export function explainStep(node: ExplainNode): ExplainStep {
  const result = node.result === 'unknown' ? 'unknown' : node.result ? 'pass' : 'fail';
  return { text: node.text, result, ...(node.values ? { values: node.values } : {}), ...(node.reason ? { reason: node.reason } : {}), children: node.children.map(explainStep) };
}

const n = (x: number) => x.toLocaleString('en-US');
const ISSUES_SHOWN = 20;

export function renderText(report: PreviewReport): string {
  const salesforce = report.salesforce ? [renderSalesforce(report.salesforce)] : [];
  return [renderData(report.data), ...report.lists.map(renderList), ...salesforce].join('\n');
}

function renderSalesforce(side: SalesforceSideReport): string {
  if ('error' in side) return `Salesforce side of ${side.contact}: ${side.error}\n`;
  return `${syncExplanationLines(side).join('\n')}\n`;
}

function renderData(d: DataReport): string {
  const lines = [`Data: ${d.source}: ${n(d.rowsLoaded)} contacts loaded, ${n(d.rowsRejected)} rows rejected`];
  if (d.refresh) lines.push(`  ${d.refresh.mode === 'full' ? `full fetch (${d.refresh.reason})${d.refresh.via === 'export' ? " through HubSpot's CRM export" : ''}` : `incremental refresh: ${n(d.refresh.fetched)} contacts modified since the last fetch`}`);
  if (d.zoneNote) lines.push(`  note: ${d.zoneNote}`);
  for (const note of d.notes ?? []) lines.push(`  note: ${note}`);
  const kinds = Object.entries(d.counts).map(([code, count]) => `${n(count ?? 0)} ${code}`);
  if (kinds.length > 0) lines.push(`  issues: ${kinds.join(', ')}`);
  for (const issue of d.issues.slice(0, ISSUES_SHOWN)) lines.push(`  ${issueLine(issue)}`);
  const total = Object.values(d.counts).reduce((a, b) => a + (b ?? 0), 0);
  if (total > ISSUES_SHOWN) lines.push(`  … and ${n(total - ISSUES_SHOWN)} more (--json lists the first 1,000)`);
  return lines.join('\n') + '\n';
}

function issueLine(i: SourceIssue): string {
  return `line ${i.line}: ${i.code}: ${i.message}`;
}

/** Members the data lacks are named (the first ten; all of them are in --json). */
function membersNotInDataLine(missing: string[]): string {
  const shown = missing.slice(0, 10).join(', ');
  const more = missing.length > 10 ? ` and ${n(missing.length - 10)} more` : '';
  return `  ${n(missing.length)} member${missing.length === 1 ? ' has' : 's have'} no contact in this data (not counted): ${shown}${more}`;
}

function renderList(l: ListReport): string {
  const out = [`${l.list}: ${countText(countFigures(l))}`];
  if (l.funnel.length > 0) {
    const width = Math.min(60, Math.max(...l.funnel.map((s) => s.text.length)));
    out.push(`  ${'clause'.padEnd(width + 8)}${'own'.padStart(9)}${'left'.padStart(9)}`);
    for (const s of l.funnel) {
      const text = s.text.length > width ? `${s.text.slice(0, width - 1)}…` : s.text;
      const own = s.maxCount > s.count ? `${n(s.count)}–${n(s.maxCount)}` : n(s.count);
      out.push(`  line ${String(s.line).padEnd(3)} ${text.padEnd(width)}${own.padStart(9)}${n(s.survivors).padStart(9)}${s.notPreviewable ? '  (not previewable)' : ''}`);
    }
  }
  if (l.membersNotInData && l.membersNotInData.length > 0) out.push(membersNotInDataLine(l.membersNotInData));
  if (l.notPreviewable.length > 0) {
    out.push('  Not previewable locally:');
    for (const p of l.notPreviewable) out.push(`    ${p.text}: ${p.reason}`);
  }
  if (l.samples.length > 0) {
    out.push(`  Sample (${l.samples.length} of ${n(l.count)}):`);
    out.push(...l.samples.map((s) => `    ${sampleLine(s, l.properties)}`));
  }
  if (l.explain) out.push(...renderExplain(l.explain));
  if (l.published) out.push(...renderPublished(l.published, l.properties));
  return out.join('\n') + '\n';
}

function sampleLine(s: SampleContact, properties: string[]): string {
  const who = [s.name, s.email ? `<${s.email}>` : undefined].filter((x) => x).join(' ') || '(no name or email)';
  const values = properties.map((p) => `${p}=${s.values[p] ?? '∅'}`).join(', ');
  return `${s.id.padStart(6)}  ${who}${values ? `  ${values}` : ''}`;
}

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

function renderExplain(e: Explanation): string[] {
  if ('error' in e) return [`  Explain ${e.contact}: ${e.error}`];
  const verdict = e.result === 'pass' ? 'is in the list' : e.result === 'fail' ? 'is not in the list' : 'cannot be judged locally';
  const lines = [`  Explain ${e.contact} (id ${e.id}): ${verdict}`];
  const walk = (s: ExplainStep, depth: number) => {
    const values = s.values ? `   [${Object.entries(s.values).map(([k, v]) => `${k} = ${v === null ? 'unknown' : JSON.stringify(v)}`).join(', ')}]` : '';
    const reason = s.reason ? `   (not previewable: ${s.reason})` : '';
    lines.push(`  ${'  '.repeat(depth + 1)}${MARK[s.result]} ${depth === 0 && s.children.length > 0 ? 'all of the list' : s.text}${values}${reason}`);
    s.children.forEach((c) => walk(c, depth + 1));
  };
  walk(e.tree, 0);
  return lines;
}

function renderPublished(p: Published, properties: string[]): string[] {
  if ('error' in p) return [`  In HubSpot: ${p.error}`];
  const lines = [`  In HubSpot: list #${p.listId} has ${n(p.members)} members now`];
  const change = (sign: string, c: MembershipChange, what: string) => {
    lines.push(`    ${sign}${n(c.count)} would ${what}`);
    lines.push(...c.samples.map((s) => `      ${sampleLine(s, properties)}`));
  };
  change('+', p.enter, p.syncsToSalesforce ? 'enter (they will sync to Salesforce)' : 'enter');
  change('−', p.leave, p.syncsToSalesforce ? 'leave (they stop syncing with Salesforce; their Salesforce records stay)' : 'leave');
  if (p.undecided > 0) lines.push(`    ${n(p.undecided)} cannot be judged locally (see "Not previewable locally")`);
  if (p.membersNotInData > 0) lines.push(`    ${n(p.membersNotInData)} current members are not in the loaded data (their ids do not match its records)`);
  return lines;
}
