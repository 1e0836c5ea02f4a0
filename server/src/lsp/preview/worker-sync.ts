// The Salesforce side in the preview worker: the workspace's sync block simulated on the loaded contacts
// and a Salesforce export (`hslist.salesforceData` / hslist.json `salesforceData`), read once per file
// version and kept here, with the pulled Salesforce schema when there is one. The same simulator as
// `hslist sync-plan` (server/src/sync/).

import { statSync } from 'node:fs';
import { findSalesforceSchemaDir, loadSalesforceSchema, type SalesforceSchema } from '../../language/salesforce-schema';
import { syncDataFacts } from '../../sync/facts';
import { mappedFields, mappingsByObject } from '../../sync/mappings';
import { simulationInput } from '../../sync/run';
import type { SalesforceData } from '../../sync/salesforce-data';
import { readSalesforceFiles } from '../../sync/salesforce-file';
import { simulateSync } from '../../sync/simulate';
import { syncSummary, type SyncSummary } from '../../sync/summary';
import type { SimulateRequest } from './worker-messages';
import type { LoadedPreview } from './worker-lists';


let cached: { key: string; data: SalesforceData } | undefined;

function versionOf(path: string): string {
  try {
    return String(statSync(path).mtimeMs);
  } catch {
    return 'missing';
  }
}

async function salesforceData(req: SimulateRequest, fields: string[]): Promise<SalesforceData | { error: string }> {
  const key = `${req.salesforcePath}|${versionOf(req.salesforcePath)}|${fields.join(',')}`;
  if (cached?.key === key) return cached.data;
  const read = await readSalesforceFiles(req.salesforcePath, fields, req.salesforceLabel);
  if ('error' in read) return read;
  cached = { key, data: read };
  return read;
}

function salesforceSchema(req: SimulateRequest): SalesforceSchema | undefined {
  const dir = findSalesforceSchemaDir(req.root, req.schemaLocation);
  return dir ? loadSalesforceSchema(dir).schema : undefined;
}

export async function simulateInWorker(at: LoadedPreview, req: SimulateRequest): Promise<{ summary: SyncSummary } | { error: string }> {
  const schema = salesforceSchema(req);
  const records = await salesforceData(req, mappedFields(mappingsByObject(req.settings, at.schema, undefined)));
  if ('error' in records) return records;
  const workspace = { schema: at.schema, lists: req.scope.lists, defaultTimezone: at.defaultTimezone, root: req.root };
  const input = simulationInput({ workspace, settings: req.settings, data: at.data, salesforce: records, salesforceSchema: schema, now: req.scope.now, sampleSize: req.sampleSize });
  if ('error' in input) return input;
  const sim = simulateSync(input);
  const source = `${req.contactsLabel} with Salesforce ${req.salesforceLabel}`;
  return { summary: syncSummary(sim, req.settings.inclusionList, source, syncDataFacts(sim, input.contacts, source)) };
}
