// History operators (HAS_EVER_* / HAS_NEVER_*, UPDATED_IN_LAST_X_DAYS) and form submissions over the
// store's per-row lists. Rows whose record carried no history / no submissions are "may match"
// (hi) but never "certainly" (lo): exactly the reference interpreter's `unknown`.

import { inSubmissionWindow, submissionCountPasses, submissionCountVerdict } from './form-window';
import type { FormPage, PlanNode, PropertyFilter } from './plan-types';
import type { Column, ColumnStore, FormStore, HistoryColumn } from './columns';
import { type Bitset, and, emptyBitset, not, or, popcount, setBit } from './bitset';
import { dictionaryMatches } from './compiled-strings';
import { dictEntry } from './string-dict';
import { historyMatch, typedValue } from './judge';
import { rawValue } from './columns';
import { DAY_MS } from './time';
import type { LeafResult } from './leaf-result';

type Rows = Bitset | { reason: string };
/** compiled-leaves' positiveRows, passed in (it imports this module). */
export type PositiveRows = (f: PropertyFilter, col: Column, store: ColumnStore) => Rows;

/** `hit` for rows that carry the data; rows without it may match. */
export function partially(hit: Bitset, loaded: Bitset, size: number): LeafResult {
  const lo = and(hit, loaded);
  if (popcount(loaded) === size) return lo;
  return { lo, hi: or(lo, not(loaded, size)) };
}

export function historyRows(f: PropertyFilter, store: ColumnStore, positiveRows: PositiveRows): LeafResult {
  const column = store.history?.columns.get(f.property);
  if (!store.history || !column) return { reason: `property history for "${f.property}" is not loaded` };
  const size = store.size;
  if (f.operationType === 'ROLLING_PROPERTY_UPDATED') {
    const recent = updatedSince(column, f.now - f.days * DAY_MS, size);
    return partially(f.operator === 'UPDATED_IN_LAST_X_DAYS' ? recent : not(recent, size), store.history.loaded, size);
  }
  const current = currentMatches(f, store, positiveRows);
  if (!(current instanceof Uint32Array)) return current;
  const some = or(current, pastMatches(f, column, size));
  return partially(f.operator.startsWith('HAS_EVER_') ? some : not(some, size), store.history.loaded, size);
}

/**
 * `was updated before|after|between …`: each row's newest history timestamp compared like a date
 * value (`compare`, compiled-leaves' numeric comparison); rows never updated take the no-value flag.
 */
export function updatedAtRows(f: PropertyFilter, store: ColumnStore, compare: (values: Float64Array) => Rows): LeafResult {
  const column = store.history?.columns.get(f.property);
  if (!store.history || !column) return { reason: `property history for "${f.property}" is not loaded` };
  const size = store.size;
  const newest = new Float64Array(size);
  const updated = emptyBitset(size);
  for (let r = 0; r < size; r++) {
    let t = -Infinity;
    for (let k = column.offsets[r]; k < column.offsets[r + 1]; k++) t = Math.max(t, column.timestamps[k]);
    newest[r] = t;
    if (column.offsets[r + 1] > column.offsets[r]) setBit(updated, r);
  }
  const hit = compare(newest);
  if (!(hit instanceof Uint32Array)) return hit;
  const rows = and(hit, updated);
  return partially(f.includeUnknown ? or(rows, not(updated, size)) : rows, store.history.loaded, size);
}

/** Rows whose newest history timestamp is at or after `since` (a NaN timestamp makes the newest NaN, as Math.max does). */
function updatedSince(column: HistoryColumn, since: number, size: number): Bitset {
  const out = emptyBitset(size);
  const { offsets, timestamps } = column;
  for (let r = 0; r < size; r++) {
    let newest = -Infinity;
    for (let k = offsets[r]; k < offsets[r + 1]; k++) newest = Math.max(newest, timestamps[k]);
    if (newest >= since) setBit(out, r);
  }
  return out;
}

/** Rows with some past value (one of the history entries) that meets the operator. */
function pastMatches(f: PropertyFilter, column: HistoryColumn, size: number): Bitset {
  const match = valueMatches(f, column);
  const out = emptyBitset(size);
  const { offsets, codes } = column;
  for (let r = 0; r < size; r++) {
    for (let k = offsets[r]; k < offsets[r + 1]; k++) {
      if (match[codes[k]]) {
        setBit(out, r);
        break;
      }
    }
  }
  return out;
}

/** Per distinct past value: strings by native search, other types parsed as the reference does. */
function valueMatches(f: PropertyFilter, column: HistoryColumn): Uint8Array {
  if (f.operationType === 'STRING' && f.typeClass === 'string') return dictionaryMatches(column.values, stringOperator(f), f.values).match;
  const match = new Uint8Array(column.values.size);
  for (let i = 1; i < match.length; i++) {
    const v = typedValue(f, dictEntry(column.values, i));
    match[i] = v !== undefined && historyMatch(f, v) ? 1 : 0;
  }
  return match;
}

function stringOperator(f: PropertyFilter): string {
  return f.operator.endsWith('_CONTAINED') ? 'CONTAINS' : 'IS_EQUAL_TO';
}

