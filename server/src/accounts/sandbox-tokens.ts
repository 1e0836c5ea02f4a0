// `hslist sandbox` prints fixed test tokens for its local emulators. They are no secret, but a token
// that looks like one should never travel: they are bound to this machine's loopback hosts, and
// connecting one for any other host is refused (VS Code) or is a usage error (CLI).

import { isLoopbackHost } from './hosts';

export const SANDBOX_TOKEN_PREFIX = 'hslist-sandbox-';

export function isSandboxToken(token: string): boolean {
  return token.trim().startsWith(SANDBOX_TOKEN_PREFIX);
}

/** The sentence refusing a sandbox token for a host other than this machine's, or undefined when it may go there. */
export function sandboxTokenProblem(token: string, url: string): string | undefined {
  if (!isSandboxToken(token) || isLoopbackHost(url)) return undefined;
  return 'This is a test token of "hslist sandbox": it only goes to the loopback URL the sandbox printed (http://127.0.0.1:…).';
}
