// The HubSpot emulator of `bench:fetch`, in a process of its own (forked by bench/fetch.ts): the
// bench's memory figure is then the fetching process's alone, not the portal's too. It reports its
// URL once listening, and on request a summary of the requests it answered; it never sends the log
// itself (at 1M contacts that is tens of thousands of entries with bodies); with `timeline` it writes
// when each request arrived to that file (`bench:fetch --timeline FILE`). With `latencyMs` every answer
// waits that long, as a real HubSpot's take a few hundred milliseconds.

import { writeFileSync } from 'node:fs';
import { startHubSpotEmulator } from '../server/src/sandbox/hubspot/server';

export type ToEmulator = { kind: 'start'; seed: number; contacts: number; token: string; tenSecondMax: number; latencyMs?: number } | { kind: 'clear' } | { kind: 'report'; timeline?: string } | { kind: 'stop' };
export type FromEmulator =
  | { kind: 'listening'; url: string; generatedMs: number; contacts: number }
  | { kind: 'report'; requests: number; status429: number; byKind: Array<[string, number]>; rssMb: number; downloads: number; lastAt: number | undefined; busiestWindows: number[] }
  | { kind: 'failed'; message: string };

function reply(message: FromEmulator): void {
  process.send!(message);
}

async function run(): Promise<void> {
  let emulator: Awaited<ReturnType<typeof startHubSpotEmulator>> | undefined;
  process.on('message', (message: ToEmulator) => {
    void handle(message).catch((error: unknown) => reply({ kind: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) }));
  });
  async function handle(message: ToEmulator): Promise<void> {
    if (message.kind === 'start') {
      const started = Date.now();
      emulator = await startHubSpotEmulator({ seed: message.seed, contacts: message.contacts, tokens: [message.token], rateLimits: { tenSecondMax: message.tenSecondMax }, latencyMs: message.latencyMs });
      reply({ kind: 'listening', url: emulator.url, generatedMs: Date.now() - started, contacts: emulator.state.contacts.size });
    } else if (message.kind === 'clear') {
      emulator!.requests.length = 0;
      emulator!.files.requests.length = 0;
    } else if (message.kind === 'report') {
      const requests = emulator!.requests;
      const byKind = new Map<string, number>();
      for (const r of requests) {
        const kind = kindOf(r);
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      }
      const times = requests.map((r) => Date.parse(r.at));
      if (message.timeline) writeTimeline(message.timeline, requests, times);
      reply({
        kind: 'report', requests: requests.length, status429: requests.filter((r) => r.status === 429).length, byKind: [...byKind], rssMb: process.memoryUsage().rss / 1e6, downloads: emulator!.files.requests.length,
        lastAt: times.length > 0 ? Math.max(...times.slice(-1000)) : undefined, busiestWindows: perWindow(times),
      });
    } else {
      await emulator?.stop();
      process.exit(0);
    }
  }
}

/** A request's method and path with its ids as `{id}`: what the report counts by. */
function kindOf(r: { method: string; path: string }): string {
  return `${r.method} ${r.path.replace(/\/(\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=\/|$)/g, '/{id}')}`;
}

/** `--timeline`: each request on a line, in the order they arrived: ms after the first, status, kind. */
function writeTimeline(path: string, requests: { method: string; path: string; status?: number | string }[], times: number[]): void {
  writeFileSync(path, requests.map((r, i) => `${times[i] - times[0]} ${r.status ?? '-'} ${kindOf(r)}`).join('\n') + '\n');
}

/** Requests that arrived in each ten seconds from the first: where a fetch left the limit idle. */
function perWindow(times: number[]): number[] {
  if (times.length === 0) return [];
  const first = Math.min(...times.slice(0, 1000));
  const counts: number[] = [];
  for (const t of times) {
    const w = Math.floor((t - first) / 10_000);
    counts[w] = (counts[w] ?? 0) + 1;
  }
  return Array.from(counts, (n) => n ?? 0);
}

if (!process.send) {
  console.error('bench/fetch-emulator.ts is forked by bench/fetch.ts, not run on its own');
  process.exit(2);
}
void run();
