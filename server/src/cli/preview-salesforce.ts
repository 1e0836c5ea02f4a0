// `hslist preview FILE --explain WHO --salesforce PATH|org`: the explained contact's Salesforce side under the
// workspace's sync block (matched record, outcome, rule, field writes), after its list membership. Asked for
// with --salesforce, hslist.json's `salesforce.records`, or given by HSLIST_SF_* credentials; without a sync
// block there is nothing to say.

import { accountSettingsFromEnv } from '../accounts';
import type { PreviewData, PreviewWorkspace } from '../preview/run';
import { explainSync, type SyncExplanation } from '../sync/explain';
import { mappedFields, mappingsByObject } from '../sync/mappings';
import { simulationInput, syncProperties } from '../sync/run';
import { syncSettingsOf, type SyncSettings } from '../sync/settings';
import type { CliIo, CommandContext } from './context';
import { loadSalesforce, SourceFailed } from './sync-sources';
import type { WorkspaceRun } from './workspace-run';

export type SalesforceSideReport = SyncExplanation | { contact: string; error: string };

/** The sync settings when the Salesforce side is wanted for `--explain`, else undefined. */
export function salesforceSideSettings(run: WorkspaceRun, flags: { explain?: string; salesforce?: string }, io: CliIo, config: { salesforceRecords?: string }): SyncSettings | undefined {
  const sync = run.analysis.syncBlocks[0];
  if (flags.explain === undefined || !sync) return undefined;
  if (flags.salesforce === undefined && config.salesforceRecords === undefined && !accountSettingsFromEnv(io.env).settings.salesforce) return undefined;
  return syncSettingsOf(sync.node);
}

/** The contact properties the Salesforce side reads besides the lists'. */
export function salesforceSideProperties(settings: SyncSettings | undefined, ctx: CommandContext): string[] {
  return settings ? syncProperties(mappingsByObject(settings, ctx.schema, undefined)) : [];
}

export async function salesforceSide(settings: SyncSettings, workspace: PreviewWorkspace, data: PreviewData, ctx: CommandContext, flags: { explain?: string; salesforce?: string; now: number }, io: CliIo): Promise<SalesforceSideReport> {
  const who = flags.explain ?? '';
  try {
    const fields = mappedFields(mappingsByObject(settings, ctx.schema, undefined));
    const salesforce = await loadSalesforce(flags.salesforce, ctx.salesforceSchema, ctx.config, fields, io);
    const input = simulationInput({ workspace, settings, data, salesforce: salesforce.data, salesforceSchema: salesforce.schema, now: flags.now });
    if ('error' in input) return { contact: who, error: input.error };
    const explained = explainSync(input, data.store, who);
    return 'error' in explained ? { contact: who, error: explained.error } : explained;
  } catch (error) {
    if (error instanceof SourceFailed) return { contact: who, error: error.message };
    throw error;
  }
}
