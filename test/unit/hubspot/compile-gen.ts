// A schema-aware fast-check generator of list criteria, as syntax trees (spans all 0): every
// property condition uses a row of the operator table that applies to the property's type, with an
// operand of the right shape and values of the right kind. A few nodes are deliberately wrong
// (unknown properties, wrong operands) so "compiling never throws" also covers bad input.

import fc from 'fast-check';
import type { CalendarUnit, Condition, Expr, ListNode, OccurrenceCount, Operand, RelativeAnchor, TimeWindow, Value } from '@hslist/grammar';
import { OPERATOR_TABLE, isMultiSelect, typeClassOf, type OperatorRow } from '../../../server/src/language/operators';
import type { PropertyDef } from '../../../server/src/language/schema-types';
import { COMPANY_PROPERTIES, CONTACT_PROPERTIES } from './compile-schema';
import { EMAIL_EVENTS } from '../../../server/src/hubspot/compile/events';

const S = { start: 0, end: 0 };
const ZONES = ['UTC', 'Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const UNITS: CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

const text = fc.string({ maxLength: 12 });
// Numbers as people write them: the language has no exponent notation, so no 5e-324.
const num = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000));

function numberValue(n: number): Value {
  return { ...S, kind: 'number', value: n, raw: String(n) };
}

const dateValue: fc.Arbitrary<Value> = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => ({ ...S, kind: 'date', raw: d.toISOString().slice(0, 10), year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
const datetimeValue: fc.Arbitrary<Value> = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => ({ ...S, kind: 'datetime', raw: d.toISOString() }));
const ANCHORS: RelativeAnchor[] = ['today', 'now', ...UNITS.flatMap((u): RelativeAnchor[] => [`start of ${u}`, `end of ${u}`])];
const relativeValue: fc.Arbitrary<Value> = fc
  .tuple(fc.constantFrom(...ANCHORS), fc.option(fc.record({ count: fc.nat({ max: 30 }), unit: fc.constantFrom(...UNITS), direction: fc.constantFrom('before' as const, 'after' as const) }), { nil: undefined }))
  .map(([anchor, offset]) => ({ ...S, kind: 'relative', anchor, offset }));
const anyDate = fc.oneof(dateValue, datetimeValue, relativeValue);

function valueFor(def: PropertyDef): fc.Arbitrary<Value> {
  switch (typeClassOf(def.type)) {
    case 'number':
      return num.map(numberValue);
    case 'bool':
      return fc.boolean().map((b) => ({ ...S, kind: 'boolean', value: b }));
    case 'enumeration':
      return fc.constantFrom(...def.options.map((o) => o.value)).map((v) => ({ ...S, kind: 'word', value: v }));
    case 'date':
      return anyDate;
    default:
      return text.map((v) => ({ ...S, kind: 'string', value: v }));
  }
}

function operandFor(row: OperatorRow, def: PropertyDef, dates: PropertyDef[]): fc.Arbitrary<Operand> {
  const value = row.propertyParser === 'UPDATED_AT' ? anyDate : valueFor(def);
  switch (row.operand) {
    case 'none':
      return fc.constant({ ...S, kind: 'none' });
    case 'single':
      return value.map((v) => ({ ...S, kind: 'single', value: v }));
    case 'list':
      return fc.array(value, { minLength: 1, maxLength: 3 }).map((values) => ({ ...S, kind: 'list', values, anyOf: false }));
    case 'range':
      return fc.tuple(value, value).map(([low, high]) => ({ ...S, kind: 'range', low, high }));
    case 'days':
      return fc.nat({ max: 400 }).map((n) => ({ ...S, kind: 'days', count: numberValue(n) }));
    case 'calendar': {
      const counted = row.surface === 'is in next' || row.surface === 'is in last';
      const count = counted ? fc.option(fc.integer({ min: 1, max: 12 }).map(numberValue), { nil: undefined }) : fc.constant(undefined);
      return fc.tuple(fc.constantFrom(...UNITS), count).map(([unit, c]) => ({ ...S, kind: 'calendar', unit, count: c }));
    }
    case 'property':
      return fc.constantFrom(...dates).map((d) => ({ ...S, kind: 'property', property: { ...S, text: d.name } }));
  }
}

function rowsFor(def: PropertyDef): OperatorRow[] {
  const tc = typeClassOf(def.type);
  const cardinality = isMultiSelect(def) ? 'multi' : 'single';
  return OPERATOR_TABLE.filter((r) => (r.types === 'any' || r.types.includes(tc)) && (r.cardinality ?? cardinality) === cardinality);
}

function propertyCondition(defs: PropertyDef[]): fc.Arbitrary<Condition> {
  const dates = defs.filter((d) => typeClassOf(d.type) === 'date');
  return fc.constantFrom(...defs).chain((def) =>
    fc.constantFrom(...rowsFor(def)).chain((row) =>
      fc.tuple(operandFor(row, def, dates), fc.boolean()).map(([operands, unknown]): Condition => ({
        ...S,
        kind: 'property',
        property: { ...S, text: def.name },
        operator: row.surface,
        operatorSpan: S,
        operands,
        includeUnknown: unknown ? S : undefined,
      })),
    ),
  );
}

/** `at least N times`, `at most N times`, `between N and M times` (M ≥ N). */
const occurrenceCount: fc.Arbitrary<OccurrenceCount> = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom('min', 'max', 'both')).map(([n, extra, which]) => ({
  ...S,
  min: which === 'max' ? undefined : numberValue(n),
  max: which === 'min' ? undefined : numberValue(n + (which === 'both' ? extra : 0)),
}));

