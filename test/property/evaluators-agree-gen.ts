// Generators for the three-evaluator property test: criteria as .hslist text on dates (literals,
// relative times, other properties and their last updates, rolling and calendar phrases, last updates), blank checks, multi-select
// operators and ordered enumerations (`is at least`); contacts with values around a `now` near local midnight and DST changes.

import fc from 'fast-check';
import { wallClockAt } from '../../server/src/hubspot/compile/time';
import { wallClockToInstant } from '../../server/src/preview/time';
import { EMAIL_EVENT_TYPES, type AssociatedRecord, type ContactRecord, type EmailEventRecord, type PageViewRecord, type SubscriptionRecord } from '../../server/src/preview/types';
import { EMAIL_EVENTS } from '../../server/src/hubspot/compile/events';

export const ZONES = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Chatham'];

/** Instants near DST changes (New York: 2024-03-10, 2024-11-03; Chatham: 2024-04-07, 2024-09-29) and year ends. */
const BASES = ['2024-03-10T06:30:00Z', '2024-11-03T05:30:00Z', '2024-04-06T13:30:00Z', '2024-09-28T14:00:00Z', '2024-06-15T12:00:00Z', '2024-12-31T23:30:00Z', '2024-02-29T10:00:00Z', '2024-01-31T12:00:00Z'].map(Date.parse);
export const nowArb = fc.tuple(fc.constantFrom(...BASES), fc.integer({ min: -36 * 60, max: 36 * 60 })).map(([base, minutes]) => base + minutes * 60_000);

const UNITS = ['day', 'week', 'month', 'quarter', 'year'];
/** The lifecycle stages of the test schema, in order (an empty range such as `is after customer` does not compile, and is skipped). */
const STAGES = ['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'customer'];
const DATE_PROPS = ['createdate', 'closedate', 'notes_last_contacted'];

/** A day near now as YYYY-MM-DD. */
function dayText(now: number, days: number): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

/** An offset that stays within weeks of now, where the contacts' values are. */
const offsetArb = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constant('day')) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constant('week')) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom('month', 'quarter', 'year')) },
);

function timeValue(now: number): fc.Arbitrary<string> {
  const relative = fc
    .tuple(fc.constantFrom('today', 'now', ...UNITS.flatMap((u) => [`start of ${u}`, `end of ${u}`])), fc.option(fc.tuple(offsetArb, fc.constantFrom('before', 'after'))))
    .map(([anchor, o]) => (o ? `${o[0][0]} ${o[0][1]}${o[0][0] === 1 ? '' : 's'} ${o[1]} ${anchor}` : anchor));
  const date = fc.integer({ min: -20, max: 20 }).map((d) => dayText(now, d));
  const datetime = fc.integer({ min: -20 * 1440, max: 20 * 1440 }).map((m) => new Date(now + m * 60_000).toISOString().replace('.000Z', 'Z'));
  // Another property as a time (PROPERTY_REFERENCED): its value, or when it was last updated.
  const reference = fc.constantFrom(...DATE_PROPS.map((p) => `property ${p}`), 'when country was updated', 'when createdate was updated');
  return fc.oneof({ weight: 3, arbitrary: relative }, { weight: 2, arbitrary: date }, { weight: 1, arbitrary: datetime }, { weight: 1, arbitrary: reference });
}

function datePhrase(now: number): fc.Arbitrary<string> {
  const t = timeValue(now);
  const n = fc.integer({ min: 0, max: 20 });
  const unit = fc.constantFrom(...UNITS);
  return fc.oneof(
    t.map((v) => `is ${v}`),
    t.map((v) => `is not ${v}`),
    t.map((v) => `is before ${v}`),
    t.map((v) => `is after ${v}`),
    fc.tuple(t, t).map(([a, b]) => `is between ${a} and ${b}`),
    fc.tuple(fc.constantFrom('less', 'more'), n, fc.constantFrom('ago', 'from now')).map(([w, k, d]) => `is ${w} than ${k} days ${d}`),
    fc.tuple(unit, fc.boolean()).map(([u, soFar]) => `is in this ${u}${soFar ? ' so far' : ''}`),
    fc.tuple(fc.constantFrom('next', 'last'), fc.integer({ min: 1, max: 3 }), unit).map(([w, k, u]) => `is in ${w} ${k} ${u}s`),
  );
}

