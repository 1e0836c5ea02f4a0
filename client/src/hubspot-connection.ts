// The answer to the server's `hslist/account/hubspotConnection` request: the HubSpot token connected
// for the host the server is about to call, in memory only (never logged, never written), or a
// clause saying why there is none. A token connected for another host is never the answer: the
// workspace's settings and hslist.json may name any host, and only the user's connect decides
// where a token may go. No `vscode` import: the inputs are read by the caller.

import { describeWantedHost, displayHost, HUBSPOT_API_URL, parseServiceUrl, sameHost } from '../../server/src/accounts/hosts';
import type { HubSpotConnectionAnswer, WantedHost } from '../../server/src/lsp/preview/protocol';
import type { BoundCredential } from './credential-store';

export interface ConnectionInputs {
  /** What the server is about to call (its request's parameters). */
  wanted: WantedHost;
  /** The stored credential for the wanted host, if there is one. */
  credential: BoundCredential | undefined;
  /** The hosts HubSpot is connected for (named when none is the wanted one). */
  connectedHosts: string[];
  /** `hslist.trace.server`. */
  trace: string | undefined;
  /** `vscode.workspace.isTrusted`. */
  trusted: boolean;
}

// Clauses, not full sentences: the server builds its sentence around them ("…, but <reason>." and
// "Not compared with HubSpot: <reason>."), as its own fallback reason is written.
export const UNTRUSTED =
  'this workspace is not trusted, and hslist calls no connected account from an untrusted workspace (trust it with "Workspaces: Manage Workspace Trust")';

export const TRACE_WOULD_COPY_TOKEN =
  'hslist.trace.server is "compact" or "verbose", and the trace would copy the HubSpot token to the log (set it to "messages" or "off")';

/** A message trace ("compact" or "verbose") copies the request's parameters and answers, tokens included, to the log. */
export function traceCopiesMessages(trace: string | undefined): boolean {
  return trace === 'compact' || trace === 'verbose';
}

/** The parameters of the server's request; a request without them is for HubSpot's own API. */
export function wantedOf(params: unknown): WantedHost {
  const p = params as Partial<WantedHost> | null | undefined;
  if (p && typeof p.url === 'string') return { url: p.url, from: typeof p.from === 'string' ? p.from : 'the language server' };
  return { url: HUBSPOT_API_URL, from: 'default' };
}

/** "HubSpot is not connected for collector.example (…); …": the same clause the notification and the server use. */
export function notConnectedClause(service: 'HubSpot' | 'Salesforce', wanted: WantedHost, connectedHosts: string[]): string {
  const command = service === 'HubSpot' ? 'hslist: Connect HubSpot account' : 'hslist: Connect Salesforce org';
  const others = connectedHosts.length === 0 ? ''
    : `; the ${service === 'HubSpot' ? 'account' : 'org'} connected for ${connectedHosts.join(', ')} is only ever sent to ${connectedHosts.length === 1 ? 'that host' : 'those hosts'}`;
  return `${service} is not connected for ${describeWantedHost(wanted)}${others} (run "${command}" to connect one for ${displayHost(wanted.url)})`;
}

export function connectionAnswer(inputs: ConnectionInputs): HubSpotConnectionAnswer {
  if (!inputs.trusted) return { unavailable: UNTRUSTED };
  if (traceCopiesMessages(inputs.trace)) return { unavailable: TRACE_WOULD_COPY_TOKEN };
  const target = parseServiceUrl(inputs.wanted.url);
  if ('error' in target) return { unavailable: `the ${inputs.wanted.from} ${target.error}` };
  const credential = inputs.credential;
  const token = credential?.accessToken.trim();
  // The store looks credentials up by host; checked again because this is the last step before the token leaves.
  if (!credential || !token || !sameHost(credential.url, target.url)) return { unavailable: notConnectedClause('HubSpot', inputs.wanted, inputs.connectedHosts) };
  return { accessToken: token, baseUrl: credential.url };
}

/** What the log may say about an answer: never the token. */
export function describeAnswer(answer: HubSpotConnectionAnswer): string {
  return 'unavailable' in answer ? `unavailable: ${answer.unavailable}` : `token handed over for ${displayHost(answer.baseUrl ?? HUBSPOT_API_URL)}`;
}
