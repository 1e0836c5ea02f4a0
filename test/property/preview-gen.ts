// Generators shared by the preview's property tests: lists as .hslist text (conditions on strings,
// numbers, enumerations, booleans, dates, list membership, companies, history, form submissions, webinars, CTAs and ads,
// nested with and / or / not) and contacts, sometimes carrying property history and form submissions.

import fc from 'fast-check';
import type { ContactRecord, HistoryEntry } from '../../server/src/preview/types';
import { NOW } from '../unit/preview/judge-helper';

const HOUR = 3_600_000;

const texts = ['Poland', 'poland', 'New Poland', 'sales', 'VP Sales', 'presales', ' ', 'a@x.com', 'B@Y.COM', 'Ąę', 'ΟΔΟΣ'];
const text = fc.constantFrom(...texts);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const numberText = fc.oneof(fc.integer({ min: -5, max: 20 }).map(String), fc.constantFrom('1.5', 'x', '1e1'));
const tagSet = fc.subarray(['a', 'b', 'c', 'zz'], { minLength: 0 }).map((xs) => xs.join(';'));
const vipText = fc.constantFrom('true', 'FALSE', 'no');
const instant = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2024-12-31T00:00:00Z') }).map((t) => Math.floor(t / HOUR) * HOUR);
const dateText = fc.oneof(instant.map((t) => new Date(t).toISOString()), instant.map(String));
const hoursAgo = fc.integer({ min: 0, max: 60 * 24 });

/** Past values (older than the current one) of the properties whose history the lists ask about. */
const pastArb = fc.record({ country: fc.array(nullable(text), { maxLength: 3 }), hs_tags: fc.array(nullable(tagSet), { maxLength: 2 }), num_employees: fc.array(nullable(numberText), { maxLength: 2 }), is_vip: fc.array(nullable(vipText), { maxLength: 2 }) });
/** Where a submission was sent: a page id, an address (of a page, in another spelling, or of no page), or unknown. */
const submissionPage = fc.constantFrom<{ pageId?: string; pageUrl?: string }>(
  {}, { pageId: '101' }, { pageId: '102' }, { pageId: '103' }, { pageUrl: 'HTTPS://x.com/Pricing/?utm_source=mail#form' }, { pageUrl: 'https://x.com/contact' }, { pageUrl: 'https://elsewhere.com/pricing' },
);
/** Every 12 hours over the last 20 days (00:00 and 12:00 UTC, as NOW is noon): where the windows' bounds fall. */
const onGrid = fc.integer({ min: 0, max: 40 }).map((k) => k * 12);
const submissionArb = fc.record({ formId: fc.constantFrom('f1', 'f2'), hoursAgo: fc.oneof(onGrid, hoursAgo), page: submissionPage });

/** The test schema's lifecycle stages, in order. */
const STAGES = ['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'customer'];

export const contactArb = fc.record({
  country: nullable(text), jobtitle: nullable(text), num_employees: nullable(numberText), hs_tags: nullable(tagSet),
  lifecyclestage: nullable(fc.constantFrom(...STAGES)), is_vip: nullable(vipText),
  createdate: nullable(dateText), notes_last_contacted: nullable(dateText), closedate: nullable(instant.map((t) => new Date(t).toISOString().slice(0, 10))),
  member: fc.boolean(), industry: fc.array(fc.constantFrom('SOFTWARE', 'RETAIL'), { maxLength: 2 }),
  history: fc.option(fc.tuple(pastArb, fc.array(hoursAgo, { minLength: 8, maxLength: 8 })), { nil: undefined, freq: 4 }),
  forms: fc.option(fc.array(submissionArb, { maxLength: 3 }), { nil: undefined, freq: 4 }),
  webinars: fc.option(fc.array(fc.record({ id: fc.constantFrom('1', '2', 'w-x'), registered: fc.boolean(), attended: fc.boolean() }), { maxLength: 3 }), { nil: undefined, freq: 4 }),
  ctaEvents: fc.option(fc.array(fc.record({ cta: fc.constantFrom('c1', 'c2'), type: fc.constantFrom('CLICK' as const, 'VIEW' as const), hoursAgo: fc.oneof(onGrid, hoursAgo) }), { maxLength: 4 }), { nil: undefined, freq: 4 }),
  adViews: fc.option(fc.array(fc.oneof(onGrid, hoursAgo), { maxLength: 3 }), { nil: undefined, freq: 4 }),
});

const q = (s: string) => JSON.stringify(s);
const unknownFlag = fc.constantFrom('', ' including unknown');
const dayText = instant.map((t) => new Date(t).toISOString().slice(0, 10));
const dateValue = fc.oneof(dayText, instant.map((t) => new Date(t).toISOString()));
const oneOf = <T extends string>(...xs: T[]) => fc.constantFrom(...xs);
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A count of submissions, or none: `at least`, `at most`, `between … and … times` (the minimum not above the maximum). */
const formCount: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.tuple(oneOf('at least', 'at most'), fc.integer({ min: 1, max: 3 })).map(([op, n]) => ` ${op} ${n} times`),
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 })).map(([n, extra]) => ` between ${n} and ${n + extra} times`),
);
/** Days and instants around the generated submissions (the last 60 days before NOW, on the hour): boundaries are hit. */
const recentDay = fc.integer({ min: 0, max: 21 }).map((d) => new Date(NOW - d * 24 * HOUR).toISOString().slice(0, 10));
const recentInstant = fc.oneof(onGrid, hoursAgo).map((h) => new Date(NOW - h * HOUR).toISOString().replace('.000Z', 'Z'));
const recentTime = fc.oneof(recentDay, recentInstant);
/** A window, or none: `in last N days`, `after` / `before` a day or an instant, `between` two in order. */
const formWindow: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 1, max: 60 }).map((n) => ` in last ${n} days`),
  fc.tuple(oneOf('after', 'before'), recentTime).map(([op, t]) => ` ${op} ${t}`),
  fc.tuple(recentDay, recentDay).map(([a, b]) => ` between ${a < b ? a : b} and ${a < b ? b : a}`),
  fc.tuple(recentInstant, recentInstant).map(([a, b]) => ` between ${a < b ? a : b} and ${a < b ? b : a}`),
);

