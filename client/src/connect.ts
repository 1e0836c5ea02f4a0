// "hslist: Connect HubSpot account" and "hslist: Connect Salesforce org". First the host the
// credential is for (suggested by the workspace or by the notification that offered to connect,
// always shown for the user to confirm or change), then the token in a password box. A host that is
// neither the service's own nor this machine needs an explicit yes: a repository's settings may
// suggest any host. The token goes straight to SecretStorage, bound to that host; nothing here logs it.

import * as vscode from 'vscode';
import {
  displayHost, HUBSPOT_API_URL, isHubSpotHost, isLoopbackHost, isSalesforceHost, parseServiceUrl,
} from '../../server/src/accounts/hosts';
import { sandboxTokenProblem } from '../../server/src/accounts/sandbox-tokens';
import { AccountMessages, type WorkspaceHosts } from '../../server/src/lsp/preview/protocol';
import type { Accounts } from './accounts';
import type { Service } from './connect-offers';
import type { ServerConnection } from './server-connection';

export interface ConnectDeps {
  server: ServerConnection;
  accounts: Accounts;
  output: vscode.OutputChannel;
}

interface ServiceText {
  title: string;
  hostPrompt: string;
  tokenPrompt: (host: string) => string;
  isOwnHost: (url: string) => boolean;
  connected: string;
}

const TEXT: Record<Service, ServiceText> = {
  HubSpot: {
    title: 'Connect HubSpot account',
    hostPrompt: `HubSpot API base URL the token is for, e.g. ${HUBSPOT_API_URL}; the token is sent to this host only`,
    tokenPrompt: (host) => `Private app access token for ${host} (stored in VS Code secret storage, sent only to ${host})`,
    isOwnHost: isHubSpotHost,
    connected: 'HubSpot account connected',
  },
  Salesforce: {
    title: 'Connect Salesforce org',
    hostPrompt: 'Instance URL, e.g. https://mycompany.my.salesforce.com; the token is sent to this host only',
    tokenPrompt: (host) => `Access token for ${host} (stored in VS Code secret storage, sent only to ${host})`,
    isOwnHost: isSalesforceHost,
    connected: 'Salesforce org connected',
  },
};

/** The workspace's hosts (settings over hslist.json); none from an untrusted workspace's files. */
async function workspaceHosts(deps: ConnectDeps): Promise<WorkspaceHosts | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  try {
    return await deps.server.request<WorkspaceHosts>(AccountMessages.hosts, {});
  } catch {
    return undefined;
  }
}

function setting(key: string): string | undefined {
  const value = vscode.workspace.getConfiguration('hslist', vscode.workspace.workspaceFolders?.[0]?.uri).get<string>(key)?.trim();
  return value === '' ? undefined : value;
}

async function suggestion(deps: ConnectDeps, service: Service, given: unknown): Promise<string> {
  if (typeof given === 'string') return given;
  const hosts = await workspaceHosts(deps);
  if (service === 'HubSpot') return hosts?.hubspot.url ?? setting('hubspot.baseUrl') ?? HUBSPOT_API_URL;
  return hosts?.salesforce?.url ?? setting('salesforce.instanceUrl') ?? '';
}

export function validateServiceUrl(value: string): string | undefined {
  const parsed = parseServiceUrl(value);
  return 'error' in parsed ? `The URL ${parsed.error}.` : undefined;
}

async function askHost(service: Service, value: string): Promise<string | undefined> {
  const url = await vscode.window.showInputBox({
    title: `${TEXT[service].title} (1/2)`,
    prompt: TEXT[service].hostPrompt,
    value,
    ignoreFocusOut: true,
    validateInput: validateServiceUrl,
  });
  if (url === undefined) return undefined;
  const parsed = parseServiceUrl(url);
  return 'error' in parsed ? undefined : parsed.url;
}

/** The service's own hosts and this machine pass; any other host needs a yes in a modal dialog. */
async function confirmHost(service: Service, url: string): Promise<boolean> {
  if (TEXT[service].isOwnHost(url) || isLoopbackHost(url)) return true;
  const host = displayHost(url);
  const action = `Connect for ${host}`;
  const choice = await vscode.window.showWarningMessage(`${host} is not one of ${service}'s own hosts.`, {
    modal: true,
    detail: `A ${service} token connected for ${host} is sent to ${host} whenever a workspace asks for that host. Connect only if you run or trust it (a proxy or an emulator).`,
  }, action);
  return choice === action;
}

async function askToken(service: Service, url: string): Promise<string | undefined> {
  const token = await vscode.window.showInputBox({
    title: `${TEXT[service].title} (2/2)`,
    prompt: TEXT[service].tokenPrompt(displayHost(url)),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Enter the access token.' : sandboxTokenProblem(v, url)),
  });
  return token?.trim();
}

/** `given`: a URL to suggest (the "Connect for <host>" notification passes the one the workspace asked for). */
async function connect(deps: ConnectDeps, service: Service, given: unknown): Promise<boolean> {
  const url = await askHost(service, await suggestion(deps, service, given));
  if (url === undefined || !(await confirmHost(service, url))) return false;
  const token = await askToken(service, url);
  if (!token) return false;
  const stored = service === 'HubSpot' ? (await deps.accounts.connectHubSpot(url, token)).url : (await deps.accounts.connectSalesforce(url, token)).instanceUrl;
  const message = `${TEXT[service].connected} for ${displayHost(stored)}`;
  deps.output.appendLine(`[client] ${message}`);
  void vscode.window.showInformationMessage(`hslist: ${message}.`);
  return true;
}

export const connectHubSpot = (deps: ConnectDeps, given?: unknown): Promise<boolean> => connect(deps, 'HubSpot', given);
export const connectSalesforce = (deps: ConnectDeps, given?: unknown): Promise<boolean> => connect(deps, 'Salesforce', given);
