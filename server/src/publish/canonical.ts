// The canonical form of a list definition, for comparing what we send with what HubSpot returns and
// with what it held before. HubSpot rewrites what it is sent (developers.hubspot.com, Lists API,
// "Update list filter definition" example): it echoes `filterBranchOperator` beside
// `filterBranchType`, fills in `includeObjectsWithNoValueSet: false`, and may return array values in
// another order. The canonical form undoes each of those, and orders what HubSpot evaluates without
// regard to order (the filters of a branch, the AND branches of the root, the values of an any-of
// operation), so that two definitions that mean the same by construction compare equal.

import { createHash } from 'node:crypto';

type Json = Record<string, unknown>;

/** Operation types whose `values` are a set (any of / none of / all of): their order means nothing. */
const SET_VALUED = new Set(['ENUMERATION', 'MULTISTRING']);
/** Numeric fields HubSpot may echo as strings. */
const NUMERIC_FIELDS = new Set(['value', 'lowerBound', 'upperBound', 'numberOfDays', 'associationTypeId', 'amount', 'timeUnitCount']);

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function canonicalBranch(branch: unknown): unknown {
  if (!isObject(branch)) return branch;
  const out: Json = {};
  for (const [key, value] of Object.entries(branch)) {
    if (key === 'filterBranchOperator' || value === undefined || value === null) continue;
    if (key === 'filters' && Array.isArray(value)) out.filters = sortedByText(value.map(canonicalFilter));
    else if (key === 'filterBranches' && Array.isArray(value)) out.filterBranches = sortedByText(value.map(canonicalBranch));
    else out[key] = canonicalScalar(key, value);
  }
  out.filterBranchType ??= branch.filterBranchOperator;
  out.filters ??= [];
  out.filterBranches ??= [];
  return out;
}

function canonicalFilter(filter: unknown): unknown {
  if (!isObject(filter)) return filter;
  const out: Json = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    out[key] = key === 'operation' ? canonicalOperation(value) : deepCanonical(key, value);
  }
  return out;
}

function canonicalOperation(operation: unknown): unknown {
  if (!isObject(operation)) return operation;
  const out: Json = {};
  for (const [key, value] of Object.entries(operation)) {
    if (value === undefined || value === null) continue;
    out[key] = deepCanonical(key, value);
  }
  if (typeof out.operationType === 'string') out.operationType = out.operationType.toUpperCase();
  out.includeObjectsWithNoValueSet ??= false;
  if (SET_VALUED.has(String(out.operationType)) && Array.isArray(out.values)) out.values = [...out.values].map(String).sort();
  return out;
}

function deepCanonical(key: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => deepCanonical('', v));
  if (isObject(value)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = deepCanonical(k, v);
    return out;
  }
  return canonicalScalar(key, value);
}

function canonicalScalar(key: string, value: unknown): unknown {
  if (NUMERIC_FIELDS.has(key) && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (isObject(value) || Array.isArray(value)) return deepCanonical(key, value);
  return value;
}

function sortedByText(items: unknown[]): unknown[] {
  return items.map((item) => [stableStringify(item), item] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, item]) => item);
}

/** JSON with object keys sorted at every level. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a list's hashes cover: its processing type and its filters (none for a static list). */
export function definitionHash(processingType: string, filterBranch: unknown): string {
  const text = stableStringify({ processingType, filterBranch: filterBranch === undefined ? null : canonicalBranch(filterBranch) });
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** Whether two definitions are the same once HubSpot's rewrites are undone. */
export function sameDefinition(a: { processingType: string; filterBranch?: unknown }, b: { processingType: string; filterBranch?: unknown }): boolean {
  return definitionHash(a.processingType, a.filterBranch) === definitionHash(b.processingType, b.filterBranch);
}