/** No window, `in last N days` (the number), or `after` / `before` / `between` dates and instants (in order). */
const formWindow: fc.Arbitrary<number | TimeWindow | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 1, max: 365 }),
  fc.tuple(fc.constantFrom('after' as const, 'before' as const), fc.oneof(dateValue, datetimeValue)).map(([kind, at]): TimeWindow => ({ ...S, kind, at })),
  fc.tuple(fc.oneof(dateValue, datetimeValue), fc.oneof(dateValue, datetimeValue)).map(([a, b]): TimeWindow => {
    const [low, high] = rawTime(a) <= rawTime(b) ? [a, b] : [b, a];
    return { ...S, kind: 'between', low, high };
  }),
);

/** Enough to put two generated times in order: a date's first moment in UTC, or the instant. */
function rawTime(v: Value): number {
  return v.kind === 'date' || v.kind === 'datetime' ? Date.parse(v.raw) : 0;
}

const otherCondition: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom('Webinar attendees', 'New leads').map((n): Condition => ({ ...S, kind: 'inList', target: { ...S, text: n, by: 'name' } })),
  fc.integer({ min: 1, max: 99999 }).map((n): Condition => ({ ...S, kind: 'inList', target: { ...S, text: String(n), by: 'id' } })),
  fc.tuple(fc.option(fc.constantFrom('f-1', 'f-2'), { nil: undefined }), fc.option(fc.constantFrom('123', '98765432101'), { nil: undefined, freq: 2 }), fc.option(occurrenceCount, { nil: undefined }), formWindow).map(
    ([form, page, count, window]): Condition => ({
      ...S,
      kind: 'formSubmission',
      formId: form === undefined ? undefined : { ...S, text: form },
      ...(page === undefined ? {} : { page: { ...S, text: page, by: 'id' as const } }),
      withinLastDays: typeof window === 'number' ? numberValue(window) : undefined,
      ...(count ? { count } : {}),
      ...(typeof window === 'object' ? { window } : {}),
    }),
  ),
  fc.boolean().map((accept): Condition => ({ ...S, kind: 'constant', accept })),
  fc.tuple(fc.constantFrom('opted in', 'opted out', 'not opted' as const), fc.constantFrom('email', 'sms', 'whatsapp'), fc.subarray(['1', '22', '333'], { minLength: 1 }), fc.boolean()).map(
    ([status, channel, ids, all]): Condition => ({ ...S, kind: 'subscription', status, channel: { ...S, text: channel }, subscriptions: all ? [] : ids.map((text) => ({ ...S, text, by: 'id' as const })), all }),
  ),
  fc.tuple(fc.constantFrom('1', '456'), fc.constantFrom('113', '9'), fc.constantFrom(...Object.keys(EMAIL_EVENTS)), fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined })).map(
    ([email, app, event, days]): Condition => ({ ...S, kind: 'emailEvent', email: { by: 'ids', emailId: { ...S, text: email }, appId: { ...S, text: app } }, event: { ...S, text: event }, clickUrl: undefined, withinLastDays: days === undefined ? undefined : numberValue(days) }),
  ),
  fc.tuple(fc.constantFrom('is', 'containing', 'matching' as const), fc.constantFrom('https://x.com/pricing', '/blog', 'https://x\\.com/.*'), fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined })).map(
    ([match, url, days]): Condition => ({ ...S, kind: 'pageView', match, url: { ...S, text: url }, atLeastTimes: undefined, withinLastDays: days === undefined ? undefined : numberValue(days) }),
  ),
);

