// The HubSpot connection for the live preview and the enter/leave comparison, asked of the client
// right before each use: the token lives in the editor's secret storage and only passes through
// this process's memory (never stored on the session, logged or written). The request names the
// host about to be called; an answer bound to another host is refused here too, so a client that
// got it wrong still cannot make this server send the token to a host it was not connected for.

import type { HubSpotAccountOptions } from '../../hubspot/account/account';
import { hostOf } from '../../hubspot/account/client';
import { TIMEOUT_VARIABLE } from '../../hubspot/account/credentials';
import { HUBSPOT_API_URL, parseServiceUrl, sameHost } from '../../accounts/hosts';
import { otherHostClause, workspaceHosts } from '../account-hosts';
import type { ServerContext } from '../context';
import { AccountMessages, type HubSpotConnectionAnswer, type HubSpotConnectionParams } from './protocol';

export type LiveConnection = { options: HubSpotAccountOptions; /** For messages and cache keys: never the token. */ host: string } | { unavailable: string };

const NO_CLIENT_ANSWER = 'the editor did not hand over a HubSpot connection (connect an account with "hslist: Connect HubSpot account")';

export async function askHubSpotConnection(ctx: ServerContext): Promise<LiveConnection> {
  const wanted = (await workspaceHosts(ctx)).hubspot;
  const target = parseServiceUrl(wanted.url);
  if ('error' in target) return { unavailable: `the ${wanted.from} ${target.error}` };
  const params: HubSpotConnectionParams = { url: target.url, from: wanted.from };
  let answer: HubSpotConnectionAnswer | null;
  try {
    answer = await ctx.connection.sendRequest<HubSpotConnectionAnswer | null>(AccountMessages.hubspotConnection, params);
  } catch {
    return { unavailable: NO_CLIENT_ANSWER };
  }
  if (!answer || typeof answer !== 'object') return { unavailable: NO_CLIENT_ANSWER };
  if ('unavailable' in answer) return { unavailable: String(answer.unavailable) };
  if (typeof answer.accessToken !== 'string' || answer.accessToken.trim() === '') return { unavailable: NO_CLIENT_ANSWER };
  // An answer that names no host is for HubSpot's own API, as the token of an earlier client was.
  const bound = typeof answer.baseUrl === 'string' ? answer.baseUrl : HUBSPOT_API_URL;
  if (!sameHost(bound, target.url)) return { unavailable: otherHostClause('HubSpot', bound, wanted) };
  return { options: { accessToken: answer.accessToken.trim(), basePath: target.url, ...timeLimit() }, host: hostOf(target.url) };
}

/** HSLIST_HUBSPOT_TIMEOUT_SECONDS of the editor's environment, as the CLI reads it (default: the account layer's). */
function timeLimit(): { timeoutMs?: number } {
  const seconds = Number(process.env[TIMEOUT_VARIABLE]);
  return Number.isFinite(seconds) && seconds > 0 && seconds <= 3600 ? { timeoutMs: seconds * 1000 } : {};
}
