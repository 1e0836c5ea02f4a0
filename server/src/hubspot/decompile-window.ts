// The time window of an event filter (FORM_SUBMISSION, EMAIL_EVENT, PAGE_VIEW) read back into the language:
// `in last N days` from a RELATIVE_COMPARATIVE, `after D` / `before D` / `between D and D` from HubSpot's
// absolute refine-bys (compile/refine.ts in reverse). A timestamp on a day's first (for BEFORE and a range's
// lower end) or last moment (for AFTER and a range's upper end) in the list's zone is written as that date;
// any other as an instant in UTC. A window the language has no phrase for is `not-representable`.

import type { TimeWindow, Value } from '@hslist/grammar';
import * as ast from './decompile-ast';
import { isObject, type Reporter } from './decompile-report';
import { endOfDay, formatDate, instantOf, startOfDay, wallClockAt } from './compile/time';

export interface WindowEnv {
  zone: string;
  r: Reporter;
}

/** `in last N days` from a pruningRefineBy (undefined: none; null: reported): only "after N days in the past" has a phrase. */
export function windowDays(refine: unknown, path: string, r: Reporter): number | undefined | null {
  if (refine === undefined) return undefined;
  const o = isObject(refine) ? refine : {};
  const t = isObject(o.timeOffset) ? o.timeOffset : {};
  const amount = t.amount;
  const ok = o.type === 'RELATIVE_COMPARATIVE' && o.comparison === 'AFTER' && t.offsetDirection === 'PAST' && t.timeUnit === 'DAYS';
  if (ok && typeof amount === 'number' && Number.isInteger(amount) && amount >= 1) return amount;
  r.notRepresentable(path, `a ${String(o.type ?? 'malformed')} time refinement other than "in the last N days"`);
  return null;
}

/** `in last N days` (a number), an absolute window, none (undefined), or null when refused (forms and email events). */
export function readWindow(refine: unknown, path: string, env: WindowEnv): number | TimeWindow | undefined | null {
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

function refuse(r: Reporter, path: string, what: string): null {
  r.notRepresentable(path, what);
  return null;
}