function combine(leaf: fc.Arbitrary<Expr>, depth: number): fc.Arbitrary<Expr> {
  if (depth === 0) return leaf;
  const sub = combine(leaf, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((operands): Expr => ({ ...S, kind: 'and', operands })) },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((operands): Expr => ({ ...S, kind: 'or', operands })) },
    { weight: 1, arbitrary: sub.map((operand): Expr => ({ ...S, kind: 'not', operand })) },
    { weight: 1, arbitrary: sub.map((inner): Expr => ({ ...S, kind: 'paren', inner })) },
  );
}

const companyCriteria = combine(propertyCondition(COMPANY_PROPERTIES), 1);
const association: fc.Arbitrary<Condition> = fc.tuple(companyCriteria, fc.boolean()).map(([where, primary]) => ({
  ...S,
  kind: 'association',
  objectType: { ...S, text: 'company' },
  primary,
  where,
}));

/** Valid-looking criteria over the contacts schema, with associations to companies. */
export const criteria: fc.Arbitrary<Expr> = combine(
  fc.oneof({ weight: 6, arbitrary: propertyCondition(CONTACT_PROPERTIES) }, { weight: 2, arbitrary: otherCondition }, { weight: 1, arbitrary: association }),
  2,
);

function nestedAssociation(a: Condition): Condition {
  const inner: Expr = { ...S, kind: 'and', operands: [a, a] };
  return { ...S, kind: 'association', objectType: { ...S, text: 'company' }, primary: false, where: inner };
}

/** Criteria with some deliberately broken conditions mixed in. */
export const anyCriteria: fc.Arbitrary<Expr> = combine(
  fc.oneof(
    { weight: 4, arbitrary: propertyCondition(CONTACT_PROPERTIES) },
    { weight: 1, arbitrary: propertyCondition(COMPANY_PROPERTIES) }, // unknown on contacts
    { weight: 1, arbitrary: association.map(nestedAssociation) },
    { weight: 1, arbitrary: fc.constant<Condition>({ ...S, kind: 'error' }) },
    { weight: 1, arbitrary: otherCondition },
  ),
  2,
);

export function listOf(where: Expr | undefined, zone: string, type = 'active'): ListNode {
  const setting = (key: string, value: ListNode['settings'][number]['value']) => ({ ...S, kind: 'setting' as const, key: { ...S, text: key }, value });
  return {
    ...S,
    kind: 'list',
    name: { ...S, text: 'Generated' },
    settings: [setting('type', { ...S, kind: 'word', value: type }), setting('timezone', { ...S, kind: 'string', value: zone })],
    where,
    whereKeyword: where ? S : undefined,
  };
}

export const zone = fc.constantFrom(...ZONES);
