// Every HubSpot call goes through `rawRequest`, on the SDK's `client.apiRequest` (its auth, base path
// and headers; its models drop fields they do not know, so JSON is read here). What the SDK leaves out
// is added here, once for every call:
// - pacing to HubSpot's rolling window (rate-pacer.ts), and to the search API's own 5 a second;
// - a time limit on every attempt, for the answer's headers and then for each pause in its body, and a
//   body that ends before its Content-Length is an error: every exchange ends in a result or a clear
//   sentence, never in a promise that never settles;
// - retries where they are safe: a 5xx or a lost connection for reads and idempotent writes (GET, PUT,
//   DELETE, and POSTs that only read such as search and batch read); a ten-secondly 429 for every
//   method (a rate-limited request was not processed), after waiting out the window; never the DAILY
//   limit; never a create that may have been applied (it comes back `uncertain`, for the caller to
//   look before creating again).

import type { Client } from '@hubspot/api-client';
import { errorFromResponse, HubSpotAccountError } from './errors';
import { readBodyBytes, type BodyStream } from './body-read';
import { withinTime } from '../../accounts/time-limit';
import { readRateHeaders, sleep, type RatePacer } from './rate-pacer';
import type { Json } from './types';
import { requestBody } from './json-text';

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE', 'HEAD']);
const SERVER_ERROR_WAIT_MS = 200;
/** HubSpot's ten-second window: the wait after a 429 when no pacer knows better. */
const SECONDLY_WAIT_MS = 10_000;
/** How many 429s one call sits out before giving up (each waits a window). */
const RATE_LIMIT_RETRIES = 5;
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface RawCall {
  method: string;
  path: string;
  body?: unknown;
  /** A POST that only reads (search, batch read): safe to repeat. */
  readOnly?: boolean;
  /** The CRM search API, limited to 5 requests a second on top of the general limit. */
  search?: boolean;
  /** Nothing waits on this read (a form's submissions, a list's members): it gives way in the window (rate-pacer.ts). */
  background?: boolean;
  /** One of many batch reads going a few at a time: it gives way to every request that waits (rate-pacer.ts). */
  bulk?: boolean;
}

export interface Transport {
  host: string;
  /** Attempts in total for 5xx and lost connections (1–6). */
  attempts: number;
  timeoutMs: number;
  pacer?: RatePacer;
  searchPacer?: RatePacer;
  /** Id-based reads in flight at once (parallel-reads.ts). */
  concurrency?: number;
}

/** The parsed JSON answer; non-2xx answers (after retries) become HubSpotAccountError with HubSpot's own message. */
export async function rawRequest(client: Client, call: RawCall, transport: Transport, signal?: AbortSignal): Promise<Json> {
  return (await request(client, call, transport, signal, undefined)) as Json;
}

/**
 * A 2xx answer read from its bytes by `decode` (what it throws is the call's failure), for answers read by
 * the hundred whose JSON objects and text a full fetch need not make (association-answer.ts); anything
 * else as `rawRequest`.
 */
export async function rawRequestDecoded<T>(client: Client, call: RawCall, decode: (bytes: Buffer) => T, transport: Transport, signal?: AbortSignal): Promise<T> {
  return (await request(client, call, transport, signal, decode)) as T;
}

async function request(client: Client, call: RawCall, transport: Transport, signal: AbortSignal | undefined, decode: ((bytes: Buffer) => unknown) | undefined): Promise<unknown> {
  const repeatable = call.readOnly === true || IDEMPOTENT.has(call.method.toUpperCase());
  let failures = 0;
  let rateLimited = 0;
  for (;;) {
    // A cancelled run sends nothing more (a listener added after the abort would never fire).
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
    const held = await acquirePacers(transport, call, signal);
    let answer: Answer;
    try {
      answer = await exchange(client, call, transport, signal, () => settle(held), decode);
    } catch (error) {
      settle(held);
      const failure = asNetworkFailure(error, call, transport.host);
      if (!repeatable) failure.uncertain = true;
      if (!repeatable || ++failures >= transport.attempts || signal?.aborted) throw failure;
      await sleep(SERVER_ERROR_WAIT_MS * failures, signal);
      continue;
    }
    settle(held);
    if (answer.status < 300) return decode ? answer.decoded : answer.json;
    const policy = policyOf(answer.json);
    if (answer.status === 429 && policy !== 'DAILY' && ++rateLimited <= RATE_LIMIT_RETRIES) {
      await waitOutRateLimit(transport, policy, answer.retryAfterMs, signal);
      continue;
    }
    if (answer.status >= 500 && repeatable && ++failures < transport.attempts) {
      await sleep(SERVER_ERROR_WAIT_MS * failures, signal);
      continue;
    }
    throw errorFromResponse(answer.status, answer.json);
  }
}

