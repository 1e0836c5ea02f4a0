// FORM_SUBMISSION → `submitted form "…" | any form`, FORM_SUBMISSION_ON_PAGE → the same `on page #id`, with its count and window (compile/refine.ts in
// reverse; the window as decompile-window.ts reads it). A count or window the language has no phrase for
// is `not-representable`, never a broader list.

import type { Expr, OccurrenceCount, PageRef } from '@hslist/grammar';
import * as ast from './decompile-ast';
import { readWindow, type WindowEnv } from './decompile-window';
import { isObject, type Json, type Reporter } from './decompile-report';

export type FormEnv = WindowEnv;

export function decompileForm(f: Json, path: string, env: FormEnv): Expr | undefined {
  const negated = f.operator === 'NOT_FILLED_OUT';
  if (!negated && f.operator !== 'FILLED_OUT') return env.r.invalid(`${path}.operator`, 'must be FILLED_OUT or NOT_FILLED_OUT');
  if (f.formId !== undefined && typeof f.formId !== 'string') return env.r.invalid(`${path}.formId`, 'must be a string');
  const page = f.filterType === 'FORM_SUBMISSION_ON_PAGE' ? readPage(f.pageId, `${path}.pageId`, env.r) : undefined;
  if (page === null) return undefined;
  const count = readCount(f.coalescingRefineBy, negated, `${path}.coalescingRefineBy`, env.r);
  const window = readWindow(f.pruningRefineBy, `${path}.pruningRefineBy`, env);
  if (count === null || window === null) return undefined;
  const cond: Expr = {
    ...ast.NO_SPAN,
    kind: 'formSubmission',
    formId: typeof f.formId === 'string' ? ast.name(f.formId) : undefined,
    ...(page ? { page } : {}),
    withinLastDays: typeof window === 'number' ? ast.numberValue(window) : undefined,
    ...(count ? { count } : {}),
    ...(typeof window === 'object' ? { window } : {}),
  };
  return negated ? ast.not(cond) : cond;
}

/** A FORM_SUBMISSION_ON_PAGE's page, written as its id (`on page #123`); null when it is no page id. */
function readPage(pageId: unknown, path: string, r: Reporter): PageRef | null {
  const id = typeof pageId === 'string' || typeof pageId === 'number' ? String(pageId) : undefined;
  if (id === undefined || id === '') {
    r.invalid(path, 'must be a page id');
    return null;
  }
  // Only digits can be written `#…`; HubSpot's page ids are numbers (CMS Pages API).
  if (!/^\d+$/.test(id)) return refuse(r, path, `the page id "${id}" (not digits)`);
  return { ...ast.name(id), by: 'id' };
}

/** A NUM_OCCURRENCES count with a bound of 1 or more, on FILLED_OUT (CTA: its positive operators) only (no opposite of a count is documented); null when refused. */
export function readCount(refine: unknown, negated: boolean, path: string, r: Reporter, what = { events: 'form submissions', negative: 'NOT_FILLED_OUT' }): OccurrenceCount | undefined | null {
  if (refine === undefined) return undefined;
  if (!isObject(refine) || refine.type !== 'NUM_OCCURRENCES') return refuse(r, path, `a count of ${what.events} refined by ${isObject(refine) ? String(refine.type) : 'a malformed object'}`);
  if (negated) return refuse(r, path, `a count on ${what.negative} (HubSpot documents no meaning for it)`);
  const min = bound(refine.minOccurrences);
  const max = bound(refine.maxOccurrences);
  if (min === null || max === null || (min === undefined && max === undefined)) return refuse(r, path, `a count of ${what.events} other than at least / at most / between N and M times, N 1 or more`);
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
