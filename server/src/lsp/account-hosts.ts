// The hosts this workspace asks the accounts to be called at: the editor settings
// (hslist.hubspot.baseUrl, hslist.salesforce.instanceUrl) over hslist.json (hubspot.baseUrl,
// salesforce.instanceUrl), else HubSpot's own API (Salesforce has no default: an org is its
// instance). They are requests, never grants: a repository's own settings or hslist.json may name
// any host, so a credential goes only to the host it was connected for (accounts/hosts.ts). The
// client hands over only a credential bound to the host named here, and the server checks the
// hand-over against it again before any call (a refusal here names both hosts, never a token).

import { describeWantedHost, displayHost, HUBSPOT_API_URL, sameHost } from '../accounts/hosts';
import type { AccountSettings } from '../accounts/settings';
import type { SideResult } from '../accounts/refresh-schema';
import type { ServerContext } from './context';
import { AccountMessages, type WantedHost, type WorkspaceHosts } from './preview/protocol';

type HostSettings = { hubspot?: { baseUrl?: unknown }; salesforce?: { instanceUrl?: unknown } };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The editor's `hslist` section (undefined values when the client does not answer). */
async function editorHostSettings(ctx: ServerContext): Promise<HostSettings> {
  try {
    return ((await ctx.connection.workspace.getConfiguration('hslist')) as HostSettings | null) ?? {};
  } catch {
    return {};
  }
}

export async function workspaceHosts(ctx: ServerContext): Promise<WorkspaceHosts> {
  const editor = await editorHostSettings(ctx);
  const config = ctx.state.settings.config;
  const hubspotSetting = text(editor.hubspot?.baseUrl);
  const salesforceSetting = text(editor.salesforce?.instanceUrl);
  const hubspot: WantedHost = hubspotSetting
    ? { url: hubspotSetting, from: 'setting hslist.hubspot.baseUrl' }
    : config.hubspotBaseUrl
      ? { url: config.hubspotBaseUrl, from: 'hslist.json hubspot.baseUrl' }
      : { url: HUBSPOT_API_URL, from: 'default' };
  const salesforce: WantedHost | undefined = salesforceSetting
    ? { url: salesforceSetting, from: 'setting hslist.salesforce.instanceUrl' }
    : config.salesforceInstanceUrl ? { url: config.salesforceInstanceUrl, from: 'hslist.json salesforce.instanceUrl' } : undefined;
  return salesforce ? { hubspot, salesforce } : { hubspot };
}

/** Why a credential bound to `bound` is not used for `wanted`; the clause goes into the server's sentences. */
export function otherHostClause(service: string, bound: string, wanted: WantedHost): string {
  return `the ${service} token the editor handed over was connected for ${displayHost(bound)}, and this workspace calls ${describeWantedHost(wanted)}: it was not sent there`;
}

/**
 * The refresh argument's accounts that may be called here: a side whose credential was connected for
 * another host than the workspace's is dropped, with its refusal as that side's result. HubSpot is
 * then called at the workspace's URL (same host), Salesforce at the session's own instance.
 */
export function gateRefreshAccounts(settings: AccountSettings, hosts: WorkspaceHosts): { settings: AccountSettings; refused: { hubspot?: SideResult; salesforce?: SideResult } } {
  const allowed: AccountSettings = {};
  const refused: { hubspot?: SideResult; salesforce?: SideResult } = {};
  if (settings.hubspot) {
    const bound = settings.hubspot.baseUrl ?? HUBSPOT_API_URL;
    if (sameHost(bound, hosts.hubspot.url)) allowed.hubspot = { accessToken: settings.hubspot.accessToken, baseUrl: hosts.hubspot.url.replace(/\/+$/, '') };
    else refused.hubspot = { ok: false, source: displayHost(bound), message: otherHostClause('HubSpot', bound, hosts.hubspot) };
  }
  const session = settings.salesforce;
  if (session) {
    const bound = session.instanceUrl ?? '';
    if (!hosts.salesforce || sameHost(bound, hosts.salesforce.url)) allowed.salesforce = session;
    else refused.salesforce = { ok: false, source: displayHost(bound), message: otherHostClause('Salesforce', bound, hosts.salesforce) };
  }
  return { settings: allowed, refused };
}

export function registerAccountHosts(ctx: ServerContext): void {
  ctx.connection.onRequest(AccountMessages.hosts, () => workspaceHosts(ctx));
}
