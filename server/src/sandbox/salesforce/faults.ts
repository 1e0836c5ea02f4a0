// Fault injection, so clients' retry and error paths can be tested: the next N requests fail with a 5xx,
// have their socket destroyed, are delayed, are cut short mid-body, or are never answered. Faults are consumed
// in the order requests arrive. Each may be aimed (`when`) at a path prefix, a method, or a Metadata API call
// (`createMetadata`, `updateMetadata`, `readMetadata`); an unaimed fault takes the next request of any kind.
// Two more shape a Metadata API write that gets through: refused in its SaveResult, or acknowledged without
// being carried out (so a client's read-back has something to catch); and a reset may come after the write.

export interface ServerFault {
  status: number;
  errorCode: string;
  message: string;
}

export interface FaultMatch {
  /** Only requests whose path starts with this. */
  path?: string;
  /** Only requests with this HTTP method (case-insensitive). */
  method?: string;
  /** Only SOAP requests making this Metadata API call. */
  call?: string;
}

export interface RequestFacts {
  method: string;
  path: string;
  call?: string;
}

interface Aimed<T> {
  fault: T;
  when?: FaultMatch;
}

export interface TakenFaults {
  delayMs: number;
  reset: boolean;
  /** The request is carried out, then the socket is destroyed before the answer (Metadata API calls only). */
  resetAfter?: boolean;
  failure?: ServerFault;
  broken?: 'truncate' | 'hold';
  /** A Metadata API write answered with `success: false` and this error. */
  refusal?: { statusCode: string; message: string };
  /** A Metadata API write answered with `success: true` that changes nothing. */
  ignoreWrite?: boolean;
}

const WRITE_CALLS = new Set(['createMetadata', 'updateMetadata', 'upsertMetadata']);

export class Faults {
  private failures: Aimed<ServerFault>[] = [];
  private resets: Aimed<{ after: boolean }>[] = [];
  private delays: Aimed<number>[] = [];
  /** The next N answers: headers and part of the body, then the socket closes (`truncate`), or nothing at all (`hold`). */
  private broken: Aimed<'truncate' | 'hold'>[] = [];
  private refusals: Aimed<{ statusCode: string; message: string }>[] = [];
  private ignored: Aimed<true>[] = [];
  /** Every request waits this long (ms), on top of any one-off delay. */
  latency = 0;

  failNext(count: number, status = 503, when?: FaultMatch, error?: { errorCode: string; message: string }): void {
    for (let i = 0; i < count; i++) this.failures.push({ fault: error ? { status, ...error } : serverFault(status), when });
  }

  /** `after`: a Metadata API call is carried out first, and only its answer is lost. */
  resetNext(count: number, when?: FaultMatch, options: { after?: boolean } = {}): void {
    for (let i = 0; i < count; i++) this.resets.push({ fault: { after: options.after === true }, when });
  }

  truncateNext(count: number, when?: FaultMatch): void {
    for (let i = 0; i < count; i++) this.broken.push({ fault: 'truncate', when });
  }

  holdNext(count: number, when?: FaultMatch): void {
    for (let i = 0; i < count; i++) this.broken.push({ fault: 'hold', when });
  }

  delayNext(count: number, ms: number, when?: FaultMatch): void {
    for (let i = 0; i < count; i++) this.delays.push({ fault: ms, when });
  }

  /** The next N Metadata API writes (matching `when`) are refused per component, as an org's validation refuses one. */
  refuseWriteNext(count: number, error: { statusCode: string; message: string }, when?: FaultMatch): void {
    for (let i = 0; i < count; i++) this.refusals.push({ fault: error, when });
  }

  /** The next N Metadata API writes (matching `when`) report success and change nothing. */
  ignoreWriteNext(count: number, when?: FaultMatch): void {
    for (let i = 0; i < count; i++) this.ignored.push({ fault: true, when });
  }

  clear(): void {
    this.failures = [];
    this.resets = [];
    this.delays = [];
    this.broken = [];
    this.refusals = [];
    this.ignored = [];
    this.latency = 0;
  }

  /** What to do with the request that just arrived. */
  take(request: RequestFacts = { method: 'GET', path: '/' }): TakenFaults {
    const delayMs = this.latency + (shift(this.delays, request) ?? 0);
    const reset = shift(this.resets, request);
    if (reset && !(reset.after && request.call)) return { delayMs, reset: true };
    if (reset) return { delayMs, reset: false, resetAfter: true, ...this.takeWriteFaults(request) };
    const broken = shift(this.broken, request);
    if (broken) return { delayMs, reset: false, broken };
    const failure = shift(this.failures, request);
    if (failure) return { delayMs, reset: false, failure };
    return { delayMs, reset: false, ...this.takeWriteFaults(request) };
  }

  private takeWriteFaults(request: RequestFacts): Pick<TakenFaults, 'refusal' | 'ignoreWrite'> {
    if (!request.call || !WRITE_CALLS.has(request.call)) return {};
    const refusal = shift(this.refusals, request);
    if (refusal) return { refusal };
    return shift(this.ignored, request) ? { ignoreWrite: true } : {};
  }
}

function matches(when: FaultMatch | undefined, request: RequestFacts): boolean {
  if (!when) return true;
  if (when.method !== undefined && when.method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (when.path !== undefined && !request.path.startsWith(when.path)) return false;
  return when.call === undefined || when.call === request.call;
}

/** Removes and returns the first fault aimed at this request. */
function shift<T>(queue: Aimed<T>[], request: RequestFacts): T | undefined {
  const index = queue.findIndex((entry) => matches(entry.when, request));
  if (index === -1) return undefined;
  return queue.splice(index, 1)[0].fault;
}

function serverFault(status: number): ServerFault {
  if (status === 503) return { status, errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable. Please try again later.' };
  return {
    status,
    errorCode: 'UNKNOWN_EXCEPTION',
    message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1918245372-12345 (-1234567890)',
  };
}