/**
 * A page, or none: by name, by id, one without a url (#103) and one not pulled (#999); addresses cannot be
 * matched to the last two.
 */
const formPage: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: oneOf(' on page "Pricing"', ' on page #102', ' on page #103', ' on page #999') });

/** `submitted form "f1" | any form`, with a page, a count and a window each sometimes. */
export const formConditionArb: fc.Arbitrary<string> = fc.tuple(oneOf('any form', 'form "f1"', 'form "f2"'), formPage, formCount, formWindow).map(
  ([form, page, count, window]) => `submitted ${form}${page}${count}${window}`,
);

/** Webinars by id, quoted id or any; CTAs with the forms' counts and windows; ads seen in a window (never without one). */
export const activityConditionArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(oneOf('registered for', 'attended'), oneOf('webinar #1', 'webinar #2', 'webinar "w-x"', 'any webinar')).map(([action, webinar]) => `${action} ${webinar}`),
  fc.tuple(oneOf('clicked', 'viewed'), oneOf('"c1"', '"c2"'), formCount, formWindow).map(([action, cta, count, window]) => `${action} cta ${cta}${count}${window}`),
  formWindow.filter((w) => w !== '').map((window) => `saw any ad${window}`),
);

export const conditionArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(oneOf('country', 'jobtitle'), oneOf('is', 'is not', 'contains', 'does not contain', 'starts with', 'ends with', 'contains exactly', 'does not contain exactly'), text, unknownFlag)
    .map(([p, op, v, u]) => `${p} ${op} ${q(v)}${u}`),
  fc.tuple(oneOf('is any of', 'is none of', 'contains any of', 'does not contain any of', 'starts with any of', 'ends with any of'), fc.array(text, { minLength: 1, maxLength: 3 }), unknownFlag)
    .map(([op, vs, u]) => `country ${op} (${vs.map(q).join(', ')})${u}`),
  fc.tuple(oneOf('is', 'is not', '>', '>=', '<', '<='), fc.integer({ min: -5, max: 20 }), unknownFlag).map(([op, n, u]) => `num_employees ${op} ${n}${u}`),
  fc.tuple(oneOf('is between', 'is not between'), fc.integer({ min: -5, max: 20 }), fc.integer({ min: -5, max: 20 })).map(([op, x, y]) => `num_employees ${op} ${x} and ${y}`),
  fc.tuple(oneOf('is any of', 'is none of', 'is exactly', 'is not exactly', 'contains all of', 'does not contain all of'), fc.subarray(['a', 'b', 'c'], { minLength: 1 }), unknownFlag)
    .map(([op, vs, u]) => `hs_tags ${op} (${vs.join(', ')})${u}`),
  fc.tuple(oneOf('is', 'is not'), fc.boolean()).map(([op, v]) => `is_vip ${op} ${v}`),
  // Ordered phrases, written out as `is any of (…)`; an empty range (`is after customer`) is refused by the checker, so not generated.
  fc.tuple(oneOf('is at least', 'is at most', 'is after', 'is before'), fc.constantFrom(...STAGES), unknownFlag)
    .filter(([op, v]) => !(op === 'is after' && v === STAGES[STAGES.length - 1]) && !(op === 'is before' && v === STAGES[0]))
    .map(([op, v, u]) => `lifecyclestage ${op} ${v}${u}`),
  fc.tuple(oneOf('country', 'hs_tags', 'createdate', 'num_employees', 'is_vip'), oneOf('is known', 'is unknown')).map(([p, op]) => `${p} ${op}`),
  fc.tuple(oneOf('createdate', 'closedate'), oneOf('is', 'is not', 'is before', 'is after'), dateValue, unknownFlag).map(([p, op, v, u]) => `${p} ${op} ${v}${u}`),
  fc.tuple(oneOf('is less than', 'is more than'), fc.integer({ min: 0, max: 200 }), oneOf('ago', 'from now')).map(([op, n, dir]) => `createdate ${op} ${n} days ${dir}`),
  fc.tuple(oneOf('day', 'week', 'month', 'quarter', 'year'), fc.integer({ min: 1, max: 3 }), oneOf('this', 'this so far', 'last', 'next'))
    .map(([unit, n, which]) => (which.startsWith('this') ? `createdate is in ${which.replace('this', `this ${unit}`)}` : `createdate is in ${which} ${plural(n, unit)}`)),
  oneOf('is before', 'is after').map((op) => `createdate ${op} property notes_last_contacted`),
  fc.constant('in list #7'),
  oneOf('SOFTWARE', 'RETAIL').map((i) => `associated company where industry is ${i}`),
  fc.tuple(oneOf('has ever been', 'has never been', 'has ever contained', 'has never contained'), text).map(([op, v]) => `country ${op} ${q(v)}`),
  fc.tuple(oneOf('has ever been any of', 'has never been any of', 'has ever been exactly', 'has never been exactly', 'has ever contained all of', 'has never contained all of'), fc.subarray(['a', 'b', 'c'], { minLength: 1 }))
    .map(([op, vs]) => `hs_tags ${op} (${vs.join(', ')})`),
  fc.tuple(oneOf('has ever been', 'has never been'), fc.integer({ min: -5, max: 20 })).map(([op, n]) => `num_employees ${op} ${n}`),
  fc.tuple(oneOf('has ever been', 'has never been'), fc.boolean()).map(([op, v]) => `is_vip ${op} ${v}`),
  fc.tuple(oneOf('country', 'hs_tags', 'num_employees'), oneOf('was updated in last', 'was not updated in last'), fc.integer({ min: 1, max: 60 })).map(([p, op, n]) => `${p} ${op} ${n} days`),
  { weight: 4, arbitrary: formConditionArb },
  { weight: 2, arbitrary: activityConditionArb },
);
export const whereArb: fc.Arbitrary<string> = whereOf(conditionArb);
/** Only form submission conditions, nested: so their bounds and counts are met often. */
export const formWhereArb: fc.Arbitrary<string> = whereOf(formConditionArb);
/** Only webinar, CTA and ads conditions, nested. */
export const activityWhereArb: fc.Arbitrary<string> = whereOf(activityConditionArb);

