// Small worlds for the simulator's rule tests: HubSpot contacts and Salesforce records written as plain
// objects, the settings as a sync block would give them, and the simulator run over them.

import { defaultSchema } from '../../../server/src/language/schema';
import type { SalesforceSchema } from '../../../server/src/language/salesforce-schema';
import type { Tri } from '../../../server/src/preview/types';
import type { HubSpotContacts } from '../../../server/src/sync/contacts';
import { prepare, type SimulationInput } from '../../../server/src/sync/context';
import { judgeContact } from '../../../server/src/sync/contact-outcome';
import { mappingsByObject } from '../../../server/src/sync/mappings';
import type { SfRecord, SfValue } from '../../../server/src/sync/salesforce-data';
import type { MappingRule, SalesforceObject, SyncSettings } from '../../../server/src/sync/settings';
import { simulateSync } from '../../../server/src/sync/simulate';
import type { ContactResult, SyncSimulation } from '../../../server/src/sync/types';

export interface TestContact {
  id: string;
  email?: string | null;
  inList?: Tri;
  props?: Record<string, string | null>;
  modified?: string;
}

export interface TestRecord {
  id: string;
  email?: string | null;
  modified?: string;
  converted?: boolean;
  fields?: Record<string, SfValue>;
}

export interface World {
  contacts?: TestContact[];
  records?: TestRecord[];
  settings?: Partial<SyncSettings>;
  /** `property to Field: rule` shorthand: [property, field, rule]. */
  maps?: [string, string, MappingRule | undefined][];
  judgeNew?: (properties: Record<string, string | null>) => Tri;
  salesforceSchema?: SalesforceSchema;
  required?: Record<SalesforceObject, string[]>;
}

export function fakeContacts(contacts: TestContact[], inclusionList = true): HubSpotContacts {
  return {
    size: contacts.length,
    id: (row) => contacts[row].id,
    email: (row) => (contacts[row].email === undefined ? `${contacts[row].id}@example.org` : contacts[row].email ?? null),
    value: (row, property) => (property === 'email' ? fakeContacts(contacts).email(row) : contacts[row].props?.[property] ?? null),
    lastModified: (row) => (contacts[row].modified ? Date.parse(contacts[row].modified!) : NaN),
    membership: (row) => (inclusionList ? contacts[row].inList ?? true : true),
    rowOf: (id) => contacts.findIndex((c) => c.id === id),
  };
}

function toRecord(record: TestRecord, fields: string[]): SfRecord {
  const lower = Object.fromEntries(Object.entries(record.fields ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    object: record.id.startsWith('00Q') ? 'Lead' : 'Contact',
    id: record.id,
    email: record.email === undefined ? null : record.email,
    lastModified: record.modified ? Date.parse(record.modified) : NaN,
    converted: record.converted ?? false,
    values: fields.map((f) => lower[f] ?? null),
  };
}

export function inputOf(world: World): SimulationInput {
  const settings: SyncSettings = { inclusionList: 'Qualified', salesforceCreatesContacts: false, createsIn: 'Lead', mappings: [], ...world.settings };
  settings.mappings = [...settings.mappings, ...(world.maps ?? []).map(([property, field, rule]) => ({ property, field, rule }))];
  const mappings = mappingsByObject(settings, defaultSchema(), world.salesforceSchema);
  const fields = [...new Set([...mappings.Lead, ...mappings.Contact].map((m) => m.field))].sort();
  return {
    settings, mappings,
    contacts: fakeContacts(world.contacts ?? [], settings.inclusionList !== undefined),
    salesforce: { fields, records: (world.records ?? []).map((r) => toRecord(r, fields)), report: { source: 'test', rowsLoaded: 0, rowsRejected: 0, issues: [] } },
    judgeNew: world.judgeNew ?? (() => false),
    required: world.required ?? { Lead: [], Contact: [] },
    sampleSize: 10,
  };
}

export function simulate(world: World): SyncSimulation {
  return simulateSync(inputOf(world));
}

/** The result of the first contact of the world. */
export function contactResult(world: World, row = 0): ContactResult {
  return judgeContact(prepare(inputOf(world)), row);
}
