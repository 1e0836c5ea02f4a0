// A seeded HubSpot portal: contacts with realistic standard properties, property history, companies,
// associations, form submissions and a few static lists. Every record is generated from its own
// (seed, index) stream, and contacts come out of an iterator, so a 1M-contact portal never sits in
// memory as a whole unless the consumer keeps it.
//
// Dates are relative to `today`: the timeline spans the ten years before today's UTC day, so a relative
// filter ("created in the last 6 weeks") finds contacts whenever the portal is seeded. Moving `today` by
// N days moves every date by exactly N days and changes nothing else: a seed and a day give one portal.

import { createRandom, forKey, type Random } from './random';
import { newestChange, type FormSubmission, type HistoryEntry, type LinkedRecord, type PortalCompany, type PortalContact, type PortalForm, type PortalPage } from './hubspot-records';
import { PORTAL_PAGES, withPage } from './hubspot-pages';
import { BUYING_ROLES, DEAL_STAGES, INDUSTRIES, LEAD_STATUSES, LIFECYCLE_STAGES, TICKET_PRIORITIES } from './hubspot-schema';
import {
  CITIES, COMPANY_SUFFIXES, COMPANY_WORDS, COUNTRIES, EMAIL_DOMAINS, FIRST_NAMES, JOB_TITLES, LAST_NAMES, US_STATES,
} from './hubspot-words';

export interface PortalOptions {
  seed: number;
  contacts: number;
  /** Default: one company per 20 contacts, at least 3. */
  companies?: number;
  /** Every generated date lies before this instant's UTC day (renewal dates also up to two years after it). */
  today: Date;
}

export interface Portal {
  seed: number;
  /** The first instant after the seeded data: the start of `today`'s UTC day. */
  dataEnd: Date;
  contactCount: number;
  companyCount: number;
  forms: PortalForm[];
  pages: readonly PortalPage[];
  staticListNames: string[];
  companies(): Iterable<PortalCompany>;
  contacts(): Iterable<PortalContact>;
}

const DAY = 86_400_000;
// The generator draws on this fixed timeline and moves the draws to end at `today`; the fixed ends keep
// the shape of the data (ten years of contacts) independent of the day it is seeded on.
const ANCHOR_START = Date.UTC(2016, 0, 1);
const ANCHOR_END = Date.UTC(2025, 11, 31);
const RENEWALS_FROM = Date.UTC(2023, 0, 1);
const RENEWALS_TO = Date.UTC(2027, 11, 31);
const CONTACT_ID_BASE = 1;
const COMPANY_ID_BASE = 10_000_001;
/** Each contact's deals and tickets are its own (at most 3 and 2): ids derived from the contact's index. */
const DEAL_ID_BASE = 20_000_001;
const TICKET_ID_BASE = 40_000_001;

/**
 * The portal's USER_DEFINED contact association labels (type id, label), as the v4 associations API
 * names them beside the HubSpot-defined types (contact → deal 4, contact → ticket 15).
 */
export const ASSOCIATION_LABELS: Readonly<Record<'companies' | 'deals' | 'tickets', readonly { typeId: string; label: string }[]>> = {
  companies: [{ typeId: '301', label: 'Former employer' }],
  deals: [{ typeId: '101', label: 'Decision maker' }, { typeId: '102', label: 'Billing contact' }],
  tickets: [{ typeId: '201', label: 'Reporter' }],
};

/** [list name, share of contacts in it]. */
const STATIC_LISTS: readonly (readonly [string, number])[] = [
  ['Trade show 2024 attendees', 0.05], ['Newsletter import', 0.1], ['Webinar registrants', 0.03],
];

const STAGE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['subscriber', 30], ['lead', 35], ['marketingqualifiedlead', 12], ['salesqualifiedlead', 7], ['opportunity', 5],
  ['customer', 8], ['evangelist', 1], ['other', 2],
];

/** The span the seeded dates fall in, and what the portal's records share. */
export interface PortalContext {
  seed: number;
  companyCount: number;
  forms: PortalForm[];
  /** Generated instants lie in [start, end): `end` is the start of today's UTC day. */
  start: number;
  end: number;
  /** Whole days from the anchor timeline to this one. */
  shiftDays: number;
}

