// INDEXED time points read back as relative times, and the four rolling phrases recognised in the
// shapes compile/time-operation.ts writes for them (`is less than 3 days ago` rather than
// `is between 3 days before today and now`: the same JSON either way).

import type { Operand, RelativeAnchor, RelativeOffset, SurfaceOperator, Value } from '@hslist/grammar';
import { NO_SPAN, numberValue } from './decompile-ast';
import { isObject, type Json, type Reporter } from './decompile-report';
import { readRelative } from './compile/relative';
import { isValidTimeZone } from './compile/time';
import type { IndexOffset, IndexReference } from './filter-branch';

export interface IndexedPoint {
  kind: 'indexed';
  /** The relative time whose first (`start`) or last (`end`) moment this point is, if any phrase writes it. */
  at(edge: 'start' | 'end'): Value | undefined;
}

const REFERENCE_TYPES = new Set(['TODAY', 'NOW', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']);
const REFERENCE_NUMBERS = ['month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const;
const OFFSET_KEYS = ['years', 'quarters', 'months', 'weeks', 'days'] as const;

function readReference(v: unknown, path: string, r: Reporter): IndexReference | undefined {
  if (!isObject(v) || typeof v.referenceType !== 'string') return r.invalid(path, 'must be an index reference with a referenceType');
  if (!REFERENCE_TYPES.has(v.referenceType)) return r.notRepresentable(`${path}.referenceType`, `a ${v.referenceType} reference`);
  const reference: IndexReference = { referenceType: v.referenceType as IndexReference['referenceType'] };
  if (v.dayOfWeek !== undefined) reference.dayOfWeek = v.dayOfWeek as IndexReference['dayOfWeek'];
  for (const key of REFERENCE_NUMBERS) {
    if (v[key] === undefined) continue;
    if (typeof v[key] !== 'number') return r.invalid(`${path}.${key}`, 'must be a number');
    reference[key] = v[key] as number;
  }
  return reference;
}

function readOffset(v: unknown, path: string, r: Reporter): IndexOffset | undefined {
  if (v === undefined) return {};
  if (!isObject(v)) return r.invalid(path, 'must be an offset object');
  const offset: IndexOffset = {};
  for (const [key, n] of Object.entries(v)) {
    if (typeof n !== 'number' || !Number.isInteger(n)) return r.invalid(`${path}.${key}`, 'must be a whole number');
    if (n === 0) continue;
    if (!(OFFSET_KEYS as readonly string[]).includes(key)) return r.notRepresentable(`${path}.${key}`, `an offset in ${key}`);
    offset[key as keyof IndexOffset] = n;
  }
  return offset;
}

/** An INDEXED point; relative times are read in the list's zone, so another zone has no phrase. */
export function readIndexed(v: Json, path: string, env: { zone: string; r: Reporter }): IndexedPoint | undefined {
  const zone = typeof v.zoneId === 'string' ? v.zoneId : env.zone;
  if (!isValidTimeZone(zone)) return env.r.invalid(`${path}.zoneId`, `unknown time zone ${zone}`);
  if (zone !== env.zone) return env.r.notRepresentable(`${path}.zoneId`, `an INDEXED time point in ${zone} in a list read in ${env.zone}`);
  if ((v.timezoneSource ?? 'CUSTOM') !== 'CUSTOM') return env.r.notRepresentable(`${path}.timezoneSource`, `a time point in the ${String(v.timezoneSource)} time zone`);
  const reference = readReference(v.indexReference, `${path}.indexReference`, env.r);
  const offset = readOffset(v.offset, `${path}.offset`, env.r);
  if (!reference || !offset) return undefined;
  return {
    kind: 'indexed',
    at(edge) {
      const read = readRelative(reference, offset, edge);
      return read ? relative(read.anchor, read.offset) : undefined;
    },
  };
}

function relative(anchor: RelativeAnchor, offset: RelativeOffset | undefined): Value {
  return { ...NO_SPAN, kind: 'relative', anchor, offset };
}

/** N when `v` is `N days before|after today` with N ≥ 1. */
function daysFromToday(v: Value | undefined, direction: 'before' | 'after'): number | undefined {
  if (v?.kind !== 'relative' || v.anchor !== 'today' || !v.offset) return undefined;
  return v.offset.unit === 'day' && v.offset.direction === direction && v.offset.count >= 1 ? v.offset.count : undefined;
}

const isNow = (v: Value | undefined) => v?.kind === 'relative' && v.anchor === 'now' && !v.offset;

/**
 * The rolling phrase a comparison (`after` given, one value) or a range (`after` undefined, `low` and
 * `high`) is written with, if it is one.
 */
export function rollingPhrase(after: boolean | undefined, low: Value, high?: Value): { surface: SurfaceOperator; operand: Operand } | undefined {
  const phrase = (surface: SurfaceOperator, n: number | undefined) =>
    n === undefined ? undefined : { surface, operand: { ...NO_SPAN, kind: 'days' as const, count: numberValue(n) } };
  if (after === false) return phrase('is more than days ago', daysFromToday(low, 'before'));
  if (after === true) return phrase('is more than days from now', daysFromToday(low, 'after'));
  if (isNow(high)) return phrase('is less than days ago', daysFromToday(low, 'before'));
  if (isNow(low)) return phrase('is less than days from now', daysFromToday(high, 'after'));
  return undefined;
}
