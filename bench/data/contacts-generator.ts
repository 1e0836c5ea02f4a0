// A seeded generator of realistic contacts for the preview benchmark: 30 properties (strings,
// enumerations, numbers, dates, a boolean), realistic gaps (unknown values), a list membership,
// every value a string as HubSpot's API returns it. Contact i is a pure function of (seed, i),
// so separate processes regenerate exactly the same data.

import type { PropertyDef, Schema } from '../../server/src/language/schema-types';
import type { ContactRecord } from '../../server/src/preview/types';
import { seededRandom } from '../workspace-gen';

export const BENCH_NOW = Date.parse('2025-06-01T00:00:00Z');
export const MEMBERSHIP_LIST_ID = '4242';
const DAY = 86_400_000;

/** The benchmarks' one seeded generator (mulberry32). */
export const rng = seededRandom;

const FIRST = ['Anna', 'Jan', 'Maria', 'Piotr', 'John', 'Emma', 'Lukas', 'Sofia', 'Marco', 'Chloe', 'Noah', 'Olivia', 'Test', 'Ewa', 'Hans', 'Lena'];
const LAST = ['Nowak', 'Kowalski', 'Smith', 'Müller', 'Rossi', 'Martin', 'García', 'Dubois', 'Schmidt', 'Brown', 'Wiśniewski', 'Lopez'];
const DOMAINS = ['gmail.com', 'acme.io', 'example.com', 'test.com', 'contoso.com', 'globex.pl', 'initech.de', 'umbrella.fr', 'outlook.com'];
const TITLES = ['Marketing Manager', 'Sales Director', 'CTO', 'Software Engineer', 'Head of Sales', 'Account Manager', 'CEO', 'Intern', 'Operations Director', 'Analyst'];
const COUNTRIES = ['Poland', 'Germany', 'France', 'Spain', 'Italy', 'United Kingdom', 'United States', 'Canada', 'Brazil', 'Japan', 'India', 'poland', 'germany'];
const CITIES = ['Warsaw', 'Berlin', 'Paris', 'Madrid', 'Rome', 'London', 'New York', 'Toronto', 'Krakow', 'Munich', 'Lyon', 'Austin'];
export const ENUMS: Record<string, string[]> = {
  lifecyclestage: ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'],
  hs_lead_status: ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'],
  industry: ['COMPUTER_SOFTWARE', 'RETAIL', 'BANKING', 'GOVERNMENT_ADMINISTRATION', 'MILITARY', 'HOSPITAL_HEALTH_CARE', 'EDUCATION', 'TELECOMMUNICATIONS', 'AUTOMOTIVE', 'INSURANCE'],
  hs_persona: ['persona_1', 'persona_2', 'persona_3', 'persona_4', 'persona_5'],
  hs_language: ['en', 'pl', 'de', 'fr', 'es', 'it', 'pt', 'ja'],
  hs_buying_role: ['BUDGET_HOLDER', 'CHAMPION', 'DECISION_MAKER', 'END_USER', 'EXECUTIVE_SPONSOR', 'INFLUENCER', 'LEGAL_AND_COMPLIANCE', 'OTHER'],
  region: ['emea', 'na', 'latam', 'apac', 'dach', 'cee'],
  product_interest: ['crm', 'marketing_hub', 'sales_hub', 'service_hub', 'cms_hub', 'ops_hub', 'commerce', 'ai'],
};
const MULTI = new Set(['hs_buying_role', 'product_interest']);
const STRINGS = ['email', 'firstname', 'lastname', 'company', 'jobtitle', 'city', 'country', 'phone'];
const NUMBERS = ['num_employees', 'annualrevenue', 'hs_email_open_count', 'hs_analytics_num_page_views', 'hubspotscore', 'num_associated_deals', 'total_revenue'];
const DATES = ['createdate', 'lastmodifieddate', 'notes_last_contacted', 'hs_last_sales_activity_timestamp', 'first_conversion_date', 'closedate'];

function def(name: string, type: string, options: string[] = []): PropertyDef {
  return { name, label: name, type, fieldType: MULTI.has(name) ? 'checkbox' : 'select', options: options.map((value) => ({ label: value, value })) };
}

/** The 30 contact properties of the benchmark portal. */
export function benchSchema(): Schema {
  const defs = [
    ...STRINGS.map((n) => def(n, 'string')),
    ...Object.entries(ENUMS).map(([n, o]) => def(n, 'enumeration', o)),
    ...NUMBERS.map((n) => def(n, 'number')),
    ...DATES.map((n) => def(n, n === 'closedate' ? 'date' : 'datetime')),
    def('hs_email_optout', 'bool'),
  ];
  return { source: 'benchmark', objects: { contacts: new Map(defs.map((d) => [d.name, d])), companies: new Map() } };
}

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

function enumValue(r: () => number, name: string): string | null {
  if (r() < 0.15) return null;
  const options = ENUMS[name];
  if (!MULTI.has(name)) return pick(r, options);
  const chosen = options.filter(() => r() < 0.25);
  return chosen.length ? chosen.join(';') : null;
}

function dateValue(r: () => number, name: string): string | null {
  if (r() < 0.2) return null;
  const t = BENCH_NOW - Math.floor(r() * 900 * DAY) + (name === 'closedate' ? 200 * DAY : 0);
  const iso = new Date(t).toISOString();
  return name === 'closedate' ? iso.slice(0, 10) : r() < 0.5 ? String(t) : iso;
}

function numberValue(r: () => number, name: string): string | null {
  if (r() < 0.25) return null;
  if (name === 'annualrevenue' || name === 'total_revenue') return String(Math.floor(r() * r() * 50_000_000));
  if (name === 'num_employees') return String(1 + Math.floor(r() * r() * 20_000));
  return String(Math.floor(r() * 100));
}

export function generateContact(seed: number, i: number): ContactRecord {
  const r = rng(seed * 1_000_003 + i);
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const p: Record<string, string | null> = {
    email: r() < 0.05 ? null : `${first}.${last}${i}@${pick(r, DOMAINS)}`.toLowerCase(),
    firstname: first,
    lastname: last,
    company: r() < 0.1 ? null : `Company ${Math.floor(r() * 20_000)}${r() < 0.02 ? ' Test' : ''}`,
    jobtitle: r() < 0.3 ? null : pick(r, TITLES),
    city: r() < 0.3 ? null : pick(r, CITIES),
    country: r() < 0.2 ? null : pick(r, COUNTRIES),
    phone: r() < 0.6 ? null : `+48 ${100_000_000 + Math.floor(r() * 899_999_999)}`,
    hs_email_optout: r() < 0.1 ? null : r() < 0.1 ? 'true' : 'false',
  };
  for (const n of Object.keys(ENUMS)) p[n] = enumValue(r, n);
  for (const n of NUMBERS) p[n] = numberValue(r, n);
  for (const n of DATES) p[n] = dateValue(r, n);
  return { id: String(1_000_000 + i), properties: p, listMemberships: r() < 0.3 ? [MEMBERSHIP_LIST_ID] : [] };
}
