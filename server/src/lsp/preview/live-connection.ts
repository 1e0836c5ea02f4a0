// The HubSpot connection for the live preview and the enter/leave comparison, asked of the client
// right before each use: the token lives in the editor's secret storage and only passes through
// this process's memory (never stored on the session, logged or written).

import type { HubSpotAccountOptions } from '../../hubspot/account/account';
import { hostOf } from '../../hubspot/account/client';
import { isHttpUrl } from '../schema-refresh';
import type { ServerContext } from '../context';
import { AccountMessages, type HubSpotConnectionAnswer } from './protocol';

export type LiveConnection = { options: HubSpotAccountOptions; /** For messages and cache keys: never the token. */ host: string } | { unavailable: string };

const NO_CLIENT_ANSWER = 'the editor did not hand over a HubSpot connection (connect an account with "hslist: Connect HubSpot account")';

export async function askHubSpotConnection(ctx: ServerContext): Promise<LiveConnection> {
  let answer: HubSpotConnectionAnswer | null;
  try {
    answer = await ctx.connection.sendRequest<HubSpotConnectionAnswer | null>(AccountMessages.hubspotConnection, {});
  } catch {
    return { unavailable: NO_CLIENT_ANSWER };
  }
  if (!answer || typeof answer !== 'object') return { unavailable: NO_CLIENT_ANSWER };
  if ('unavailable' in answer) return { unavailable: String(answer.unavailable) };
  if (typeof answer.accessToken !== 'string' || answer.accessToken.trim() === '') return { unavailable: NO_CLIENT_ANSWER };
  const base = validBase(answer.baseUrl) ?? ctx.state.settings.config.hubspotBaseUrl;
  const options: HubSpotAccountOptions = base ? { accessToken: answer.accessToken.trim(), basePath: base.replace(/\/+$/, '') } : { accessToken: answer.accessToken.trim() };
  return { options, host: hostOf(base) };
}

function validBase(value: unknown): string | undefined {
  return typeof value === 'string' && isHttpUrl(value.trim()) ? value.trim() : undefined;
}
