// The two accounts' connection settings, from one place: environment variables for the CLI, explicit
// values for the language server (the token from VS Code's secret storage, the URLs from settings).
// Nothing here connects; `openAccounts` (accounts.ts) does.

import { BASE_URL_VARIABLE, TOKEN_VARIABLE, hubSpotCredentialsFromEnv } from '../hubspot/account/credentials';
import { SALESFORCE_ENV, salesforceOptionsFromEnv } from '../salesforce/env';
import type { SalesforceConnectOptions } from '../salesforce/connect';

export interface HubSpotSettings {
  accessToken: string;
  /** Another API base, such as a local emulator; default https://api.hubapi.com. */
  baseUrl?: string;
  /** `v3` or a date-based version such as `2026-09`. */
  apiVersion?: string;
  /** Time limit for each answer, in ms. */
  timeoutMs?: number;
}

export interface AccountSettings {
  hubspot?: HubSpotSettings;
  salesforce?: SalesforceConnectOptions;
}

export interface SettingsFromEnv {
  settings: AccountSettings;
  /** One sentence per side whose variables are set but incomplete or wrong. */
  problems: string[];
}

const SALESFORCE_CREDENTIAL_VARIABLES = Object.entries(SALESFORCE_ENV).filter(([key]) => key !== 'version' && key !== 'timeout').map(([, name]) => name);

/** Which variables configure what, for "set these" messages. */
export const ACCOUNT_VARIABLES = {
  hubspot: [TOKEN_VARIABLE, BASE_URL_VARIABLE],
  salesforce: SALESFORCE_CREDENTIAL_VARIABLES,
} as const;

function isSet(env: NodeJS.ProcessEnv, name: string): boolean {
  return (env[name] ?? '').trim() !== '';
}

/**
 * A side is configured when its credential variables are set; a side with none set is simply absent (not a
 * problem), a side with some set but not all is a problem worded by its account layer.
 */
export function accountSettingsFromEnv(env: NodeJS.ProcessEnv): SettingsFromEnv {
  const settings: AccountSettings = {};
  const problems: string[] = [];
  if (isSet(env, TOKEN_VARIABLE)) {
    const hubspot = hubSpotCredentialsFromEnv(env);
    if (hubspot.ok) {
      const { accessToken, basePath, apiVersion, timeoutMs } = hubspot.options;
      settings.hubspot = { accessToken, baseUrl: basePath, ...(apiVersion ? { apiVersion } : {}), ...(timeoutMs ? { timeoutMs } : {}) };
    }
    else problems.push(hubspot.message);
  }
  if (SALESFORCE_CREDENTIAL_VARIABLES.some((name) => isSet(env, name))) {
    const salesforce = salesforceOptionsFromEnv(env);
    if ('error' in salesforce) problems.push(salesforce.error);
    else settings.salesforce = salesforce;
  }
  return { settings, problems };
}

/** The sentence for "nothing configured": names every variable. */
export function noAccountsMessage(): string {
  return `No account is configured: set ${TOKEN_VARIABLE} (and optionally ${BASE_URL_VARIABLE}) for HubSpot, and/or `
    + `${SALESFORCE_ENV.instanceUrl} + ${SALESFORCE_ENV.accessToken} (or ${SALESFORCE_ENV.loginUrl}, ${SALESFORCE_ENV.clientId}, `
    + `${SALESFORCE_ENV.clientSecret}, ${SALESFORCE_ENV.username}, ${SALESFORCE_ENV.password}) for Salesforce.`;
}
