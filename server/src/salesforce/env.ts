// CLI credentials from the environment (never from files):
//   HSLIST_SF_INSTANCE_URL + HSLIST_SF_ACCESS_TOKEN                       an existing session, or
//   HSLIST_SF_LOGIN_URL, HSLIST_SF_CLIENT_ID, HSLIST_SF_CLIENT_SECRET,
//   HSLIST_SF_USERNAME, HSLIST_SF_PASSWORD (password + security token)    the OAuth2 username-password flow.
// Optional: HSLIST_SF_API_VERSION (default 62.0).

import type { SalesforceConnectOptions } from './connect';

export const SALESFORCE_ENV = {
  instanceUrl: 'HSLIST_SF_INSTANCE_URL',
  accessToken: 'HSLIST_SF_ACCESS_TOKEN',
  loginUrl: 'HSLIST_SF_LOGIN_URL',
  clientId: 'HSLIST_SF_CLIENT_ID',
  clientSecret: 'HSLIST_SF_CLIENT_SECRET',
  username: 'HSLIST_SF_USERNAME',
  password: 'HSLIST_SF_PASSWORD',
  version: 'HSLIST_SF_API_VERSION',
  timeout: 'HSLIST_SF_TIMEOUT_SECONDS',
} as const;

const PASSWORD_FLOW = ['loginUrl', 'clientId', 'clientSecret', 'username', 'password'] as const;

/** Connection options, or one sentence naming the variables still missing. */
export function salesforceOptionsFromEnv(env: Record<string, string | undefined>): SalesforceConnectOptions | { error: string } {
  const read = (key: keyof typeof SALESFORCE_ENV): string | undefined => {
    const value = env[SALESFORCE_ENV[key]]?.trim();
    return value === '' ? undefined : value;
  };
  const version = read('version');
  const seconds = Number(read('timeout'));
  const timeout = Number.isFinite(seconds) && seconds > 0 && seconds <= 3600 ? { timeoutMs: seconds * 1000 } : {};
  const instanceUrl = read('instanceUrl');
  const accessToken = read('accessToken');
  if (instanceUrl && accessToken) return { instanceUrl, accessToken, version, ...timeout };
  const present = PASSWORD_FLOW.filter((key) => read(key) !== undefined);
  if (present.length === PASSWORD_FLOW.length) {
    return { loginUrl: read('loginUrl'), clientId: read('clientId'), clientSecret: read('clientSecret'), username: read('username'), password: read('password'), version, ...timeout };
  }
  if (instanceUrl || accessToken) {
    return { error: `Salesforce credentials are incomplete: set ${instanceUrl ? SALESFORCE_ENV.accessToken : SALESFORCE_ENV.instanceUrl} as well as ${instanceUrl ? SALESFORCE_ENV.instanceUrl : SALESFORCE_ENV.accessToken}.` };
  }
  if (present.length > 0) {
    const missing = PASSWORD_FLOW.filter((key) => !present.includes(key)).map((key) => SALESFORCE_ENV[key]);
    return { error: `Salesforce credentials are incomplete: set ${missing.join(', ')} for the username-password login.` };
  }
  return { error: `No Salesforce credentials: set ${SALESFORCE_ENV.instanceUrl} and ${SALESFORCE_ENV.accessToken}, or ${PASSWORD_FLOW.map((k) => SALESFORCE_ENV[k]).join(', ')}.` };
}
