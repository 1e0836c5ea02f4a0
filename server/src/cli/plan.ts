// `hslist plan`: what `hslist apply` would do to the target portal, list by list, with who would enter
// and who would leave where contact data is at hand; the sync block's settings sheet; with --properties, the
// contact property changes its mappings need; with --salesforce-fields, the Salesforce custom fields and
// picklist values they need. Reads only; writes nothing.
// Exit 0 nothing to do, 4 changes to apply, 5 lists that need attention (drifted or blocked), 1 error,
// 2 bad usage or no credentials.

import { HubSpotAccountError } from '../hubspot/account/errors';
import { planPublish, PublishError, type Planned } from '../publish/session';
import { hasWork } from '../publish/plan-types';
import { oneOf, type ParsedArgs } from './args';
import type { CliIo } from './context';
import { renderProblems } from './problems';
import { planGithub, planJson, renderPlanText } from './plan-render';
import { addPlanImpacts } from './publish-data';
import { MissingCredentials, openPublish, type PublishCli } from './publish-context';
import { nowFrom, sampleSize } from './preview-flags';
import { addPropertyPlan, addSalesforceFieldPlan } from './plan-sync';
import { SalesforceError } from '../salesforce';

export const PLAN_EXIT = { nothing: 0, error: 1, usage: 2, changes: 4, attention: 5 } as const;

export async function runPlan(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = args.switches.has('json') ? 'json' : oneOf('format', args.values.get('format'), ['text', 'json', 'github'] as const, 'text');
  const flags = { data: args.values.get('data'), now: nowFrom(args.values.get('now')), sample: sampleSize(args.values.get('sample') ?? '3') };
  const planned = await plannedOrExit(io, 'plan', { target: args.values.get('target'), schema: args.values.get('schema'), prune: args.switches.has('prune') });
  if (typeof planned === 'number') return planned;
  await addPlanImpacts(planned.planned, planned.cli, flags, io);
  if (args.switches.has('properties')) await addPropertyPlan(planned.planned, planned.cli);
  if (args.switches.has('salesforce-fields') && (await salesforcePlanned(planned.planned, planned.cli, io, 'plan')) === false) return PLAN_EXIT.error;
  const { plan } = planned.planned;
  if (format === 'json') io.out(`${JSON.stringify(planJson(plan), null, 2)}\n`);
  else if (format === 'github') io.out(planGithub(plan));
  else io.out(renderPlanText(plan, { colour: colourFor(io), verbose: args.switches.has('verbose') }));
  return planExitCode(planned.planned);
}

export function planExitCode(planned: Planned): number {
  const entries = planned.plan.entries;
  if (entries.some((e) => e.status === 'blocked' || e.status === 'drifted' || (e.needsForce && e.changes.length > 0))) return PLAN_EXIT.attention;
  const properties = (planned.plan.properties?.changes.length ?? 0) + (planned.plan.salesforceFields?.changes.length ?? 0);
  return entries.some(hasWork) || properties > 0 ? PLAN_EXIT.changes : PLAN_EXIT.nothing;
}

/** Adds the Salesforce field plan; false (after saying why) when the org could not be read. */
export async function salesforcePlanned(planned: Planned, cli: PublishCli, io: CliIo, command: string): Promise<ReturnType<typeof addSalesforceFieldPlan> | false> {
  try {
    return await addSalesforceFieldPlan(planned, cli, io);
  } catch (error) {
    if (!(error instanceof SalesforceError)) throw error;
    io.err(`hslist ${command}: --salesforce-fields: ${error.message}\n`);
    return false;
  }
}

/** The plan, or the exit code after saying why there is none. */
export async function plannedOrExit(io: CliIo, command: string, options: { target?: string; schema?: string; prune?: boolean }, signal?: AbortSignal): Promise<{ planned: Planned; cli: PublishCli } | number> {
  let cli: PublishCli;
  try {
    cli = openPublish(options, io, command, signal);
  } catch (error) {
    if (error instanceof MissingCredentials) {
      io.err(`hslist ${command}: ${error.message}\n`);
      return PLAN_EXIT.usage;
    }
    throw error;
  }
  const errors = cli.run.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) io.err(`${renderProblems(errors, 'text')}hslist ${command}: the lists with these problems are blocked; the others are planned.\n`);
  try {
    return { planned: await planPublish(cli.workspace, cli.account, { prune: options.prune, target: cli.target }), cli };
  } catch (error) {
    if (error instanceof PublishError || error instanceof HubSpotAccountError) {
      io.err(`hslist ${command}: ${error.message}\n`);
      return PLAN_EXIT.error;
    }
    throw error;
  }
}

/** Colour only on a terminal, and never under NO_COLOR (no-color.org). */
export function colourFor(io: CliIo): boolean {
  return io.env === process.env && process.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '' && io.env.TERM !== 'dumb';
}
