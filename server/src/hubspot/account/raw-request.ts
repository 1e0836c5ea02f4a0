// JSON calls through `client.apiRequest` (the filter-carrying list calls), retried the way the SDK
// retries its typed calls, which apiRequest does not: a 5xx is tried again for reads and idempotent
// writes (GET, PUT; a POST that failed with 5xx may have been applied, so it is not repeated), and a
// 429 of the secondly policies for every method (a rate-limited request was not processed). The
// DAILY limit is never retried. Attempts in total: the client's `numberOfApiCallRetries`.

import type { Client } from '@hubspot/api-client';
import { errorFromResponse } from './errors';
import type { Json } from './types';

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE', 'HEAD']);
const SERVER_ERROR_WAIT_MS = 200;
/** HubSpot's ten-second window; the SDK waits as long. */
const SECONDLY_WAIT_MS = 10_000;

export interface RawCall {
  method: string;
  path: string;
  body?: unknown;
}

/** The parsed JSON answer; non-2xx answers (after retries) become HubSpotAccountError with HubSpot's own message. */
export async function rawRequest(client: Client, call: RawCall, attempts: number): Promise<Json> {
  for (let attempt = 1; ; attempt++) {
    const response = await client.apiRequest({ method: call.method, path: call.path, ...(call.body === undefined ? {} : { body: call.body }) });
    const parsed = parseBody(await response.text());
    if (response.ok) return parsed !== null && typeof parsed === 'object' ? (parsed as Json) : {};
    const wait = retryWait(call.method, response.status, parsed, response.headers.get('retry-after'), attempt);
    if (wait === undefined || attempt >= attempts) throw errorFromResponse(response.status, parsed);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

function parseBody(text: string): unknown {
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    return text; // not JSON (a proxy's HTML page, say): kept for the message
  }
}

/** How long to wait before the next attempt, or undefined when the answer must not be retried. */
export function retryWait(method: string, status: number, body: unknown, retryAfter: string | null, attempt: number): number | undefined {
  if (status === 429) {
    const policy = (body as { policyName?: unknown } | null)?.policyName;
    if (policy === 'DAILY') return undefined;
    const seconds = Number(retryAfter);
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : SECONDLY_WAIT_MS * (policy === 'SECONDLY' ? 0.1 : 1);
  }
  if (status >= 500 && IDEMPOTENT.has(method.toUpperCase())) return SERVER_ERROR_WAIT_MS * attempt;
  return undefined;
}
