// The Salesforce side in the preview worker: the workspace's sync block simulated on the loaded contacts
// and Salesforce leads and contacts, either from an export (`hslist.salesforceData` / hslist.json
// `salesforce.records`, read once per file version) or from the connected org (read once per request of
// the language server, through jsforce as `hslist sync-plan --salesforce org` reads it), with the pulled
// Salesforce schema when there is one (else, for the org, its own describe). The same simulator as
// `hslist sync-plan` (server/src/sync/).

import { statSync } from 'node:fs';
import { findSalesforceSchemaDir, loadSalesforceSchema, salesforceSchemaFromJson, type SalesforceSchema } from '../../language/salesforce-schema';
import { connectSalesforce, SalesforceError, type SalesforceOrg } from '../../salesforce';
import { syncDataFacts } from '../../sync/facts';
import { mappedFields, mappingsByObject } from '../../sync/mappings';
import { propertiesNotLoaded, simulationInput } from '../../sync/run';
import type { SalesforceData } from '../../sync/salesforce-data';
import { readSalesforceFiles } from '../../sync/salesforce-file';
import { readSalesforceOrg } from '../../sync/salesforce-org';
import { simulateSync } from '../../sync/simulate';
import { syncSummary, type SyncSummary } from '../../sync/summary';
import type { OrgReadRequest, SimulateRequest } from './worker-messages';
import type { LoadedPreview } from './worker-lists';


let cachedFile: { key: string; data: SalesforceData } | undefined;
let cachedOrg: { key: string; data: SalesforceData; schema: SalesforceSchema } | undefined;
/** The newest org read asked for: an older one that ends later is dropped. */
let wantedOrgKey: string | undefined;

function versionOf(path: string): string {
  try {
    return String(statSync(path).mtimeMs);
  } catch {
    return 'missing';
  }
}

async function fileData(path: string, label: string, fields: string[]): Promise<SalesforceData | { error: string }> {
  const key = `${path}|${versionOf(path)}|${fields.join(',')}`;
  if (cachedFile?.key === key) return cachedFile.data;
  const read = await readSalesforceFiles(path, fields, label);
  if ('error' in read) return read;
  cachedFile = { key, data: read };
  return read;
}

function pulledSchema(root: string, schemaLocation: string | undefined): SalesforceSchema | undefined {
  const dir = findSalesforceSchemaDir(root, schemaLocation);
  return dir ? loadSalesforceSchema(dir).schema : undefined;
}

async function describedSchema(org: SalesforceOrg): Promise<SalesforceSchema> {
  const loaded = salesforceSchemaFromJson({ Lead: await org.describe('Lead'), Contact: await org.describe('Contact') }, org.instanceUrl);
  if (!loaded.schema) throw new SalesforceError(`its describe of Lead and Contact could not be read: ${loaded.problems.map((p) => p.message).join('; ')}`, undefined, undefined);
  return loaded.schema;
}

/** Reads the org; the records are kept for `simulate` requests naming the same key. */
export async function readOrgInWorker(req: OrgReadRequest): Promise<{ records: number } | { error: string }> {
  wantedOrgKey = req.key;
  try {
    const org = await connectSalesforce(req.connection);
    const schema = pulledSchema(req.root, req.schemaLocation) ?? (await describedSchema(org));
    const data = await readSalesforceOrg(org, schema, req.fields);
    if (data.records.length === 0) return { error: `the org at ${data.report.source} holds no lead or contact` };
    if (wantedOrgKey === req.key) cachedOrg = { key: req.key, data, schema };
    return { records: data.records.length };
  } catch (error) {
    if (error instanceof SalesforceError) return { error: error.message };
    throw error;
  }
}

async function recordsFor(req: SimulateRequest, fields: string[]): Promise<{ data: SalesforceData; schema: SalesforceSchema | undefined } | { error: string }> {
  if (req.salesforce.kind === 'org') {
    if (cachedOrg?.key !== req.salesforce.key) return { error: `${req.salesforceLabel} has not been read yet` };
    return { data: cachedOrg.data, schema: cachedOrg.schema };
  }
  const data = await fileData(req.salesforce.path, req.salesforceLabel, fields);
  return 'error' in data ? data : { data, schema: pulledSchema(req.root, req.schemaLocation) };
}

export async function simulateInWorker(at: LoadedPreview, req: SimulateRequest): Promise<{ summary: SyncSummary } | { error: string }> {
  const mappings = mappingsByObject(req.settings, at.schema, undefined);
  // Contact data loaded before the sync block's properties were asked for: figures now would be wrong.
  const missing = propertiesNotLoaded(mappings, at.store.columns);
  if (missing.length > 0) return { error: `${req.contactsLabel} does not hold ${missing.join(', ')} (properties the sync block maps), so there are no figures for it yet` };
  const records = await recordsFor(req, mappedFields(mappings));
  if ('error' in records) return records;
  const workspace = { schema: at.schema, lists: req.scope.lists, defaultTimezone: at.defaultTimezone, root: req.root, members: req.scope.members };
  const input = simulationInput({ workspace, settings: req.settings, data: at.data, salesforce: records.data, salesforceSchema: records.schema, now: req.scope.now, sampleSize: req.sampleSize });
  if ('error' in input) return input;
  const sim = simulateSync(input);
  const source = `${req.contactsLabel} with Salesforce ${req.salesforceLabel}`;
  return { summary: syncSummary(sim, req.settings.inclusionList, source, syncDataFacts(sim, input.contacts, source)) };
}
