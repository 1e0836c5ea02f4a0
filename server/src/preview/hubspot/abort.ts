// Cancellation for the live source: checked between requests, and an in-flight request is abandoned
// (its answer ignored) as soon as the signal fires, so Ctrl-C never waits for a slow page.

export class PreviewCancelled extends Error {
  constructor() {
    super('the preview was cancelled');
    this.name = 'PreviewCancelled';
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PreviewCancelled();
}

/** The work's result, or PreviewCancelled as soon as the signal fires. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new PreviewCancelled());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new PreviewCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
