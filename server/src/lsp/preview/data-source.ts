// Where the editor preview's contacts come from and what to load: the `hslist.contactData` setting
// (relative to the workspace root) overrides `contacts` in hslist.json; only the properties the
// workspace's lists reference are loaded, plus the ones the table and hover show.

import { isAbsolute, resolve } from 'node:path';
import type { Expr, ListNode } from '../../../../grammar/src/ast';
import type { SourceReport } from '../../preview/types';
import type { ServerContext } from '../context';

export const SHOWN_PROPERTIES = ['email', 'firstname', 'lastname'];
const FIRST_LINES_REPORTED = 5;

export interface DataChoice {
  path: string | undefined;
  origin: 'setting hslist.contactData' | 'hslist.json contacts' | 'none';
}

/** The editor setting, pulled from the client (undefined when the client does not answer). */
async function settingValue(ctx: ServerContext): Promise<string | undefined> {
  try {
    const section = (await ctx.connection.workspace.getConfiguration('hslist')) as { contactData?: unknown } | null;
    const value = section?.contactData;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}

export async function chooseDataSource(ctx: ServerContext): Promise<DataChoice> {
  const config = ctx.state.settings.config;
  const setting = await settingValue(ctx);
  if (setting) return { path: isAbsolute(setting) ? setting : resolve(config.root, setting), origin: 'setting hslist.contactData' };
  if (config.contacts) return { path: config.contacts, origin: 'hslist.json contacts' };
  return { path: undefined, origin: 'none' };
}

function propertiesIn(expr: Expr | undefined, out: Set<string>): void {
  if (!expr) return;
  switch (expr.kind) {
    case 'and':
    case 'or':
      for (const e of expr.operands) propertiesIn(e, out);
      return;
    case 'not':
      return propertiesIn(expr.operand, out);
    case 'paren':
      return propertiesIn(expr.inner, out);
    case 'property':
      out.add(expr.property.text);
      if (expr.operands.kind === 'property') out.add(expr.operands.property.text);
      return;
    default:
      return;
  }
}

/** Contact properties the lists reference, plus the shown ones; sorted, so equal sets compare equal. */
export function referencedProperties(lists: ListNode[]): string[] {
  const out = new Set(SHOWN_PROPERTIES);
  for (const list of lists) propertiesIn(list.where, out);
  return [...out].sort();
}

/**
 * One line for the output channel, plus one more when rows were rejected or values unreadable:
 * the count of each kind and the first line numbers (an unknown column is not a bad row).
 */
export function describeReport(report: SourceReport, ms: number): { info: string; problems: string | undefined } {
  const info = `hslist preview: ${report.rowsLoaded.toLocaleString('en-US')} contacts loaded from ${report.source} in ${Math.round(ms)} ms.`;
  const bad = report.issues.filter((i) => i.code !== 'unknown-column');
  const kinds = Object.entries(report.counts).filter(([code]) => code !== 'unknown-column');
  if (report.rowsRejected === 0 && kinds.length === 0) return { info, problems: undefined };
  const lines = [...new Set(bad.map((i) => i.line))].slice(0, FIRST_LINES_REPORTED);
  const counts = kinds.map(([code, n]) => `${n} ${code}`).join(', ');
  const first = bad[0] ? ` First: ${bad[0].message}` : '';
  return { info, problems: `hslist preview: ${report.source}: ${report.rowsRejected} row(s) rejected, issues: ${counts}; at lines ${lines.join(', ')}.${first}` };
}
