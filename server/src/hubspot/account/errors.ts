// Turns whatever the SDK or the network throws into one clear sentence: the HTTP status, HubSpot's own
// message and correlation id, or the host that could not be reached. Never a stack trace, never a token.

import { redact } from './redact';

export type HubSpotErrorKind = 'auth' | 'scope' | 'rate-limit' | 'unreachable' | 'timeout' | 'server' | 'not-found' | 'request';

export class HubSpotAccountError extends Error {
  /**
   * True when HubSpot may have carried out the request although no answer came (a create that timed
   * out or lost its connection): a caller must look before doing it again.
   */
  uncertain = false;

  constructor(
    readonly kind: HubSpotErrorKind,
    message: string,
    readonly status?: number,
    readonly correlationId?: string,
    readonly policyName?: string,
  ) {
    super(redact(message));
    this.name = 'HubSpotAccountError';
    // The SDK's stack and request details stay out of anything we print.
    this.stack = `${this.name}: ${this.message}`;
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

interface HubSpotErrorBody {
  message?: unknown;
  correlationId?: unknown;
  category?: unknown;
  policyName?: unknown;
  errors?: { context?: { requiredGranularScopes?: unknown; requiredScopes?: unknown } }[];
}

function kindFor(status: number): HubSpotErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'scope';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limit';
  return status >= 500 ? 'server' : 'request';
}

/** "HubSpot said 401 Unauthorized: Authentication credentials not found (correlation id …)." */
export function errorFromResponse(status: number, rawBody: unknown): HubSpotAccountError {
  const body: HubSpotErrorBody = rawBody !== null && typeof rawBody === 'object' ? (rawBody as HubSpotErrorBody) : {};
  const own = typeof body.message === 'string' && body.message !== '' ? body.message : typeof rawBody === 'string' && rawBody !== '' ? rawBody : 'no message';
  const message = firstSentence(own);
  const correlationId = typeof body.correlationId === 'string' ? body.correlationId : undefined;
  const policyName = typeof body.policyName === 'string' ? body.policyName : undefined;
  const details: string[] = [];
  const scopes = body.errors?.flatMap((e) => [e.context?.requiredGranularScopes, e.context?.requiredScopes]).flat().filter((s): s is string => typeof s === 'string') ?? [];
  if (scopes.length > 0) details.push(`missing scope ${scopes.join(' or ')}`);
  if (policyName) details.push(`policy ${policyName}`);
  if (correlationId) details.push(`correlation id ${correlationId}`);
  const reason = REASONS[status] ?? 'Error';
  const suffix = details.length > 0 ? ` (${details.join('; ')})` : '';
  return new HubSpotAccountError(kindFor(status), `HubSpot said ${status} ${reason}: ${message}${suffix}.`, status, correlationId, policyName);
}

/** HubSpot's messages run on ("… you can find more details at https://…"): keep the first sentence. */
function firstSentence(text: string): string {
  const cut = text.search(/\.\s/);
  const sentence = cut >= 0 ? text.slice(0, cut) : text;
  return sentence.replace(/[.\s]+$/, '');
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  ETIMEDOUT: 'timed out',
  EAI_AGAIN: 'host name lookup failed',
  EPIPE: 'connection closed',
};

/** Any thrown value → HubSpotAccountError. `host` names where we tried to go. */
export function toAccountError(error: unknown, host: string): HubSpotAccountError {
  if (error instanceof HubSpotAccountError) return error;
  const e = error as { code?: unknown; body?: unknown; message?: unknown; errno?: unknown; type?: unknown };
  if (typeof e?.code === 'number' && e.code >= 100) return errorFromResponse(e.code, e.body);
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const text = typeof e?.message === 'string' ? e.message : String(error);
  const hangUp = /socket hang up|ECONNRESET/i.test(text);
  if (code || e?.type === 'system' || hangUp) {
    const what = NETWORK_CODES[code ?? (hangUp ? 'ECONNRESET' : '')] ?? (code ? code : 'network error');
    return new HubSpotAccountError('unreachable', `Could not reach HubSpot at ${host}: ${what}${code ? ` (${code})` : ''}.`);
  }
  return new HubSpotAccountError('request', `HubSpot request failed: ${firstSentence(text)}.`);
}
