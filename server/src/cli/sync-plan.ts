// `hslist sync-plan [paths…] [--data PATH|hubspot] [--salesforce PATH|org] [--before REV|DIR] [--sample N]
// [--now ISO] [--json] [--schema FILE|DIR]`: what the HubSpot–Salesforce integration would do under the
// workspace's sync block, contact by contact and record by record (server/src/sync/), counted per outcome
// with the rule that decided it and samples. Exit 0 simulated, 1 problems in the files or the data (or a
// source failed), 2 bad usage (no sync block, no Salesforce data), 130 cancelled.

import { findConfigRoot } from '../config/workspace-config';
import { contactsFromStore } from '../sync/contacts';
import { syncDelta } from '../sync/delta';
import { UsageError, type ParsedArgs } from './args';
import { loadCommandContext, type CliIo } from './context';
import { nowFrom, sampleSize } from './preview-flags';
import { renderProblems } from './problems';
import { beforeWorkspace } from './sync-before';
import { buildReport, type SyncPlanReport } from './sync-report';
import { renderSyncPlan } from './sync-report-text';
import { inclusionSoql } from './sync-soql';
import { syncSettingsOfRun, runSync, type SyncFlags, type SyncRun } from './sync-run';
import { PreviewCancelled, SourceFailed } from './sync-sources';
import { analyzeSources } from './workspace-run';

interface SyncPlanFlags extends SyncFlags {
  paths: string[];
  json: boolean;
  before?: string;
  schema?: string;
}

function parseFlags(args: ParsedArgs): SyncPlanFlags {
  const flags: SyncPlanFlags = { paths: args.positionals, json: args.switches.has('json'), sample: sampleSize(args.values.get('sample')), now: nowFrom(args.values.get('now')) };
  for (const key of ['data', 'salesforce', 'before', 'schema'] as const) {
    const value = args.values.get(key);
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${key} needs a non-empty value.`);
    if (value !== undefined) flags[key] = value;
  }
  return flags;
}

export async function runSyncPlan(args: ParsedArgs, io: CliIo): Promise<number> {
  const flags = parseFlags(args);
  const ctx = loadCommandContext(io.cwd, flags.schema);
  const run = analyzeSources(flags.paths, ctx, io.cwd);
  const errors = run.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    io.err(`${renderProblems(errors, 'text')}hslist sync-plan: not simulated, fix the errors above first.\n`);
    return 1;
  }
  syncSettingsOfRun(run);
  const before = flags.before === undefined ? undefined : beforeWorkspace(flags.before, findConfigRoot(io.cwd) ?? io.cwd, ctx, io.cwd);
  return withCancel(io, async (signal) => {
    const sync = await runSync(run, ctx, flags, io, signal, before);
    const report = buildReport(sync.sim, sync.settings, { contacts: sync.data.report, salesforce: sync.salesforce.data.report }, notes(sync));
    report.soql = await inclusionSoql(sync, flags.now);
    if (before) {
      const earlier = sync.simulate(before.lists, before.settings ?? sync.settings);
      report.delta = { ...syncDelta(earlier, sync.sim, contactsFromStore(sync.data.store, undefined), flags.sample), before: before.label };
    }
    io.out(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderSyncPlan(report));
    return exitCode(report);
  });
}

function notes(sync: SyncRun): string[] {
  const out: string[] = [];
  if (sync.data.report.rowsRejected > 0) out.push(`${sync.data.report.rowsRejected} contact rows were rejected (see \`hslist preview\` for their lines).`);
  const sf = sync.salesforce.data.report;
  if (sf.rowsRejected > 0) out.push(`${sf.rowsRejected} Salesforce rows were rejected: ${sf.issues.slice(0, 3).map((i) => i.message).join('; ')}.`);
  if (!sync.salesforce.schema) out.push('No Salesforce schema (run `hslist schema pull`): required fields are taken as Salesforce\'s standard ones and picklist restrictions are not judged.');
  return out;
}

function exitCode(report: SyncPlanReport): number {
  return report.data.contacts.rowsRejected > 0 || report.data.salesforce.rowsRejected > 0 ? 1 : 0;
}

/** Ctrl-C cancels the load (exit 130); a failed source is one sentence and exit 1. */
export async function withCancel(io: CliIo, work: (signal: AbortSignal) => Promise<number>, command = 'sync-plan'): Promise<number> {
  const own = io.env === process.env;
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  if (own) process.on('SIGINT', onSigint);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (error instanceof PreviewCancelled) {
      io.err(`hslist ${command}: cancelled.\n`);
      return 130;
    }
    if (error instanceof SourceFailed) {
      io.err(`hslist ${command}: ${error.message.replace(/\.$/, '')}.\n`);
      return 1;
    }
    throw error;
  } finally {
    if (own) process.off('SIGINT', onSigint);
  }
}