function condition(now: number): fc.Arbitrary<string> {
  const unknown = fc.constantFrom('', ' including unknown');
  const t = timeValue(now);
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...DATE_PROPS), datePhrase(now), unknown).map(([p, phrase, u]) => `${p} ${phrase}${u}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('country', 'createdate'), fc.oneof(t.map((v) => `before ${v}`), t.map((v) => `after ${v}`), fc.tuple(t, t).map(([a, b]) => `between ${a} and ${b}`)), unknown).map(([p, w, u]) => `${p} was updated ${w}${u}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('country', 'closedate', 'hs_tags'), fc.constantFrom('is blank', 'is not blank')).map(([p, w]) => `${p} ${w}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...DATE_PROPS), fc.constantFrom('before', 'after'), fc.constantFrom(...DATE_PROPS), unknown).map(([p, w, q, u]) => `${p} is ${w} property ${q}${u}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('is at least', 'is at most', 'is after', 'is before'), fc.constantFrom(...STAGES), unknown).map(([w, v, u]) => `lifecyclestage ${w} ${v}${u}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('is a', 'is not a', 'contains b', 'does not contain b', 'contains any of (a, c)', 'is exactly (a, b)', 'is none of (c)'), unknown).map(([w, u]) => `hs_tags ${w}${u}`) },
    { weight: 2, arbitrary: subscriptionArb },
    { weight: 2, arbitrary: associationArb },
    { weight: 2, arbitrary: emailEventArb(now) },
    { weight: 2, arbitrary: pageViewArb },
  );
}

/** Marketing email events: every event phrase, two emails of one app and one of another, with and without a window. */
const windowArb = fc.constantFrom('', ' in last 1 days', ' in last 7 days', ' in last 20 days');
const emailEventArb = (now: number) =>
  fc
    .tuple(fc.constantFrom('#1 of app #9', '#2 of app #9', '#1 of app #8'), fc.constantFrom(...Object.keys(EMAIL_EVENTS), 'clicked link "https://x.com/a"', 'clicked link "HTTPS://X.COM/B"'), fc.oneof(windowArb, absoluteWindowArb(now)))
    .map(([email, event, window]) => `marketing email ${email} ${event}${window}`);

/** `after D`, `before D`, `between D1 and D2` (dates or instants, the earlier first) within weeks of now, where the events are. */
function absoluteWindowArb(now: number): fc.Arbitrary<string> {
  const days = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })).map(([a, b]) => [dayText(now, Math.min(a, b)), dayText(now, Math.max(a, b))]);
  const instant = (m: number) => new Date(now + m * 60_000).toISOString().replace('.000Z', 'Z');
  const instants = fc.tuple(fc.integer({ min: -20 * 1440, max: 20 * 1440 }), fc.integer({ min: -20 * 1440, max: 20 * 1440 })).map(([a, b]) => [instant(Math.min(a, b)), instant(Math.max(a, b))]);
  return fc.tuple(fc.constantFrom('after', 'before', 'between'), fc.oneof(days, instants)).map(([kind, [low, high]]) => (kind === 'between' ? ` between ${low} and ${high}` : ` ${kind} ${low}`));
}

/** Page views: the whole URL (in another case too), a part, a pattern; a count of views (within the window). */
const pageViewArb = fc
  .tuple(
    fc.constantFrom('"https://x.com/pricing"', '"HTTPS://X.COM/Pricing"', 'containing "/pricing"', 'containing "blog"', 'matching "https://x\\\\.com/blog/.*"'),
    fc.constantFrom('', '', ' at least 1 times', ' at least 2 times', ' at least 3 times'),
    windowArb,
  )
  .map(([target, times, window]) => `visited page ${target}${times}${window}`);

/**
 * The subscription definitions of the test's schema (subscriptions.json): a name the generator writes
 * stands for its id, when the definition fits the channel (one without a channel fits both).
 */
export const SUBSCRIPTION_DEFINITIONS = [
  { id: '1', name: 'Newsletter', description: '', communicationMethod: 'EMAIL', archived: false },
  { id: '2', name: 'Order alerts', description: '', communicationMethod: 'SMS', archived: false },
  { id: '3', name: 'Updates', description: '', archived: false },
];
const NAMES: Record<string, Record<string, string>> = { email: { 1: 'Newsletter', 3: 'Updates' }, sms: { 2: 'Order alerts', 3: 'Updates' } };

/** One subscription of a channel: its `#id`, or its name where a definition of the channel has one. */
const subscriptionRefArb = (channel: string, id: string) => (NAMES[channel][id] ? fc.constantFrom(`#${id}`, `"${NAMES[channel][id]}"`) : fc.constant(`#${id}`));

/** Subscription statuses: by id or name (EMAIL_SUBSCRIPTION, COMMUNICATION_SUBSCRIPTION) and portal-wide. */
const subscriptionArb = fc
  .tuple(
    fc.constantFrom('opted in to', 'opted out of', 'opted neither in nor out of'),
    fc.oneof(
      fc
        .tuple(fc.constantFrom('email', 'sms'), fc.subarray(['1', '2', '3'], { minLength: 1 }))
        .chain(([c, ids]) => fc.tuple(...ids.map((id) => subscriptionRefArb(c, id))).map((refs) => (refs.length === 1 ? `${c} subscription ${refs[0]}` : `${c} subscriptions (${refs.join(', ')})`))),
      fc.constantFrom('all email', 'all sms', 'all whatsapp'),
    ),
  )
  .map(([status, target]) => `${status} ${target}`);

/** Associated deals, tickets and companies: their properties, labels, the primary company and counts. */
const associationArb = fc.oneof(
  fc.tuple(fc.constantFrom('deal', 'deal labeled #12', 'deal labeled #13'), fc.constantFrom('amount > 1000', 'amount <= 500', 'dealstage is closedwon', 'amount is unknown')).map(([o, w]) => `associated ${o} where ${w}`),
  fc.constantFrom('associated ticket where hs_ticket_priority is HIGH', 'associated primary company where industry is SOFTWARE', 'associated company labeled #12 where industry is SOFTWARE'),
  fc.tuple(fc.constantFrom('deals', 'tickets', 'companies', 'primary companies'), fc.constantFrom('>= 1', '> 1', '< 2', '<= 0', 'is 1', 'is between 1 and 2')).map(([o, c]) => `number of associated ${o} ${c}`),
);

/** Criteria: a condition, its negation, or two joined. */
export function criteriaArb(now: number): fc.Arbitrary<string> {
  const c = condition(now);
  return fc.oneof(
    { weight: 3, arbitrary: c },
    { weight: 2, arbitrary: c.map((x) => `not (${x})`) },
    { weight: 2, arbitrary: fc.tuple(c, c, fc.constantFrom('and', 'or')).map(([a, b, op]) => `(${a}) ${op} (${b})`) },
  );
}

/** Local midnight `days` from now's day in `zone`, moved by `ms`: the edges day phrases are about. */
function nearMidnight(zone: string, now: number, days: number, ms: number): number {
  const w = wallClockAt(zone, now)!;
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return wallClockToInstant(zone, { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }) + ms;
}

function instantArb(zone: string, now: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: -25 * 1440, max: 25 * 1440 }).map((m) => now + m * 60_000),
    fc.tuple(fc.integer({ min: -25, max: 25 }), fc.constantFrom(-1, 0, 1, 3_600_000, -3_600_000)).map(([d, ms]) => nearMidnight(zone, now, d, ms)),
    fc.constant(now),
  );
}

