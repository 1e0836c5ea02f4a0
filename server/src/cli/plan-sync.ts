// `hslist plan|apply --properties`: the contact property changes the sync block's mappings need, read
// against the portal's properties and the pulled Salesforce schema, added to the plan.

import { planPropertyChanges } from '../publish/sync-properties';
import type { Planned } from '../publish/session';
import { syncSettingsOf } from '../sync/settings';
import type { PublishCli } from './publish-context';

export async function addPropertyPlan(planned: Planned, cli: PublishCli): Promise<void> {
  const sync = cli.run.analysis.syncBlocks[0];
  if (!sync) {
    planned.plan.notes.push('--properties: the workspace has no sync block, so no mapping needs a property');
    return;
  }
  const portal = await cli.account.getProperties('contacts');
  planned.plan.properties = planPropertyChanges(syncSettingsOf(sync.node), portal, cli.ctx.salesforceSchema);
}
