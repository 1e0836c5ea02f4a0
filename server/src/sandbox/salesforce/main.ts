// Standalone emulator: `tsx server/src/sandbox/salesforce/main.ts --port 4567 --seed 7 [--hubspot-count 5000]`.
// Prints the URL and where the fixed development credentials are defined (never the values), then runs until killed.

import { DEFAULT_CLIENT, DEFAULT_USER, startSalesforceEmulator } from './emulator';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} needs a whole number, got "${process.argv[index + 1] ?? ''}".\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const emulator = await startSalesforceEmulator({
    port: flag('port', 0),
    seed: flag('seed', 1),
    org: { hubspotCount: flag('hubspot-count', 5000) },
    accessToken: 'emulator-access-token',
  });
  const { Lead, Contact } = emulator.state.tables;
  process.stdout.write(`Salesforce emulator on ${emulator.url} with ${Lead.length} leads and ${Contact.length} contacts.\n`);
  process.stdout.write(`Log in as ${DEFAULT_USER.username} with client id ${DEFAULT_CLIENT.clientId}; password, security token, client secret and the fixed access token are in docs/emulators.md.\n`);
  const stop = (): void => { void emulator.stop().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
