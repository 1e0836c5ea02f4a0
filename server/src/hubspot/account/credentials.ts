// Credentials for the CLI come from the environment only, never from files:
//   HSLIST_HUBSPOT_TOKEN     a private-app token or service key (Bearer token)
//   HSLIST_HUBSPOT_BASE_URL  optional; another API base such as a local emulator (default https://api.hubapi.com)

import type { HubSpotAccountOptions } from './account';
import { isApiVersion } from './paths';

export const TOKEN_VARIABLE = 'HSLIST_HUBSPOT_TOKEN';
export const BASE_URL_VARIABLE = 'HSLIST_HUBSPOT_BASE_URL';

export type CredentialsResult = { ok: true; options: HubSpotAccountOptions } | { ok: false; message: string };

export const API_VERSION_VARIABLE = 'HSLIST_HUBSPOT_API_VERSION';
/** Seconds to wait for an answer (and for each pause in one) before giving up; default 60. */
export const TIMEOUT_VARIABLE = 'HSLIST_HUBSPOT_TIMEOUT_SECONDS';

/** The variables of a publish target: `<prefix>_HUBSPOT_TOKEN`, `<prefix>_HUBSPOT_BASE_URL`. */
export function targetVariables(prefix: string): { token: string; baseUrl: string } {
  return { token: `${prefix}_HUBSPOT_TOKEN`, baseUrl: `${prefix}_HUBSPOT_BASE_URL` };
}

export function hubSpotCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env, variables = { token: TOKEN_VARIABLE, baseUrl: BASE_URL_VARIABLE }): CredentialsResult {
  const token = env[variables.token]?.trim();
  if (!token) {
    return { ok: false, message: `No HubSpot token: set ${variables.token} to a private-app token or service key with the crm.lists.read, crm.lists.write and crm.objects.contacts.read scopes.` };
  }
  const basePath = env[variables.baseUrl]?.trim();
  if (basePath) {
    try {
      const url = new URL(basePath);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
    } catch {
      return { ok: false, message: `${variables.baseUrl} must be an http(s) URL such as https://api.hubapi.com (got "${basePath}").` };
    }
  }
  const apiVersion = env[API_VERSION_VARIABLE]?.trim();
  if (apiVersion && !isApiVersion(apiVersion)) return { ok: false, message: `${API_VERSION_VARIABLE} must be v3 or a date-based version such as 2026-09 (got "${apiVersion}").` };
  const timeout = env[TIMEOUT_VARIABLE]?.trim();
  const seconds = timeout ? Number(timeout) : undefined;
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600)) return { ok: false, message: `${TIMEOUT_VARIABLE} must be a number of seconds from 1 to 3600 (got "${timeout}").` };
  return { ok: true, options: { accessToken: token, ...(basePath ? { basePath } : {}), ...(apiVersion ? { apiVersion } : {}), ...(seconds ? { timeoutMs: seconds * 1000 } : {}) } };
}
