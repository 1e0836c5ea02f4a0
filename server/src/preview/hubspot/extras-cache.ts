// What the live source read besides contacts, kept beside the snapshot (`hubspot-extras.json`, in the
// git-ignored cache) so the next refresh reads only what changed: each contact's associated records
// per object (with the properties they were read with) and each form's submissions as HubSpot gave
// them (newest first, with the email they carried: they are matched to contacts again on every run), and
// each email's marketing email events per type, with when they were read (matched again on every run too),
// and the page views of each contact that has some, with its view count and when they were read.
// It names the snapshot's version: a file from another run is not used (the refresh then reads in full).

import { existsSync, rmSync } from 'node:fs';
import { readRegularText } from '../../files/regular-file';
import { jsonPieces } from '../../files/json-pieces';
import { writeFileAtomically } from '../../files/temp-files';
import type { AssociatedObjectType, FormSubmissionData } from '../../hubspot/account/types';
import type { CompanyRecord } from '../types';
import type { CachedEmailEvents } from './email-events';
import type { CachedPageViews } from './page-views';

/** 2: each submission keeps its `pageUrl` (for `on page …`); a file of format 1 lacks it and is not used. */
const FORMAT = 2;

export interface CachedAssociations {
  /** The record properties read (a refresh that needs others reads in full). */
  properties: string[];
  /** Contact id → its associated records; a contact without any has none here. */
  byContact: Record<string, CompanyRecord[]>;
}

export interface CachedExtras {
  format: number;
  snapshotVersion: string;
  associations: Partial<Record<AssociatedObjectType, CachedAssociations>>;
  /** Form id → its submissions, newest first. */
  submissions: Record<string, FormSubmissionData[]>;
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
    const e = JSON.parse(read.text) as Partial<CachedExtras>;
    const ok = e.format === FORMAT && e.snapshotVersion === snapshotVersion && typeof e.associations === 'object' && e.associations !== null && typeof e.submissions === 'object' && e.submissions !== null;
    return ok ? (e as CachedExtras) : undefined;
  } catch {
    return undefined;
  }
}

export function writeCachedExtras(path: string, extras: Omit<CachedExtras, 'format'>): void {
  const empty = Object.keys(extras.associations).length === 0 && Object.keys(extras.submissions).length === 0 && Object.keys(extras.emailEvents ?? {}).length === 0 && extras.pageViews === undefined;
  if (empty) rmSync(path, { force: true });
  // In pieces, contact by contact (depth 4: the file, associations, an object's, its byContact): one string
  // of it all was tens of MB at 100k contacts, at the end of the fetch's peak.
  else writeFileAtomically(path, jsonPieces({ format: FORMAT, ...extras }, 4));
}
