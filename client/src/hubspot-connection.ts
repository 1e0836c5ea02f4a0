// The answer to the server's `hslist/account/hubspotConnection` request: the HubSpot token from
// SecretStorage and the API base from settings, in memory only (never logged, never written), or a
// sentence saying why there is none. No `vscode` import: the inputs are read by the caller.

import type { HubSpotConnectionAnswer } from '../../server/src/lsp/preview/protocol';

export interface ConnectionInputs {
  /** The stored token; undefined when no HubSpot account is connected. */
  token: string | undefined;
  /** `hslist.hubspot.baseUrl` as set (may be empty). */
  baseUrl: string | undefined;
  /** `hslist.trace.server`. */
  trace: string | undefined;
}

// Clauses, not full sentences: the server builds its sentence around them ("…, but <reason>." and
// "Not compared with HubSpot: <reason>."), as its own fallback reason is written.
export const NOT_CONNECTED = 'no HubSpot account is connected (run "hslist: Connect HubSpot account")';

export const TRACE_WOULD_COPY_TOKEN =
  'hslist.trace.server is "compact" or "verbose", and the trace would copy the HubSpot token to the log (set it to "messages" or "off")';

/** A message trace ("compact" or "verbose") copies the request's parameters and answers, tokens included, to the log. */
export function traceCopiesMessages(trace: string | undefined): boolean {
  return trace === 'compact' || trace === 'verbose';
}

export function connectionAnswer(inputs: ConnectionInputs): HubSpotConnectionAnswer {
  if (traceCopiesMessages(inputs.trace)) return { unavailable: TRACE_WOULD_COPY_TOKEN };
  const token = inputs.token?.trim();
  if (!token) return { unavailable: NOT_CONNECTED };
  const baseUrl = inputs.baseUrl?.trim();
  return baseUrl ? { accessToken: token, baseUrl } : { accessToken: token };
}

/** What the log may say about an answer: never the token. */
export function describeAnswer(answer: HubSpotConnectionAnswer): string {
  return 'unavailable' in answer ? `unavailable: ${answer.unavailable}` : `token handed over for ${answer.baseUrl ?? "HubSpot's API"}`;
}
