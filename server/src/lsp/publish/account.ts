// The HubSpot account for one publish operation: the connection is asked of the client right before
// the operation (the token lives in the editor's secret storage) and kept only in this operation's
// locals, never on the session, never in a log or a message.

import { createHubSpotAccount, type HubSpotAccountOptions } from '../../hubspot/account/account';
import { HubSpotAccountError } from '../../hubspot/account/errors';
import type { HubSpotAccount } from '../../hubspot/account/types';
import { PublishError } from '../../publish/session';
import type { ServerContext } from '../context';
import { describeError } from '../guard';
import { askHubSpotConnection } from '../preview/live-connection';
import type { Unavailable } from './protocol';

export interface OpenedAccount {
  account: HubSpotAccount;
  host: string;
  /** For the live contact data of the plan's impacts: same token, same base. */
  options: HubSpotAccountOptions;
}

export async function openAccount(ctx: ServerContext, signal: AbortSignal | undefined): Promise<OpenedAccount | Unavailable> {
  const live = await askHubSpotConnection(ctx);
  if ('unavailable' in live) return notConnected(live.unavailable);
  const version = ctx.state.settings.config.hubspotApiVersion;
  const options: HubSpotAccountOptions = version && !live.options.apiVersion ? { ...live.options, apiVersion: version } : live.options;
  return { account: createHubSpotAccount({ ...options, ...(signal ? { signal } : {}) }), host: live.host, options };
}

export function notConnected(clause: string): Unavailable {
  return { state: 'unavailable', reason: 'not-connected', message: `The lists cannot be compared with HubSpot: ${clause}.` };
}

/** A failed HubSpot read or state file as one sentence; a cancellation as such; anything else is logged too (a bug of ours). */
export function failure(ctx: ServerContext, error: unknown, host: string, what: string, signal: AbortSignal | undefined): Unavailable {
  if (signal?.aborted) return { state: 'unavailable', reason: 'cancelled', message: `${what} was cancelled.` };
  if (!(error instanceof PublishError || error instanceof HubSpotAccountError)) ctx.connection.console.error(`hslist publish: ${describeError(error)}`);
  const message = error instanceof Error ? error.message : String(error);
  return { state: 'unavailable', reason: 'error', message: `${what} failed (HubSpot at ${host}): ${message}` };
}

export function isUnavailable(value: unknown): value is Unavailable {
  return typeof value === 'object' && value !== null && (value as { state?: unknown }).state === 'unavailable';
}
