// A full fetch of the contacts: through HubSpot's CRM export where it serves, else page by page. An
// export serves when the contacts are read without property history (an export has only current values:
// no list reads history, or fetch-with-history.ts reads the undecided contacts' history apart) and the portal
// is large enough that the pages would cost more than an export's few requests and its wait
// (ExportPolicy.minContacts). When the export is not used after all (a token without `crm.export`, an
// export that failed, was cancelled or took too long, a file that is cut short or not as asked), the
// pages are read from the start and a note says why, quoting HubSpot's answer: never a partial store.

import type { PropertyDef } from '../../language/schema-types';
import { untilAborted } from './abort';
import { fetchAllContacts, type FetchContext, type FetchedContacts } from './fetch-contacts';
import { ExportNotUsed, fetchViaExport, type ExportPolicy } from './fetch-export';

export interface FullFetch extends FetchedContacts {
  via: 'export' | 'pages';
  /** Why an export that was tried was not used. */
  note?: string;
}

/** Whether a full fetch without history of `total` contacts tries the export (it may still fall back to the pages). */
export function exportServes(policy: ExportPolicy | false, total: number): policy is ExportPolicy {
  return policy !== false && total >= policy.minContacts;
}

/** `counted`: HubSpot's count when the caller asked for it already (else it is asked here). */
export async function fetchFullSnapshot(ctx: FetchContext, defs: PropertyDef[], history: string[], cacheDir: string, policy: ExportPolicy | false, counted?: { total: number | undefined }): Promise<FullFetch> {
  const total = counted ? counted.total : await untilAborted(ctx.account.countContacts(), ctx.signal);
  let note: string | undefined;
  if (history.length === 0 && total !== undefined && exportServes(policy, total)) {
    try {
      const read = await fetchViaExport(ctx, defs, total, cacheDir, policy);
      return { ...read, via: 'export', ...(read.asOf !== undefined ? { note: takenUpNote(read.asOf) } : {}) };
    } catch (error) {
      if (!(error instanceof ExportNotUsed)) throw error;
      note = `HubSpot's CRM export of the contacts was not used (${error.message.replace(/\.$/, '')}); they were read page by page instead`;
    }
  }
  return { ...(await fetchAllContacts(ctx, defs, history, { total })), via: 'pages', ...(note ? { note } : {}) };
}

/** What the preview says of contacts read from an export an earlier run started (export-pending.ts). */
function takenUpNote(asOf: number): string {
  const at = new Date(asOf).toISOString().replace(/\.\d+Z$/, '').replace('T', ' ');
  return `The contacts are as of ${at} UTC: HubSpot's CRM export an earlier run started then, and stopped before reading, was read instead of starting another; the next refresh brings the changes since`;
}
