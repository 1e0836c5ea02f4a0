// Form submissions for `submitted form …`: each form a list names (every form for `submitted any form`)
// has its submissions read (Form Integrations v1) and tied to contacts by the submission's `email`
// value, compared without case. Assumed (docs/preview.md): HubSpot ties a submission to a contact by
// more than the email (its tracking cookie, the contact's other addresses), so a submission whose email
// no contact holds now counts for no one here.
//
// On a refresh, a form already cached is read only down to its newest cached submission (HubSpot pages
// them newest first) less a margin; the older ones come from the cache. A submission HubSpot deleted
// stays until the daily full fetch, as a deleted contact does.

import type { HubSpotAccount } from '../../hubspot/account/types';
import { readInParallel } from '../../hubspot/account/parallel-reads';
import type { StringColumn } from '../columns';
import type { ListsById } from '../../hubspot/account/contact-lists';
import { matchByRow, pairsFit, submissionOf } from './submissions-by-row';
import { SubmissionTable } from './submission-table';
import { dictEntry, lowerDict } from '../string-dict';
import type { FormSubmission } from '../types';
import { throwIfAborted, untilAborted } from './abort';
import { visitContacts, type ContactSet } from './contact-set';
import type { Progress } from './fetch-contacts';
import type { DataNeeds } from './needs';

