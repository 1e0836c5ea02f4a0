// Writes examples/contacts.csv: a small HubSpot contact export (≈ 300 rows) from the seeded portal generator,
// shaped as HubSpot exports it (header = property labels, option labels instead of internal values,
// multi-select values `;`-separated, date-times as `YYYY-MM-DD HH:mm`), so a preview of examples/ shows
// real counts. A few properties the examples filter on but the generator does not make (last contacted,
// conversion dates, original source) are added here from the same seed.
//
//   node -r ./test/support/register-ts.cjs scripts/make-example-contacts.ts [--seed 7] [--rows 300] [--today YYYY-MM-DD]
//
// The generator's ten-year timeline ends at --today (default: today), and "Last contacted" and
// "Recent conversion date" fall in the months before it, so relative lists ("contacted in the last 180 days")
// match someone; re-run the script to refresh them. Later lifecycle stages are contacted more often, as in life.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePortal } from '../server/src/sandbox/data/hubspot-portal';
import { forKey, type Random } from '../server/src/sandbox/data/random';
import { defaultSchema } from '../server/src/language/schema';
import type { PropertyDef } from '../server/src/language/schema-types';

const COLUMNS = [
  'hs_object_id', 'firstname', 'lastname', 'email', 'phone', 'jobtitle', 'company', 'country', 'state', 'city', 'zip',
  'lifecyclestage', 'hs_lead_status', 'hs_buying_role', 'hs_analytics_num_visits', 'annualrevenue', 'hs_email_optout',
  'hs_analytics_source', 'createdate', 'lastmodifieddate', 'hs_lifecyclestage_lead_date', 'notes_last_updated',
  'notes_last_contacted', 'recent_conversion_date', 'first_conversion_date', 'hs_email_domain',
];

const SOURCES = [['ORGANIC_SEARCH', 30], ['PAID_SEARCH', 10], ['EMAIL_MARKETING', 15], ['SOCIAL_MEDIA', 10], ['REFERRALS', 10], ['DIRECT_TRAFFIC', 15], ['OFFLINE', 10]] as const;
const DAY = 86_400_000;
const WORKED_STAGES = new Set(['marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer']);

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

/** HubSpot's export writes date-times without a zone, to the minute (here in UTC). */
function exportDateTime(iso: string | null): string {
  return iso === null ? '' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Option labels, as the export shows them. */
function exportOptions(def: PropertyDef, value: string | null): string {
  if (value === null) return '';
  return value.split(';').map((v) => def.options.find((o) => o.value === v)?.label ?? v).join(';');
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function recentInstant(random: Random, today: number, maxDaysAgo: number): string {
  return new Date(today - random.int(1, maxDaysAgo) * DAY - random.int(0, DAY - 1)).toISOString();
}

/** The properties the generator does not make, from the contact's own stream of the same seed. */
function extras(seed: number, index: number, today: number, properties: Record<string, string | null>): Record<string, string | null> {
  const random = forKey(seed, `example-contacts:${index}`);
  const created = Date.parse(properties.createdate ?? '');
  const firstConversion = random.chance(0.5) ? new Date(created + random.int(0, 400) * DAY).toISOString() : null;
  const contactedShare = WORKED_STAGES.has(properties.lifecyclestage ?? '') ? 0.85 : 0.35;
  return {
    hs_analytics_source: random.weighted(SOURCES),
    notes_last_contacted: random.chance(contactedShare) ? recentInstant(random, today, 240) : null,
    first_conversion_date: firstConversion && Date.parse(firstConversion) < today ? firstConversion : null,
    recent_conversion_date: firstConversion && random.chance(0.6) ? recentInstant(random, today, 150) : null,
  };
}

function row(properties: Record<string, string | null>, defs: Map<string, PropertyDef>): string {
  return COLUMNS.map((name) => {
    const def = defs.get(name) as PropertyDef;
    const value = properties[name] ?? null;
    if (def.type === 'enumeration') return csvCell(exportOptions(def, value));
    if (def.type === 'datetime' || def.type === 'date') return exportDateTime(value);
    return csvCell(value ?? '');
  }).join(',');
}

function main(): void {
  const seed = Number(argument('seed', '7'));
  const rows = Number(argument('rows', '300'));
  const today = Date.parse(argument('today', new Date().toISOString().slice(0, 10)));
  if (!Number.isInteger(seed) || !Number.isInteger(rows) || Number.isNaN(today)) throw new Error('--seed and --rows take whole numbers, --today a date (YYYY-MM-DD).');
  const defs = defaultSchema().objects.contacts;
  const missing = COLUMNS.filter((name) => !defs.has(name));
  if (missing.length > 0) throw new Error(`the bundled schema has no ${missing.join(', ')}`);
  const lines = [COLUMNS.map((name) => csvCell((defs.get(name) as PropertyDef).label)).join(',')];
  let index = 0;
  for (const { properties } of generatePortal({ seed, contacts: rows, today: new Date(today) }).contacts()) {
    lines.push(row({ ...properties, ...extras(seed, index++, today, properties) }, defs));
  }
  const file = join(__dirname, '..', 'examples', 'contacts.csv');
  writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  console.log(`${file}: ${rows} contacts (seed ${seed}, dates up to ${new Date(today).toISOString().slice(0, 10)}).`);
}

main();
