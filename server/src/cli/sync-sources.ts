// Where `hslist sync-plan` reads its two sides: HubSpot contacts exactly as `hslist preview` does (a contact
// export, or the live portal through its cache), and Salesforce leads and contacts from `--salesforce PATH`
// (an export file or folder) or `--salesforce org` (jsforce, HSLIST_SF_* credentials). Each call to an
// account is announced on stderr with its host first; a failure is one sentence naming the source.

import { resolve } from 'node:path';
import { accountSettingsFromEnv, openAccounts } from '../accounts';
import type { WorkspaceConfig } from '../config/workspace-config';
import { HubSpotAccountError } from '../hubspot/account/errors';
import type { SalesforceSchema } from '../language/salesforce-schema';
import { salesforceSchemaFromJson } from '../language/salesforce-schema';
import { PreviewCancelled } from '../preview/hubspot/abort';
import { loadPreviewData, type PreviewData, type PreviewWorkspace } from '../preview/run';
import { SalesforceError, type SalesforceOrg } from '../salesforce';
import type { SalesforceData } from '../sync/salesforce-data';
import { readSalesforceFiles } from '../sync/salesforce-file';
import { readSalesforceOrg } from '../sync/salesforce-org';
import { announceAccountHosts } from './account-hosts';
import { UsageError } from './args';
import type { CliIo } from './context';
import { dataSource } from './data-source';
import { progressReporter } from './preview-progress';
import { display } from './workspace-run';

export class SourceFailed extends Error {}

export async function loadContacts(workspace: PreviewWorkspace, config: WorkspaceConfig, flags: { data?: string; now: number }, extraProperties: string[], io: CliIo, signal: AbortSignal): Promise<PreviewData> {
  const env = accountSettingsFromEnv(io.env);
  const source = dataSource(flags, config, env, io.cwd);
  if (source.kind === 'hubspot') announceAccountHosts({ hubspot: env.settings.hubspot }, config, io);
  const progress = progressReporter(io.err, io.env === process.env && process.stderr.isTTY === true);
  try {
    const loaded = await loadPreviewData(workspace, source, { now: () => flags.now, signal, extraProperties, onProgress: (p) => progress.update(p) });
    if ('error' in loaded) throw new SourceFailed(loaded.error);
    if (loaded.store.size === 0) throw new SourceFailed(`${source.kind === 'file' ? source.label ?? source.path : 'the HubSpot portal'} holds no contacts, so there is nothing to simulate`);
    return loaded;
  } catch (error) {
    if (error instanceof HubSpotAccountError) throw new SourceFailed(error.message);
    throw error;
  } finally {
    progress.done();
  }
}

export interface SalesforceSide {
  data: SalesforceData;
  /** The pulled schema, else the org's own describe when reading the org. */
  schema: SalesforceSchema | undefined;
  /** The org, when the records came from it (to count SOQL there). */
  org?: SalesforceOrg;
}

/** `--salesforce PATH|org`; without it, hslist.json's `salesforce.records`, else the org when HSLIST_SF_* credentials are set. */
export async function loadSalesforce(flag: string | undefined, pulled: SalesforceSchema | undefined, config: WorkspaceConfig, fields: string[], io: CliIo): Promise<SalesforceSide> {
  const env = accountSettingsFromEnv(io.env);
  const chosen = flag ?? config.salesforceRecords;
  const wantsOrg = chosen?.toLowerCase() === 'org' || (chosen === undefined && env.settings.salesforce !== undefined);
  if (!wantsOrg) {
    if (chosen === undefined) throw new UsageError('no Salesforce data: pass --salesforce PATH (an export of leads and contacts: CSV with field API names, JSON or NDJSON, or a folder of them) or --salesforce org with HSLIST_SF_* set, or set "salesforce": {"records": …} in hslist.json.');
    const path = resolve(io.cwd, chosen);
    const read = await readSalesforceFiles(path, fields, display(io.cwd, path));
    if ('error' in read) throw new SourceFailed(read.error);
    return { data: read, schema: pulled };
  }
  if (env.problems.length > 0) throw new UsageError(env.problems.join(' '));
  if (!env.settings.salesforce) throw new UsageError('--salesforce org needs a Salesforce org: set HSLIST_SF_INSTANCE_URL and HSLIST_SF_ACCESS_TOKEN (or the username-password variables).');
  announceAccountHosts({ salesforce: env.settings.salesforce }, config, io);
  try {
    const org = await openAccounts(env.settings).salesforce!.connect();
    const schema = pulled ?? (await describedSchema(org));
    const data = await readSalesforceOrg(org, schema, fields);
    if (data.records.length === 0) throw new SourceFailed(`the Salesforce org at ${data.report.source} holds no lead or contact, so there is nothing to simulate`);
    return { data, schema, org };
  } catch (error) {
    if (error instanceof SalesforceError) throw new SourceFailed(error.message);
    throw error;
  }
}

async function describedSchema(org: { describe(object: string): Promise<unknown>; instanceUrl: string }): Promise<SalesforceSchema> {
  const loaded = salesforceSchemaFromJson({ Lead: await org.describe('Lead'), Contact: await org.describe('Contact') }, org.instanceUrl);
  if (!loaded.schema) throw new SourceFailed(`the org's describe of Lead and Contact could not be read: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.schema;
}

export { PreviewCancelled };
