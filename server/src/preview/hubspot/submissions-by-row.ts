// A full fetch's form submissions matched by the store's rows (issue 15): the store holds every contact,
// so each (row, submission) pair is one number, in row order, and a contact's submission objects are made
// when its row is built. A map of each contact's submission objects, keyed by a string per contact, was 30 MB
// at a 1M-contact fetch's peak. submissions.ts reads the forms and matches a refresh's contacts by id.

import type { ListsById } from '../../hubspot/account/contact-lists';
import type { ColumnStore, IdColumn, StringColumn } from '../columns';
import { hashOf } from '../string-builder';
import { dictEntry, lowerDict } from '../string-dict';
import { PushList } from '../typed-grow';
import type { FormSubmission } from '../types';
import { type SubmissionTable, submissionCount } from './submission-table';

/** Submission k of the table, as the store's builder takes it. */
export function submissionOf(table: SubmissionTable, k: number): FormSubmission {
  const pageUrl = table.pageUrl(k);
  return pageUrl ? { formId: table.formId, timestamp: table.submittedAt[k], pageUrl } : { formId: table.formId, timestamp: table.submittedAt[k] };
}

/**
 * Each contact's submissions, matched by the store's email column without case. Typed arrays only:
 * the submissions sorted by the hash of their lower-cased address, each code of the column's
 * dictionary looked up there once (its lower-cased entry, compared in full on an equal hash), then the
 * rows walked in order. Maps of each address's codes and rows (a string and a list per address) took
 * 60 MB of heap at a 1,000,000-contact fetch's peak (issue 15).
 */
export function matchByRow(store: ColumnStore, asRead: Record<string, SubmissionTable>): ListsById<FormSubmission> {
  const sent = sentWithEmail(Object.values(asRead));
  const email = store.columns.get('email');
  const byCode = email?.kind === 'string' ? submissionsByCode(email, sent) : new Float64Array(0);
  return new SubmissionsByRow(store.ids, pairsByRow(email?.kind === 'string' ? email.codes : new Uint32Array(0), byCode), sent);
}

/** The submissions that carry an address, numbered 0…n-1 across the forms in order: each one's form and place in it. */
interface Sent {
  tables: readonly SubmissionTable[];
  table: Uint32Array;
  index: Uint32Array;
  readonly length: number;
}

function sentWithEmail(tables: readonly SubmissionTable[]): Sent {
  const table = new PushList((n) => new Uint32Array(n));
  const index = new PushList((n) => new Uint32Array(n));
  tables.forEach((t, f) => {
    for (let k = 0; k < t.length; k++) {
      if (!t.hasEmail(k)) continue;
      table.push(f);
      index.push(k);
    }
  });
  const [tableOf, indexIn] = [table.finish(), index.finish()];
  return { tables, table: tableOf, index: indexIn, length: tableOf.length };
}

/** (code × PAIR_SHIFT + submission index) for every code whose lower-cased entry is a submission's lower-cased address: by code, then submission. */
function submissionsByCode(column: StringColumn, sent: Sent): Float64Array {
  const lowered = (k: number) => sent.tables[sent.table[k]].email(sent.index[k])!.toLowerCase();
  const hashes = new Int32Array(sent.length);
  for (let k = 0; k < sent.length; k++) hashes[k] = hashOf(lowered(k));
  // Equal hashes together, each run in submission order.
  const byHash = new Uint32Array(sent.length);
  for (let k = 0; k < sent.length; k++) byHash[k] = k;
  byHash.sort((a, b) => hashes[a] - hashes[b] || a - b);
  const sortedHashes = Int32Array.from(byHash, (k) => hashes[k]);
  const lower = lowerDict(column.dict);
  const out = new PushList((n) => new Float64Array(n));
  for (let code = 1; code < column.dict.size; code++) {
    const entry = dictEntry(lower, code);
    const hash = hashOf(entry);
    for (let at = firstAtLeast(sortedHashes, hash); at < sortedHashes.length && sortedHashes[at] === hash; at++) {
      const k = byHash[at];
      if (lowered(k) === entry) out.push(code * PAIR_SHIFT + k);
    }
  }
  return out.finish();
}

/** (row × PAIR_SHIFT + submission index) for each row whose code has submissions: rows in order, each row's submissions in the order read. */
function pairsByRow(codes: Uint32Array, byCode: Float64Array): Float64Array {
  if (byCode.length === 0) return byCode;
  // Where each code's run of submissions starts in byCode (-1: none).
  const runOf = new Int32Array(headOfPair(byCode[byCode.length - 1]) + 1).fill(-1);
  for (let j = byCode.length - 1; j >= 0; j--) runOf[headOfPair(byCode[j])] = j;
  const pairs = new PushList((n) => new Float64Array(n));
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    const run = code < runOf.length ? runOf[code] : -1;
    if (run < 0) continue;
    for (let j = run; j < byCode.length && headOfPair(byCode[j]) === code; j++) pairs.push(row * PAIR_SHIFT + (byCode[j] - code * PAIR_SHIFT));
  }
  return pairs.finish();
}

/** The first index whose value is at least `key` (binary search). */
function firstAtLeast(sorted: Int32Array | Float64Array, key: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A pair is row × PAIR_SHIFT + the submission's index: exact below 2^53, so for up to 2^24 rows and 2^29 submissions. */
const PAIR_SHIFT = 2 ** 29;

/** Whether every pair of this store and these submissions is an exact number (else they are matched by id). */
export function pairsFit(rows: number, asRead: Record<string, SubmissionTable>): boolean {
  const submissions = submissionCount(asRead);
  // Strictly fewer rows than 2^24: a dictionary code (at most the row count) is paired the same way.
  return rows < 2 ** 53 / PAIR_SHIFT && submissions < PAIR_SHIFT;
}

/** Each contact's submissions by its row of the store, made on asking (ListsById, as the map of lists was). */
class SubmissionsByRow implements ListsById<FormSubmission> {
  readonly size: number;
  /** Every (contact, submission) pair: the submissions all lists hold. */
  readonly valueCount: number;

  constructor(
    private readonly ids: IdColumn,
    /** row × PAIR_SHIFT + submission index, ascending. */
    private readonly pairs: Float64Array,
    private readonly sent: Sent,
  ) {
    let contacts = 0;
    for (let i = 0; i < pairs.length; i++) if (i === 0 || headOfPair(pairs[i]) !== headOfPair(pairs[i - 1])) contacts++;
    this.size = contacts;
    this.valueCount = pairs.length;
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
      const row = headOfPair(this.pairs[i]);
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
    const at = firstAtLeast(this.pairs, row * PAIR_SHIFT);
    return at < this.pairs.length && headOfPair(this.pairs[at]) === row ? at : -1;
  }

  private atRow(row: number): FormSubmission[] | undefined {
    let at = this.firstAt(row);
    if (at < 0) return undefined;
    const list: FormSubmission[] = [];
    for (; at < this.pairs.length && headOfPair(this.pairs[at]) === row; at++) {
      const k = this.pairs[at] - row * PAIR_SHIFT;
      list.push(submissionOf(this.sent.tables[this.sent.table[k]], this.sent.index[k]));
    }
    return list;
  }
}

/** A pair's first number: the row (or the dictionary code, while submissions are matched to codes). */
function headOfPair(pair: number): number {
  return Math.floor(pair / PAIR_SHIFT);
}

