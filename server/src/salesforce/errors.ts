// Failures talking to Salesforce, worded as one sentence a person can act on: the HTTP status and
// Salesforce's own `errorCode: message`, or the host that could not be reached. Never a stack trace,
// never a token or password: every message passes through `redact` with the connection's secrets.

export class SalesforceError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly errorCode: string | undefined,
  ) {
    super(message);
    this.name = 'SalesforceError';
    // The stack would point into jsforce and node-fetch internals; the message is the whole story.
    this.stack = `${this.name}: ${message}`;
  }
}

const REDACTED = '[redacted]';

/** Removes known secrets, bearer/session tokens and password parameters from text. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result
    .replace(/\b(Bearer|OAuth)\s+[^\s"',]+/gi, `$1 ${REDACTED}`)
    .replace(/\b00D[0-9A-Za-z]{12,15}![0-9A-Za-z._-]+/g, REDACTED)
    .replace(/\b(password|client_secret|access_token|refresh_token)=[^&\s"']*/gi, `$1=${REDACTED}`);
}

/** Salesforce's multi-line SOQL errors ("…\nERROR at Row:1:Column:11\nunexpected token: FROMM") in one line. */
export function oneLine(message: string): string {
  const positioned = /ERROR at Row:(\d+):Column:(\d+)\s*\n([\s\S]*)$/.exec(message);
  const text = positioned ? `${positioned[3].trim()} at row ${positioned[1]}, column ${positioned[2]}` : message;
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  errno?: unknown;
  errorCode?: unknown;
}

/**
 * Words any failure from jsforce: an API error (`HttpApiError`, status from the response we saw), an OAuth
 * token error (name = OAuth error, message = description), or a network failure (node-fetch `FetchError`).
 */
export function toSalesforceError(error: unknown, context: { action: string; host: string; status?: number; secrets: readonly (string | undefined)[] }): SalesforceError {
  if (error instanceof SalesforceError) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const clean = (text: string): string => redact(text, context.secrets);
  if (e.name === 'FetchError' || (code !== undefined && code in NETWORK_WORDS)) {
    const why = code !== undefined ? NETWORK_WORDS[code] ?? code : 'network error';
    return new SalesforceError(clean(`Could not reach Salesforce at ${context.host} (${why}) while ${context.action}.`), undefined, code);
  }
  const errorCode = typeof e.errorCode === 'string' ? e.errorCode : typeof e.name === 'string' && e.name !== 'Error' ? e.name : undefined;
  const status = context.status ?? statusFromCode(errorCode);
  const message = oneLine(typeof e.message === 'string' ? e.message : String(error)).replace(/\.$/, '');
  const said = [status, errorCode].filter((part) => part !== undefined).join(' ');
  return new SalesforceError(clean(`Salesforce said ${said}: ${message} (while ${context.action}).`), status, errorCode);
}

function statusFromCode(errorCode: string | undefined): number | undefined {
  const match = /^ERROR_HTTP_(\d{3})$/.exec(errorCode ?? '');
  return match ? Number(match[1]) : undefined;
}
