// A time limit on one exchange with HubSpot or Salesforce: the work's result, or the error `late()` makes
// when the limit passes first (the late work's own failure is then ignored). With a signal, a cancellation
// ends the wait at once. Every exchange ends in a result or a clear sentence, never in a wait for ever.

export function withinTime<T>(work: Promise<T>, ms: number, signal: AbortSignal | undefined, late: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      finish();
      reject(late());
    }, ms);
    const onAbort = () => {
      finish();
      reject(signal?.reason ?? new Error('aborted'));
    };
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        finish();
        resolve(value);
      },
      (error: unknown) => {
        finish();
        reject(error);
      },
    );
  });
}
