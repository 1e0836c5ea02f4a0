// `hslist check [paths…] [--max-warnings N]`: every .hslist file of the named files and folders, checked as
// one workspace. As linters do (ESLint's --max-warnings), warnings are advice and do not fail the run unless
// there are more than --max-warnings of them; errors always do.
import { oneOf, parseArgs, UsageError } from './args';
import { loadCommandContext, type CliIo } from './context';
import { renderProblems, summary, type OutputFormat } from './problems';
import { analyzeSources } from './workspace-run';

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

export function runCheck(argv: string[], io: CliIo): number {
  const args = parseArgs(argv, { values: ['format', 'schema', 'max-warnings'], switches: [] });
  const format = oneOf('format', args.values.get('format'), FORMATS, 'text');
  const maxWarnings = maxWarningsOf(args.values.get('max-warnings'));
  const ctx = loadCommandContext(io.cwd, args.values.get('schema'));
  const run = analyzeSources(args.positionals, ctx, io.cwd);
  io.out(renderProblems(run.problems, format));
  const warnings = run.problems.filter((p) => p.severity === 'warning').length;
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (format === 'text') io.err(summary(run.problems, run.fileCount) + (tooManyWarnings ? ` More than --max-warnings ${maxWarnings}.` : '') + '\n');
  return run.problems.some((p) => p.severity === 'error') || tooManyWarnings ? 1 : 0;
}

function maxWarningsOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings takes a whole number (0: any warning fails); got "${raw}".`);
  return Number(raw);
}
