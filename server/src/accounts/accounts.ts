// Both accounts behind one value. HubSpot's client is made at once (it connects per request); Salesforce
// connects on first use (a username-password login is a request), once, and the connection is reused.

import { createHubSpotAccount } from '../hubspot/account/account';
import type { HubSpotAccount } from '../hubspot/account/types';
import { connectSalesforce, type SalesforceOrg } from '../salesforce/connect';
import type { AccountSettings } from './settings';

export interface SalesforceConnector {
  /** Where it logs in or connects, for messages (never a credential). */
  readonly where: string;
  connect(): Promise<SalesforceOrg>;
}

export interface Accounts {
  hubspot?: HubSpotAccount;
  salesforce?: SalesforceConnector;
}

export interface OpenOptions {
  /** Log lines from the account layers (already redacted). */
  log?: (line: string) => void;
}

export function openAccounts(settings: AccountSettings, options: OpenOptions = {}): Accounts {
  const accounts: Accounts = {};
  if (settings.hubspot) {
    const { accessToken, baseUrl, apiVersion, timeoutMs } = settings.hubspot;
    accounts.hubspot = createHubSpotAccount({ accessToken, basePath: baseUrl, apiVersion, timeoutMs });
  }
  const salesforce = settings.salesforce;
  if (salesforce) {
    let connection: Promise<SalesforceOrg> | undefined;
    accounts.salesforce = {
      where: salesforce.instanceUrl ?? salesforce.loginUrl ?? 'Salesforce',
      connect: () => {
        connection ??= connectSalesforce({ ...salesforce, log: options.log ?? salesforce.log });
        // A failed login is not cached: the next call tries again.
        connection.catch(() => (connection = undefined));
        return connection;
      },
    };
  }
  return accounts;
}
