// The Salesforce session for reading the org's leads and contacts in the editor, asked of the client right
// before the org is read: the session lives in the editor's secret storage and only passes through this
// process's memory (never stored on the session, logged or written). The request names the instance the
// workspace asks for (hslist.salesforce.instanceUrl, else hslist.json's salesforce.instanceUrl); a session
// bound to another host is refused here too. Without a named instance the org connected last is meant, as
// the schema refresh does.

import { displayHost, parseServiceUrl, sameHost } from '../../accounts/hosts';
import { SALESFORCE_ENV } from '../../salesforce/env';
import type { SalesforceConnectOptions } from '../../salesforce';
import { otherHostClause, workspaceHosts } from '../account-hosts';
import type { ServerContext } from '../context';
import { AccountMessages, type SalesforceConnectionAnswer, type SalesforceConnectionParams } from './protocol';

export type OrgConnection = { options: SalesforceConnectOptions; /** For messages and cache keys: never the token. */ host: string } | { unavailable: string };

const NO_CLIENT_ANSWER = 'the editor did not hand over a Salesforce session (connect an org with "hslist: Connect Salesforce org")';

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export async function askSalesforceConnection(ctx: ServerContext): Promise<OrgConnection> {
  const wanted = (await workspaceHosts(ctx)).salesforce;
  const target = wanted ? parseServiceUrl(wanted.url) : undefined;
  if (wanted && target && 'error' in target) return { unavailable: `the ${wanted.from} ${target.error}` };
  const params: SalesforceConnectionParams = wanted && target && !('error' in target) ? { url: target.url, from: wanted.from } : {};
  let answer: SalesforceConnectionAnswer | null;
  try {
    answer = await ctx.connection.sendRequest<SalesforceConnectionAnswer | null>(AccountMessages.salesforceConnection, params);
  } catch {
    return { unavailable: NO_CLIENT_ANSWER };
  }
  if (!answer || typeof answer !== 'object') return { unavailable: NO_CLIENT_ANSWER };
  if ('unavailable' in answer) return { unavailable: String(answer.unavailable) };
  if (!isText(answer.accessToken) || !isText(answer.instanceUrl)) return { unavailable: NO_CLIENT_ANSWER };
  const instance = parseServiceUrl(answer.instanceUrl);
  if ('error' in instance) return { unavailable: NO_CLIENT_ANSWER };
  if (wanted && !sameHost(instance.url, wanted.url)) return { unavailable: otherHostClause('Salesforce', instance.url, wanted) };
  return { options: { instanceUrl: instance.url, accessToken: answer.accessToken.trim(), ...timeLimit() }, host: displayHost(instance.url) };
}

/** HSLIST_SF_TIMEOUT_SECONDS of the editor's environment, as the CLI reads it (default: the account layer's). */
function timeLimit(): { timeoutMs?: number } {
  const seconds = Number(process.env[SALESFORCE_ENV.timeout]);
  return Number.isFinite(seconds) && seconds > 0 && seconds <= 3600 ? { timeoutMs: seconds * 1000 } : {};
}
