// Which Salesforce record a HubSpot contact syncs with. HubSpot holds one contact per email, Salesforce may
// hold several records with it (C6); HubSpot syncs with the most recently updated one (C5). Converted leads
// are read-only in Salesforce and are left out (A-CONVERTED, Assumed). Equal update times fall back to the
// lowest Id, so a run always gives the same answer (Assumed: Salesforce's own order is not guaranteed).

import type { SfRecord } from './salesforce-data';

/** Record positions by lower-cased email; records without an email are not indexed (E9). */
export function indexByEmail(records: readonly SfRecord[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  records.forEach((record, at) => {
    if (record.email === null) return;
    const key = record.email.toLowerCase();
    const found = index.get(key);
    if (found) found.push(at);
    else index.set(key, [at]);
  });
  return index;
}

export interface MatchChoice {
  /** The record that syncs, or -1 when every candidate is a converted lead. */
  chosen: number;
  /** The other (unconverted) records with the email, which do not sync (C5). */
  others: number[];
  converted: number[];
}

function newer(records: readonly SfRecord[], a: number, b: number): boolean {
  const ta = Number.isNaN(records[a].lastModified) ? -Infinity : records[a].lastModified;
  const tb = Number.isNaN(records[b].lastModified) ? -Infinity : records[b].lastModified;
  return ta !== tb ? ta > tb : records[a].id < records[b].id;
}

const NONE: number[] = [];

/** C5, C6, A-CONVERTED over the records that share one email. */
export function chooseRecord(records: readonly SfRecord[], candidates: readonly number[]): MatchChoice {
  // Most emails are on one record: no arrays to filter (this runs for every contact of the portal).
  if (candidates.length === 1) return records[candidates[0]].converted ? { chosen: -1, others: NONE, converted: [candidates[0]] } : { chosen: candidates[0], others: NONE, converted: NONE };
  if (candidates.length === 0) return { chosen: -1, others: NONE, converted: NONE };
  const converted = candidates.filter((at) => records[at].converted);
  const open = candidates.filter((at) => !records[at].converted);
  let chosen = -1;
  for (const at of open) if (chosen < 0 || newer(records, at, chosen)) chosen = at;
  return { chosen, others: open.filter((at) => at !== chosen), converted };
}
