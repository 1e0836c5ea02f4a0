// The CLI's rule for hosts. Credentials come from the environment, and each names its own host
// (HSLIST_HUBSPOT_BASE_URL, else HubSpot's own API; HSLIST_SF_INSTANCE_URL or HSLIST_SF_LOGIN_URL).
// A host written in hslist.json is committed with the repository, so it is never a reason to send
// a token anywhere: when it names another host than the credentials', the command refuses instead
// of guessing which one was meant. Each call also gets one line saying where it goes.

import { BASE_URL_VARIABLE, TOKEN_VARIABLE } from '../hubspot/account/credentials';
import { SALESFORCE_ENV } from '../salesforce/env';
import type { SalesforceConnectOptions } from '../salesforce/connect';
import { displayHost, HUBSPOT_API_URL, sameHost } from './hosts';
import { sandboxTokenProblem } from './sandbox-tokens';
import type { AccountSettings, HubSpotSettings } from './settings';

/** The hosts hslist.json names (`hubspot.baseUrl`, `salesforce.instanceUrl`). */
export interface ConfiguredHosts {
  hubspotBaseUrl?: string;
  salesforceInstanceUrl?: string;
}

/** The variables the HubSpot credentials came from, named in messages. */
export interface HubSpotVariables {
  token: string;
  baseUrl: string;
}

export const HUBSPOT_VARIABLES: HubSpotVariables = { token: TOKEN_VARIABLE, baseUrl: BASE_URL_VARIABLE };

/** `line` for stderr before the first call ("HubSpot: api.hubapi.com"), or why the call is refused. */
export type HostCheck = { line: string } | { problem: string };

export function checkHubSpotHost(hubspot: HubSpotSettings, configured: ConfiguredHosts, file: string, variables: HubSpotVariables = HUBSPOT_VARIABLES): HostCheck {
  const target = hubspot.baseUrl ?? HUBSPOT_API_URL;
  const sandbox = sandboxTokenProblem(hubspot.accessToken, target);
  if (sandbox) return { problem: `${variables.token}: ${sandbox} Set ${variables.baseUrl} to it.` };
  const named = configured.hubspotBaseUrl;
  if (named !== undefined && !sameHost(named, target)) {
    const from = hubspot.baseUrl === undefined ? `${variables.baseUrl} is not set, so it is for ${displayHost(target)}` : `it is for ${displayHost(target)} (${variables.baseUrl})`;
    return {
      problem: `${file} names HubSpot at ${displayHost(named)} (hubspot.baseUrl), but the token in ${variables.token} was not given for that host: ${from}. `
        + `The token is not sent to ${displayHost(named)}. Set ${variables.baseUrl} to that host with a token for it, or remove hubspot.baseUrl from ${file}.`,
    };
  }
  return { line: `HubSpot: ${displayHost(target)}` };
}

export function checkSalesforceHost(salesforce: SalesforceConnectOptions, configured: ConfiguredHosts, file: string): HostCheck {
  // The username-password flow logs in at the login URL and then calls the instance the login answers
  // with: hslist.json's instance URL is never used for it, so there is nothing to refuse.
  if (!salesforce.instanceUrl) return { line: `Salesforce: ${displayHost(salesforce.loginUrl ?? '')} (login)` };
  const sandbox = salesforce.accessToken ? sandboxTokenProblem(salesforce.accessToken, salesforce.instanceUrl) : undefined;
  if (sandbox) return { problem: `${SALESFORCE_ENV.accessToken}: ${sandbox} Set ${SALESFORCE_ENV.instanceUrl} to it.` };
  const named = configured.salesforceInstanceUrl;
  if (named !== undefined && !sameHost(named, salesforce.instanceUrl)) {
    return {
      problem: `${file} names the Salesforce org at ${displayHost(named)} (salesforce.instanceUrl), but the session in ${SALESFORCE_ENV.accessToken} is for `
        + `${displayHost(salesforce.instanceUrl)} (${SALESFORCE_ENV.instanceUrl}). The token is not sent to ${displayHost(named)}. `
        + `Set ${SALESFORCE_ENV.instanceUrl} and ${SALESFORCE_ENV.accessToken} for that org, or remove salesforce.instanceUrl from ${file}.`,
    };
  }
  return { line: `Salesforce: ${displayHost(salesforce.instanceUrl)}` };
}

/** Both sides: the lines to print, and the refusals (empty when every configured side may be called). */
export function checkAccountHosts(settings: AccountSettings, configured: ConfiguredHosts, file: string): { lines: string[]; problems: string[] } {
  const checks = [
    settings.hubspot ? checkHubSpotHost(settings.hubspot, configured, file) : undefined,
    settings.salesforce ? checkSalesforceHost(settings.salesforce, configured, file) : undefined,
  ].filter((check): check is HostCheck => check !== undefined);
  return {
    lines: checks.flatMap((check) => ('line' in check ? [check.line] : [])),
    problems: checks.flatMap((check) => ('problem' in check ? [check.problem] : [])),
  };
}
