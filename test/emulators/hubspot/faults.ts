// Injected faults for tests: the next N matching requests get a 5xx, a delay, a reset connection, or a
// 429. Set programmatically (`emulator.faults.add(...)`) or with POST /__emulator/faults.

import { hubspotError, type RouteResult } from './http-kit';
import { rateLimitBody, type RatePolicy } from './rate-limit';

export type Fault =
  | { type: 'status'; status: number; count?: number; path?: string }
  | { type: 'delay'; ms: number; count?: number; path?: string }
  | { type: 'reset'; count?: number; path?: string }
  | { type: 'rate-limit'; policy?: RatePolicy; count?: number; path?: string };

interface ArmedFault {
  fault: Fault;
  left: number;
}

export interface FaultOutcome {
  delayMs: number;
  reset: boolean;
  response?: RouteResult;
}

const SERVER_ERROR_MESSAGES: Record<number, [string, string]> = {
  500: ['INTERNAL_ERROR', 'internal error'],
  502: ['BAD_GATEWAY', 'Bad Gateway'],
  503: ['SERVICE_UNAVAILABLE', 'Service Unavailable'],
  504: ['GATEWAY_TIMEOUT', 'Gateway Timeout'],
};

export function faultProblem(fault: unknown): string | undefined {
  const f = fault as Partial<Record<string, unknown>>;
  if (!f || typeof f !== 'object') return 'A fault must be an object.';
  if (!['status', 'delay', 'reset', 'rate-limit'].includes(String(f.type))) return `Unknown fault type "${String(f.type)}"; use status, delay, reset or rate-limit.`;
  if (f.type === 'status' && (typeof f.status !== 'number' || f.status < 400)) return 'A status fault needs "status" ≥ 400.';
  if (f.type === 'delay' && typeof f.ms !== 'number') return 'A delay fault needs "ms".';
  return undefined;
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

  /** Consumes at most one delay and one terminal fault matching the path. */
  next(path: string): FaultOutcome {
    const delay = this.take(path, (f) => f.type === 'delay');
    const terminal = this.take(path, (f) => f.type !== 'delay');
    const outcome: FaultOutcome = { delayMs: delay?.type === 'delay' ? delay.ms : 0, reset: terminal?.type === 'reset' };
    if (terminal?.type === 'status') outcome.response = statusResponse(terminal.status);
    if (terminal?.type === 'rate-limit') outcome.response = { status: 429, body: rateLimitBody(terminal.policy ?? 'TEN_SECONDLY_ROLLING') };
    return outcome;
  }

  private take(path: string, kind: (fault: Fault) => boolean): Fault | undefined {
    const armed = this.armed.find((a) => kind(a.fault) && (!a.fault.path || path.startsWith(a.fault.path)));
    if (!armed) return undefined;
    armed.left--;
    if (armed.left <= 0) this.armed = this.armed.filter((a) => a !== armed);
    return armed.fault;
  }
}

function statusResponse(status: number): RouteResult {
  const [category, message] = SERVER_ERROR_MESSAGES[status] ?? ['INTERNAL_ERROR', `HTTP ${status}`];
  return hubspotError(status, category, message);
}