const valueOf = (t: number) => new Date(t).toISOString();

/** One contact: date values near now (a `date` property as a day), tags, a country and its last updates. */
export function contactArb(zone: string, now: number, id: number): fc.Arbitrary<ContactRecord> {
  const instant = instantArb(zone, now);
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
  return fc
    .record({
      createdate: maybe(instant.map(valueOf)),
      notes_last_contacted: maybe(instant.map(valueOf)),
      closedate: maybe(fc.integer({ min: -25, max: 25 }).map((d) => dayText(nearMidnight('UTC', now, 0, 0), d))),
      hs_tags: maybe(fc.subarray(['a', 'b', 'c']).map((s) => s.join(';'))),
      country: maybe(fc.constantFrom('Poland', 'France')),
      lifecyclestage: maybe(fc.constantFrom(...STAGES)),
      countryUpdated: fc.array(instant, { maxLength: 2 }),
      // Always loaded: the emulator has every status (no status is NOT_OPTED); not loaded is tested in unit tests.
      subscriptions: fc.array(subscriptionRecordArb, { maxLength: 5 }),
      emailEvents: fc.array(emailEventRecordArb(instant), { maxLength: 6 }),
      pageViews: fc.array(pageViewRecordArb(instant), { maxLength: 4 }),
      deals: fc.array(linkedArb({ amount: fc.constantFrom('100', '500', '5000', null), dealstage: fc.constantFrom('closedwon', 'closedlost') }), { maxLength: 3 }),
      tickets: fc.array(linkedArb({ hs_ticket_priority: fc.constantFrom('HIGH', 'LOW', null) }), { maxLength: 2 }),
      companies: fc.array(linkedArb({ industry: fc.constantFrom('SOFTWARE', 'RETAIL') }), { maxLength: 3 }),
      primaryFirst: fc.boolean(),
      createUpdated: fc.array(instant, { maxLength: 2 }),
    })
    .map((r) => ({
      id: String(id),
      properties: { createdate: r.createdate, notes_last_contacted: r.notes_last_contacted, closedate: r.closedate, hs_tags: r.hs_tags, country: r.country, lifecyclestage: r.lifecyclestage },
      history: {
        country: r.countryUpdated.map((timestamp) => ({ value: r.country, timestamp })),
        createdate: r.createUpdated.map((timestamp) => ({ value: r.createdate, timestamp })),
      },
      companies: r.companies.map((c, i) => (i === 0 && r.primaryFirst ? { ...c, primary: true } : c)),
      deals: r.deals,
      tickets: r.tickets,
      subscriptions: r.subscriptions,
      emailEvents: r.emailEvents,
      pageViews: r.pageViews,
    }));
}

