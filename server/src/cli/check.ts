// `hslist check [paths…]`: every .hslist file of the named files and folders, checked as one workspace.
// With `--data PATH|hubspot` and/or `--salesforce PATH|org` the sync checks that need data run too
// (check-data.ts): the workspace then needs a sync block, and its files must be free of errors.
import { oneOf, parseArgs, UsageError } from './args';
import { problemsWithData } from './check-data';
import { loadCommandContext, type CliIo } from './context';
import { nowFrom } from './preview-flags';
import { countsAsFailure, renderProblems, summary, type OutputFormat, type Problem } from './problems';
import { withCancel } from './sync-plan';
import { analyzeSources } from './workspace-run';

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'schema', 'data', 'salesforce', 'now'], switches: [] });
  const format = oneOf('format', args.values.get('format'), FORMATS, 'text');
  const ctx = loadCommandContext(io.cwd, args.values.get('schema'));
  const run = analyzeSources(args.positionals, ctx, io.cwd);
  const withData = args.values.has('data') || args.values.has('salesforce');
  if (!withData || run.problems.some((p) => p.severity === 'error')) return report(run.problems, run.fileCount, format, io);
  if (run.analysis.syncBlocks.length === 0) throw new UsageError('--data and --salesforce check the sync settings against data, and the workspace has no `sync salesforce { … }` block.');
  const flags = { data: args.values.get('data'), salesforce: args.values.get('salesforce'), now: nowFrom(args.values.get('now')), sample: 0 };
  return withCancel(io, async (signal) => report(await problemsWithData(run, ctx, flags, io, signal), run.fileCount, format, io), 'check');
}

function report(problems: Problem[], fileCount: number, format: OutputFormat, io: CliIo): number {
  io.out(renderProblems(problems, format));
  if (format === 'text') io.err(summary(problems, fileCount) + '\n');
  return problems.some(countsAsFailure) ? 1 : 0;
}
