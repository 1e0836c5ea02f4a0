// Operand normalisation for one resolved condition: values typed for the property, and every time
// point turned into an instant in the list's zone (docs/semantics.md, "Dates and time zones").

import type { Operand, Value } from '@hslist/grammar';
import type { PropertyFilter, TimeRef } from './plan-types';
import { parseBoolean, parseInstant, parseNumber, validDay } from './values';
import { calendarSpan } from './time';
import { valueText } from './canonical';
import { rollingOperand } from '../hubspot/compile/time-operation';
import { wallClockAt } from '../hubspot/compile/time';
import { relativeInstant, wallInstant } from './relative-time';

interface TimeEnv {
  zone: string;
  now: number;
  /**
   * A `date` property: its stored value is a day (midnight UTC), so every bound is put on that scale
   * (the bound's wall clock read as UTC) and a day compares as the day it is, whatever the zone.
   */
  dateOnly: boolean;
  /** The operator phrase (the rolling phrases need it: their operand is only a number of days). */
  surface: string;
}

/** The filter with its operands filled in, or a sentence saying why the operand does not fit. */
export function resolveOperands(f: PropertyFilter, o: Operand, env: TimeEnv): PropertyFilter | string {
  switch (f.operationType) {
    case 'ALL_PROPERTY':
      return f;
    case 'ROLLING_PROPERTY_UPDATED':
      return withDays(f, o, env);
    case 'STRING':
    case 'MULTISTRING':
    case 'ENUMERATION':
      return withTexts(f, o);
    case 'NUMBER':
    case 'BOOL':
      return withScalar(f, o);
    case 'NUMBER_RANGED':
      return withNumberRange(f, o);
    case 'TIME_POINT':
    case 'TIME_RANGED':
      return withTimes(f, o.kind === 'days' ? rollingOperand(env.surface, numberOf(o.count)) : asSingleTime(o), env);
    case 'CALENDAR_DATE':
      return withCalendar(f, o, env);
    case 'COMPARATIVE_DATE':
      return 'the language writes `is before|after property P` as a TIME_POINT';
  }
}

function operandValues(o: Operand): Value[] {
  if (o.kind === 'single') return [o.value];
  if (o.kind === 'list') return o.values;
  return [];
}

/** Strings as written (case is folded by the evaluators); enumeration options exactly. */
function withTexts(f: PropertyFilter, o: Operand): PropertyFilter | string {
  const values = operandValues(o).map((v) => (v.kind === 'string' || v.kind === 'word' ? v.value : valueText(v)));
  if (values.length === 0) return 'expected at least one value';
  return { ...f, values };
}

function numberOf(v: Value): number {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string' || v.kind === 'word') return parseNumber(v.value);
  return NaN;
}

function withScalar(f: PropertyFilter, o: Operand): PropertyFilter | string {
  if (o.kind !== 'single') return 'expected one value';
  if (f.operationType === 'BOOL') {
    const v = o.value;
    const b = v.kind === 'boolean' ? v.value : v.kind === 'string' || v.kind === 'word' ? parseBoolean(v.value) : undefined;
    return b === undefined ? `"${valueText(v)}" is not true or false` : { ...f, value: b ? 1 : 0 };
  }
  const n = numberOf(o.value);
  return Number.isNaN(n) ? `"${valueText(o.value)}" is not a number` : { ...f, value: n };
}

function withNumberRange(f: PropertyFilter, o: Operand): PropertyFilter | string {
  if (o.kind !== 'range') return 'expected "A and B"';
  const low = numberOf(o.low);
  const high = numberOf(o.high);
  if (Number.isNaN(low) || Number.isNaN(high)) return 'the bounds must be numbers';
  return { ...f, lowerBound: low, upperBound: high };
}

/** An instant, or for a `date` property its wall clock in the list's zone on the days' scale. */
function onScale(t: number, env: TimeEnv): number {
  const wall = env.dateOnly ? wallClockAt(env.zone, t) : undefined;
  return wall ? wallInstant(wall, env.zone, true) : t;
}

