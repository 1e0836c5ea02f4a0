// Credentials stored by hslist 0.1 carry no host. The safe reading, applied once at activation:
//  - the HubSpot token (`hslist.hubspot.token`) is bound to HubSpot's own API, https://api.hubapi.com:
//    a HubSpot token sent to HubSpot reaches the one party that issued it, whichever host it was used
//    with before. Whoever used it with a proxy or an emulator connects again for that host. A sandbox
//    test token is not bound to HubSpot: it is dropped (connect it again for the sandbox's URL);
//  - the Salesforce session (`hslist.salesforce.session`) was stored with the instance URL typed or
//    confirmed when connecting: it is bound to that instance. One without a usable URL is dropped.
// The old entries are deleted either way, so nothing is left that is not bound to a host.

import type * as vscode from 'vscode';
import { displayHost, HUBSPOT_API_URL, parseServiceUrl } from '../../server/src/accounts/hosts';
import { sandboxTokenProblem } from '../../server/src/accounts/sandbox-tokens';
import type { CredentialStore } from './credential-store';

export const LEGACY_HUBSPOT_KEY = 'hslist.hubspot.token';
export const LEGACY_SALESFORCE_KEY = 'hslist.salesforce.session';

async function migrateHubSpot(secrets: vscode.SecretStorage, store: CredentialStore): Promise<string | undefined> {
  const token = (await secrets.get(LEGACY_HUBSPOT_KEY))?.trim();
  if (token === undefined) return undefined;
  await secrets.delete(LEGACY_HUBSPOT_KEY);
  if (token === '') return undefined;
  if (sandboxTokenProblem(token, HUBSPOT_API_URL)) return 'the HubSpot sandbox token stored by an earlier version had no host: removed (connect it again for the sandbox URL)';
  // A credential connected for HubSpot's API since then wins over the unbound one.
  if (await store.forHost(HUBSPOT_API_URL)) return 'the HubSpot token stored by an earlier version was removed: one is connected for api.hubapi.com already';
  await store.store(HUBSPOT_API_URL, token);
  return `the HubSpot token stored by an earlier version is now bound to ${displayHost(HUBSPOT_API_URL)} (connect again for any other host)`;
}

function sessionOf(raw: string): { instanceUrl: string; accessToken: string } | undefined {
  try {
    const value = JSON.parse(raw) as { instanceUrl?: unknown; accessToken?: unknown };
    if (typeof value.instanceUrl === 'string' && typeof value.accessToken === 'string' && value.accessToken.trim() !== '') {
      return { instanceUrl: value.instanceUrl, accessToken: value.accessToken };
    }
  } catch {
    // Damaged: dropped below.
  }
  return undefined;
}

async function migrateSalesforce(secrets: vscode.SecretStorage, store: CredentialStore): Promise<string | undefined> {
  const raw = await secrets.get(LEGACY_SALESFORCE_KEY);
  if (raw === undefined) return undefined;
  await secrets.delete(LEGACY_SALESFORCE_KEY);
  const session = sessionOf(raw);
  const url = session && parseServiceUrl(session.instanceUrl);
  if (!session || !url || 'error' in url || sandboxTokenProblem(session.accessToken, url.url)) {
    return 'the Salesforce session stored by an earlier version had no usable instance URL: removed (run "hslist: Connect Salesforce org" again)';
  }
  if (await store.forHost(url.url)) return `the Salesforce session stored by an earlier version was removed: one is connected for ${displayHost(url.url)} already`;
  await store.store(url.url, session.accessToken);
  return `the Salesforce session stored by an earlier version is bound to ${displayHost(url.url)}, the instance it was connected for`;
}

/** Lines for the log (never a secret): what happened to each unbound credential. */
export async function migrateUnboundCredentials(secrets: vscode.SecretStorage, stores: { hubspot: CredentialStore; salesforce: CredentialStore }): Promise<string[]> {
  const lines = [await migrateHubSpot(secrets, stores.hubspot), await migrateSalesforce(secrets, stores.salesforce)];
  return lines.filter((line): line is string => line !== undefined);
}
