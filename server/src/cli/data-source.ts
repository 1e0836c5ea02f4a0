// Which contact data a command reads: `--data PATH|hubspot`, else hslist.json's `contacts`. Shared by
// `hslist preview` and `hslist sync-plan` (and the checks that need data), so both read it alike.

import { resolve } from 'node:path';
import type { SettingsFromEnv } from '../accounts';
import type { DataSource } from '../preview/run';
import { UsageError } from './args';
import type { PreviewFlags } from './preview-flags';
import { display } from './workspace-run';

/** The contact data `--data PATH|hubspot` (else hslist.json's `contacts`) names; `sync-plan` reads it the same way. */
export function dataSource(flags: Pick<PreviewFlags, 'data'>, config: { contacts?: string; liveContacts?: boolean; hubspotApiVersion?: string }, env: SettingsFromEnv, cwd: string): DataSource {
  const configured = config.contacts;
  if (flags.data === 'hubspot' || (flags.data === undefined && config.liveContacts)) {
    const { settings, problems } = env;
    if (problems.length > 0) throw new UsageError(problems.join(' '));
    if (!settings.hubspot) throw new UsageError(`${flags.data === 'hubspot' ? '--data hubspot' : '"contacts": "hubspot" in hslist.json'} needs a HubSpot account: set HSLIST_HUBSPOT_TOKEN (and HSLIST_HUBSPOT_BASE_URL for another API base).`);
    const { accessToken, baseUrl, apiVersion, timeoutMs } = settings.hubspot;
    return { kind: 'hubspot', connection: { accessToken, basePath: baseUrl, apiVersion: apiVersion ?? config.hubspotApiVersion, timeoutMs } };
  }
  const path = flags.data !== undefined ? resolve(cwd, flags.data) : configured;
  if (!path) throw new UsageError('no contact data: pass --data PATH (a HubSpot export CSV, JSON or NDJSON) or --data hubspot, or set "contacts" in hslist.json.');
  return { kind: 'file', path, label: display(cwd, path) };
}
