// CRM Exports v3 (HubSpot's public spec CRM/Exports/Rollouts/95922/v3/exports.json): start an export, its
// task's status, the export's details. The emulator exports contact views as CSV only, unfiltered, and
// says so for anything else rather than answer with a file that is not what was asked.

import type { PropertyDef } from '../../language/schema-types';
import { asJson, type Json } from './evaluate-types';
import { hubspotError, notFound, ok, route, validationError, type Route, type RouteResult } from './http-kit';
import type { ExportStore, ExportStart } from './exports';
import type { EmulatorState } from './state';

const BOOLEANS = ['includeLabeledAssociations', 'includePrimaryDisplayPropertyForAssociatedObjects', 'overrideAssociatedObjectsPerDefinitionPerRowLimit'];
const CONTACT_TYPES = new Set(['contact', 'contacts', '0-1']);

export function exportsRoutes(state: EmulatorState, exports: ExportStore): Route[] {
  return [
    route('POST', '/crm/v3/exports/export/async', (r) => startExport(state, exports, asJson(r.body))),
    route('GET', '/crm/v3/exports/export/async/tasks/:taskId/status', (r) => {
      const status = exports.status(r.params.taskId);
      return status ? ok(status) : notFound(`No export task ${r.params.taskId}.`);
    }),
    route('GET', '/crm/v3/exports/export/:exportId', (r) => {
      const details = exports.details(r.params.exportId);
      return details ? ok(details) : notFound(`No export ${r.params.exportId}.`);
    }),
  ];
}

function startExport(state: EmulatorState, exports: ExportStore, body: Json): RouteResult {
  const defs = new Map(state.schema.contacts.map((d) => [d.name, d] as [string, PropertyDef]));
  const request = exportRequest(body, defs);
  if (typeof request === 'string') return validationError(request);
  const started = exports.start(request, defs);
  // HubSpot's answer past its 30 exports a day is not documented: a 429 that is not retried (DAILY) is the emulator's choice.
  if ('limit' in started) return hubspotError(429, 'RATE_LIMITS', `You have reached the limit of ${started.limit} exports in a rolling 24 hours.`, { policyName: 'DAILY' });
  return ok({ id: started.id, links: {} }, 202);
}

/** The export the body asks for, or what is wrong with it (the spec's required fields, and what the emulator can do). */
function exportRequest(body: Json, defs: ReadonlyMap<string, PropertyDef>): ExportStart | string {
  const missing = ['exportType', 'exportName', 'format', 'language', 'objectType', 'objectProperties', 'exportInternalValuesOptions', 'associatedObjectType', ...BOOLEANS].filter((f) => body[f] === undefined);
  if (missing.length > 0) return `Missing required fields: ${missing.join(', ')}.`;
  if (body.exportType !== 'VIEW') return `exportType ${JSON.stringify(body.exportType)}: the emulator exports views (VIEW) only.`;
  if (body.format !== 'CSV') return `format ${JSON.stringify(body.format)}: the emulator writes CSV only.`;
  if (!CONTACT_TYPES.has(String(body.objectType).toLowerCase())) return `objectType ${JSON.stringify(body.objectType)}: the emulator exports contacts (CONTACT) only.`;
  if (body.publicCrmSearchRequest !== undefined) return 'publicCrmSearchRequest: the emulator exports every contact, unfiltered.';
  const properties = body.objectProperties;
  if (!Array.isArray(properties) || properties.length === 0 || !properties.every((p) => typeof p === 'string')) return 'objectProperties must be a non-empty array of property names.';
  const unknown = properties.filter((p) => !defs.has(p as string));
  if (unknown.length > 0) return `Unknown contact properties: ${unknown.join(', ')}.`;
  const options = body.exportInternalValuesOptions;
  if (!Array.isArray(options) || !options.every((o) => o === 'NAMES' || o === 'VALUES')) return 'exportInternalValuesOptions must be an array of NAMES and VALUES.';
  if (typeof body.exportName !== 'string' || body.exportName === '') return 'exportName must be a non-empty string.';
  return { name: body.exportName, properties: properties as string[], format: { names: options.includes('NAMES'), values: options.includes('VALUES') } };
}
