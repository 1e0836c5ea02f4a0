// `hslist sandbox`: a seeded local HubSpot portal and Salesforce org to point the extension or the CLI
// at, running until Ctrl-C (SIGINT) or SIGTERM, then stopped cleanly (exit 0).

import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './context';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox';

function wholeNumber(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) throw new UsageError(`--${flag} must be a whole number from 0 to ${max}; got "${value}".`);
  return n;
}

export function sandboxOptions(args: ParsedArgs): SandboxOptions {
  if (args.positionals.length > 0) throw new UsageError(`sandbox takes no paths (got "${args.positionals[0]}").`);
  return {
    hubspotPort: wholeNumber('port-hubspot', args.values.get('port-hubspot'), 65535),
    salesforcePort: wholeNumber('port-salesforce', args.values.get('port-salesforce'), 65535),
    seed: wholeNumber('seed', args.values.get('seed'), 2 ** 31 - 1),
    contacts: wholeNumber('contacts', args.values.get('contacts'), 200_000),
  };
}

/** Relative filters ("created in the last 6 weeks") are judged against today: say the data is of today too. */
export function seededDates(sandbox: Sandbox): string {
  return `dated over the ten years up to today, ${sandbox.dataEnd.toISOString().slice(0, 10)} UTC`;
}

export function sandboxBanner(sandbox: Sandbox): string {
  const { Lead, Contact } = sandbox.salesforce.state.tables;
  return [
    `hslist sandbox: seed ${sandbox.seed}`,
    `  HubSpot portal   ${sandbox.hubspot.url}  (${sandbox.hubspot.state.contacts.size} contacts, ${seededDates(sandbox)})`,
    `  Salesforce org   ${sandbox.salesforce.url}  (${Lead.length} leads, ${Contact.length} contacts, overlapping by email)`,
    '',
    'VS Code settings (settings.json):',
    `  "hslist.hubspot.baseUrl": "${sandbox.hubspot.url}",`,
    `  "hslist.salesforce.instanceUrl": "${sandbox.salesforce.url}"`,
    '',
    'Test tokens for these emulators only (paste them when asked; they are bound to these loopback URLs):',
    `  hslist: Connect HubSpot account   base URL      ${sandbox.hubspot.url}`,
    `                                    token         ${sandbox.hubspotToken}`,
    `  hslist: Connect Salesforce org    instance URL  ${sandbox.salesforce.url}`,
    `                                    access token  ${sandbox.salesforceToken}`,
    '',
    'For the CLI (e.g. `hslist schema pull`):',
    ...Object.entries(sandbox.env).map(([name, value]) => `  export ${name}=${value}`),
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: string): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export async function runSandbox(args: ParsedArgs, io: CliIo, waitForStop: () => Promise<string> = untilSignal): Promise<number> {
  const options = sandboxOptions(args);
  const stopRequested = waitForStop();
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    io.err(`hslist sandbox: could not start the emulators: ${(error as Error).message}\n`);
    return 1;
  }
  io.out(sandboxBanner(sandbox));
  const signal = await stopRequested;
  await sandbox.stop();
  io.err(`hslist sandbox: ${signal} received, emulators stopped.\n`);
  return 0;
}
