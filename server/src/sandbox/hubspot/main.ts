// Standalone: `tsx server/src/sandbox/hubspot/main.ts --port 4010 --seed 7 --contacts 10000 [--token T] [--latency-ms N]`.
// Prints the URL; stops on SIGINT/SIGTERM.

import { startHubSpotEmulator } from './server';
import { DEFAULT_TOKEN } from './auth';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(argument('port') ?? 0);
  const seed = argument('seed');
  const contacts = Number(argument('contacts') ?? 1000);
  const token = argument('token') ?? DEFAULT_TOKEN;
  const latencyMs = Number(argument('latency-ms') ?? 0);
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) throw new Error(`--latency-ms wants a number of milliseconds, not ${argument('latency-ms')}`);
  const emulator = await startHubSpotEmulator({ port, seed: seed === undefined ? undefined : Number(seed), contacts, tokens: [token], latencyMs });
  // The token is the caller's own test token; it is not echoed so logs stay clean.
  process.stdout.write(`HubSpot emulator on ${emulator.url} (${emulator.state.contacts.size} contacts, schema: ${emulator.state.schema.source})\n`);
  const stop = (): void => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the HubSpot emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
