// `hslist check [paths…]`: every .hslist file of the named files and folders, checked as one workspace.
import { oneOf, parseArgs } from './args';
import { loadCommandContext, type CliIo } from './context';
import { countsAsFailure, renderProblems, summary, type OutputFormat } from './problems';
import { analyzeSources } from './workspace-run';

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

export function runCheck(argv: string[], io: CliIo): number {
  const args = parseArgs(argv, { values: ['format', 'schema'], switches: [] });
  const format = oneOf('format', args.values.get('format'), FORMATS, 'text');
  const ctx = loadCommandContext(io.cwd, args.values.get('schema'));
  const run = analyzeSources(args.positionals, ctx, io.cwd);
  io.out(renderProblems(run.problems, format));
  if (format === 'text') io.err(summary(run.problems, run.fileCount) + '\n');
  return run.problems.some(countsAsFailure) ? 1 : 0;
}