function whereOf(leaf: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    leaf,
    fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((xs) => `(${xs.join(' and ')})`),
    fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((xs) => `(${xs.join(' or ')})`),
    tie('e').map((x) => `not (${x})`),
  ),
})).e;
}

export type RawContact = typeof contactArb extends fc.Arbitrary<infer T> ? T : never;

/** HubSpot's history lists the current value first (newest), then older ones; every timestamp is in the past. */
function historyOf(c: RawContact): Record<string, HistoryEntry[]> | undefined {
  if (!c.history) return undefined;
  const [past, hours] = c.history;
  const ages = [...hours].sort((a, b) => a - b);
  const entries = (current: string | null, older: (string | null)[]) =>
    [current, ...older].map((value, k): HistoryEntry => ({ value: value ?? '', timestamp: NOW - (ages[k] + k) * HOUR }));
  return { country: entries(c.country, past.country), hs_tags: entries(c.hs_tags, past.hs_tags), num_employees: entries(c.num_employees, past.num_employees), is_vip: entries(c.is_vip, past.is_vip) };
}

export function toContact(c: RawContact, i: number): ContactRecord {
  const { member, industry, history, forms, webinars, ctaEvents, adViews, ...props } = c;
  void history;
  const record: ContactRecord = { id: String(i), properties: props, listMemberships: member ? ['7'] : [], companies: industry.map((x: string, k: number) => ({ id: `c${i}-${k}`, properties: { industry: x } })) };
  const h = historyOf(c);
  if (h) record.history = h;
  if (forms) record.formSubmissions = forms.map((s) => ({ formId: s.formId, timestamp: NOW - s.hoursAgo * HOUR, ...s.page }));
  if (webinars) record.webinars = webinars;
  if (ctaEvents) record.ctaEvents = ctaEvents.map((e) => ({ cta: e.cta, type: e.type, timestamp: NOW - e.hoursAgo * HOUR }));
  if (adViews) record.adViews = adViews.map((h) => ({ timestamp: NOW - h * HOUR }));
  return record;
}

