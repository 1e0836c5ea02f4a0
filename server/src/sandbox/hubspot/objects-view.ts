// How CRM records leave the emulator (HubSpot's CRM objects v3 reference and OpenAPI spec): string values, requested
// properties present (null when empty), history newest first, v3 association blocks.

import type { CrmRecord, PortalContact } from '../data/hubspot-records';
import type { Json } from './evaluate-types';
import type { EmulatorState } from './state';

export type ObjectType = 'contacts' | 'companies';
/** The objects the objects routes serve: searchable contacts and companies, and deals and tickets. */
export type ServedObjectType = ObjectType | 'deals' | 'tickets';

/** What a read without `properties` returns (HubSpot's defaults for each object). */
export const DEFAULT_PROPERTIES: Record<ServedObjectType, string[]> = {
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  deals: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
  tickets: ['content', 'createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_priority', 'subject'],
};

export interface RecordViewOptions {
  properties: string[];
  propertiesWithHistory: string[];
  associations: string[];
}

/** `properties=a,b&properties=c` → [a, b, c]: the SDK repeats the parameter, people write commas. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export function recordView(state: EmulatorState, type: ServedObjectType, record: CrmRecord, options: RecordViewOptions): Json {
  const names = options.properties.length > 0 ? options.properties : DEFAULT_PROPERTIES[type];
  const properties: Record<string, string | null> = {};
  for (const name of new Set([...names, 'hs_object_id', 'createdate', type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate'])) {
    const value = record.properties[name];
    properties[name] = value === undefined || value === '' ? null : value;
  }
  const view: Json = { id: record.id, properties, createdAt: record.createdAt, updatedAt: record.updatedAt, archived: record.archived };
  if (options.propertiesWithHistory.length > 0) view.propertiesWithHistory = historyView(record, options.propertiesWithHistory);
  if (type === 'contacts' && options.associations.includes('companies')) {
    const ids = (record as PortalContact).companyIds ?? [];
    if (ids.length > 0) view.associations = { companies: { results: ids.map((id) => ({ id, type: 'contact_to_company' })) } };
  }
  return view;
}

function historyView(record: CrmRecord, names: string[]): Record<string, Json[]> {
  const result: Record<string, Json[]> = {};
  for (const name of names) {
    const explicit = record.history[name];
    const current = record.properties[name];
    if (explicit) result[name] = explicit.map((e) => ({ ...e }));
    else if (current !== undefined && current !== null && current !== '') {
      result[name] = [{ value: current, timestamp: record.updatedAt, sourceType: 'CRM_UI' }];
    } else result[name] = [];
  }
  return result;
}
