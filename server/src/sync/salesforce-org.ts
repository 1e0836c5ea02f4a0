// Salesforce leads and contacts read from the org through jsforce (server/src/salesforce/): one SOQL query
// per object for the fields the sync reads, paged with queryMore in batches of 2,000. Fields an object lacks
// are left out of its query (Salesforce would refuse the whole query) and read as no value.

import { buildSelect, type SalesforceOrg } from '../salesforce';
import type { SalesforceSchema } from '../language/salesforce-schema';
import { findSalesforceField } from '../language/salesforce-schema';
import type { SalesforceData, SfRecord } from './salesforce-data';
import { SalesforceReportBuilder, toSfRecord } from './salesforce-rows';
import type { SalesforceObject } from './settings';

const OBJECTS: SalesforceObject[] = ['Lead', 'Contact'];
const BATCH_SIZE = 2000;

export interface OrgProgress {
  object: SalesforceObject;
  loaded: number;
}

/** The SELECT list for one object: identity fields, then every wanted field the object has. */
export function selectFields(schema: SalesforceSchema, object: SalesforceObject, fields: readonly string[]): string[] {
  const identity = object === 'Lead' ? ['Id', 'Email', 'LastModifiedDate', 'IsConverted'] : ['Id', 'Email', 'LastModifiedDate'];
  const seen = new Set(identity.map((f) => f.toLowerCase()));
  const out = [...identity];
  for (const field of fields) {
    const found = findSalesforceField(schema, object, field);
    if (!found || seen.has(found.name.toLowerCase())) continue;
    seen.add(found.name.toLowerCase());
    out.push(found.name);
  }
  return out;
}

export async function readSalesforceOrg(org: SalesforceOrg, schema: SalesforceSchema, fields: readonly string[], options: { batchSize?: number; onProgress?: (p: OrgProgress) => void } = {}): Promise<SalesforceData> {
  const report = new SalesforceReportBuilder(new URL(org.instanceUrl).host);
  const records: SfRecord[] = [];
  const wanted = fields.map((f) => f.toLowerCase());
  for (const object of OBJECTS) {
    const built = buildSelect({ object, fields: selectFields(schema, object, wanted) });
    if ('error' in built) throw new Error(built.error);
    let line = 0;
    for await (const page of org.queryAll(built.soql, { batchSize: options.batchSize ?? BATCH_SIZE })) {
      for (const row of page) {
        line++;
        const record = toSfRecord(row, wanted, object);
        if ('deleted' in record) continue;
        if ('error' in record) report.reject(line, `${object} ${record.error}`);
        else {
          records.push(record);
          report.accept();
        }
      }
      options.onProgress?.({ object, loaded: line });
    }
  }
  return { fields: wanted, records, report: report.finish() };
}
