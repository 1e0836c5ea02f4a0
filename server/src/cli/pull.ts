// `hslist pull (--all | --name NAME… | --id ID…) [--out DIR] [--target T] [--overwrite]`: HubSpot lists
// into .hslist files (one per list) and into the state file, so `hslist plan` right after has nothing to
// do. Exit 0 every asked list written, 1 some could not be (each with its reasons), 2 bad usage.

import { relative, resolve } from 'node:path';
import { HubSpotAccountError } from '../hubspot/account/errors';
import { pullLists, type PullOutcome } from '../publish/pull';
import { pullReport } from '../publish/pull-report';
import { PublishError } from '../publish/session';
import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './context';
import { MissingCredentials, openPublish } from './publish-context';

export async function runPull(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError(`pull takes no paths (got ${args.positionals.map((p) => `"${p}"`).join(', ')}); name lists with --name or --id, the folder with --out.`);
  const names = args.repeated.get('name') ?? [];
  const ids = args.repeated.get('id') ?? [];
  const all = args.switches.has('all');
  if (!all && names.length === 0 && ids.length === 0) throw new UsageError('say which lists to pull: --all, --name NAME (repeatable) or --id ID (repeatable).');
  for (const id of ids) if (!/^\d+$/.test(id)) throw new UsageError(`--id takes a HubSpot list id (digits); got "${id}".`);
  let cli;
  try {
    cli = openPublish({ target: args.values.get('target'), schema: args.values.get('schema') }, io, 'pull');
  } catch (error) {
    if (error instanceof MissingCredentials) {
      io.err(`hslist pull: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const outDir = resolve(io.cwd, args.values.get('out') ?? cli.root);
  let outcome: PullOutcome;
  try {
    outcome = await pullLists(cli.workspace, cli.account, { all, names, ids, outDir, overwrite: args.switches.has('overwrite'), target: cli.target });
  } catch (error) {
    if (error instanceof PublishError || error instanceof HubSpotAccountError) {
      io.err(`hslist pull: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  io.out(report(outcome, io.cwd, cli.root, outDir));
  return outcome.failed.length > 0 ? 1 : 0;
}

function report(outcome: PullOutcome, cwd: string, root: string, outDir: string): string {
  return pullReport(outcome, (p) => (relative(cwd, p).startsWith('..') ? p : relative(cwd, p)), root, outDir);
}
