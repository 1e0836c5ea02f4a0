// Runs waits of one to twenty seconds at once (rate-limit windows, retry back-off), while the shorter time
// limits under test stay real: tests of retries need not wait for HubSpot's ten-second window.

export async function withoutLongWaits<T>(work: () => Promise<T>): Promise<T> {
  const real = global.setTimeout;
  global.setTimeout = ((fn: () => void, ms?: number) => real(fn, (ms ?? 0) >= 1000 && (ms ?? 0) <= 20_000 ? 1 : ms)) as typeof setTimeout;
  try {
    return await work();
  } finally {
    global.setTimeout = real;
  }
}