/** The pacers this call goes through, each acquired (the search API's own too); every one must be settled once. */
async function acquirePacers(transport: Transport, call: RawCall, signal: AbortSignal | undefined): Promise<RatePacer[]> {
  const held: RatePacer[] = [];
  try {
    for (const pacer of [transport.pacer, call.search ? transport.searchPacer : undefined]) {
      if (!pacer) continue;
      await pacer.acquire(signal, call.bulk ? 'bulk' : call.background ? 'background' : 'foreground');
      held.push(pacer);
    }
    return held;
  } catch (error) {
    settle(held);
    throw error;
  }
}

/** The request was answered or failed: it counts in the pacers' windows from now (rate-pacer.ts). Once per acquire. */
function settle(held: RatePacer[]): void {
  for (const pacer of held.splice(0)) pacer.settle();
}

interface Answer {
  status: number;
  json: Json;
  /** What `decode` made of a 2xx answer's bytes. */
  decoded?: unknown;
  retryAfterMs: number | undefined;
}

/** One attempt; `answered` is called when the answer's headers arrive (HubSpot has counted the request by then). */
async function exchange(client: Client, call: RawCall, transport: Transport, signal: AbortSignal | undefined, answered: () => void, decode: ((bytes: Buffer) => unknown) | undefined): Promise<Answer> {
  const sent = client.apiRequest({ method: call.method, path: call.path, ...requestBody(call.body) });
  const response = await withinTime(sent, transport.timeoutMs, signal, () => timeoutError(call, transport));
  answered();
  transport.pacer?.observe(readRateHeaders(response.headers));
  const bytes = await readBodyBytes(response.body as unknown as BodyStream, response.headers.get('content-length'), transport.timeoutMs, signal, {
    stalled: (got, expected) => stalledError(call, transport, got, expected),
    truncated: (got, expected) => new HubSpotAccountError('unreachable', `HubSpot at ${transport.host} broke off its answer to ${describe(call)}: ${expected === undefined ? `the connection closed after ${got.toLocaleString('en-US')} bytes` : `${got.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} bytes arrived`}.`),
  });
  if (response.ok && decode) return { status: response.status, json: {}, decoded: decode(bytes), retryAfterMs: undefined };
  const text = bytes.toString('utf8');
  const parsed = parseBody(text);
  if (response.ok && (parsed === null || typeof parsed !== 'object')) {
    throw new HubSpotAccountError('server', `HubSpot at ${transport.host} answered ${describe(call)} with something that is not JSON (${text.slice(0, 60) || 'an empty body'}).`);
  }
  const json = parsed !== null && typeof parsed === 'object' ? (parsed as Json) : ({ message: parsed } as Json);
  return { status: response.status, json: text === '' ? {} : json, retryAfterMs: retryAfter(response.headers.get('retry-after')) };
}

function describe(call: RawCall): string {
  return `${call.method.toUpperCase()} ${call.path.split('?')[0]}`;
}

function seconds(transport: Transport): string {
  return `${Math.round(transport.timeoutMs / 1000)} s`;
}

function timeoutError(call: RawCall, transport: Transport): HubSpotAccountError {
  return new HubSpotAccountError('timeout', `HubSpot at ${transport.host} did not answer ${describe(call)} within ${seconds(transport)}.`);
}

/** A body that stopped coming: cut short (fewer bytes than its Content-Length) or held open. */
function stalledError(call: RawCall, transport: Transport, got: number, expected: number | undefined): HubSpotAccountError {
  const arrived = expected === undefined ? `${got.toLocaleString('en-US')} bytes arrived` : `${got.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} bytes arrived`;
  return new HubSpotAccountError('unreachable', `HubSpot at ${transport.host} broke off its answer to ${describe(call)}: ${arrived}, then nothing for ${seconds(transport)}.`);
}

function asNetworkFailure(error: unknown, call: RawCall, host: string): HubSpotAccountError {
  if (error instanceof HubSpotAccountError) return error;
  const failure = new HubSpotAccountError('unreachable', `Could not reach HubSpot at ${host} for ${describe(call)}: ${networkReason(error)}.`);
  return failure;
}

function networkReason(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const text = typeof e?.message === 'string' ? e.message : String(error);
  if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(text)) return 'connection refused';
  if (code === 'ECONNRESET' || /socket hang up|ECONNRESET/i.test(text)) return 'the connection was reset';
  if (code === 'ENOTFOUND' || /ENOTFOUND/.test(text)) return 'host not found';
  return code || text.split('\n')[0];
}

function policyOf(body: Json): string | undefined {
  return typeof body.policyName === 'string' ? body.policyName : undefined;
}

async function waitOutRateLimit(transport: Transport, policy: string | undefined, retryAfterMs: number | undefined, signal: AbortSignal | undefined): Promise<void> {
  if (policy === 'SECONDLY') {
    // The search API's own limit: a second is enough.
    await sleep(retryAfterMs ?? 1000, signal);
  } else if (transport.pacer) {
    await transport.pacer.blockFor(retryAfterMs);
  } else {
    await sleep(retryAfterMs ?? SECONDLY_WAIT_MS, signal);
  }
}

function retryAfter(value: string | null): number | undefined {
  const seconds = Number(value);
  return value !== null && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

function parseBody(text: string): unknown {
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    return text; // not JSON (a proxy's HTML page, say): kept for the message
  }
}
