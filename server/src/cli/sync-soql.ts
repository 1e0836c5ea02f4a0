// The inclusion list as SOQL for Salesforce admins, in `hslist sync-plan`: per object, the WHERE (when every
// property is mapped), how many records the simulator finds in the list as HubSpot would see them, and, when
// the records came from the org, the same count asked of Salesforce through jsforce.

import { findList } from '../preview/run';
import { planForList } from '../preview/run-plan';
import { SalesforceError } from '../salesforce';
import { prepare } from '../sync/context';
import { listSoql, recordsMatching } from '../sync/soql-where';
import type { SalesforceObject } from '../sync/settings';
import type { SyncRun } from './sync-run';

export interface SoqlLine {
  object: SalesforceObject;
  query?: string;
  error?: string;
  /** Records the simulator judges in the list. */
  simulated?: number;
  /** COUNT() of the query in the org; `countError` when asking failed. */
  counted?: number;
  countError?: string;
}

export async function inclusionSoql(sync: SyncRun, now: number): Promise<SoqlLine[]> {
  const name = sync.settings.inclusionList;
  const list = name === undefined ? undefined : findList(sync.workspace, name);
  if (!list) return [];
  const ctx = prepare(sync.input);
  const plan = planForList(list, sync.workspace, now);
  const lines: SoqlLine[] = [];
  for (const object of ['Lead', 'Contact'] as const) {
    const soql = listSoql(ctx, plan, object);
    if (!soql.condition) {
      lines.push({ object, error: soql.error });
      continue;
    }
    const line: SoqlLine = { object, query: soql.query, simulated: recordsMatching(ctx, object) };
    if (sync.salesforce.org) {
      try {
        line.counted = await sync.salesforce.org.countWhere(object, soql.condition);
      } catch (error) {
        if (!(error instanceof SalesforceError)) throw error;
        line.countError = error.message;
      }
    }
    lines.push(line);
  }
  return lines;
}