interface Options {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface ReadSubmissions {
  /** Contact id → its submissions, in the forms' order and each form's; no entry for a contact without any. */
  byContact: ListsById<FormSubmission>;
  /** Every form's submissions were read, or those of these forms. */
  read: 'all' | Set<string>;
  /** Form id → its submissions (newest first), for the cache. */
  asRead: Record<string, SubmissionTable>;
}

/** Submissions this long before the newest cached one are read again: one sent while the last read ran, clock skew. */
export const SUBMISSIONS_OVERLAP_MS = 10 * 60_000;

/**
 * The submissions of the forms `needs` names, by contact id; forms HubSpot does not have and a refusal
 * (403) are recorded in `unloaded` (`form:<id>`, or `forms` for all of them). Undefined when nothing could be read.
 * `early`: the forms read while HubSpot prepared a full fetch's export, already matched (`matchForms`).
 */
export async function readSubmissions(account: HubSpotAccount, contacts: ContactSet, needs: DataNeeds, unloaded: Map<string, string>, options: Options, cached?: Record<string, SubmissionTable>, early?: Promise<MatchedForms>): Promise<ReadSubmissions | undefined> {
  try {
    const matched = early ? await early : matchForms(contacts, needs, await readFormPages(account, needs, options, cached));
    if (early) options.onProgress?.({ phase: 'forms', done: matched.formIds.length, total: matched.formIds.length });
    for (const formId of matched.notFound) unloaded.set(`form:${formId}`, `HubSpot has no form ${formId}`);
    return matched.submissions;
  } catch (error) {
    if ((error as { status?: number }).status !== 403) throw error;
    unloaded.set('forms', `HubSpot refused the form submissions: ${(error as Error).message}`);
    return undefined;
  }
}

/** The forms' pages matched to the contacts, and the forms HubSpot does not have. */
export interface MatchedForms {
  formIds: string[];
  submissions: ReadSubmissions;
  notFound: string[];
}

/** Each form's submissions tied to the contacts that hold their email (synchronous: no request). */
export function matchForms(contacts: ContactSet, needs: DataNeeds, { formIds, answers }: FormPages): MatchedForms {
  const read = new Set<string>();
  const asRead: Record<string, SubmissionTable> = {};
  const notFound: string[] = [];
  for (const [i, found] of answers.entries()) {
    const formId = formIds[i];
    if (found === 'not found') {
      notFound.push(formId);
      continue;
    }
    read.add(formId);
    asRead[formId] = found;
  }
  // A full fetch's store holds every contact: matched by its rows (submissions-by-row.ts).
  const byRow = contacts.kind === 'merge' && contacts.modified.length === 0 && pairsFit(contacts.base.size, asRead);
  const byContact = byRow ? matchByRow(contacts.base, asRead) : matchById(contacts, asRead);
  return { formIds, submissions: { byContact, read: needs.anyForm && read.size === formIds.length ? 'all' : read, asRead }, notFound };
}

/** The lower-cased addresses the submissions carry. */
function addressesOf(asRead: Record<string, SubmissionTable>): Set<string> {
  const sent = new Set<string>();
  for (const table of Object.values(asRead)) {
    for (let k = 0; k < table.length; k++) {
      const email = table.email(k);
      if (email) sent.add(email.toLowerCase());
    }
  }
  return sent;
}

/**
 * Matched once every form is read: only the submissions' own addresses are looked up, each lower-cased
 * once (plain loops: at 160,000 submissions the arrays and spreads were a second).
 */
function matchById(contacts: ContactSet, asRead: Record<string, SubmissionTable>): Map<string, FormSubmission[]> {
  const byEmail = contactsWithEmails(contacts, addressesOf(asRead));
  const byContact = new Map<string, FormSubmission[]>();
  for (const table of Object.values(asRead)) {
    for (let k = 0; k < table.length; k++) {
      const email = table.email(k);
      const ids = email ? byEmail.get(email.toLowerCase()) : undefined;
      if (!ids) continue;
      for (const contactId of ids) {
        const list = byContact.get(contactId);
        if (list) list.push(submissionOf(table, k));
        else byContact.set(contactId, [submissionOf(table, k)]);
      }
    }
  }
  return byContact;
}

/** The forms `needs` names (every form for `submitted any form`) and each one's submissions, or 'not found'. */
export interface FormPages {
  formIds: string[];
  answers: (SubmissionTable | 'not found')[];
}

/**
 * Every form's submissions, read a few forms at a time (each form's pages one after another: each names
 * the next). Needs no contact, so a full fetch reads them while the contacts come (early-reads.ts).
 */
export async function readFormPages(account: HubSpotAccount, needs: DataNeeds, options: Options, cached?: Record<string, SubmissionTable>): Promise<FormPages> {
  let formIds = needs.formIds ?? [];
  if (needs.anyForm) formIds = [...new Set([...formIds, ...(await untilAborted(account.getForms(), options.signal)).map((f) => f.id)])];
  const progress = (done: number) => options.onProgress?.({ phase: 'forms', done, total: formIds.length });
  progress(0);
  const answers = await readInParallel(formIds, (formId) => {
    throwIfAborted(options.signal);
    return formSubmissions(account, formId, options.signal, cached?.[formId]);
  }, { concurrency: account.readConcurrency, onDone: progress });
  return { formIds, answers };
}

/**
 * The form's submissions, newest first: all, or with a cached copy only the newer ones read and the
 * older ones cached. Made a table as soon as read: the objects of one form at a time are garbage then.
 */
async function formSubmissions(account: HubSpotAccount, formId: string, signal: AbortSignal | undefined, cached: SubmissionTable | undefined): Promise<SubmissionTable | 'not found'> {
  const since = cached && cached.length > 0 ? cached.newest() - SUBMISSIONS_OVERLAP_MS : undefined;
  try {
    const found = await untilAborted(account.getFormSubmissions(formId, undefined, since), signal);
    if (since === undefined) return SubmissionTable.of(formId, found);
    return SubmissionTable.of(formId, [...found.filter((s) => s.submittedAt >= since), ...cached!.rows().filter((s) => s.submittedAt < since)]);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return 'not found' as const;
    throw error;
  }
}

/** Lower-cased email → the ids of the contacts holding it (HubSpot keeps emails unique; a file may not). */
export function contactsByEmail(contacts: ContactSet): Map<string, string[]> {
  return emailIndex(contacts, undefined);
}

/**
 * `contactsByEmail` for the addresses in `wanted` (lower-cased) only. A full fetch's cached contacts
 * are matched by dictionary code: each distinct address is lower-cased once (the dictionary's own
 * lower-cased form) and rows are compared as numbers, so no map of every contact's address is made
 * (issue 15: at 100,000 contacts, 100,000 lower-cased strings and lists held while matching).
 */
export function contactsWithEmails(contacts: ContactSet, wanted: ReadonlySet<string>): Map<string, string[]> {
  return emailIndex(contacts, wanted);
}

function emailIndex(contacts: ContactSet, wanted: ReadonlySet<string> | undefined): Map<string, string[]> {
  const byEmail = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const ids = byEmail.get(key);
    if (ids) ids.push(id);
    else byEmail.set(key, [id]);
  };
  const addRecord = (email: string | null | undefined, id: string) => {
    const key = email ? email.toLowerCase() : undefined;
    if (key && (!wanted || wanted.has(key))) add(key, id);
  };
  const found = contacts.kind === 'merge' ? contacts.base.columns.get('email') : undefined;
  const column = found?.kind === 'string' ? found : undefined;
  const wantedCodes = column && wanted ? codesOf(column, wanted) : undefined;
  visitContacts(contacts, (r) => addRecord(r.properties.email, r.id), (from, count) => {
    if (contacts.kind !== 'merge' || !column) return;
    for (let row = from; row < from + count; row++) {
      const code = column.codes[row];
      if (code === 0) continue;
      if (!wantedCodes) addRecord(dictEntry(column.dict, code), contacts.base.ids.at(row));
      else if (wantedCodes.has(code)) add(wantedCodes.get(code)!, contacts.base.ids.at(row));
    }
  });
  return byEmail;
}

/** The column's codes whose entry, lower-cased, is one of `wanted`, with that lower-cased entry. */
function codesOf(column: StringColumn, wanted: ReadonlySet<string>): Map<number, string> {
  const lower = lowerDict(column.dict);
  const codes = new Map<number, string>();
  for (let code = 1; code < column.dict.size; code++) {
    const entry = dictEntry(lower, code);
    if (wanted.has(entry)) codes.set(code, entry);
  }
  return codes;
}
