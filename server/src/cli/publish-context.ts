// What plan, apply and pull share: the workspace (hslist.json's folder, analysed as `hslist check` does),
// the target portal's credentials, and the account, with one line on stderr saying which host is called.

import { createHubSpotAccount } from '../hubspot/account/account';
import type { HubSpotAccount } from '../hubspot/account/types';
import { CONFIG_FILE, findConfigRoot } from '../config/workspace-config';
import { checkHubSpotHost } from '../accounts/bound-hosts';
import type { PublishWorkspace } from '../publish/session';
import { resolveTarget, type ResolvedTarget } from '../publish/targets';
import { UsageError } from './args';
import { loadCommandContext, type CliIo, type CommandContext } from './context';
import { analyzeSources, type WorkspaceRun } from './workspace-run';

export interface PublishCli {
  root: string;
  ctx: CommandContext;
  run: WorkspaceRun;
  workspace: PublishWorkspace;
  target: ResolvedTarget;
  account: HubSpotAccount;
}

export interface PublishFlags {
  target?: string;
  schema?: string;
}

export class MissingCredentials extends Error {}

export function openPublish(flags: PublishFlags, io: CliIo, command: string, signal?: AbortSignal): PublishCli {
  const root = findConfigRoot(io.cwd) ?? io.cwd;
  const ctx = loadCommandContext(root, flags.schema, io.cwd);
  const resolved = resolveTarget(ctx.config, io.env, flags.target);
  if (!resolved.ok) {
    if (resolved.usage) throw new UsageError(resolved.message);
    throw new MissingCredentials(resolved.message);
  }
  // The host rule: a host named in hslist.json gets only credentials given for it.
  const host = checkHubSpotHost({ accessToken: resolved.target.connection.accessToken, baseUrl: resolved.target.connection.basePath }, ctx.config, CONFIG_FILE, resolved.target.variables);
  if ('problem' in host) throw new UsageError(host.problem);
  const run = analyzeSources([root], ctx, io.cwd);
  const workspace: PublishWorkspace = { root, analysis: run.analysis, schema: ctx.schema, defaultTimezone: ctx.config.timezone };
  const account = createHubSpotAccount({ ...resolved.target.connection, signal });
  const targetName = resolved.target.name ? `target "${resolved.target.name}", ` : '';
  io.err(`hslist ${command}: HubSpot at ${account.host} (${targetName}API ${resolved.target.connection.apiVersion ?? 'v3'})\n`);
  return { root, ctx, run, workspace, target: resolved.target, account };
}
