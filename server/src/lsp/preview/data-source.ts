// Where the editor preview's contacts come from: the `hslist.contactData` setting (relative to the
// workspace root) overrides `contacts` in hslist.json; either names a file or "hubspot" (the live
// portal). What to load is the engine's business (run.ts workspaceNeeds).

import { isAbsolute, resolve } from 'node:path';
import type { SourceReport } from '../../preview/types';
import { workspaceHosts } from '../account-hosts';
import type { ServerContext } from '../context';
import { LIVE_HUBSPOT_DATA } from './protocol';

const FIRST_LINES_REPORTED = 5;

export type DataChoice =
  | { kind: 'file'; path: string; origin: DataOrigin }
  /** `host`: the URL the workspace asks for, part of the data's key (another host is other data). */
  | { kind: 'hubspot'; origin: DataOrigin; host: string }
  | { kind: 'none'; origin: 'none' };

type DataOrigin = 'setting hslist.contactData' | 'hslist.json contacts';

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

/** The setting wins over hslist.json; either may name a file or `hubspot` (the live portal). */
export async function chooseDataSource(ctx: ServerContext): Promise<DataChoice> {
  const config = ctx.state.settings.config;
  const setting = await settingValue(ctx);
  const origin = 'setting hslist.contactData';
  if (setting?.toLowerCase() === LIVE_HUBSPOT_DATA) return { kind: 'hubspot', origin, host: (await workspaceHosts(ctx)).hubspot.url };
  if (setting) return { kind: 'file', path: isAbsolute(setting) ? setting : resolve(config.root, setting), origin };
  if (config.liveContacts) return { kind: 'hubspot', origin: 'hslist.json contacts', host: (await workspaceHosts(ctx)).hubspot.url };
  if (config.contacts) return { kind: 'file', path: config.contacts, origin: 'hslist.json contacts' };
  return { kind: 'none', origin: 'none' };
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
