// What the live source read besides contacts, kept beside the snapshot (`hubspot-extras.json`, in the
// git-ignored cache) so the next refresh reads only what changed: each contact's associated records
// per object (with the properties they were read with) and each form's submissions as HubSpot gave
// them (newest first, with the email they carried: they are matched to contacts again on every run), and
// each email's marketing email events per type, with when they were read (matched again on every run too),
// and the page views of each contact that has some, with its view count and when they were read.
// It names the snapshot's version: a file from another run is not used (the refresh then reads in full).
//
// Format 3 writes each associated record once (`records`: [id, properties]) and each contact's links as
// [record number, 1 when primary else 0, …label ids]: the records written out for every contact made
// the file 24 MB at 100k contacts (now a few MB), and reading it back made an object for each.

import { IdentityMemo } from '../identity-memo';
import { forEachListed, type ListsById } from '../../hubspot/account/contact-lists';
import { existsSync, rmSync } from 'node:fs';
import { readRegularText } from '../../files/regular-file';
import { jsonParts } from '../../files/json-pieces';
import { writeFileAtomically } from '../../files/temp-files';
import type { AssociatedObjectType, FormSubmissionData } from '../../hubspot/account/types';
import type { CompanyRecord } from '../types';
import type { CachedEmailEvents } from './email-events';
import type { CachedPageViews } from './page-views';
import { SubmissionTable } from './submission-table';

/** 2: each submission keeps its `pageUrl` (for `on page …`); 3: records once, links by number. An older file is not used. */
const FORMAT = 3;

export interface CachedAssociations {
  /** The record properties read (a refresh that needs others reads in full). */
  properties: string[];
  /** Contact id → its associated records; a contact without any may have none here (it is not written). */
  byContact: ListsById<CompanyRecord>;
}

/** How an object's associations are in the file. */
interface FileAssociations {
  properties: string[];
  records: [string, CompanyRecord['properties']][];
  /** Contact id → [record number, primary 1 or 0, …label ids] per link. */
  byContact: Record<string, (string | number)[][]>;
}

export interface CachedExtras {
  format: number;
  snapshotVersion: string;
  associations: Partial<Record<AssociatedObjectType, CachedAssociations>>;
  /** Form id → its submissions, newest first (in the file, HubSpot's objects). */
  submissions: Record<string, SubmissionTable>;
  /** Marketing email events by `appId:emailId:TYPE`, with the window and time of their read (absent in files of older runs: read in full). */
  emailEvents?: CachedEmailEvents;
  /** Page views of the contacts that have some, with each contact's view count and time of read (absent: read in full). */
  pageViews?: CachedPageViews;
}

export function extrasPath(snapshotPath: string): string {
  return snapshotPath.replace(/hubspot-contacts\.snap$/, 'hubspot-extras.json');
}

/** The cached extras of the snapshot of this version, or undefined (none, unreadable, another run's). */
export function readCachedExtras(path: string, snapshotVersion: string): CachedExtras | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const read = readRegularText(path);
    if (!read.ok) return undefined;
    const e = JSON.parse(read.text) as Partial<Omit<CachedExtras, 'associations' | 'submissions'>> & { associations?: Record<string, FileAssociations>; submissions?: Record<string, FormSubmissionData[]> };
    const ok = e.format === FORMAT && e.snapshotVersion === snapshotVersion && typeof e.associations === 'object' && e.associations !== null && typeof e.submissions === 'object' && e.submissions !== null;
    if (!ok) return undefined;
    const associations = Object.fromEntries(Object.entries(e.associations!).map(([object, a]) => [object, fromFile(a)]));
    const submissions = Object.fromEntries(Object.entries(e.submissions!).map(([formId, found]) => [formId, submissionsFromFile(formId, found)]));
    return { ...(e as Omit<CachedExtras, 'associations' | 'submissions'>), associations, submissions };
  } catch {
    return undefined;
  }
}

function submissionsFromFile(formId: string, found: FormSubmissionData[]): SubmissionTable {
  if (!Array.isArray(found) || !found.every((s) => typeof s === 'object' && s !== null && typeof s.submittedAt === 'number')) throw new Error('submissions in an unknown shape');
  return SubmissionTable.of(formId, found);
}

/** A link's records are shared by every contact with the same link, as the fetch shares them (account-associations.ts). */
function fromFile(a: FileAssociations): CachedAssociations {
  if (!Array.isArray(a.properties) || !Array.isArray(a.records) || typeof a.byContact !== 'object' || a.byContact === null) throw new Error('associations in an unknown shape');
  const shared = new Map<string, CompanyRecord>();
  const linkOf = (link: (string | number)[]): CompanyRecord => {
    const key = link.join(' ');
    let record = shared.get(key);
    if (!record) {
      const [index, primary, ...labels] = link;
      const entry = a.records[index as number];
      if (!entry) throw new Error(`a link to record number ${index}, of ${a.records.length}`);
      record = { id: entry[0], properties: entry[1], labels: labels.map(String), ...(primary === 1 ? { primary: true } : {}) };
      shared.set(key, record);
    }
    return record;
  };
  // Contacts with the same links share one frozen list, as the fetch's do (a list each was 880,000
  // arrays for a 1M portal's refresh).
  const lists = new Map<string, CompanyRecord[]>();
  const byContact = new Map<string, CompanyRecord[]>();
  for (const id in a.byContact) {
    const links = a.byContact[id];
    const key = links.map((link) => link.join(' ')).join('|');
    let list = lists.get(key);
    if (!list) lists.set(key, (list = Object.freeze(links.map(linkOf)) as CompanyRecord[]));
    byContact.set(id, list);
  }
  return { properties: a.properties, byContact };
}

