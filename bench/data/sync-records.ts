// A seeded Salesforce org for the sync benchmark, overlapping the preview benchmark's HubSpot contacts by
// email the way real orgs do: 45 % of the contacts' emails are on one to three leads or contacts (copies in
// another letter case), 8 % of leads converted, then Salesforce-only records (3 % without email) until the
// org holds exactly `total` records. Record k is a pure function of (seed, k), so every process of the
// benchmark makes the same org.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './bench-files';
import { generateContact, rng } from './contacts-generator';

export interface BenchRecord {
  id: string;
  object: 'Lead' | 'Contact';
  email: string | null;
  lastModified: number;
  converted: boolean;
  fields: Record<string, string | number | null>;
}

export const SYNC_CONTACTS = 200_000;
export const SYNC_RECORDS = 250_000;
const TITLES = ['Marketing Manager', 'Sales Director', 'CTO', 'Head of Sales', 'CEO', 'Analyst', 'VP Sales'];
const COUNTRIES = ['Poland', 'Germany', 'France', 'United States', 'Canada', 'Spain'];
const STAGES = ['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'Unknown stage'];
const START = Date.parse('2022-01-01T00:00:00Z');
const SPAN = 3 * 365 * 86_400_000;

function recordAt(seed: number, k: number, email: string | null, object: 'Lead' | 'Contact'): BenchRecord {
  const r = rng(seed * 7_919 + k);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const prefix = object === 'Lead' ? '00Q' : '003';
  return {
    id: `${prefix}${String(k).padStart(12, '0')}AAA`,
    object,
    email,
    lastModified: START + Math.floor(r() * SPAN),
    converted: object === 'Lead' && r() < 0.08,
    fields: {
      title: r() < 0.25 ? null : pick(TITLES),
      annualrevenue: r() < 0.5 ? null : Math.floor(r() * 500) * 100_000,
      country: r() < 0.2 ? null : pick(COUNTRIES),
      lifecycle__c: r() < 0.4 ? null : pick(STAGES),
      lastname: 'Bench',
      company: r() < 0.1 ? null : `Company ${Math.floor(r() * 20_000)}`,
    },
  };
}

/** The org's records, in a fixed order. */
export function* benchRecords(seed: number, contacts = SYNC_CONTACTS, total = SYNC_RECORDS): Generator<BenchRecord> {
  let k = 0;
  for (let i = 0; i < contacts && k < total; i++) {
    const email = generateContact(seed, i).properties.email ?? null;
    const r = rng(seed * 31 + i);
    if (email === null || r() >= 0.45) continue;
    const copies = r() < 0.8 ? 1 : r() < 0.75 ? 2 : 3;
    for (let c = 0; c < copies && k < total; c++) {
      const shown = c > 0 && r() < 0.3 ? email.toUpperCase() : email;
      yield recordAt(seed, k++, shown, r() < 0.6 ? 'Lead' : 'Contact');
    }
  }
  while (k < total) {
    const r = rng(seed * 131 + k);
    yield recordAt(seed, k, r() < 0.03 ? null : `sf${k}@corp.example`, r() < 0.6 ? 'Lead' : 'Contact');
    k++;
  }
}

/** Where the build step keeps the CSVs DuckDB reads (bench/.data/, git-ignored). */
export function syncFiles(contacts: number, records: number, seed: number): { contacts: string; records: string } {
  mkdirSync(DATA_DIR, { recursive: true });
  const stem = join(DATA_DIR, `sync-v1-${contacts}-${records}-${seed}`);
  return { contacts: `${stem}.contacts.csv`, records: `${stem}.records.csv` };
}
