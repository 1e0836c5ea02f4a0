// Shared setup for contract tests: an emulator on 127.0.0.1 with a fixed clock and a small seeded
// portal, and the real @hubspot/api-client pointed at it. One client configuration for the whole
// process (retries 3, no client-side throttle), because the SDK's decorators are process-wide.

import type { Client } from '@hubspot/api-client';
import { hubSpotClient } from '../../../server/src/hubspot/account/client';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import type { HubSpotAccount } from '../../../server/src/hubspot/account/types';
import { startHubSpotEmulator, type HubSpotEmulator, type HubSpotEmulatorOptions } from '../../../server/src/sandbox/hubspot/server';

export const TOKEN = 'pat-na1-contract-test-0d6f1c2e';
export const FIXED_NOW = Date.parse('2025-06-01T12:00:00Z');

export interface Harness {
  emulator: HubSpotEmulator;
  client: Client;
  account: HubSpotAccount;
  /** Moves the emulator's clock, for processing delays and rate windows. */
  tick(ms: number): void;
}

export async function startHarness(options: HubSpotEmulatorOptions = {}): Promise<Harness> {
  let now = FIXED_NOW;
  const emulator = await startHubSpotEmulator({ seed: 11, contacts: 120, tokens: [TOKEN], clock: () => now, ...options });
  const clientOptions = { accessToken: TOKEN, basePath: emulator.url, numberOfApiCallRetries: 3, throttle: false };
  return {
    emulator,
    client: hubSpotClient(clientOptions),
    account: createHubSpotAccount(clientOptions),
    tick: (ms) => (now += ms),
  };
}

export async function expectRejection(work: Promise<unknown>): Promise<{ code?: number; body?: Record<string, unknown>; message: string; kind?: string; status?: number; stack?: string }> {
  try {
    await work;
  } catch (error) {
    return error as { code?: number; body?: Record<string, unknown>; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A DYNAMIC-list filter: lifecycle stage is lead, or country is Poland. */
export const LEADS_OR_POLAND = {
  filterBranchType: 'OR', filters: [], filterBranches: [
    { filterBranchType: 'AND', filterBranches: [], filters: [
      { filterType: 'PROPERTY', property: 'lifecyclestage', operation: { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['lead'] } }] },
    { filterBranchType: 'AND', filterBranches: [], filters: [
      { filterType: 'PROPERTY', property: 'country', operation: { operationType: 'MULTISTRING', operator: 'IS_EQUAL_TO', values: ['Poland'] } }] },
  ],
};