let linkedIds = 0;

/** An associated record with these properties and maybe a label (12 or 13). */
function linkedArb(properties: Record<string, fc.Arbitrary<string | null>>): fc.Arbitrary<AssociatedRecord> {
  return fc.tuple(fc.record(properties), fc.subarray(['12', '13'])).map(([props, labels]) => ({ id: `r${linkedIds++}`, properties: props, ...(labels.length ? { labels } : {}) }));
}

const subscriptionRecordArb: fc.Arbitrary<SubscriptionRecord> = fc
  .tuple(fc.constantFrom('EMAIL', 'SMS', 'WHATSAPP' as const), fc.constantFrom('1', '2', '3', undefined), fc.constantFrom('OPT_IN', 'OPT_OUT', 'NOT_OPTED' as const))
  .map(([channel, subscriptionId, status]) => ({ channel, status, ...(subscriptionId ? { subscriptionId } : {}) }));

function emailEventRecordArb(instant: fc.Arbitrary<number>): fc.Arbitrary<EmailEventRecord> {
  return fc
    .tuple(fc.constantFrom(['9', '1'], ['9', '2'], ['8', '1']), fc.constantFrom(...EMAIL_EVENT_TYPES), instant, fc.constantFrom(undefined, 'https://x.com/a', 'https://x.com/b'))
    // A click may carry the link clicked (the Email Events API's `url`); other events carry none.
    .map(([[appId, emailId], type, timestamp, url]) => ({ appId, emailId, type, timestamp, ...(type === 'CLICK' && url ? { url } : {}) }));
}

function pageViewRecordArb(instant: fc.Arbitrary<number>): fc.Arbitrary<PageViewRecord> {
  return fc
    .tuple(fc.constantFrom('https://x.com/pricing', 'https://x.com/Pricing', 'https://x.com/pricing/team', 'https://x.com/blog/a', 'https://y.com/blog'), instant)
    .map(([url, timestamp]) => ({ url, timestamp }));
}
