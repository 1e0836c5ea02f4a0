// Which portal a publish command talks to, and with which credentials. Without --target: the usual
// HSLIST_HUBSPOT_TOKEN (and HSLIST_HUBSPOT_BASE_URL). With --target NAME: hslist.json's
// `targets.NAME`, whose credentials come from `<env>_HUBSPOT_TOKEN` / `<env>_HUBSPOT_BASE_URL`, never
// from a file, and whose `portalId`, when given, must be the portal those credentials belong to.

import type { WorkspaceConfig } from '../config/workspace-config';
import type { HubSpotAccountOptions } from '../hubspot/account/account';
import { BASE_URL_VARIABLE, hubSpotCredentialsFromEnv, targetVariables, TOKEN_VARIABLE } from '../hubspot/account/credentials';

export interface ResolvedTarget {
  /** The target's name, or undefined for the default credentials. */
  name?: string;
  portalId?: string;
  connection: HubSpotAccountOptions;
  /** The variables the credentials came from (for messages). */
  variables: { token: string; baseUrl: string };
}

export type TargetResult = { ok: true; target: ResolvedTarget } | { ok: false; message: string; usage: boolean };

export function resolveTarget(config: WorkspaceConfig, env: NodeJS.ProcessEnv, name: string | undefined): TargetResult {
  if (name === undefined) {
    const variables = { token: TOKEN_VARIABLE, baseUrl: BASE_URL_VARIABLE };
    const credentials = hubSpotCredentialsFromEnv(env, variables);
    if (!credentials.ok) return { ok: false, message: credentials.message, usage: false };
    return { ok: true, target: { connection: withVersion(credentials.options, config), variables } };
  }
  const target = config.targets?.[name];
  if (!target) {
    const known = Object.keys(config.targets ?? {});
    const which = known.length > 0 ? `its targets are ${known.map((k) => `"${k}"`).join(', ')}` : 'it names no targets (add "targets" to hslist.json)';
    return { ok: false, message: `hslist.json has no target "${name}"; ${which}.`, usage: true };
  }
  const variables = targetVariables(target.env);
  const credentials = hubSpotCredentialsFromEnv(env, variables);
  if (!credentials.ok) return { ok: false, message: `target "${name}": ${credentials.message}`, usage: false };
  return { ok: true, target: { name, ...(target.portalId ? { portalId: target.portalId } : {}), connection: withVersion(credentials.options, config), variables } };
}

function withVersion(options: HubSpotAccountOptions, config: WorkspaceConfig): HubSpotAccountOptions {
  return options.apiVersion || !config.hubspotApiVersion ? options : { ...options, apiVersion: config.hubspotApiVersion };
}

/** The sentence when the credentials belong to another portal than the target names. */
export function portalMismatch(target: ResolvedTarget, portalId: string): string | undefined {
  if (!target.portalId || target.portalId === portalId) return undefined;
  return `the credentials of target "${target.name}" belong to portal ${portalId}, not to portal ${target.portalId} that hslist.json names; nothing was read or changed`;
}
