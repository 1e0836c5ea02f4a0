// Fault injection, so clients' retry and error paths can be tested: the next N requests fail with a 5xx,
// have their socket destroyed, or are delayed. Faults are consumed in the order requests arrive.

export interface ServerFault {
  status: number;
  errorCode: string;
  message: string;
}

export class Faults {
  private failures: ServerFault[] = [];
  private resets = 0;
  private delays: number[] = [];
  /** Every request waits this long (ms), on top of any one-off delay. */
  latency = 0;

  failNext(count: number, status = 503): void {
    for (let i = 0; i < count; i++) this.failures.push(serverFault(status));
  }

  resetNext(count: number): void {
    this.resets += count;
  }

  delayNext(count: number, ms: number): void {
    for (let i = 0; i < count; i++) this.delays.push(ms);
  }

  clear(): void {
    this.failures = [];
    this.resets = 0;
    this.delays = [];
    this.latency = 0;
  }

  /** What to do with the request that just arrived. */
  take(): { delayMs: number; reset: boolean; failure?: ServerFault } {
    const delayMs = this.latency + (this.delays.shift() ?? 0);
    if (this.resets > 0) {
      this.resets--;
      return { delayMs, reset: true };
    }
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
