// `hslist compile FILE [--list NAME] [--target T]`: the Lists API create requests for the lists of one
// file, as JSON. The whole workspace around the file is analysed, so references to lists in other files
// resolve and any problem in the file stops the output (no half-compiled JSON is ever printed as if it
// were fine). With --target, `in list "…"` becomes the list's id in that portal (from hslist.lock.json,
// or the portal's list catalogue for lists not kept as code); without, the placeholder `$list:<name>`.
import { dirname, resolve } from 'node:path';
import { compileList } from '../hubspot/compile';
import { createHubSpotAccount } from '../hubspot/account/account';
import { findListState, readStateFile } from '../publish/state-file';
import { resolveTarget } from '../publish/targets';
import { UsageError, type ParsedArgs } from './args';
import { loadCommandContext, type CliIo, type CommandContext } from './context';
import { renderProblems } from './problems';
import { analyzeSources, display, requireOneFile } from './workspace-run';
import { findConfigRoot } from '../config/workspace-config';
import { compileNotes } from './compile-notes';
import { resolveList } from '../language/definitions/resolve';

const USAGE = 'hslist compile FILE [--list NAME] [--target T] [--schema FILE|DIR]';

export async function runCompile(args: ParsedArgs, io: CliIo): Promise<number> {
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
  const lists = analysis.tree.lists.filter((l) => wanted === undefined || l.name.text.toLowerCase() === wanted.toLowerCase());
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
  const listIdFor = await idsFor(args.values.get('target'), ctx, root, io);
  const compileCtx = { schema: ctx.schema, listIdFor, defaultTimezone: ctx.config.timezone };
  const requests = lists.map((l) => compileList(resolveList(l, run.analysis.definitions), compileCtx).request);
  // One shape whatever the flags: an array of requests (one element with --list).
  io.out(JSON.stringify(requests, null, 2) + '\n');
  // After the JSON, where a terminal leaves the reader: why it is long, what `$list:` is.
  for (const note of compileNotes(requests, args.values.get('target') !== undefined)) io.err(`${note}\n`);
  return 0;
}

/** List ids in the target portal: the state file's, else the portal's catalogue (schema pull's lists.json). */
async function idsFor(targetName: string | undefined, ctx: CommandContext, root: string, io: CliIo): Promise<(name: string) => string | undefined> {
  if (targetName === undefined) return () => undefined;
  const target = resolveTarget(ctx.config, io.env, targetName);
  if (!target.ok) throw new UsageError(target.message);
  const portalId = target.target.portalId ?? (await createHubSpotAccount(target.target.connection).accountDetails()).portalId;
  const state = readStateFile(root);
  if (!state.ok) throw new UsageError(state.message);
  const portal = state.state.portals[portalId];
  const missing = new Set<string>();
  return (name) => {
    const id = findListState(portal, name)?.entry.listId ?? ctx.schema.lists?.get(name.toLowerCase())?.listId;
    if (id === undefined && !missing.has(name)) {
      missing.add(name);
      io.err(`hslist compile: "${name}" is not published to portal ${portalId} yet: its placeholder stays (hslist apply publishes it first).\n`);
    }
    return id;
  };
}
