// `hslist settings show|confirm [KEY…] [--target T] [--json]`: the settings sheet of the sync block for the
// target portal (publish/settings-sheet.ts): each setting no public API sets, where it is in HubSpot's UI, its
// value, and whether the user confirmed setting it. `confirm` records that in hslist.lock.json, for the named
// keys or, without keys, for every item; nothing is sent to HubSpot (the portal is asked only for its id).
// Exit 0 done (show: every item confirmed), 1 items still to set by hand (show) or an error, 2 bad usage.

import { HubSpotAccountError } from '../hubspot/account/errors';
import { confirmSheet, sheetLines, type SheetLine } from '../publish/settings-sheet';
import { settingsSheetOf } from '../publish/session';
import { portalState, readStateFile, writeStateFile } from '../publish/state-file';
import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './context';
import { MissingCredentials, openPublish } from './publish-context';

function render(lines: SheetLine[], portalId: string): string {
  if (lines.length === 0) return `The sync block sets nothing that has to be set by hand (portal ${portalId}).\n`;
  const out = [`Settings sheet for HubSpot portal ${portalId} (set by hand in HubSpot; no public API sets them):`];
  for (const l of lines) out.push(`  [${l.status}${l.confirmedAt ? ` ${l.confirmedAt.slice(0, 10)}` : ''}] ${l.key}`, `      ${l.what}: "${l.value}"`, `      ${l.where}`);
  return `${out.join('\n')}\n`;
}

export async function runSettings(args: ParsedArgs, io: CliIo): Promise<number> {
  const [sub, ...keys] = args.positionals;
  if (sub !== 'show' && sub !== 'confirm') throw new UsageError('expected a subcommand: hslist settings show | confirm [KEY…] [--target T] [--json].');
  if (sub === 'show' && keys.length > 0) throw new UsageError(`settings show takes no keys (got ${keys.map((k) => `"${k}"`).join(', ')}).`);
  let cli;
  try {
    cli = openPublish({ target: args.values.get('target'), schema: args.values.get('schema') }, io, 'settings');
  } catch (error) {
    if (!(error instanceof MissingCredentials)) throw error;
    io.err(`hslist settings: ${error.message}\n`);
    return 2;
  }
  const items = settingsSheetOf(cli.run.analysis);
  if (items.length === 0 && cli.run.analysis.syncBlocks.length === 0) throw new UsageError('the workspace has no `sync salesforce { … }` block, so there is no settings sheet.');
  const unknown = keys.filter((k) => !items.some((i) => i.key === k));
  if (unknown.length > 0) throw new UsageError(`no such setting: ${unknown.map((k) => `"${k}"`).join(', ')} (the sheet's keys: ${items.map((i) => i.key).join(', ')}).`);
  const read = readStateFile(cli.root);
  if (!read.ok) {
    io.err(`hslist settings: ${read.message}\n`);
    return 1;
  }
  let portalId: string;
  try {
    portalId = (await cli.account.accountDetails()).portalId;
  } catch (error) {
    if (!(error instanceof HubSpotAccountError)) throw error;
    io.err(`hslist settings: ${error.message}\n`);
    return 1;
  }
  const portal = portalState(read.state, portalId);
  if (sub === 'confirm') {
    const confirmed = confirmSheet(portal, items, keys, new Date());
    await writeStateFile(cli.root, read.state);
    io.err(`hslist settings: ${confirmed.length} setting${confirmed.length === 1 ? '' : 's'} recorded as set by hand in portal ${portalId}.\n`);
  }
  const lines = sheetLines(items, portal);
  io.out(args.switches.has('json') ? `${JSON.stringify({ portalId, settings: lines }, null, 2)}\n` : render(lines, portalId));
  return sub === 'show' && lines.some((l) => l.status === 'to set by hand') ? 1 : 0;
}
