// Reads an answer's body with two guards the SDK's fetch lacks: a pause longer than the time limit is an
// error (a server that holds the connection open), and a body that ends short of its Content-Length is
// an error (a connection broken mid-answer; node-fetch 2 otherwise leaves such a body pending forever,
// which let a command print nothing and exit 0).

export interface BodyStream {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  destroy?(error?: Error): unknown;
}

export interface BodyErrors {
  /** Nothing more came for the time limit; `got` bytes had arrived, of `expected` when the answer said. */
  stalled(got: number, expected: number | undefined): Error;
  /** `expected` is the Content-Length, when the answer gave one. */
  truncated(got: number, expected: number | undefined): Error;
}

/** The body's bytes (the caller decodes them: as text for JSON.parse, or read as they are, association-answer.ts). */
export function readBodyBytes(body: BodyStream | null, contentLength: string | null, idleMs: number, signal: AbortSignal | undefined, errors: BodyErrors): Promise<Buffer> {
  if (!body) return Promise.resolve(Buffer.alloc(0));
  const expected = contentLength !== null && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let timer = setTimeout(() => fail(errors.stalled(size, expected)), idleMs);
    const settle = (work: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      work();
    };
    const fail = (error: Error) => settle(() => {
      body.destroy?.();
      reject(error);
    });
    const onAbort = () => fail(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    body.on('data', (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      clearTimeout(timer);
      timer = setTimeout(() => fail(errors.stalled(size, expected)), idleMs);
    });
    const finish = () => {
      if (expected !== undefined && size < expected) fail(errors.truncated(size, expected));
      else settle(() => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    };
    body.on('end', finish);
    // A stream that closes without 'end' was cut off: judged by what arrived.
    body.on('close', () => {
      if (!settled && expected === undefined) fail(errors.truncated(size, undefined));
      else finish();
    });
    body.on('error', (error) => fail(expected !== undefined && size < expected ? errors.truncated(size, expected) : error));
  });
}