/** The start of `today`'s UTC day, which the seeded data ends before. */
export function seededDataEnd(today: Date): Date {
  const ms = today.getTime();
  if (!Number.isFinite(ms)) throw new Error('the seeded portal needs a valid date for today');
  return new Date(Math.floor(ms / DAY) * DAY);
}

export function portalContext(seed: number, companyCount: number, today: Date, forms = makeForms(seed)): PortalContext {
  const end = seededDataEnd(today).getTime();
  const shift = end - ANCHOR_END;
  return { seed, companyCount, forms, start: ANCHOR_START + shift, end, shiftDays: shift / DAY };
}

export function generatePortal(options: PortalOptions): Portal {
  const { seed } = options;
  const contactCount = options.contacts;
  const companyCount = options.companies ?? Math.max(3, Math.ceil(contactCount / 20));
  const context = portalContext(seed, companyCount, options.today);
  return {
    seed,
    dataEnd: new Date(context.end),
    contactCount,
    companyCount,
    forms: context.forms,
    pages: PORTAL_PAGES,
    staticListNames: STATIC_LISTS.map(([name]) => name),
    *companies() {
      for (let i = 0; i < companyCount; i++) yield makeCompany(context, i);
    },
    *contacts() {
      for (let i = 0; i < contactCount; i++) yield makeContact(context, i);
    },
  };
}

export function contactId(index: number): string {
  return String(CONTACT_ID_BASE + index);
}

export function companyId(index: number): string {
  return String(COMPANY_ID_BASE + index);
}

/** The webinar form has the id examples/engagement.hslist names, so the example's list finds its submissions. */
export const WEBINAR_FORM_ID = '3f1c2b9a-5d4e-4a7b-9c1d-2e8f6a0b7c35';

function makeForms(seed: number): PortalForm[] {
  const random = createRandom(seed ^ 0x5f0f);
  const names = ['Contact us', 'Newsletter signup', 'Webinar registration', 'Ebook download'];
  return names.map((name) => {
    const id = fakeGuid(random);
    return { id: name === 'Webinar registration' ? WEBINAR_FORM_ID : id, name };
  });
}