/** A time value as [start, end]: a date is its whole day in the zone, a relative time its span, an instant itself. */
function instantSpan(v: Value, env: TimeEnv): [number, number] | undefined {
  if (v.kind === 'date') {
    if (!validDay(v.year, v.month, v.day)) return undefined;
    const day = { year: v.year, month: v.month, day: v.day };
    const start = { ...day, hour: 0, minute: 0, second: 0, millisecond: 0 };
    const end = { ...day, hour: 23, minute: 59, second: 59, millisecond: 999 };
    return [wallInstant(start, env.zone, env.dateOnly), wallInstant(end, env.zone, env.dateOnly)];
  }
  if (v.kind === 'relative') return [relativeInstant(v.anchor, v.offset, 'start', env), relativeInstant(v.anchor, v.offset, 'end', env)];
  if (v.kind === 'datetime') {
    const t = parseInstant(v.raw);
    return Number.isNaN(t) ? undefined : [onScale(t, env), onScale(t, env)];
  }
  if (v.kind === 'number' && Number.isInteger(v.value)) return [onScale(v.value, env), onScale(v.value, env)]; // epoch ms
  return undefined;
}

/** `is before property P` is P's value as a single time. */
function asSingleTime(o: Operand): Operand {
  if (o.kind !== 'property') return o;
  return { kind: 'single', value: { kind: 'property', property: o.property, updated: false, start: o.start, end: o.end }, start: o.start, end: o.end };
}

/** A time value's [start, end] instants, or the other property it reads per contact. */
type Bound = { span: [number, number] } | { ref: TimeRef };

function boundOf(v: Value, env: TimeEnv): Bound | undefined {
  if (v.kind === 'property') return { ref: { property: v.property.text, updated: v.updated } };
  const span = instantSpan(v, env);
  return span && { span };
}

function withTimes(f: PropertyFilter, o: Operand, env: TimeEnv): PropertyFilter | string {
  if (o.kind === 'single') {
    const b = boundOf(o.value, env);
    if (!b) return `"${valueText(o.value)}" is not a date`;
    if ('ref' in b) {
      if (f.operationType === 'TIME_POINT') return { ...f, pointRef: b.ref, inclusive: false };
      return { ...f, lowerRef: b.ref, upperRef: b.ref };
    }
    const span = b.span;
    // `is before D` = before D's start; `is after D` = after D's end; `is D` = within the day.
    if (f.operator === 'IS_BEFORE') return { ...f, timePoint: span[0], inclusive: false };
    if (f.operator === 'IS_AFTER') return { ...f, timePoint: span[1], inclusive: false };
    return { ...f, lowerBound: span[0], upperBound: span[1] };
  }
  if (o.kind !== 'range') return 'expected a date';
  const low = boundOf(o.low, env);
  const high = boundOf(o.high, env);
  if (!low || !high) return 'the bounds must be dates';
  return {
    ...f,
    ...('ref' in low ? { lowerRef: low.ref } : { lowerBound: low.span[0] }),
    ...('ref' in high ? { upperRef: high.ref } : { upperBound: high.span[1] }),
  };
}

function withDays(f: PropertyFilter, o: Operand, env: TimeEnv): PropertyFilter | string {
  const days = o.kind === 'days' ? numberOf(o.count) : NaN;
  if (!(days >= 0)) return 'expected a number of days (0 or more)';
  return { ...f, days, now: env.now };
}

/** CALENDAR_DATE resolved to the [start, end) span its operator selects (SO_FAR: [start, now]). */
function withCalendar(f: PropertyFilter, o: Operand, env: TimeEnv): PropertyFilter | string {
  if (o.kind !== 'calendar') return 'expected a calendar unit';
  const n = o.count ? numberOf(o.count) : 1;
  if (!(Number.isInteger(n) && n >= 1)) return 'the number of units must be a whole number, 1 or more';
  const unit = o.unit;
  const [from, to] = f.operator === 'IN_NEXT_TIME_UNIT' ? [1, 1 + n] : f.operator === 'IN_LAST_TIME_UNIT' ? [-n, 0] : [0, 1];
  const range = calendarSpan(env.zone, env.now, unit, from, to, env.dateOnly);
  return { ...f, timeUnit: unit, spanStart: range.start, spanEnd: range.end, now: onScale(env.now, env) };
}