export function writeCachedExtras(path: string, extras: Omit<CachedExtras, 'format'>): void {
  const empty = Object.keys(extras.associations).length === 0 && Object.keys(extras.submissions).length === 0 && Object.keys(extras.emailEvents ?? {}).length === 0 && extras.pageViews === undefined;
  if (empty) rmSync(path, { force: true });
  // Piece by piece, contact by contact, each encoded into the writer's buffer as it is made: one string of
  // it all was tens of MB at 100k contacts, parts joined into pieces grew the old generation, and a line
  // per contact joined from its pieces was most of what writing the file allocated (temp-files.ts).
  else writeFileAtomically(path, (write) => writeExtras(write, { format: FORMAT, ...extras }));
}

type Write = (text: string) => void;

function writeExtras(write: Write, extras: CachedExtras): void {
  const { associations, submissions, ...rest } = extras;
  write('{"associations":{');
  let first = true;
  for (const [object, a] of Object.entries(associations)) {
    if (!a) continue;
    write(`${first ? '' : ','}${JSON.stringify(object)}:`);
    writeAssociations(write, a);
    first = false;
  }
  write('},"submissions":{');
  first = true;
  for (const [formId, table] of Object.entries(submissions)) {
    write(`${first ? '' : ','}${JSON.stringify(formId)}:[`);
    // A submission at a time, as HubSpot's answer gave it: the file is what it was when they were objects.
    for (let k = 0; k < table.length; k++) {
      if (k > 0) write(',');
      write(JSON.stringify(table.at(k)));
    }
    write(']');
    first = false;
  }
  write('}');
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    write(`,${JSON.stringify(key)}:`);
    for (const part of jsonParts(value, 3)) write(part);
  }
  write('}');
}

/** A record id as JSON: most are digits, written as they are between quotes (no string made for it). */
function writeId(write: Write, id: string): void {
  if (!PLAIN_ID.test(id)) return write(JSON.stringify(id));
  write('"');
  write(id);
  write('"');
}

const PLAIN_ID = /^\d+$/;

/** Each contact's links, then the records they number (once each, in the order first met); contacts without any are left out. */
function writeAssociations(write: Write, a: CachedAssociations): void {
  const numbers = new RecordNumbers();
  write(`{"properties":${JSON.stringify(a.properties)},"byContact":{`);
  // Contacts with the same link share one record object (the fetch's and the file's): each link is
  // encoded once. A memo by list held a string for each distinct list while the cache was written, at
  // the end of the fetch's peak (issue 15); there are a few links per company.
  const encoded = new IdentityMemo<CompanyRecord, string>();
  const encode = (r: CompanyRecord) => `[${numbers.of(r)},${r.primary ? 1 : 0}${(r.labels ?? []).map((l) => `,${JSON.stringify(l)}`).join('')}]`;
  let first = true;
  forEachListed(a.byContact, (id, records) => {
    if (!first) write(',');
    writeId(write, id);
    write(':[');
    for (let k = 0; k < records.length; k++) {
      if (k > 0) write(',');
      write(encoded.get(records[k], encode));
    }
    write(']');
    first = false;
  });
  write('},"records":[');
  for (let i = 0; i < numbers.records.length; i++) {
    if (i > 0) write(',');
    write(JSON.stringify([numbers.records[i].id, numbers.records[i].properties]));
  }
  write(']}');
}

/**
 * Numbers for records, one per distinct (id, properties): the same object gets its number at once; a
 * record of the same id in another object (a refresh merged newer properties into a copy per contact)
 * gets the number of an equal one, or a number of its own if its properties differ. The records are
 * kept as given and an id's numbers as one number until it has two: a pair and a list per record were
 * 160,000 more objects while a 1M portal's cache was written, at the top of the fetch's peak (issue 15).
 */
class RecordNumbers {
  readonly records: CompanyRecord[] = [];
  private readonly byObject = new Map<CompanyRecord['properties'], number>();
  private readonly byId = new Map<string, number | number[]>();

  of(r: CompanyRecord): number {
    const known = this.byObject.get(r.properties);
    if (known !== undefined && this.records[known].id === r.id) return known;
    const numbers = this.numbersOf(r.id);
    const text = numbers.length > 0 ? JSON.stringify(r.properties) : '';
    const same = numbers.find((n) => JSON.stringify(this.records[n].properties) === text);
    const number = same ?? this.records.push(r) - 1;
    if (same === undefined) this.byId.set(r.id, numbers.length === 0 ? number : [...numbers, number]);
    this.byObject.set(r.properties, number);
    return number;
  }

  private numbersOf(id: string): readonly number[] {
    const found = this.byId.get(id);
    return found === undefined ? [] : typeof found === 'number' ? [found] : found;
  }
}
