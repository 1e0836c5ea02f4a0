// `hslist plan|apply --properties` and `--salesforce-fields`: what the sync block's mappings need of the
// portal's contact properties (read against the pulled Salesforce schema) and of the Salesforce org's
// custom fields (read against the org itself, through jsforce, so a second plan after apply sees what apply
// did), added to the plan.

import { openAccounts } from '../accounts/accounts';
import { salesforceSchemaFromJson, type SalesforceSchema } from '../language/salesforce-schema';
import { planPropertyChanges } from '../publish/sync-properties';
import { planSalesforceFieldChanges } from '../publish/salesforce-fields';
import { refineWithDefinitions } from '../publish/salesforce-fields-apply';
import type { Planned } from '../publish/session';
import { SalesforceError, salesforceOptionsFromEnv, type SalesforceOrg } from '../salesforce';
import { syncSettingsOf } from '../sync/settings';
import { announceAccountHosts } from './account-hosts';
import { UsageError } from './args';
import type { CliIo } from './context';
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

/** The org, connected from HSLIST_SF_* (after saying its host), or a usage error naming the variables. */
async function connectOrg(cli: PublishCli, io: CliIo): Promise<SalesforceOrg> {
  const options = salesforceOptionsFromEnv(io.env);
  if ('error' in options) throw new UsageError(`--salesforce-fields changes the Salesforce org, so it needs one: ${options.error.replace(/^No Salesforce credentials: /, '')}`);
  announceAccountHosts({ salesforce: options }, cli.ctx.config, io);
  return openAccounts({ salesforce: options }).salesforce!.connect();
}

async function describedSchema(org: SalesforceOrg): Promise<SalesforceSchema> {
  const loaded = salesforceSchemaFromJson({ Lead: await org.describe('Lead'), Contact: await org.describe('Contact') }, org.instanceUrl);
  if (!loaded.schema) throw new SalesforceError(`the org's describe of Lead and Contact could not be read: ${loaded.problems.map((p) => p.message).join('; ')}`, undefined, undefined);
  return loaded.schema;
}

/**
 * With `--salesforce-fields`: the custom fields and picklist values the mappings need, planned against the
 * org's describe and its field definitions. Returns the org for apply; throws SalesforceError when it fails.
 */
export async function addSalesforceFieldPlan(planned: Planned, cli: PublishCli, io: CliIo): Promise<SalesforceOrg | undefined> {
  const sync = cli.run.analysis.syncBlocks[0];
  if (!sync) {
    planned.plan.notes.push('--salesforce-fields: the workspace has no sync block, so no mapping needs a Salesforce field');
    return undefined;
  }
  const org = await connectOrg(cli, io);
  const schema = await describedSchema(org);
  const portal = await cli.account.getProperties('contacts');
  planned.plan.salesforceFields = await refineWithDefinitions(planSalesforceFieldChanges(syncSettingsOf(sync.node), portal, schema), org);
  return org;
}
