// Shared set-up for the Salesforce contract tests: emulators with known data, and the default login.

import { createServer } from 'node:net';
import { DEFAULT_CLIENT, DEFAULT_USER, startSalesforceEmulator, type SalesforceEmulator, type SalesforceEmulatorOptions } from '../../../server/src/sandbox/salesforce/emulator';

export const FIXED_TOKEN = 'contract-test-fixed-access-token';
export const USER = DEFAULT_USER;
export const CLIENT = DEFAULT_CLIENT;
export const PASSWORD_WITH_TOKEN = `${DEFAULT_USER.password}${DEFAULT_USER.securityToken ?? ''}`;

/** ~2,700 leads and ~1,800 contacts: enough for queryMore past the 2,000-record batch. */
export function startOrg(options: SalesforceEmulatorOptions = {}): Promise<SalesforceEmulator> {
  return startSalesforceEmulator({ seed: 3, org: { hubspotCount: 6000 }, accessToken: FIXED_TOKEN, ...options });
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
