// FORM_SUBMISSION → `submitted form "…" | any form` with its count and window (compile/refine.ts in
// reverse). A timestamp on a day's first (for BEFORE and a range's lower end) or last moment (for AFTER
// and a range's upper end) in the list's zone is written as that date; any other as an instant in UTC.
// A count or window the language has no phrase for is `not-representable`, never a broader list.

import type { Expr, OccurrenceCount, TimeWindow, Value } from '@hslist/grammar';
import * as ast from './decompile-ast';
import { windowDays } from './decompile-events';
import { isObject, type Json, type Reporter } from './decompile-report';
import { endOfDay, formatDate, instantOf, startOfDay, wallClockAt } from './compile/time';

export interface FormEnv {
  zone: string;
  r: Reporter;
}

export function decompileForm(f: Json, path: string, env: FormEnv): Expr | undefined {
  const negated = f.operator === 'NOT_FILLED_OUT';
  if (!negated && f.operator !== 'FILLED_OUT') return env.r.invalid(`${path}.operator`, 'must be FILLED_OUT or NOT_FILLED_OUT');
  if (f.formId !== undefined && typeof f.formId !== 'string') return env.r.invalid(`${path}.formId`, 'must be a string');
  const count = readCount(f.coalescingRefineBy, negated, `${path}.coalescingRefineBy`, env.r);
  const window = readWindow(f.pruningRefineBy, `${path}.pruningRefineBy`, env);
  if (count === null || window === null) return undefined;
  const cond: Expr = {
    ...ast.NO_SPAN,
    kind: 'formSubmission',
    formId: typeof f.formId === 'string' ? ast.name(f.formId) : undefined,
    withinLastDays: typeof window === 'number' ? ast.numberValue(window) : undefined,
    ...(count ? { count } : {}),
    ...(typeof window === 'object' ? { window } : {}),
  };
  return negated ? ast.not(cond) : cond;
}

/** A NUM_OCCURRENCES count with a bound of 1 or more, on FILLED_OUT only (no opposite of a count is documented); null when refused. */
function readCount(refine: unknown, negated: boolean, path: string, r: Reporter): OccurrenceCount | undefined | null {
  if (refine === undefined) return undefined;
  if (!isObject(refine) || refine.type !== 'NUM_OCCURRENCES') return refuse(r, path, `a count of form submissions refined by ${isObject(refine) ? String(refine.type) : 'a malformed object'}`);
  if (negated) return refuse(r, path, 'a count on NOT_FILLED_OUT (HubSpot documents no meaning for it)');
  const min = bound(refine.minOccurrences);
  const max = bound(refine.maxOccurrences);
  if (min === null || max === null || (min === undefined && max === undefined)) return refuse(r, path, 'a count of form submissions other than at least / at most / between N and M times, N 1 or more');
  if (min !== undefined && max !== undefined && min > max) {
    r.invalid(path, 'maxOccurrences is below minOccurrences');
    return null;
  }
  return { ...ast.NO_SPAN, min: min === undefined ? undefined : ast.numberValue(min), max: max === undefined ? undefined : ast.numberValue(max) };
}

function bound(v: unknown): number | undefined | null {
  if (v === undefined) return undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

function refuse(r: Reporter, path: string, what: string): null {
  r.notRepresentable(path, what);
  return null;
}

/** `in last N days` (a number), an absolute window, none (undefined), or null when refused. */
function readWindow(refine: unknown, path: string, env: FormEnv): number | TimeWindow | undefined | null {
  if (refine === undefined) return undefined;
  if (isObject(refine) && refine.type === 'ABSOLUTE_COMPARATIVE') {
    const at = timestamp(refine.timestamp);
    const after = refine.comparison === 'AFTER';
    if (at === undefined || (!after && refine.comparison !== 'BEFORE')) return refuse(env.r, path, 'an ABSOLUTE_COMPARATIVE window without a timestamp and AFTER or BEFORE');
    return { ...ast.NO_SPAN, kind: after ? 'after' : 'before', at: timeValue(at, after ? 'end' : 'start', env.zone) };
  }
  if (isObject(refine) && refine.type === 'ABSOLUTE_RANGED') {
    const low = timestamp(refine.lowerTimestamp);
    const high = timestamp(refine.upperTimestamp);
    if (refine.rangeType !== 'BETWEEN') return refuse(env.r, path, `an ABSOLUTE_RANGED window of range type ${String(refine.rangeType)}`);
    if (low === undefined || high === undefined || low > high) return refuse(env.r, path, 'an ABSOLUTE_RANGED window without two timestamps in order');
    return { ...ast.NO_SPAN, kind: 'between', low: timeValue(low, 'start', env.zone), high: timeValue(high, 'end', env.zone) };
  }
  return windowDays(refine, path, env.r);
}

/** Epoch milliseconds, as a number or a string of digits (HubSpot sometimes echoes numbers as strings). */
function timestamp(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= FIRST_WRITABLE && n <= LAST_WRITABLE ? n : undefined;
}

/** Instants a four-digit-year literal can say in any zone (a day inside either end, for the zone offsets). */
const FIRST_WRITABLE = new Date("0001-01-02T00:00:00Z").getTime();
const LAST_WRITABLE = new Date("9999-12-30T23:59:59.999Z").getTime();

/** The date whose first (last) moment in `zone` is `at`, else `at` as a UTC instant. */
function timeValue(at: number, edge: 'start' | 'end', zone: string): Value {
  const w = wallClockAt(zone, at);
  if (w) {
    const day = (edge === 'start' ? startOfDay : endOfDay)(w.year, w.month, w.day);
    if (instantOf(zone, day) === at) return ast.dateValue(w.year, w.month, w.day, formatDate(w));
  }
  return ast.datetimeValue(new Date(at).toISOString().replace('.000Z', 'Z'));
}
