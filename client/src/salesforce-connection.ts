// The answer to the server's `hslist/account/salesforceConnection` request (the editor reading the org's
// leads and contacts): the Salesforce session connected for the instance the workspace names (without one,
// the org connected last), in memory only (never logged, never written), or a clause saying why there is
// none. A session connected for another host is never the answer. No `vscode` import: the caller reads
// the inputs.

import { describeWantedHost, displayHost, parseServiceUrl, sameHost } from '../../server/src/accounts/hosts';
import type { SalesforceConnectionAnswer, WantedHost } from '../../server/src/lsp/preview/protocol';
import type { SalesforceSession } from './accounts';
import { notConnectedClause, traceCopiesMessages, UNTRUSTED } from './hubspot-connection';

export interface SalesforceConnectionInputs {
  /** The instance the workspace names (the request's parameters), or undefined: the org connected last is meant. */
  wanted: WantedHost | undefined;
  /** The stored session for the wanted host (or the latest one), if there is one. */
  session: SalesforceSession | undefined;
  /** The hosts Salesforce is connected for (named when none is the wanted one). */
  connectedHosts: string[];
  /** `hslist.trace.server`. */
  trace: string | undefined;
  /** `vscode.workspace.isTrusted`. */
  trusted: boolean;
}

export const TRACE_WOULD_COPY_SESSION =
  'hslist.trace.server is "compact" or "verbose", and the trace would copy the Salesforce session to the log (set it to "messages" or "off")';

/** The parameters of the server's request: the instance it names, or undefined when it names none. */
export function wantedInstanceOf(params: unknown): WantedHost | undefined {
  const p = params as Partial<WantedHost> | null | undefined;
  return p && typeof p.url === 'string' ? { url: p.url, from: typeof p.from === 'string' ? p.from : 'the language server' } : undefined;
}

export function salesforceConnectionAnswer(inputs: SalesforceConnectionInputs): SalesforceConnectionAnswer {
  if (!inputs.trusted) return { unavailable: UNTRUSTED };
  if (traceCopiesMessages(inputs.trace)) return { unavailable: TRACE_WOULD_COPY_SESSION };
  const wanted = inputs.wanted;
  const target = wanted ? parseServiceUrl(wanted.url) : undefined;
  if (wanted && target && 'error' in target) return { unavailable: `the ${wanted.from} ${target.error}` };
  const session = inputs.session;
  const token = session?.accessToken.trim();
  if (!session || !token) {
    return { unavailable: wanted ? notConnectedClause('Salesforce', wanted, inputs.connectedHosts) : 'no Salesforce org is connected (run "hslist: Connect Salesforce org")' };
  }
  // The store looks sessions up by host; checked again because this is the last step before the session leaves.
  if (wanted && !sameHost(session.instanceUrl, wanted.url)) return { unavailable: notConnectedClause('Salesforce', wanted, inputs.connectedHosts) };
  return { instanceUrl: session.instanceUrl, accessToken: token };
}

/** What the log may say about an answer: never the session. */
export function describeSalesforceAnswer(answer: SalesforceConnectionAnswer, wanted: WantedHost | undefined): string {
  if ('unavailable' in answer) return `unavailable: ${answer.unavailable}`;
  return `session handed over for ${displayHost(answer.instanceUrl)}${wanted ? ` (asked for ${describeWantedHost(wanted)})` : ''}`;
}
