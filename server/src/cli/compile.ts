// `hslist compile FILE [--list NAME]`: the Lists API create requests for the lists of one file, as JSON.
// The whole workspace around the file is analysed, so references to lists in other files resolve and
// any problem in the file stops the output (no half-compiled JSON is ever printed as if it were fine).
import { dirname, resolve } from 'node:path';
import { compileList } from '../hubspot/compile';
import { parseArgs, UsageError } from './args';
import { loadCommandContext, type CliIo } from './context';
import { renderProblems } from './problems';
import { analyzeSources, display, requireOneFile } from './workspace-run';
import { findConfigRoot } from '../config/workspace-config';

const USAGE = 'hslist compile FILE [--list NAME] [--schema FILE|DIR]';

export function runCompile(argv: string[], io: CliIo): number {
  const args = parseArgs(argv, { values: ['list', 'schema'], switches: [] });
  if (args.positionals.length !== 1) throw new UsageError(`compile takes exactly one file: ${USAGE}`);
  const file = resolve(io.cwd, args.positionals[0]);
  requireOneFile(io.cwd, file, USAGE);
  const ctx = loadCommandContext(dirname(file), args.values.get('schema'), io.cwd);
  const root = findConfigRoot(dirname(file)) ?? dirname(file);
  const run = analyzeSources([root, file], ctx, io.cwd);
  const analysis = run.analysis.files.get(file);
  const ownProblems = run.problems.filter((p) => p.file === display(io.cwd, file));
  if (!analysis) {
    io.err(renderProblems(ownProblems, 'text'));
    return 1;
  }
  const wanted = args.values.get('list');
  const lists = analysis.tree.lists.filter((l) => wanted === undefined || l.name.text === wanted);
  if (wanted !== undefined && lists.length === 0) {
    const names = analysis.tree.lists.map((l) => `"${l.name.text}"`).join(', ') || 'none';
    throw new UsageError(`${display(io.cwd, file)} has no list named "${wanted}" (its lists: ${names}).`);
  }
  // Warnings are shown but do not stop the output; errors do: no JSON is printed for a broken file.
  if (ownProblems.length > 0) io.err(renderProblems(ownProblems, 'text'));
  if (ownProblems.some((p) => p.severity === 'error')) {
    io.err(`${display(io.cwd, file)}: not compiled, fix the problems above first.\n`);
    return 1;
  }
  const compileCtx = { schema: ctx.schema, listIdFor: () => undefined, defaultTimezone: ctx.config.timezone };
  const requests = lists.map((l) => compileList(l, compileCtx).request);
  io.out(JSON.stringify(wanted === undefined ? requests : requests[0], null, 2) + '\n');
  return 0;
}
