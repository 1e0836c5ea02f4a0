// A seeded, streamed Salesforce org: leads and contacts that overlap a HubSpot portal by email the way real
// orgs do (some HubSpot emails on one Salesforce record, some on two or three across Lead and Contact, often
// with different letter case), plus Salesforce-only records. Values come from the emulator schema's picklists.
// Deterministic for (seed, HubSpot emails, referenceDate); a generator, so millions of records never sit in memory.

import { createRandom, forKey, type Random } from './random';
import { COMPANY_SUFFIXES, COMPANY_WORDS, DEPARTMENTS, DOMAINS, FIRST_NAMES, LAST_NAMES, LOCATIONS, TITLES } from './salesforce-words';
import { recordId } from '../salesforce/ids';
import { INDUSTRIES, INTERESTS, LEAD_SOURCES, LEAD_STATUSES, RATINGS, type SfObjectName } from '../salesforce/schema';
import { formatDateTime } from '../salesforce/soql/dates';

export type SfValue = string | number | boolean | null;

export interface SalesforceRecord {
  type: SfObjectName;
  fields: Record<string, SfValue>;
}

export interface SalesforceOrgOptions {
  seed: number;
  /** The HubSpot portal's contact emails; when absent, `hubspotCount` emails are made up here. */
  hubspotEmails?: Iterable<string>;
  hubspotCount?: number;
  /** Share of HubSpot emails that also exist in Salesforce (default 0.4). */
  overlap?: number;
  /** Salesforce-only records emitted per HubSpot email, on average (default 0.25). */
  salesforceOnlyRatio?: number;
  /** "Now" for CreatedDate and friends (default 2025-06-01T12:00:00Z, so output does not depend on the clock). */
  referenceDate?: Date;
}

export const DEFAULT_REFERENCE_DATE = new Date('2025-06-01T12:00:00Z');
const DAY = 86_400_000;

/** The made-up HubSpot email number `index` for a seed (used when only a count is given). */
export function madeUpHubspotEmail(seed: number, index: number): string {
  const random = forKey(seed, `hubspot-email:${index}`);
  return `${asciiName(random.pick(FIRST_NAMES))}.${asciiName(random.pick(LAST_NAMES))}${index}@${random.pick(DOMAINS)}`;
}

function* hubspotEmails(options: SalesforceOrgOptions): Iterable<string> {
  if (options.hubspotEmails) { yield* options.hubspotEmails; return; }
  for (let i = 0; i < (options.hubspotCount ?? 0); i++) yield madeUpHubspotEmail(options.seed, i);
}

export function* generateSalesforceOrg(options: SalesforceOrgOptions): Generator<SalesforceRecord> {
  const ids = { Lead: 0, Contact: 0 };
  const context = { now: (options.referenceDate ?? DEFAULT_REFERENCE_DATE).getTime(), nextId: (type: SfObjectName) => recordId(type === 'Lead' ? '00Q' : '003', ++ids[type]) };
  let index = 0;
  for (const email of hubspotEmails(options)) {
    const random = forKey(options.seed, `email:${index}:${email}`);
    if (random.chance(options.overlap ?? 0.4)) yield* recordsForEmail(random, email, context);
    if (random.chance(options.salesforceOnlyRatio ?? 0.25)) {
      const own = random.chance(0.05) ? null : `${asciiName(random.pick(FIRST_NAMES))}.sf${index}@${random.pick(DOMAINS)}`;
      yield* recordsForEmail(createRandom(random.int(0, 2 ** 31)), own, context, 1);
    }
    index++;
  }
}

interface Context {
  now: number;
  nextId(type: SfObjectName): string;
}

/** One person, on 1 record (80 %), 2 (15 %) or 3 (5 %), each a Lead (60 %) or a Contact. */
function* recordsForEmail(random: Random, email: string | null, context: Context, count?: number): Generator<SalesforceRecord> {
  const person = { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) };
  const copies = count ?? random.weighted([[1, 80], [2, 15], [3, 5]] as const);
  for (let copy = 0; copy < copies; copy++) {
    const shownEmail = email !== null && copy > 0 && random.chance(0.3) ? email.toUpperCase() : email;
    const type: SfObjectName = random.chance(0.6) ? 'Lead' : 'Contact';
    // Object.assign, not spreads: V8 (Node 20) is ~100x slower spreading two wide objects into one.
    const fields: Record<string, SfValue> = { Id: context.nextId(type) };
    Object.assign(fields, commonFields(random, person, shownEmail, context), type === 'Lead' ? leadFields(random) : contactFields(random));
    yield { type, fields };
  }
}

function commonFields(random: Random, person: { first: string; last: string }, email: string | null, context: Context): Record<string, SfValue> {
  const created = context.now - random.int(1, 3 * 365) * DAY - random.int(0, DAY - 1);
  const modified = created + Math.floor(random.next() * (context.now - created));
  const activity = random.chance(0.6) ? new Date(modified - random.int(0, 30) * DAY).toISOString().slice(0, 10) : null;
  return {
    IsDeleted: random.chance(0.02),
    FirstName: random.chance(0.95) ? person.first : null,
    LastName: person.last,
    Email: email,
    Title: random.chance(0.8) ? random.pick(TITLES) : null,
    LeadSource: random.chance(0.85) ? random.pick(LEAD_SOURCES) : null,
    Phone: random.chance(0.7) ? `+1 555 ${String(random.int(0, 9999999)).padStart(7, '0')}` : null,
    HasOptedOutOfEmail: random.chance(0.1),
    OwnerId: recordId('005', random.int(1, 8)),
    Description: null,
    CreatedDate: formatDateTime(created),
    LastModifiedDate: formatDateTime(modified),
    LastActivityDate: activity,
  };
}

function leadFields(random: Random): Record<string, SfValue> {
  const [country, state, city] = random.pick(LOCATIONS);
  const status = random.weighted([[LEAD_STATUSES[0], 40], [LEAD_STATUSES[1], 30], [LEAD_STATUSES[2], 15], [LEAD_STATUSES[3], 15]] as const);
  const interests = random.sample(INTERESTS, random.weighted([[0, 30], [1, 35], [2, 25], [3, 10]] as const));
  return {
    Company: `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_SUFFIXES)}`,
    Status: status,
    Country: country, State: state === '' ? null : state, City: city,
    Industry: random.chance(0.75) ? random.pick(INDUSTRIES) : null,
    AnnualRevenue: random.chance(0.5) ? random.int(1, 500) * 100_000 : null,
    NumberOfEmployees: random.chance(0.6) ? random.int(1, 20_000) : null,
    Rating: random.chance(0.5) ? random.pick(RATINGS) : null,
    Website: random.chance(0.6) ? `https://www.${random.pick(DOMAINS)}` : null,
    IsConverted: status === 'Closed - Converted',
    Interests__c: interests.length === 0 ? null : interests.join(';'),
  };
}

function contactFields(random: Random): Record<string, SfValue> {
  const [country, state, city] = random.pick(LOCATIONS);
  const birth = random.chance(0.3) ? new Date(Date.UTC(random.int(1960, 2000), random.int(0, 11), random.int(1, 28))).toISOString().slice(0, 10) : null;
  return {
    AccountId: random.chance(0.9) ? recordId('001', random.int(1, 400)) : null,
    Department: random.chance(0.6) ? random.pick(DEPARTMENTS) : null,
    MailingCountry: country, MailingState: state === '' ? null : state, MailingCity: city,
    Birthdate: birth,
  };
}

function asciiName(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}
