// A full fetch's form submissions matched by the store's rows (issue 15): the store holds every contact,
// so each (row, submission) pair is one number, sorted, and a contact's submission objects are made when
// its row is built. A map of each contact's submission objects, keyed by a string per contact, was 30 MB
// at a 1M-contact fetch's peak. submissions.ts reads the forms and matches a refresh's contacts by id.

import type { ListsById } from '../../hubspot/account/contact-lists';
import type { FormSubmissionData } from '../../hubspot/account/types';
import type { IdColumn } from '../columns';
import { grown } from '../typed-grow';
import type { FormSubmission } from '../types';

export function submissionOf(formId: string, s: FormSubmissionData): FormSubmission {
  return s.pageUrl ? { formId, timestamp: s.submittedAt, pageUrl: s.pageUrl } : { formId, timestamp: s.submittedAt };
}

/** Each contact's submissions, by the rows `rowsByEmail` gives each lower-cased address (ids: the store's id column). */
export function matchByRow(ids: IdColumn, rowsByEmail: ReadonlyMap<string, readonly number[]>, asRead: Record<string, FormSubmissionData[]>): ListsById<FormSubmission> {
  const sent: FormSubmissionData[] = [];
  const formOf: number[] = [];
  const formIds = Object.keys(asRead);
  let pairs: Float64Array = new Float64Array(1024);
  let count = 0;
  formIds.forEach((formId, f) => {
    for (const s of asRead[formId]) {
      const rows = s.email ? rowsByEmail.get(s.email.toLowerCase()) : undefined;
      if (!rows) continue;
      const k = sent.push(s) - 1;
      formOf.push(f);
      pairs = grown(pairs, count + rows.length);
      for (const row of rows) pairs[count++] = row * PAIR_SHIFT + k;
    }
  });
  // By row, then in the order read: the order the map of lists gave.
  const sorted = pairs.slice(0, count).sort();
  return new SubmissionsByRow(ids, sorted, sent, Uint32Array.from(formOf), formIds);
}

/** A pair is row × PAIR_SHIFT + the submission's index: exact below 2^53, so for up to 2^24 rows and 2^29 submissions. */
const PAIR_SHIFT = 2 ** 29;

/** Whether every pair of this store and these submissions is an exact number (else they are matched by id). */
export function pairsFit(rows: number, asRead: Record<string, FormSubmissionData[]>): boolean {
  let submissions = 0;
  for (const found of Object.values(asRead)) submissions += found.length;
  return rows <= 2 ** 53 / PAIR_SHIFT && submissions < PAIR_SHIFT;
}

/** Each contact's submissions by its row of the store, made on asking (ListsById, as the map of lists was). */
class SubmissionsByRow implements ListsById<FormSubmission> {
  readonly size: number;

  constructor(
    private readonly ids: IdColumn,
    /** row × PAIR_SHIFT + submission index, ascending. */
    private readonly pairs: Float64Array,
    private readonly sent: readonly FormSubmissionData[],
    private readonly formOf: Uint32Array,
    private readonly formIds: readonly string[],
  ) {
    let contacts = 0;
    for (let i = 0; i < pairs.length; i++) if (i === 0 || rowOfPair(pairs[i]) !== rowOfPair(pairs[i - 1])) contacts++;
    this.size = contacts;
  }

  get(id: string): FormSubmission[] | undefined {
    const row = this.ids.rowOf(id);
    return row < 0 ? undefined : this.atRow(row);
  }

  has(id: string): boolean {
    const row = this.ids.rowOf(id);
    return row >= 0 && this.firstAt(row) >= 0;
  }

  *entries(): Generator<[string, FormSubmission[]]> {
    for (let i = 0; i < this.pairs.length; ) {
      const row = rowOfPair(this.pairs[i]);
      const list = this.atRow(row)!;
      yield [this.ids.at(row), list];
      i += list.length;
    }
  }

  *values(): Generator<FormSubmission[]> {
    for (const [, list] of this.entries()) yield list;
  }

  /** The index of the row's first pair, or -1 when it has none. */
  private firstAt(row: number): number {
    const at = firstPairAt(this.pairs, row * PAIR_SHIFT);
    return at < this.pairs.length && rowOfPair(this.pairs[at]) === row ? at : -1;
  }

  private atRow(row: number): FormSubmission[] | undefined {
    let at = this.firstAt(row);
    if (at < 0) return undefined;
    const list: FormSubmission[] = [];
    for (; at < this.pairs.length && rowOfPair(this.pairs[at]) === row; at++) {
      const k = this.pairs[at] - row * PAIR_SHIFT;
      list.push(submissionOf(this.formIds[this.formOf[k]], this.sent[k]));
    }
    return list;
  }
}

function rowOfPair(pair: number): number {
  return Math.floor(pair / PAIR_SHIFT);
}

/** The first index whose pair is at least `key` (binary search). */
function firstPairAt(pairs: Float64Array, key: number): number {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pairs[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
