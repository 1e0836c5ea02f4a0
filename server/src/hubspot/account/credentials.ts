// Credentials for the CLI come from the environment only, never from files:
//   HSLIST_HUBSPOT_TOKEN     a private-app token or service key (Bearer token)
//   HSLIST_HUBSPOT_BASE_URL  optional; another API base such as a local emulator (default https://api.hubapi.com)

import type { HubSpotAccountOptions } from './account';

export const TOKEN_VARIABLE = 'HSLIST_HUBSPOT_TOKEN';
export const BASE_URL_VARIABLE = 'HSLIST_HUBSPOT_BASE_URL';

export type CredentialsResult = { ok: true; options: HubSpotAccountOptions } | { ok: false; message: string };

export function hubSpotCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): CredentialsResult {
  const token = env[TOKEN_VARIABLE]?.trim();
  if (!token) {
    return { ok: false, message: `No HubSpot token: set ${TOKEN_VARIABLE} to a private-app token or service key with the crm.lists.read, crm.lists.write and crm.objects.contacts.read scopes.` };
  }
  const basePath = env[BASE_URL_VARIABLE]?.trim();
  if (basePath) {
    try {
      const url = new URL(basePath);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
    } catch {
      return { ok: false, message: `${BASE_URL_VARIABLE} must be an http(s) URL such as https://api.hubapi.com (got "${basePath}").` };
    }
  }
  return { ok: true, options: { accessToken: token, ...(basePath ? { basePath } : {}) } };
}
