// CRM Exports (HubSpot's exports guide and its public OpenAPI spec, CRM/Exports/Rollouts/95922/): start an
// export of every contact as CSV, ask how it stands, and read what HubSpot says of the finished export.
// The file itself comes from another host, without the token (export-download.ts).

import { toAccountError } from './errors';
import type { Api } from './api';
import type { ExportDetails, ExportTaskStatus, Json } from './types';

/**
 * A VIEW export of all contacts (no `publicCrmSearchRequest`: no filter), CSV, with internal names as
 * the column headers and internal values in the cells (`exportInternalValuesOptions`: NAMES, VALUES), so
 * the file reads as the API's properties do rather than as labels. The spec requires every field here.
 */
export function contactsExportRequest(properties: string[], exportName: string): Json {
  return {
    exportType: 'VIEW',
    exportName,
    format: 'CSV',
    language: 'EN',
    objectType: 'CONTACT',
    objectProperties: properties,
    associatedObjectType: [],
    exportInternalValuesOptions: ['NAMES', 'VALUES'],
    includeLabeledAssociations: false,
    includePrimaryDisplayPropertyForAssociatedObjects: false,
    overrideAssociatedObjectsPerDefinitionPerRowLimit: false,
  };
}

/** The started export's task id (the spec's TaskLocator `id`). */
export async function startContactsExport(api: Api, properties: string[], exportName: string): Promise<string> {
  const answer = await api.call('POST', api.paths.exportStart(), contactsExportRequest(properties, exportName));
  const id = answer.id;
  if ((typeof id === 'string' && /^\d+$/.test(id)) || (typeof id === 'number' && Number.isSafeInteger(id))) return String(id);
  throw toAccountError(new Error(`HubSpot at ${api.host} started an export without a numeric task "id" (${JSON.stringify(id ?? null)})`), api.host);
}

export async function exportStatus(api: Api, taskId: string): Promise<ExportTaskStatus> {
  const answer = await api.call('GET', api.paths.exportStatus(taskId));
  if (typeof answer.status !== 'string' || answer.status === '') {
    throw toAccountError(new Error(`HubSpot at ${api.host} answered the status of export ${taskId} without a "status"`), api.host);
  }
  const url = typeof answer.result === 'string' && answer.result !== '' ? answer.result : undefined;
  return { status: answer.status, ...(url ? { url } : {}), errors: errorMessages(answer.errors) };
}

export async function exportDetails(api: Api, exportId: string): Promise<ExportDetails> {
  const answer = await api.call('GET', api.paths.exportById(exportId));
  if (typeof answer.exportState !== 'string') {
    throw toAccountError(new Error(`HubSpot at ${api.host} answered export ${exportId} without an "exportState"`), api.host);
  }
  const count = answer.recordCount;
  return { exportState: answer.exportState, ...(typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? { recordCount: count } : {}) };
}

/** The messages of the status's `errors` (StandardError items); anything else is left out. */
function errorMessages(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e: unknown) => (e !== null && typeof e === 'object' && typeof (e as Json).message === 'string' ? [(e as Json).message as string] : []));
}
