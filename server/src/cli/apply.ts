// `hslist apply`: carries out the plan against the target portal and keeps hslist.lock.json true.
// Drifted lists and protected changes need --force; deleting needs --prune; changing the inclusion list
// and deleting ask first (--yes answers for CI). Exit 0 done, 1 a list failed or HubSpot stopped the
// run, 2 bad usage or no credentials, 5 lists left for --force or a fix, 130 cancelled (Ctrl-C).
// With --properties it also makes the contact property changes the sync block's mappings need, and with
// --salesforce-fields the Salesforce custom fields and picklist values (apply-sync.ts).

import { selectRunnable, type ApplyOutcome } from '../publish/apply';
import type { PlanEntry } from '../publish/plan-types';
import { applyPublish, waitForProcessing, type Planned } from '../publish/session';
import { statePath } from '../publish/state-file';
import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './context';
import { colourFor, plannedOrExit, salesforcePlanned } from './plan';
import { renderPlanText } from './plan-render';
import { addPlanImpacts } from './publish-data';
import { nowFrom } from './preview-flags';
import { applyProgress } from './apply-progress';
import { outcomeText, inclusionAdvice } from './apply-report';
import { applySyncSide } from './apply-sync';
import { addPropertyPlan } from './plan-sync';

export async function runApply(args: ParsedArgs, io: CliIo): Promise<number> {
  const concurrency = concurrencyOf(args.values.get('concurrency'));
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  const own = io.env === process.env;
  if (own) process.on('SIGINT', onSigint);
  try {
    const result = await plannedOrExit(io, 'apply', { target: args.values.get('target'), schema: args.values.get('schema'), prune: args.switches.has('prune') }, controller.signal);
    if (typeof result === 'number') return result;
    const { planned, cli } = result;
    await addPlanImpacts(planned, cli, { data: args.values.get('data'), now: nowFrom(args.values.get('now')), sample: 3 }, io, controller.signal);
    if (args.switches.has('properties')) await addPropertyPlan(planned, cli);
    const org = args.switches.has('salesforce-fields') ? await salesforcePlanned(planned, cli, io, 'apply') : undefined;
    if (org === false) return 1;
    io.out(renderPlanText(planned.plan, { colour: colourFor(io), verbose: args.switches.has('verbose') }));
    const force = args.switches.has('force');
    const { runnable, skipped } = selectRunnable(planned.plan, force);
    if (runnable.length === 0) {
      const fieldWork = (planned.plan.properties?.changes.length ?? 0) + (planned.plan.salesforceFields?.changes.length ?? 0);
      io.out(`${skipped.map((s) => `· "${s.name}" left as it is: ${s.reason}\n`).join('')}${fieldWork > 0 ? 'No list to apply.' : 'Nothing to apply.'}\n`);
      if (!(await applySyncSide(planned, { account: cli.account, org }, io))) return 1;
      return skipped.length > 0 ? 5 : 0;
    }
    if (!(await confirmed(runnable, args.switches.has('yes'), io))) return 1;
    const progress = applyProgress(io, own && process.stderr.isTTY === true);
    const outcome = await applyPublish(planned, cli.account, { force, concurrency, signal: controller.signal, onProgress: progress.update });
    progress.done();
    io.out(outcomeText(outcome, statePath(planned.workspace.root)));
    const advice = inclusionAdvice(planned.plan, outcome);
    if (advice) io.out(advice);
    if (args.switches.has('wait') && outcome.stopped === undefined) await waitAndReport(planned, cli.account, outcome, io, controller.signal);
    const stopped = controller.signal.aborted || outcome.stopped !== undefined;
    if (stopped) io.out(notAttempted(planned));
    const syncOk = stopped ? true : await applySyncSide(planned, { account: cli.account, org }, io);
    const code = exitCode(outcome, controller.signal.aborted);
    return code === 0 && !syncOk ? 1 : code;
  } finally {
    if (own) process.off('SIGINT', onSigint);
  }
}

/** After a stop, the property and field changes planned were not tried: said, never passed over in silence. */
function notAttempted(planned: Planned): string {
  const properties = planned.plan.properties?.changes.length ?? 0;
  const fields = planned.plan.salesforceFields?.changes.length ?? 0;
  if (properties + fields === 0) return '';
  const parts = [properties > 0 ? `${properties} contact property change${properties === 1 ? '' : 's'}` : '', fields > 0 ? `${fields} Salesforce field change${fields === 1 ? '' : 's'}` : ''].filter((p) => p !== '');
  return `Not attempted, as the apply stopped: ${parts.join(' and ')}; the next apply plans them again.\n`;
}

function concurrencyOf(raw: string | undefined): number {
  if (raw === undefined) return 4;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 16) throw new UsageError(`--concurrency must be a whole number from 1 to 16; got "${raw}".`);
  return Number(raw);
}

async function confirmed(runnable: PlanEntry[], yes: boolean, io: CliIo): Promise<boolean> {
  const asking = runnable.filter((e) => e.needsConfirmation);
  if (asking.length === 0 || yes) return true;
  const question = asking.map(confirmationLine).join('\n');
  if (!io.confirm) {
    io.err(`hslist apply: these changes need a confirmation:\n${question}\nRun it in a terminal to answer, or pass --yes (CI). Nothing was changed.\n`);
    return false;
  }
  const ok = await io.confirm(`${question}\nApply? [y/N] `);
  if (!ok) io.err('hslist apply: not confirmed; nothing was changed.\n');
  return ok;
}

function confirmationLine(entry: PlanEntry): string {
  if (entry.status === 'delete') return `  delete "${entry.name}" #${entry.listId} in HubSpot`;
  const impact = entry.impact ? `+${entry.impact.enter} would enter (start syncing to Salesforce), −${entry.impact.leave} would leave (stop syncing)` : 'who would enter and leave is unknown (no contact data)';
  return `  change the inclusion list "${entry.name}": ${impact}`;
}

async function waitAndReport(planned: Planned, account: Parameters<typeof waitForProcessing>[0], outcome: ApplyOutcome, io: CliIo, signal: AbortSignal): Promise<void> {
  const changed = outcome.applied.filter((a) => a.listId && a.changes.some((c) => c.kind === 'create' || c.kind === 'filters' || c.kind === 'restore'));
  if (changed.length === 0) return;
  const lists = changed.map((a) => ({ name: a.name, listId: a.listId! }));
  io.err(`Waiting for HubSpot to process ${lists.length} list${lists.length === 1 ? '' : 's'}…\n`);
  const left = await waitForProcessing(account, lists, { signal, onProgress: (n, total) => io.err(`  ${total - n} of ${total} processed\n`) });
  io.out(left.length === 0 ? `HubSpot has processed every changed list.\n` : `Still processing after the time limit: ${left.map((n) => `"${n}"`).join(', ')}.\n`);
  void planned;
}

function exitCode(outcome: ApplyOutcome, cancelled: boolean): number {
  if (cancelled) return 130;
  if (outcome.failed.length > 0 || outcome.stopped !== undefined) return 1;
  return outcome.skipped.length > 0 ? 5 : 0;
}
