// The emulator's built-in schema, used when `server/src/language/default-schema/*.json` is absent.
// Property definitions in the Properties API v3 shape, covering every property the portal generator
// writes, so filters and searches on generated data validate against it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PropertyDef, PropertyOption } from '../../language/schema-types';

export const LIFECYCLE_STAGES = [
  'subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other',
] as const;
export const LEAD_STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'] as const;
export const BUYING_ROLES = ['BUDGET_HOLDER', 'CHAMPION', 'DECISION_MAKER', 'END_USER', 'EXECUTIVE_SPONSOR', 'INFLUENCER', 'LEGAL_AND_COMPLIANCE', 'OTHER'] as const;
export const INDUSTRIES = ['COMPUTER_SOFTWARE', 'FINANCIAL_SERVICES', 'HOSPITAL_HEALTH_CARE', 'RETAIL', 'MARKETING_AND_ADVERTISING', 'HIGHER_EDUCATION', 'CONSTRUCTION', 'AUTOMOTIVE'] as const;

function options(values: readonly string[]): PropertyOption[] {
  return values.map((value, index) => ({ label: humanLabel(value), value, displayOrder: index, hidden: false, description: '' }));
}

function humanLabel(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

function prop(name: string, label: string, type: string, fieldType: string, extra: Partial<PropertyDef> = {}): PropertyDef {
  return {
    name, label, type, fieldType, description: '', groupName: 'contactinformation', options: [],
    hubspotDefined: true, calculated: false, hidden: false, ...extra,
  };
}

const bool = (name: string, label: string): PropertyDef =>
  prop(name, label, 'bool', 'booleancheckbox', { options: [{ label: 'Yes', value: 'true', displayOrder: 0, hidden: false }, { label: 'No', value: 'false', displayOrder: 1, hidden: false }] });

export const FALLBACK_CONTACT_PROPERTIES: PropertyDef[] = [
  prop('email', 'Email', 'string', 'text'),
  prop('firstname', 'First Name', 'string', 'text'),
  prop('lastname', 'Last Name', 'string', 'text'),
  prop('company', 'Company Name', 'string', 'text'),
  prop('jobtitle', 'Job Title', 'string', 'text'),
  prop('phone', 'Phone Number', 'string', 'phonenumber'),
  prop('city', 'City', 'string', 'text'),
  prop('state', 'State/Region', 'string', 'text'),
  prop('country', 'Country/Region', 'string', 'text'),
  prop('zip', 'Postal Code', 'string', 'text'),
  prop('hs_email_domain', 'Email Domain', 'string', 'text'),
  prop('lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', { options: options(LIFECYCLE_STAGES) }),
  prop('hs_lead_status', 'Lead Status', 'enumeration', 'radio', { options: options(LEAD_STATUSES) }),
  prop('hs_buying_role', 'Buying Role', 'enumeration', 'checkbox', { options: options(BUYING_ROLES) }),
  prop('hubspot_owner_id', 'Contact owner', 'enumeration', 'select', { externalOptions: true, referencedObjectType: 'OWNER' }),
  prop('hs_analytics_num_visits', 'Number of Sessions', 'number', 'number', { calculated: true }),
  prop('hs_analytics_num_page_views', 'Number of Pageviews', 'number', 'number', { calculated: true }),
  prop('num_employees', 'Number of Employees', 'number', 'number'),
  prop('annualrevenue', 'Annual Revenue', 'number', 'number'),
  bool('hs_email_optout', 'Unsubscribed from all email'),
  bool('hs_is_unworked', 'Contact unworked'),
  prop('createdate', 'Create Date', 'datetime', 'date'),
  prop('lastmodifieddate', 'Last Modified Date', 'datetime', 'date'),
  prop('hs_lifecyclestage_lead_date', 'Became a Lead Date', 'datetime', 'date'),
  prop('notes_last_updated', 'Last Activity Date', 'datetime', 'date'),
  prop('renewal_date', 'Renewal date', 'date', 'date', { hubspotDefined: false, groupName: 'custom' }),
  prop('hs_object_id', 'Record ID', 'number', 'number'),
];

export const FALLBACK_COMPANY_PROPERTIES: PropertyDef[] = [
  prop('name', 'Company name', 'string', 'text', { groupName: 'companyinformation' }),
  prop('domain', 'Company Domain Name', 'string', 'text', { groupName: 'companyinformation' }),
  prop('industry', 'Industry', 'enumeration', 'select', { groupName: 'companyinformation', options: options(INDUSTRIES) }),
  prop('country', 'Country/Region', 'string', 'text', { groupName: 'companyinformation' }),
  prop('numberofemployees', 'Number of Employees', 'number', 'number', { groupName: 'companyinformation' }),
  prop('annualrevenue', 'Annual Revenue', 'number', 'number', { groupName: 'companyinformation' }),
  prop('createdate', 'Create Date', 'datetime', 'date', { groupName: 'companyinformation' }),
  prop('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', { groupName: 'companyinformation' }),
  prop('hs_object_id', 'Record ID', 'number', 'number', { groupName: 'companyinformation' }),
];

/** Deal and ticket properties the generator writes (pipelines and stages as a portal's defaults name them). */
export const DEAL_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost'] as const;
export const TICKET_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;

export const FALLBACK_DEAL_PROPERTIES: PropertyDef[] = [
  prop('dealname', 'Deal Name', 'string', 'text', { groupName: 'dealinformation' }),
  prop('amount', 'Amount', 'number', 'number', { groupName: 'dealinformation' }),
  prop('pipeline', 'Pipeline', 'enumeration', 'select', { groupName: 'dealinformation', options: options(['default']) }),
  prop('dealstage', 'Deal Stage', 'enumeration', 'radio', { groupName: 'dealinformation', options: options(DEAL_STAGES) }),
  prop('closedate', 'Close Date', 'datetime', 'date', { groupName: 'dealinformation' }),
  prop('createdate', 'Create Date', 'datetime', 'date', { groupName: 'dealinformation' }),
  prop('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', { groupName: 'dealinformation' }),
  prop('hs_object_id', 'Record ID', 'number', 'number', { groupName: 'dealinformation' }),
];

export const FALLBACK_TICKET_PROPERTIES: PropertyDef[] = [
  prop('subject', 'Ticket name', 'string', 'text', { groupName: 'ticketinformation' }),
  prop('hs_pipeline', 'Pipeline', 'enumeration', 'select', { groupName: 'ticketinformation', options: options(['0']) }),
  prop('hs_pipeline_stage', 'Ticket status', 'enumeration', 'select', { groupName: 'ticketinformation', options: options(['1', '2', '3', '4']) }),
  prop('hs_ticket_priority', 'Priority', 'enumeration', 'select', { groupName: 'ticketinformation', options: options(TICKET_PRIORITIES) }),
  prop('createdate', 'Create Date', 'datetime', 'date', { groupName: 'ticketinformation' }),
  prop('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', { groupName: 'ticketinformation' }),
  prop('hs_object_id', 'Record ID', 'number', 'number', { groupName: 'ticketinformation' }),
];

export interface EmulatorSchema {
  contacts: PropertyDef[];
  companies: PropertyDef[];
  deals: PropertyDef[];
  tickets: PropertyDef[];
  /** Where the definitions came from, for the emulator's log. */
  source: string;
}

const DEFAULT_SCHEMA_DIR = path.resolve(__dirname, '../../language/default-schema');

/** The shared default schema when another part of the project has written it, else the fallback above. */
export function loadDefaultSchema(dir = DEFAULT_SCHEMA_DIR): EmulatorSchema {
  const contacts = readPropertiesFile(path.join(dir, 'contacts.json'));
  const companies = readPropertiesFile(path.join(dir, 'companies.json'));
  const deals = mergeMissing(readPropertiesFile(path.join(dir, 'deals.json')) ?? [], FALLBACK_DEAL_PROPERTIES);
  const tickets = mergeMissing(readPropertiesFile(path.join(dir, 'tickets.json')) ?? [], FALLBACK_TICKET_PROPERTIES);
  if (contacts && companies) {
    // The generator writes a few properties (custom ones) a portal's default schema lacks: keep them.
    return { contacts: mergeMissing(contacts, FALLBACK_CONTACT_PROPERTIES), companies: mergeMissing(companies, FALLBACK_COMPANY_PROPERTIES), deals, tickets, source: dir };
  }
  return { contacts: FALLBACK_CONTACT_PROPERTIES, companies: FALLBACK_COMPANY_PROPERTIES, deals: FALLBACK_DEAL_PROPERTIES, tickets: FALLBACK_TICKET_PROPERTIES, source: 'built-in fallback' };
}

export function mergeMissing(primary: PropertyDef[], extra: PropertyDef[]): PropertyDef[] {
  const names = new Set(primary.map((p) => p.name));
  return [...primary, ...extra.filter((p) => !names.has(p.name))];
}

/** Accepts the Properties API response (`{results: [...]}`) or a bare array; anything else counts as absent. */
function readPropertiesFile(file: string): PropertyDef[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    const list = Array.isArray(parsed) ? parsed : (parsed as { results?: unknown }).results;
    return Array.isArray(list) ? (list as PropertyDef[]) : undefined;
  } catch {
    return undefined;
  }
}
