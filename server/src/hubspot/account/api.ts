// What each part of the account layer calls through: one JSON request function bound to the client, its
// transport (pacing, time limits, retries) and the API version's paths.

import type { Client } from '@hubspot/api-client';
import { toAccountError } from './errors';
import { apiPaths, type ApiPaths } from './paths';
import { READ_CONCURRENCY } from './parallel-reads';
import { rawRequest, rawRequestDecoded, type RawCall, type Transport } from './raw-request';
import type { Json } from './types';

export interface Api {
  readonly host: string;
  readonly paths: ApiPaths;
  /** The transport's time limit per answer and per pause in a body (for what is fetched outside `call`). */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Id-based reads in flight at once (parallel-reads.ts). */
  readonly concurrency: number;
  /** The JSON answer; failures are HubSpotAccountError (redacted, one sentence). */
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<Json>;
  /** A 2xx answer as `decode` reads it from its bytes (it throws HubSpotAccountError for what it cannot read); failures as `call`'s. */
  callDecoded<T>(method: string, path: string, body: unknown, decode: (bytes: Buffer) => T, options?: CallOptions): Promise<T>;
}

export interface CallOptions extends Pick<RawCall, 'readOnly' | 'search' | 'background' | 'bulk'> {
  /** Abandons this call too (a read in parallel whose sibling failed), besides the account's own signal. */
  signal?: AbortSignal;
}

export function makeApi(client: Client, transport: Transport, version: string | undefined, signal?: AbortSignal): Api {
  return {
    host: transport.host,
    paths: apiPaths(version),
    timeoutMs: transport.timeoutMs,
    ...(signal ? { signal } : {}),
    concurrency: transport.concurrency ?? READ_CONCURRENCY,
    call: (method, path, body, options = {}) => accountCall(transport, signal, options, (call, either) => rawRequest(client, { method, path, body, ...call }, transport, either)),
    callDecoded: (method, path, body, decode, options = {}) => accountCall(transport, signal, options, (call, either) => rawRequestDecoded(client, { method, path, body, ...call }, decode, transport, either)),
  };
}

/** One call with the account's signal and the call's own as one, its failures as HubSpotAccountError. */
async function accountCall<T>(transport: Transport, signal: AbortSignal | undefined, options: CallOptions, send: (call: Omit<CallOptions, 'signal'>, either: AbortSignal | undefined) => Promise<T>): Promise<T> {
  const { signal: own, ...call } = options;
  const either = own && signal ? AbortSignal.any([signal, own]) : (own ?? signal);
  try {
    return await send(call, either);
  } catch (error) {
    if (either?.aborted) throw error; // a cancellation is not HubSpot's failure
    throw toAccountError(error, transport.host);
  }
}

/** Items of a JSON array field, or a clear error when HubSpot's answer lacks it. */
export function arrayOf(json: Json, field: string, what: string, host: string): unknown[] {
  const value = json[field];
  if (Array.isArray(value)) return value;
  throw toAccountError(new Error(`HubSpot at ${host} answered ${what} without a "${field}" array`), host);
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
