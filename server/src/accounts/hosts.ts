// Where a credential may go. A token is bound to the host it was connected for, and "host" means the
// URL's origin: scheme, host name and port, read by the WHATWG URL parser, the same parser Node's
// HTTP clients use to decide where to connect. Comparing origins (never strings) is what makes
// `https://api.hubapi.com@collector.example`, `HTTPS://API.HubAPI.com:443/` or `https://bücher.example`
// mean what the network would make of them. The path is not part of the binding: the same server
// receives the token whatever path follows. Used by the VS Code client, the language server and the CLI.

/** HubSpot's own API: the host a HubSpot credential is bound to unless another is given. */
export const HUBSPOT_API_URL = 'https://api.hubapi.com';

/** Hosts HubSpot serves its API from; another host needs the user's explicit confirmation when connecting. */
export const HUBSPOT_HOST_PATTERNS = ['*.hubapi.com'] as const;

/** Salesforce's own hosts: the orgs' instances (sandboxes included) and the login endpoints. */
export const SALESFORCE_HOST_PATTERNS = ['*.my.salesforce.com', 'login.salesforce.com', 'test.salesforce.com'] as const;

/** A base URL or instance URL that a credential may be bound to. */
export interface ServiceUrl {
  /** The URL to call: the origin plus the path, without trailing slashes. */
  url: string;
  /** What the credential is bound to: `https://api.hubapi.com`, `http://127.0.0.1:4010`. */
  origin: string;
}

/**
 * The URL as a place to send a credential, or why it cannot be one. The messages never repeat the
 * value: a URL with user info may carry a password.
 */
export function parseServiceUrl(value: string): ServiceUrl | { error: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { error: 'is not a URL (expected one such as https://api.hubapi.com)' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'must start with https:// (or http:// for a local emulator)' };
  // `https://api.hubapi.com@collector.example` goes to collector.example: refuse what reads as one host and is another.
  if (url.username !== '' || url.password !== '') return { error: 'must not hold a user name or password before "@" (the host after "@" is where it would go)' };
  if (url.search !== '' || url.hash !== '') return { error: 'must not have a query (?) or a fragment (#)' };
  return { url: url.origin + url.pathname.replace(/\/+$/, ''), origin: url.origin };
}

export function originOf(value: string): string | undefined {
  const parsed = parseServiceUrl(value);
  return 'error' in parsed ? undefined : parsed.origin;
}

/** True when both are valid service URLs of one origin (a URL that is not valid matches nothing). */
export function sameHost(a: string, b: string): boolean {
  const left = originOf(a);
  return left !== undefined && left === originOf(b);
}

/**
 * The host as messages name it: `api.hubapi.com`, or with its scheme when that is not https
 * (`http://127.0.0.1:4010`), so that a credential for one never looks like it is for the other.
 * Punycode stays as the parser gives it, so a look-alike name cannot pass for the real one.
 */
export function displayHost(value: string): string {
  const origin = originOf(value);
  if (origin === undefined) return 'an invalid URL';
  return origin.startsWith('https://') ? origin.slice('https://'.length) : origin;
}

/** "collector.example (setting hslist.hubspot.baseUrl)": a host the workspace asks for and what names it; just the host for the default. */
export function describeWantedHost(wanted: { url: string; from: string }): string {
  return wanted.from === 'default' ? displayHost(wanted.url) : `${displayHost(wanted.url)} (${wanted.from})`;
}

/**
 * True when the URL is https on the default port and its host is the pattern's: `login.salesforce.com`
 * exactly, or for `*.my.salesforce.com` any name of one or more labels under `my.salesforce.com`.
 */
export function hostMatchesPattern(value: string, pattern: string): boolean {
  const parsed = parseServiceUrl(value);
  if ('error' in parsed) return false;
  const url = new URL(parsed.origin);
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname;
  const wanted = pattern.toLowerCase();
  if (!wanted.startsWith('*.')) return host === wanted;
  const suffix = wanted.slice(1);
  const labels = host.slice(0, -suffix.length);
  return host.endsWith(suffix) && labels !== '' && !labels.startsWith('.') && !labels.endsWith('.');
}

export function isHubSpotHost(value: string): boolean {
  return HUBSPOT_HOST_PATTERNS.some((pattern) => hostMatchesPattern(value, pattern));
}

export function isSalesforceHost(value: string): boolean {
  return SALESFORCE_HOST_PATTERNS.some((pattern) => hostMatchesPattern(value, pattern));
}

/** This machine: `localhost`, 127.0.0.0/8 or [::1] (emulators and `hslist sandbox`). */
export function isLoopbackHost(value: string): boolean {
  const origin = originOf(value);
  if (origin === undefined) return false;
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
