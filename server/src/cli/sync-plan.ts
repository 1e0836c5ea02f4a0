// `hslist sync-plan [paths…] [--data PATH|hubspot] [--salesforce PATH|org] [--before REV|DIR] [--sample N]
// [--now ISO] [--json] [--schema FILE|DIR]`: what the HubSpot–Salesforce integration would do under the
// workspace's sync block, contact by contact and record by record (server/src/sync/), counted per outcome
// with the rule that decided it and samples. Exit 0 simulated, 1 problems in the files or the data (or a
// source failed), 2 bad usage (no sync block, no Salesforce data), 130 cancelled.

import { findConfigRoot } from '../config/workspace-config';
import type { PreviewData, PreviewWorkspace } from '../preview/run';
import { contactsFromStore } from '../sync/contacts';
import { syncDelta } from '../sync/delta';
import { mappedFields, mappingsByObject } from '../sync/mappings';
import { simulationInput, syncProperties } from '../sync/run';
import { syncSettingsOf, type SyncSettings } from '../sync/settings';
import { simulateSync } from '../sync/simulate';
import type { SyncSimulation } from '../sync/types';
import { parseArgs, UsageError } from './args';
import { loadCommandContext, type CliIo } from './context';
import { nowFrom, sampleSize } from './preview-flags';
import { renderProblems } from './problems';
import { beforeWorkspace } from './sync-before';
import { buildReport, type SyncPlanReport } from './sync-report';
import { renderSyncPlan } from './sync-report-text';
import { loadContacts, loadSalesforce, PreviewCancelled, SourceFailed, type SalesforceSide } from './sync-sources';
import { analyzeSources } from './workspace-run';

interface SyncPlanFlags {
  paths: string[];
  json: boolean;
  data?: string;
  salesforce?: string;
  before?: string;
  sample: number;
  now: number;
  schema?: string;
}

function parseFlags(argv: string[]): SyncPlanFlags {
  const args = parseArgs(argv, { values: ['data', 'salesforce', 'before', 'sample', 'now', 'schema'], switches: ['json'] });
  const flags: SyncPlanFlags = { paths: args.positionals, json: args.switches.has('json'), sample: sampleSize(args.values.get('sample')), now: nowFrom(args.values.get('now')) };
  for (const key of ['data', 'salesforce', 'before', 'schema'] as const) {
    const value = args.values.get(key);
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${key} needs a non-empty value.`);
    if (value !== undefined) flags[key] = value;
  }
  return flags;
}

export async function runSyncPlan(argv: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv);
  const ctx = loadCommandContext(io.cwd, flags.schema);
  const run = analyzeSources(flags.paths, ctx, io.cwd);
  const errors = run.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    io.err(`${renderProblems(errors, 'text')}hslist sync-plan: not simulated, fix the errors above first.\n`);
    return 1;
  }
  const sync = run.analysis.syncBlocks[0];
  if (!sync) throw new UsageError('the workspace has no `sync salesforce { … }` block, so there are no sync settings to simulate.');
  const settings = syncSettingsOf(sync.node);
  const root = findConfigRoot(io.cwd) ?? io.cwd;
  const workspace: PreviewWorkspace = { schema: ctx.schema, lists: [...run.analysis.lists.values()].map((defs) => defs[0].node), defaultTimezone: ctx.config.timezone, root };
  const before = flags.before === undefined ? undefined : beforeWorkspace(flags.before, root, ctx, io.cwd);
  const loose = mappingsByObject(mergedMappings(settings, before?.settings), ctx.schema, undefined);
  return withCancel(io, async (signal) => {
    const data = await loadContacts(before ? { ...workspace, lists: [...workspace.lists, ...before.lists] } : workspace, ctx.config, flags, syncProperties(loose), io, signal);
    const salesforce = await loadSalesforce(flags.salesforce, ctx.salesforceSchema, ctx.config, mappedFields(loose), io);
    const simulate = (w: PreviewWorkspace, s: SyncSettings): SyncSimulation => runSimulation(w, s, data, salesforce, flags);
    const sim = simulate(workspace, settings);
    const report = buildReport(sim, settings, { contacts: data.report, salesforce: salesforce.data.report }, notes(data, salesforce));
    if (before) {
      const earlier = simulate({ ...workspace, lists: before.lists }, before.settings ?? settings);
      report.delta = { ...syncDelta(earlier, sim, contactsFromStore(data.store, undefined), flags.sample), before: before.label };
    }
    io.out(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderSyncPlan(report));
    return exitCode(report);
  });
}

/** Both workspaces' mappings, so one load holds the fields and properties either simulation reads. */
function mergedMappings(settings: SyncSettings, before: SyncSettings | undefined): SyncSettings {
  return before ? { ...settings, mappings: [...settings.mappings, ...before.mappings] } : settings;
}

function runSimulation(workspace: PreviewWorkspace, settings: SyncSettings, data: PreviewData, salesforce: SalesforceSide, flags: SyncPlanFlags): SyncSimulation {
  const input = simulationInput({ workspace, settings, data, salesforce: salesforce.data, salesforceSchema: salesforce.schema, now: flags.now, sampleSize: flags.sample });
  if ('error' in input) throw new SourceFailed(input.error);
  return simulateSync(input);
}

function notes(data: PreviewData, salesforce: SalesforceSide): string[] {
  const out: string[] = [];
  if (data.report.rowsRejected > 0) out.push(`${data.report.rowsRejected} contact rows were rejected (see \`hslist preview\` for their lines).`);
  const sf = salesforce.data.report;
  if (sf.rowsRejected > 0) out.push(`${sf.rowsRejected} Salesforce rows were rejected: ${sf.issues.slice(0, 3).map((i) => i.message).join('; ')}.`);
  if (!salesforce.schema) out.push('No Salesforce schema (run `hslist schema pull`): required fields are taken as Salesforce\'s standard ones and picklist restrictions are not judged.');
  return out;
}

function exitCode(report: SyncPlanReport): number {
  return report.data.contacts.rowsRejected > 0 || report.data.salesforce.rowsRejected > 0 ? 1 : 0;
}

/** Ctrl-C cancels the load (exit 130); a failed source is one sentence and exit 1. */
async function withCancel(io: CliIo, work: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const own = io.env === process.env;
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  if (own) process.on('SIGINT', onSigint);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (error instanceof PreviewCancelled) {
      io.err('hslist sync-plan: cancelled.\n');
      return 130;
    }
    if (error instanceof SourceFailed) {
      io.err(`hslist sync-plan: ${error.message.replace(/\.$/, '')}.\n`);
      return 1;
    }
    throw error;
  } finally {
    if (own) process.off('SIGINT', onSigint);
  }
}
