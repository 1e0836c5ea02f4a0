// `hslist schema pull [--out DIR]`: the connected accounts' schemas into the workspace's schema cache
// (`.hslist/schema/` at the hslist.json folder, else the current folder), which `hslist check` then uses.
// Credentials come from the environment only (see server/src/accounts/settings.ts), each for the host it
// names; a different host in hslist.json is refused (see server/src/accounts/bound-hosts.ts).

import { relative, resolve } from 'node:path';
import { accountSettingsFromEnv, countsText, noAccountsMessage, openAccounts, refreshSchema, type SideResult } from '../accounts';
import { findConfigRoot, loadWorkspaceConfig } from '../config/workspace-config';
import { announceAccountHosts } from './account-hosts';
import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './context';

const SUBCOMMANDS = ['pull'];

export async function runSchema(args: ParsedArgs, io: CliIo): Promise<number> {
  const [sub, ...extra] = args.positionals;
  if (sub === undefined || !SUBCOMMANDS.includes(sub)) {
    throw new UsageError(`expected a subcommand: hslist schema pull [--out DIR]${sub === undefined ? '' : ` (got "${sub}")`}.`);
  }
  if (extra.length > 0) throw new UsageError(`schema pull takes no paths (got ${extra.map((e) => `"${e}"`).join(', ')}); use --out DIR.`);
  const { settings, problems } = accountSettingsFromEnv(io.env);
  if (problems.length > 0) throw new UsageError(problems.join(' '));
  if (!settings.hubspot && !settings.salesforce) throw new UsageError(noAccountsMessage());
  const root = findConfigRoot(io.cwd) ?? io.cwd;
  const config = loadWorkspaceConfig(root).config;
  announceAccountHosts(settings, config, io);
  if (settings.hubspot && config.hubspotApiVersion && !settings.hubspot.apiVersion) settings.hubspot.apiVersion = config.hubspotApiVersion;
  const out = args.values.get('out');
  const refresh = await refreshSchema(root, openAccounts(settings), out === undefined ? {} : { dir: resolve(io.cwd, out) });
  let failed = false;
  for (const [service, side] of [['HubSpot', refresh.hubspot], ['Salesforce', refresh.salesforce]] as const) {
    if (!side) continue;
    if (side.ok) io.out(describeSuccess(service, side, io.cwd));
    else {
      failed = true;
      io.err(`hslist schema pull: ${service} schema not pulled: ${side.message}\n`);
    }
  }
  return failed ? 1 : 0;
}

function describeSuccess(service: string, side: Extract<SideResult, { ok: true }>, cwd: string): string {
  const counts = countsText(side.counts);
  const files = side.files.map((f) => shown(cwd, f)).join(', ');
  const notes = (side.notes ?? []).map((n) => `  note: ${n}\n`).join('');
  return `${service} (${side.source}): ${counts} → ${files}\n${notes}`;
}

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}
