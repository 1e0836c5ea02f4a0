// `hslist check [paths…] [--max-warnings N]`: every .hslist file of the named files and folders, checked as
// one workspace. As linters do (ESLint's --max-warnings), warnings are advice and do not fail the run unless
// there are more than --max-warnings of them; errors always do. With `--data PATH|hubspot` and/or
// `--salesforce PATH|org` the sync checks that need data run too (check-data.ts): the workspace then needs a
// sync block, and its files must be free of errors.
import { oneOf, UsageError, type ParsedArgs } from './args';
import { problemsWithData } from './check-data';
import { loadCommandContext, type CliIo } from './context';
import { nowFrom } from './preview-flags';
import { renderProblems, summary, type OutputFormat, type Problem } from './problems';
import { withCancel } from './sync-plan';
import { analyzeSources } from './workspace-run';

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

export async function runCheck(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = oneOf('format', args.values.get('format'), FORMATS, 'text');
  const maxWarnings = maxWarningsOf(args.values.get('max-warnings'));
  const ctx = loadCommandContext(io.cwd, args.values.get('schema'));
  const run = analyzeSources(args.positionals, ctx, io.cwd);
  const withData = args.values.has('data') || args.values.has('salesforce');
  const done = (problems: Problem[]) => report(problems, run.fileCount, format, maxWarnings, io);
  if (!withData || run.problems.some((p) => p.severity === 'error')) return done(run.problems);
  if (run.analysis.syncBlocks.length === 0) throw new UsageError('--data and --salesforce check the sync settings against data, and the workspace has no `sync salesforce { … }` block.');
  const flags = { data: args.values.get('data'), salesforce: args.values.get('salesforce'), now: nowFrom(args.values.get('now')), sample: 0 };
  return withCancel(io, async (signal) => done(await problemsWithData(run, ctx, flags, io, signal)), 'check');
}

function report(problems: Problem[], fileCount: number, format: OutputFormat, maxWarnings: number | undefined, io: CliIo): number {
  io.out(renderProblems(problems, format));
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (format === 'text') io.err(summary(problems, fileCount) + (tooManyWarnings ? ` More than --max-warnings ${maxWarnings}.` : '') + '\n');
  return problems.some((p) => p.severity === 'error') || tooManyWarnings ? 1 : 0;
}

function maxWarningsOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings takes a whole number (0: any warning fails); got "${raw}".`);
  return Number(raw);
}
