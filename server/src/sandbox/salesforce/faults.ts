// Fault injection, so clients' retry and error paths can be tested: the next N requests fail with a 5xx,
// have their socket destroyed, are delayed, are cut short mid-body, or are never answered. Faults are consumed in the order requests arrive.

export interface ServerFault {
  status: number;
  errorCode: string;
  message: string;
}

export class Faults {
  private failures: ServerFault[] = [];
  private resets = 0;
  private delays: number[] = [];
  /** The next N answers: headers and part of the body, then the socket closes (`truncate`), or nothing at all (`hold`). */
  private broken: ('truncate' | 'hold')[] = [];
  /** Every request waits this long (ms), on top of any one-off delay. */
  latency = 0;

  failNext(count: number, status = 503): void {
    for (let i = 0; i < count; i++) this.failures.push(serverFault(status));
  }

  resetNext(count: number): void {
    this.resets += count;
  }

  truncateNext(count: number): void {
    for (let i = 0; i < count; i++) this.broken.push('truncate');
  }

  holdNext(count: number): void {
    for (let i = 0; i < count; i++) this.broken.push('hold');
  }

  delayNext(count: number, ms: number): void {
    for (let i = 0; i < count; i++) this.delays.push(ms);
  }

  clear(): void {
    this.failures = [];
    this.resets = 0;
    this.delays = [];
    this.broken = [];
    this.latency = 0;
  }

  /** What to do with the request that just arrived. */
  take(): { delayMs: number; reset: boolean; failure?: ServerFault; broken?: 'truncate' | 'hold' } {
    const delayMs = this.latency + (this.delays.shift() ?? 0);
    if (this.resets > 0) {
      this.resets--;
      return { delayMs, reset: true };
    }
    const broken = this.broken.shift();
    if (broken) return { delayMs, reset: false, broken };
    return { delayMs, reset: false, failure: this.failures.shift() };
  }
}

function serverFault(status: number): ServerFault {
  if (status === 503) return { status, errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable. Please try again later.' };
  return {
    status,
    errorCode: 'UNKNOWN_EXCEPTION',
    message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1918245372-12345 (-1234567890)',
  };
}
