// A local HubSpot portal and Salesforce org, seeded and overlapping by email, for `hslist sandbox` and
// `npm run demo`. They are part of the product (server/src/sandbox/), bundled into dist/cli.js by esbuild; tests import them from here.
// The tokens are fixed test values for the emulators only, meant to be printed and pasted: not secrets.

import { generatePortal } from './data/hubspot-portal';
import { FALLBACK_COMPANY_PROPERTIES, FALLBACK_CONTACT_PROPERTIES, FALLBACK_DEAL_PROPERTIES, FALLBACK_TICKET_PROPERTIES, type EmulatorSchema } from './data/hubspot-schema';
import { startHubSpotEmulator, type HubSpotEmulator } from './hubspot/server';
import { startSalesforceEmulator, type SalesforceEmulator } from './salesforce/emulator';
import { SANDBOX_TOKEN_PREFIX } from '../accounts/sandbox-tokens';
import { defaultSchema } from '../language/schema';
import type { PropertyDef } from '../language/schema-types';

// The prefix marks them as sandbox tokens, which the client and the CLI send to loopback hosts only.
export const SANDBOX_HUBSPOT_TOKEN = `${SANDBOX_TOKEN_PREFIX}hubspot-token`;
export const SANDBOX_SALESFORCE_TOKEN = `${SANDBOX_TOKEN_PREFIX}salesforce-token`;

export interface SandboxOptions {
  hubspotPort?: number;
  salesforcePort?: number;
  seed?: number;
  contacts?: number;
  hubspotToken?: string;
  salesforceToken?: string;
  /** Epoch ms; default Date.now. Both emulators and the seeded data follow it; tests inject a fixed one. */
  clock?: () => number;
}

export interface Sandbox {
  hubspot: HubSpotEmulator;
  salesforce: SalesforceEmulator;
  hubspotToken: string;
  salesforceToken: string;
  seed: number;
  contacts: number;
  /** The seeded HubSpot data lies before this instant (the start of the sandbox's day, UTC). */
  dataEnd: Date;
  /** The CLI's environment variables pointing at both emulators. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The bundled HubSpot schema plus the generator's custom properties. Passed explicitly because the
 * emulator's own loader finds the schema files by a source-tree path that a bundle does not have.
 */
function emulatorSchema(): EmulatorSchema {
  const bundled = defaultSchema();
  const merge = (own: Map<string, PropertyDef>, extra: PropertyDef[]): PropertyDef[] => [...own.values(), ...extra.filter((p) => !own.has(p.name))];
  return { contacts: merge(bundled.objects.contacts, FALLBACK_CONTACT_PROPERTIES), companies: merge(bundled.objects.companies, FALLBACK_COMPANY_PROPERTIES),
    deals: merge(bundled.objects.deals ?? new Map(), FALLBACK_DEAL_PROPERTIES), tickets: merge(bundled.objects.tickets ?? new Map(), FALLBACK_TICKET_PROPERTIES), source: 'hslist bundled default' };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 7;
  const contacts = options.contacts ?? 1000;
  const hubspotToken = options.hubspotToken ?? SANDBOX_HUBSPOT_TOKEN;
  const salesforceToken = options.salesforceToken ?? SANDBOX_SALESFORCE_TOKEN;
  // Seeded relative to the clock, so relative dates ("created in the last 6 weeks") find contacts today.
  const clock = options.clock ?? Date.now;
  const portal = generatePortal({ seed, contacts, today: new Date(clock()) });
  const emails = [...portal.contacts()].flatMap((c) => (c.properties.email ? [c.properties.email] : []));
  const hubspot = await startHubSpotEmulator({ port: options.hubspotPort ?? 0, portal, tokens: [hubspotToken], schema: emulatorSchema(), clock });
  let salesforce: SalesforceEmulator;
  try {
    salesforce = await startSalesforceEmulator({ port: options.salesforcePort ?? 0, seed, org: { hubspotEmails: emails }, accessToken: salesforceToken, now: () => new Date(clock()) });
  } catch (error) {
    await hubspot.stop();
    throw error;
  }
  const env = {
    HSLIST_HUBSPOT_BASE_URL: hubspot.url,
    HSLIST_HUBSPOT_TOKEN: hubspotToken,
    HSLIST_SF_INSTANCE_URL: salesforce.url,
    HSLIST_SF_ACCESS_TOKEN: salesforceToken,
  };
  const stop = async (): Promise<void> => {
    await Promise.all([hubspot.stop(), salesforce.stop()]);
  };
  return { hubspot, salesforce, hubspotToken, salesforceToken, seed, contacts, dataEnd: portal.dataEnd, env, stop };
}
