// The panel's "compared with the published list" section as text: built here (pure, unit-tested) and
// drawn by media/preview.js, which only places the lines. Counts use en-US grouping like the lenses.

import type { PreviewStatus, PublishedComparison } from '../../../server/src/lsp/preview/protocol';

export interface PublishedLine {
  kind: 'enter' | 'leave' | 'undecided' | 'missing';
  text: string;
}

export interface PublishedSection {
  /** The heading when compared; absent for the other states. */
  heading?: string;
  lines: PublishedLine[];
  /** One muted sentence: why there is no comparison. */
  muted?: string;
  /** Counts of the Would enter / Would leave views (only when compared). */
  views?: { enter: number; leave: number };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** `2025-06-01T10:04:05.000Z` → `2025-06-01 10:04 UTC` (the machine's zone is not the portal's, so say UTC). */
export function readAt(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)} UTC`;
}

function plural(n: number, one: string, many: string): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

export function publishedSection(published: PublishedComparison | undefined): PublishedSection | undefined {
  if (!published) return undefined;
  if (published.state !== 'compared') return { lines: [], muted: published.message };
  const sync = published.syncsToSalesforce;
  const lines: PublishedLine[] = [
    { kind: 'enter', text: `+${fmt(published.enter)} would enter${sync ? ' (they will sync to Salesforce)' : ''}` },
    { kind: 'leave', text: `−${fmt(published.leave)} would leave${sync ? ' (they stop syncing; their Salesforce records stay)' : ''}` },
  ];
  if (published.undecided > 0) lines.push({ kind: 'undecided', text: `${fmt(published.undecided)} undecided (not previewable locally)` });
  if (published.membersNotInData > 0) {
    lines.push({ kind: 'missing', text: `${plural(published.membersNotInData, 'member is', 'members are')} not in the loaded data` });
  }
  return {
    heading: `Compared with the published list #${published.listId} (${plural(published.members, 'member', 'members')}, read at ${readAt(published.fetchedAt)})`,
    lines,
    views: { enter: published.enter, leave: published.leave },
  };
}

/** The header's data line, e.g. "Data: HubSpot (127.0.0.1:5555) · 300 contacts". */
export function sourceLine(status: PreviewStatus | undefined): string {
  if (!status?.source) return '';
  const total = typeof status.total === 'number' && status.state === 'ready' ? ` · ${plural(status.total, 'contact', 'contacts')}` : '';
  const note = status.state === 'ready' && status.note ? ` · ${status.note}` : '';
  return `Data: ${status.source}${total}${note}`;
}

/** A sentence for the states without numbers (loading, cancelled, error, no data); empty when ready. */
export function statusSentence(status: PreviewStatus | undefined): string {
  if (!status || status.state === 'ready') return '';
  if (status.message) return status.message;
  if (status.state === 'loading') return 'Loading the contact data…';
  if (status.state === 'cancelled') return 'Loading the contact data was cancelled.';
  return '';
}
