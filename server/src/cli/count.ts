// `hslist count [files…] [--list NAME]`: HubSpot's own count of lists as the files define them, for what
// the local preview cannot judge. Each list goes to the target portal as a temporary list, is read once
// HubSpot has processed it, and is deleted (hubspot-count.ts). Exit 0 every list counted, 1 a list not
// counted or a temporary list left behind, 2 bad usage or no credentials, 130 cancelled (Ctrl-C).

import { relative, resolve } from 'node:path';
import { createHubSpotAccount } from '../hubspot/account/account';
import { HubSpotAccountError } from '../hubspot/account/errors';
import type { DesiredList } from '../publish/desired';
import { countJson, countText } from '../publish/count-report';
import { countWorkspaceLists } from '../publish/count-session';
import { PublishError } from '../publish/session';
import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './context';
import { MissingCredentials, openPublish, type PublishCli } from './publish-context';

export async function runCount(args: ParsedArgs, io: CliIo): Promise<number> {
  const timeoutMs = timeoutOf(args.values.get('timeout'));
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  const own = io.env === process.env;
  if (own) process.on('SIGINT', onSigint);
  try {
    const cli = opened(args, io, controller.signal);
    if (typeof cli === 'number') return cli;
    const { portalId, selection, result } = await countWorkspaceLists(cli.workspace, cli.account, (lists) => selected(lists, args, cli, io), {
      portalId: cli.target.portalId,
      cleanupAccount: createHubSpotAccount(cli.target.connection),
      signal: controller.signal,
      timeoutMs,
      onStart: (n, portal) => io.err(`hslist count: creating ${n} temporary list${n === 1 ? '' : 's'} in portal ${portal}, deleted once counted…\n`),
      onProgress: (message) => io.err(`  ${message}\n`),
    });
    io.out(args.switches.has('json') ? `${JSON.stringify(countJson(portalId, selection, result), null, 2)}\n` : countText(portalId, selection, result));
    for (const l of result.left) io.err(`hslist count: the temporary list #${l.listId} "${l.name}" could not be deleted (${l.reason}): delete it in HubSpot.\n`);
    if (controller.signal.aborted) return 130;
    const allCounted = selection.refused.length === 0 && result.outcomes.every((o) => o.counted);
    return allCounted && result.left.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof HubSpotAccountError || error instanceof PublishError) {
      io.err(`hslist count: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    if (own) process.off('SIGINT', onSigint);
  }
}

function opened(args: ParsedArgs, io: CliIo, signal: AbortSignal): PublishCli | number {
  try {
    return openPublish({ target: args.values.get('target'), schema: args.values.get('schema') }, io, 'count', signal);
  } catch (error) {
    if (!(error instanceof MissingCredentials)) throw error;
    io.err(`hslist count: ${error.message}\n`);
    return 2;
  }
}

/** The lists of the files named (all of the workspace without), narrowed by --list. */
function selected(lists: DesiredList[], args: ParsedArgs, cli: PublishCli, io: CliIo): DesiredList[] {
  const files = args.positionals.map((p) => relative(cli.root, resolve(io.cwd, p)));
  const outside = files.find((f) => f.startsWith('..'));
  if (outside !== undefined) throw new UsageError(`${outside} is outside the workspace at ${cli.root}.`);
  const inFiles = files.length === 0 ? lists : lists.filter((l) => files.some((f) => f === '' || l.location.startsWith(`${f}:`) || l.location.startsWith(`${f}/`)));
  if (inFiles.length === 0) throw new UsageError(files.length === 0 ? 'the workspace has no list to count.' : `no list is defined in ${files.join(', ')}.`);
  const wanted = args.values.get('list');
  if (wanted === undefined) return inFiles;
  const chosen = inFiles.filter((l) => l.name.toLowerCase() === wanted.toLowerCase());
  if (chosen.length === 0) throw new UsageError(`no list named "${wanted}" (lists: ${inFiles.map((l) => `"${l.name}"`).join(', ')}).`);
  return chosen;
}

function timeoutOf(raw: string | undefined): number {
  if (raw === undefined) return 10 * 60_000;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 86_400) throw new UsageError(`--timeout must be a whole number of seconds from 1 to 86400; got "${raw}".`);
  return Number(raw) * 1000;
}
