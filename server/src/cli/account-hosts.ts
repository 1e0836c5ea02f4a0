// The accounts a CLI command may call, from the environment, after the host rule
// (accounts/bound-hosts.ts): refused with a usage error when hslist.json names another host than
// the credentials were given for; otherwise the command says on stderr which host it calls.

import { checkAccountHosts, checkHubSpotHost, type ConfiguredHosts } from '../accounts/bound-hosts';
import type { AccountSettings, HubSpotSettings } from '../accounts/settings';
import { CONFIG_FILE } from '../config/workspace-config';
import { UsageError } from './args';
import type { CliIo } from './context';

/** Both accounts may be called: prints one line per account ("HubSpot: api.hubapi.com"), or throws. */
export function announceAccountHosts(settings: AccountSettings, configured: ConfiguredHosts, io: CliIo): void {
  const { lines, problems } = checkAccountHosts(settings, configured, CONFIG_FILE);
  if (problems.length > 0) throw new UsageError(problems.join(' '));
  for (const line of lines) io.err(`${line}\n`);
}

/** The HubSpot account may be called: the line to print before its first call, or throws. */
export function hubSpotHostLine(hubspot: HubSpotSettings, configured: ConfiguredHosts): string {
  const check = checkHubSpotHost(hubspot, configured, CONFIG_FILE);
  if ('problem' in check) throw new UsageError(check.problem);
  return check.line;
}
