// Polls `read` until it gives a value (tests wait on state, never on a fixed sleep).
export async function until<T>(read: () => Promise<T | undefined> | T | undefined, what: string, ms = 15000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
