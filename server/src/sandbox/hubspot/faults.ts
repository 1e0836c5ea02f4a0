// Injected faults for tests: the next `count` (1) matching requests get a 5xx, a delay, a reset
// connection, a 429, a truncated body, no answer at all, or a body of the test's choosing. A fault
// matches by `path` prefix and by `method`. `after: true` (reset, delay, body) lets the request be
// processed first — the list IS created — and only then fails the answer: the "it worked but the
// client never heard" case a publish engine must survive without a duplicate. Set with
// `emulator.faults.add(...)` or POST /__emulator/faults.

import { hubspotError, type RouteResult } from './http-kit';
import { rateLimitBody, type RatePolicy } from './rate-limit';

interface Match {
  count?: number;
  /** Only requests whose path (as sent, or its v3/v4 form) starts with this; a trailing `$` asks for the whole path. */
  path?: string;
  /** Only requests with this method (case-insensitive). */
  method?: string;
}

export type Fault = Match & (
  | { type: 'status'; status: number }
  | { type: 'delay'; ms: number; after?: boolean }
  | { type: 'reset'; after?: boolean }
  | { type: 'rate-limit'; policy?: RatePolicy }
  /** The real answer's status (or `status`) and Content-Length, then `bytes` (half) of its body, then the socket closes. */
  | { type: 'truncate'; status?: number; bytes?: number }
  /** No answer, ever (until the emulator stops). */
  | { type: 'hold' }
  /** This status (200) and body: `json` encoded, or `raw` as is; `after`: the real handler runs first. */
  | { type: 'body'; status?: number; json?: unknown; raw?: string; after?: boolean }
);

export type FaultType = Fault['type'];

export interface FaultOutcome {
  delayBeforeMs: number;
  delayAfterMs: number;
  /** The one fault that decides the answer, if any (never a delay). */
  terminal?: Exclude<Fault, { type: 'delay' }>;
}

interface ArmedFault {
  fault: Fault;
  left: number;
}

export class FaultInjector {
  private armed: ArmedFault[] = [];

  add(fault: Fault): void {
    this.armed.push({ fault, left: fault.count ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  pending(): Fault[] {
    return this.armed.map((a) => ({ ...a.fault, count: a.left }));
  }

  /** Consumes at most one delay and one other fault matching the request. `paths`: as sent, and its v3/v4 form. */
  next(method: string, paths: readonly string[]): FaultOutcome {
    const delay = this.take(method, paths, (f) => f.type === 'delay');
    const terminal = this.take(method, paths, (f) => f.type !== 'delay');
    const ms = delay?.type === 'delay' ? delay.ms : 0;
    const after = delay?.type === 'delay' && delay.after === true;
    return {
      delayBeforeMs: after ? 0 : ms,
      delayAfterMs: after ? ms : 0,
      terminal: terminal?.type === 'delay' ? undefined : terminal,
    };
  }

  private take(method: string, paths: readonly string[], kind: (fault: Fault) => boolean): Fault | undefined {
    const armed = this.armed.find((a) => kind(a.fault) && faultMatches(a.fault, method, paths));
    if (!armed) return undefined;
    armed.left--;
    if (armed.left <= 0) this.armed = this.armed.filter((a) => a !== armed);
    return armed.fault;
  }
}

export function faultMatches(fault: Match, method: string, paths: readonly string[]): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.path === undefined) return true;
  const exact = fault.path.endsWith('$');
  const wanted = exact ? fault.path.slice(0, -1) : fault.path;
  return paths.some((path) => (exact ? path === wanted : path.startsWith(wanted)));
}

const SERVER_ERROR_MESSAGES: Record<number, [string, string]> = {
  500: ['INTERNAL_ERROR', 'internal error'],
  502: ['BAD_GATEWAY', 'Bad Gateway'],
  503: ['SERVICE_UNAVAILABLE', 'Service Unavailable'],
  504: ['GATEWAY_TIMEOUT', 'Gateway Timeout'],
};

/** The answer a status, rate-limit or body fault gives instead of (or, `after`, over) the real one. */
export function faultResponse(fault: FaultOutcome['terminal']): RouteResult | undefined {
  switch (fault?.type) {
    case 'status': {
      const [category, message] = SERVER_ERROR_MESSAGES[fault.status] ?? ['INTERNAL_ERROR', `HTTP ${fault.status}`];
      return hubspotError(fault.status, category, message);
    }
    case 'rate-limit': return { status: 429, body: rateLimitBody(fault.policy ?? 'TEN_SECONDLY_ROLLING') };
    case 'body': return fault.raw !== undefined ? { status: fault.status ?? 200, raw: fault.raw } : { status: fault.status ?? 200, body: fault.json };
    default: return undefined;
  }
}