function fakeGuid(random: Random): string {
  const hex = (n: number): string => Array.from({ length: n }, () => random.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

function companyName(seed: number, index: number): string {
  const random = forKey(seed, `company-name:${index}`);
  const suffix = random.pick(COMPANY_SUFFIXES);
  return `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_WORDS)} ${suffix}`.replace(/^(\S+) \1 /, '$1 ');
}

export function makeCompany(context: PortalContext, index: number): PortalCompany {
  const random = forKey(context.seed, `company:${index}`);
  const name = companyName(context.seed, index);
  const created = randomInstant(random, context.start, context.end);
  const updated = randomInstant(random, created, context.end);
  const id = companyId(index);
  const properties: Record<string, string | null> = {
    name,
    domain: `${name.split(' ')[0].toLowerCase()}${index}.com`,
    industry: blankOr(random, 0.15, () => random.pick(INDUSTRIES)),
    country: blankOr(random, 0.1, () => random.weighted(COUNTRIES)),
    numberofemployees: blankOr(random, 0.2, () => String(Math.floor(Math.exp(random.next() * 9)))),
    annualrevenue: blankOr(random, 0.3, () => String(random.int(1, 5000) * 10_000)),
    createdate: iso(created),
    hs_lastmodifieddate: iso(updated),
    hs_object_id: id,
  };
  return { id, properties, history: {}, createdAt: iso(created), updatedAt: iso(updated), archived: false };
}

export function makeContact(context: PortalContext, index: number): PortalContact {
  const { seed, end } = context;
  const random = forKey(seed, `contact:${index}`);
  const id = contactId(index);
  const created = randomInstant(random, context.start, end);
  const updated = randomInstant(random, created, end);
  const companyIndexes = pickCompanies(random, context.companyCount);
  const createdAt = iso(created);
  // Object.assign into one object: spreading three 10-key objects per record doubles the garbage.
  const properties: Record<string, string | null> = Object.assign(identity(random, index), location(random), sales(random, created, context));
  properties.company = companyIndexes.length > 0 ? companyName(seed, companyIndexes[0]) : null;
  properties.createdate = createdAt;
  properties.lastmodifieddate = null;
  properties.hs_object_id = id;
  const history = makeHistory(random, properties, created, end);
  // The last modification is never before a change the history records (HubSpot's definition).
  const updatedAt = iso(Math.max(updated, newestChange(history)));
  properties.lastmodifieddate = updatedAt;
  return {
    id,
    properties,
    history,
    createdAt,
    updatedAt,
    archived: false,
    companyIds: companyIndexes.map(companyId),
    formSubmissions: makeSubmissions(random, context.forms, created, end),
    staticListNames: STATIC_LISTS.filter(([, share]) => random.chance(share)).map(([name]) => name),
    // Their own random streams: adding deals and tickets changed no other value of the portal.
    deals: makeDeals(context, index, created),
    tickets: makeTickets(context, index, created),
  };
}

function makeDeals(context: PortalContext, index: number, created: number): LinkedRecord[] {
  const random = forKey(context.seed, `deals:${index}`);
  const count = random.weighted([[0, 65], [1, 25], [2, 8], [3, 2]] as const);
  return Array.from({ length: count }, (_, k) => {
    const id = String(DEAL_ID_BASE + index * 3 + k);
    const at = randomInstant(random, created, context.end);
    const properties: Record<string, string | null> = {
      dealname: `Deal ${id}`,
      amount: blankOr(random, 0.1, () => String(random.int(1, 400) * 250)),
      pipeline: 'default',
      dealstage: random.pick(DEAL_STAGES),
      closedate: blankOr(random, 0.3, () => iso(randomInstant(random, at, context.end))),
      createdate: iso(at),
      hs_lastmodifieddate: iso(at),
      hs_object_id: id,
    };
    return { id, properties, ...labelsFor(random, 'deals') };
  });
}

function makeTickets(context: PortalContext, index: number, created: number): LinkedRecord[] {
  const random = forKey(context.seed, `tickets:${index}`);
  const count = random.weighted([[0, 80], [1, 16], [2, 4]] as const);
  return Array.from({ length: count }, (_, k) => {
    const id = String(TICKET_ID_BASE + index * 2 + k);
    const at = randomInstant(random, created, context.end);
    const properties: Record<string, string | null> = {
      subject: `Ticket ${id}`,
      hs_pipeline: '0',
      hs_pipeline_stage: random.pick(['1', '2', '3', '4']),
      hs_ticket_priority: blankOr(random, 0.2, () => random.pick(TICKET_PRIORITIES)),
      createdate: iso(at),
      hs_lastmodifieddate: iso(at),
      hs_object_id: id,
    };
    return { id, properties, ...labelsFor(random, 'tickets') };
  });
}

/** About a third of the associations carry a label. */
function labelsFor(random: Random, object: 'deals' | 'tickets'): { associationLabels?: string[] } {
  if (!random.chance(0.35)) return {};
  return { associationLabels: [random.pick(ASSOCIATION_LABELS[object]).typeId] };
}

function identity(random: Random, index: number): Record<string, string | null> {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const testContact = random.chance(0.03);
  const domain = testContact ? random.pick(['example.com', 'test.com']) : random.pick(EMAIL_DOMAINS);
  const local = `${ascii(first)}.${ascii(last)}${index}`.toLowerCase();
  const email = random.chance(0.02) ? null : `${local}@${domain}`;
  return {
    email,
    hs_email_domain: email === null ? null : domain,
    firstname: blankOr(random, 0.1, () => first),
    lastname: blankOr(random, 0.12, () => last),
    jobtitle: blankOr(random, 0.2, () => random.pick(JOB_TITLES)),
    phone: blankOr(random, 0.2, () => `+1 555 ${String(random.int(0, 9999999)).padStart(7, '0')}`),
  };
}

function location(random: Random): Record<string, string | null> {
  const country = random.chance(0.15) ? null : random.weighted(COUNTRIES);
  const cities = country ? CITIES[country] : undefined;
  return {
    country,
    state: country === 'United States' && random.chance(0.85) ? random.pick(US_STATES) : null,
    city: cities && random.chance(0.8) ? random.pick(cities) : null,
    zip: blankOr(random, 0.2, () => String(random.int(10000, 99999))),
  };
}

function sales(random: Random, created: number, context: PortalContext): Record<string, string | null> {
  const { end } = context;
  const stage = random.chance(0.1) ? null : random.weighted(STAGE_WEIGHTS);
  const roles = random.sample(BUYING_ROLES, random.int(0, 3));
  return withLastContacted({
    lifecyclestage: stage,
    hs_lead_status: blankOr(random, 0.2, () => random.pick(LEAD_STATUSES)),
    hs_buying_role: roles.length > 0 ? roles.join(';') : null,
    hubspot_owner_id: blankOr(random, 0.15, () => String(random.pick([101, 102, 103, 104, 105]))),
    hs_analytics_num_visits: blankOr(random, 0.1, () => String(Math.floor(Math.exp(random.next() * 6)) - 1)),
    num_employees: blankOr(random, 0.2, () => String(random.int(1, 20000))),
    annualrevenue: blankOr(random, 0.25, () => (random.int(10, 50000) * 1000).toFixed(0)),
    hs_email_optout: blankOr(random, 0.15, () => String(random.chance(0.1))),
    hs_is_unworked: blankOr(random, 0.1, () => String(random.chance(0.4))),
    hs_lifecyclestage_lead_date: stage && stage !== 'subscriber' ? iso(randomInstant(random, created, end)) : null,
    notes_last_updated: blankOr(random, 0.35, () => iso(randomInstant(random, created, end))),
    renewal_date: blankOr(random, 0.5, () => iso((random.int(RENEWALS_FROM / DAY, RENEWALS_TO / DAY) + context.shiftDays) * DAY).slice(0, 10)),
  });
}

/** The last contact was the last activity; derived, so adding it draws no random numbers and changes no other value. */
function withLastContacted(properties: Record<string, string | null>): Record<string, string | null> {
  properties.notes_last_contacted = properties.notes_last_updated;
  return properties;
}

function makeHistory(random: Random, properties: Record<string, string | null>, created: number, end: number): Record<string, HistoryEntry[]> {
  const history: Record<string, HistoryEntry[]> = {};
  const stage = properties.lifecyclestage;
  if (stage) {
    const path = LIFECYCLE_STAGES.slice(0, Math.max(1, LIFECYCLE_STAGES.indexOf(stage as never) + 1));
    const visited = path.filter((s, i) => i === path.length - 1 || random.chance(0.5));
    history.lifecyclestage = timeline(random, visited, created, end);
  }
  if (properties.hs_lead_status) {
    const earlier = random.chance(0.5) ? [random.pick(LEAD_STATUSES)] : [];
    history.hs_lead_status = timeline(random, [...earlier, properties.hs_lead_status], created, end);
  }
  return history;
}

/** Values oldest first → entries newest first, timestamps increasing from `created`. */
function timeline(random: Random, values: readonly string[], created: number, end: number): HistoryEntry[] {
  let at = created;
  const entries = values.map((value) => {
    at = randomInstant(random, at, Math.min(end, at + 400 * DAY));
    return { value, timestamp: iso(at), sourceType: random.pick(['CRM_UI', 'FORM', 'IMPORT', 'API']) };
  });
  return entries.reverse();
}

function makeSubmissions(random: Random, forms: PortalForm[], created: number, end: number): FormSubmission[] {
  const count = random.weighted([[0, 55], [1, 30], [2, 10], [3, 5]] as const);
  return Array.from({ length: count }, () => withPage({ formId: random.pick(forms).id, timestamp: iso(randomInstant(random, created, end)) }));
}

function pickCompanies(random: Random, companyCount: number): number[] {
  const count = random.weighted([[0, 15], [1, 80], [2, 5]] as const);
  const picked = Array.from({ length: count }, () => random.int(0, companyCount - 1));
  return [...new Set(picked)];
}

function blankOr(random: Random, blankShare: number, value: () => string): string | null {
  return random.chance(blankShare) ? null : value();
}

function randomInstant(random: Random, from: number, to: number): number {
  return from + Math.floor(random.next() * Math.max(1, to - from));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '');
}