const CURRENT_OPERATOR: Record<string, string> = {
  STRING: 'IS_EQUAL_TO', NUMBER: 'IS_EQUAL_TO', BOOL: 'IS_EQUAL_TO',
  HAS_EVER_BEEN_ANY_OF: 'IS_ANY_OF', HAS_NEVER_BEEN_ANY_OF: 'IS_ANY_OF',
  HAS_EVER_BEEN_EXACTLY: 'IS_EXACTLY', HAS_NEVER_BEEN_EXACTLY: 'IS_EXACTLY',
  HAS_EVER_CONTAINED_ALL: 'CONTAINS_ALL', HAS_NEVER_CONTAINED_ALL: 'CONTAINS_ALL',
};

/** The column kinds whose plain operators mean the same as the history operator's value test. */
const FAST_KIND: Record<string, Column['kind'][]> = { STRING: ['string'], NUMBER: ['number', 'date'], BOOL: ['bool'], ENUMERATION: ['enumeration'] };

/** Rows whose current value meets the operator (the current value counts as part of the history). */
function currentMatches(f: PropertyFilter, store: ColumnStore, positiveRows: PositiveRows): Rows {
  const col = store.columns.get(f.property);
  if (!col) return { reason: `property "${f.property}" is not loaded` };
  const sameParse = FAST_KIND[f.operationType]?.includes(col.kind) && (f.operationType !== 'STRING' || f.typeClass === 'string');
  if (sameParse) {
    const operator = f.operationType === 'STRING' ? stringOperator(f) : CURRENT_OPERATOR[f.operationType === 'ENUMERATION' ? f.operator : f.operationType];
    const rows = positiveRows({ ...f, operator }, col, store);
    return rows instanceof Uint32Array ? and(rows, col.known) : rows;
  }
  // Other types: each row's value through the reference's own parsing and matching (exact, slower).
  const out = emptyBitset(store.size);
  for (let r = 0; r < store.size; r++) {
    const v = typedValue(f, rawValue(col, r));
    if (v !== undefined && historyMatch(f, v)) setBit(out, r);
  }
  return out;
}

/** `submitted form`: loaded submissions of that form (any form without an id) in the window, as many as the count asks (as reference.ts). */
export function formRows(plan: Extract<PlanNode, { kind: 'form' }>, store: ColumnStore): LeafResult {
  const forms = store.forms;
  if (!forms) return { reason: 'form submissions are not loaded' };
  const out = emptyBitset(store.size);
  const wanted = plan.formId === undefined ? -1 : forms.formIds.indexOf(plan.formId);
  if (plan.page) {
    const maybe = emptyBitset(store.size);
    if (plan.formId === undefined || wanted >= 0) markSubmittedOnPage(forms, wanted, plan, plan.page, { out, maybe }, store.size);
    const known = partially(out, forms.loaded, store.size);
    // Certain unless some row's page is unknown: the leaf then may match those rows too.
    if (popcount(maybe) === 0) return known;
    const { lo, hi } = asRange(known);
    return { lo, hi: or(hi, maybe) };
  }
  if (plan.formId === undefined || wanted >= 0) markSubmitted(forms, wanted, plan, out, store.size);
  return partially(out, forms.loaded, store.size);
}

/**
 * `… on page`: rows whose submissions in the window on the page pass the count in `out`; rows where that turns
 * on submissions whose page is unknown in `maybe` (as form-pages.ts and the reference's submissionCountVerdict).
 */
function markSubmittedOnPage(forms: FormStore, wanted: number, plan: Extract<PlanNode, { kind: 'form' }>, page: FormPage, into: { out: Bitset; maybe: Bitset }, size: number): void {
  const pageCode = forms.pageIds.indexOf(page.id);
  const urlCode = page.urlKey === undefined ? -1 : forms.pageUrls.indexOf(page.urlKey);
  for (let r = 0; r < size; r++) {
    let sure = 0;
    let unsure = 0;
    for (let k = forms.offsets[r]; k < forms.offsets[r + 1]; k++) {
      if ((wanted >= 0 && forms.forms[k] !== wanted) || !inSubmissionWindow(plan, forms.timestamps[k])) continue;
      const on = forms.pages[k] !== 0 ? forms.pages[k] === pageCode : forms.urls[k] !== 0 && page.urlKey !== undefined ? forms.urls[k] === urlCode : undefined;
      if (on === true) sure++;
      else if (on === undefined) unsure++;
    }
    const verdict = submissionCountVerdict(plan, sure, unsure);
    if (verdict === true) setBit(into.out, r);
    else if (verdict === 'unknown') setBit(into.maybe, r);
  }
}

function asRange(result: LeafResult): { lo: Bitset; hi: Bitset } {
  if ('reason' in result) throw new Error('a form store always gives rows');
  return 'lo' in result ? result : { lo: result, hi: result };
}

function markSubmitted(forms: FormStore, wanted: number, plan: Extract<PlanNode, { kind: 'form' }>, out: Bitset, size: number): void {
  // Without a count, the first submission in the window decides; with one, every submission is counted.
  const counted = plan.minTimes !== undefined || plan.maxTimes !== undefined;
  for (let r = 0; r < size; r++) {
    let seen = 0;
    for (let k = forms.offsets[r]; k < forms.offsets[r + 1]; k++) {
      if ((wanted < 0 || forms.forms[k] === wanted) && inSubmissionWindow(plan, forms.timestamps[k])) {
        seen++;
        if (!counted) break;
      }
    }
    if (submissionCountPasses(plan, seen)) setBit(out, r);
  }
}
