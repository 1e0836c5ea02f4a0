// The editor preview's messages: the custom LSP requests the VS Code client (and the panel) sends,
// and the shapes they answer with. Type-only, so the client bundle can import it without pulling
// in server code. Lists are named by their name (a workspace has one list per name; duplicates are
// a diagnostic, and the first one wins here).

import type { CountParts } from '../../preview/count-text';

export const PreviewRequests = {
  /** { uri, position } → { name } | null: the list under the cursor. */
  listAt: 'hslist/preview/listAt',
  /** { name } → PreviewSummary (waits for the newest evaluation). */
  summary: 'hslist/preview/summary',
  /** RowsParams → RowsPage. */
  rows: 'hslist/preview/rows',
  /** ExportParams → { csv, rows }. */
  exportCsv: 'hslist/preview/export',
  /** ExplainParams → ExplainAnswer. */
  explain: 'hslist/preview/explain',
  /** {} → PreviewStatus: the contact data is read again (the client sends it when hslist.contactData changes). */
  reload: 'hslist/preview/reload',
  /** {} → PreviewStatus. */
  status: 'hslist/preview/status',
  /** {} → SyncAnswer: the Salesforce side (the sync simulated on the loaded contacts and a Salesforce export). */
  sync: 'hslist/preview/sync',
} as const;

/** The Salesforce side for the panel: the summary, or why there is none (nothing configured: neither). */
export interface SyncAnswer {
  summary?: SyncSummaryView;
  problem?: string;
}

/** The simulation's summary as the panel shows it (server/src/sync/summary.ts SyncSummary). */
export interface SyncSummaryView {
  inclusionList?: string;
  source: string;
  contacts: number;
  records: number;
  willSync: number;
  creates: { Lead: number; Contact: number; unset: number };
  createFails: number;
  autoCreates: { Lead: number; Contact: number };
  frozen: number;
  outcomes: { side: 'hubspot' | 'salesforce' | 'import'; outcome: string; label: string; rule: string; ruleText: string; count: number; samples: { id: string; email: string | null; note: string }[] }[];
}

export const PreviewNotifications = {
  /**
   * server → client, { names }: the lists whose preview changed (new numbers, a comparison with the
   * published list that arrived, or no data any more). The panel asks for the summary again.
   */
  updated: 'hslist/preview/updated',
} as const;

/**
 * Messages the server sends to the client, and the client's notifications about accounts. Tokens
 * cross the connection only in the answers to `hubspotConnection` and `salesforceConnection`, which the
 * server asks for right before it talks to HubSpot or Salesforce and never stores, logs or writes. Every credential is bound to the host
 * it was connected for (server/src/accounts/hosts.ts): the server says which host it is about to
 * call, the client answers only with a credential bound to that host, and the server checks it again.
 */
export const AccountMessages = {
  /** server → client request, HubSpotConnectionParams → HubSpotConnectionAnswer. */
  hubspotConnection: 'hslist/account/hubspotConnection',
  /** server → client request, SalesforceConnectionParams → SalesforceConnectionAnswer (the editor reading the org). */
  salesforceConnection: 'hslist/account/salesforceConnection',
  /** client → server notification, {}: an account was connected or disconnected (no secrets in it). */
  accountsChanged: 'hslist/account/changed',
  /** client → server request, {} → WorkspaceHosts: the hosts this workspace would call (no secrets in it). */
  hosts: 'hslist/account/hosts',
} as const;

/** A host the workspace asks for, and which setting or file names it. */
export interface WantedHost {
  url: string;
  /** "setting hslist.hubspot.baseUrl", "hslist.json hubspot.baseUrl", or "default" (HubSpot's own API). */
  from: string;
}

export interface WorkspaceHosts {
  hubspot: WantedHost;
  /** Absent when neither the setting nor hslist.json names a Salesforce instance. */
  salesforce?: WantedHost;
}

/** What the server is about to call. */
export type HubSpotConnectionParams = WantedHost;

export type HubSpotConnectionAnswer =
  | { accessToken: string; /** The base URL the token was connected for; HubSpot's own API when absent. */ baseUrl?: string }
  /** Why there is no connection: a lower-case clause the server puts into its own sentences (not connected, or a trace would log the token). */
  | { unavailable: string };

/** The Salesforce instance the workspace names, or nothing: then the org connected last is the one meant. */
export type SalesforceConnectionParams = Partial<WantedHost>;

export type SalesforceConnectionAnswer =
  | { instanceUrl: string; accessToken: string }
  /** Why there is no session: a lower-case clause for the server's sentences. */
  | { unavailable: string };

/** The value of `hslist.salesforceData` (or of `salesforce.records` in hslist.json) that reads the connected org. */
export const SALESFORCE_ORG_DATA = 'org';

/** The value of `hslist.contactData` (or of `contacts` in hslist.json) that previews the live portal. */
export const LIVE_HUBSPOT_DATA = 'hubspot';

/** Which contacts the panel's table shows: the list's matches, or who would enter / leave the published list. */
export type RowsView = 'matches' | 'enter' | 'leave';

/** The list's published counterpart compared with the preview. */
export interface MembershipCounts {
  listId: string;
  /** Current members in HubSpot. */
  members: number;
  /** Certainly match, not members now. */
  enter: number;
  /** Members now, certainly do not match. */
  leave: number;
  /** Contacts the preview cannot judge (conditions not previewable locally). */
  undecided: number;
  /** Members whose record id is not in the preview's data (a local file may hold other contacts). */
  membersNotInData: number;
}

/** The list as published in HubSpot, compared with the preview (`state: 'compared'`), or why there is no comparison. */
export type PublishedComparison =
  | { state: 'not-connected'; message: string }
  | { state: 'not-published'; message: string }
  | { state: 'error'; message: string }
  | ({
      state: 'compared';
      /** The list is the sync block's inclusion list: entering contacts sync to Salesforce. */
      syncsToSalesforce: boolean;
      /** When the memberships were read (ISO 8601). */
      fetchedAt: string;
    } & MembershipCounts);

export interface PreviewStatus {
  /** `cancelled`: the user cancelled a load; nothing is loaded again until a reload or a settings change. */
  state: 'no-data' | 'loading' | 'ready' | 'error' | 'cancelled';
  /** The data in use: a file path, or "HubSpot (host)" for the live portal. */
  source?: string;
  /** `hubspot` when previewing the live portal. */
  kind?: 'file' | 'hubspot';
  total?: number;
  /** A sentence for the user when state is no-data, error or cancelled. */
  message?: string;
  /** Something worth knowing about ready data (the portal's time zone differs from the workspace's). */
  note?: string;
}

export interface FunnelStep {
  text: string;
  /** Contacts passing this clause on its own. */
  count: number;
  /** Contacts passing this clause and every one before it. */
  survivors: number;
  notPreviewable?: string;
}

export interface PreviewSummary {
  status: PreviewStatus;
  name: string;
  total: number;
  count: number;
  maxCount: number;
  complete: boolean;
  /** The count in words, as the code lens and the CLI say it; the panel shows `figure` in bold. */
  countText: CountParts;
  notPreviewable: string[];
  funnel: FunnelStep[];
  /** Column names of the rows (after the id). */
  columns: string[];
  /** Who would enter / leave the published list; absent while the memberships are being read. */
  published?: PublishedComparison;
}

export interface RowsParams {
  name: string;
  offset: number;
  limit: number;
  search?: string;
  /** `matches` when absent. */
  view?: RowsView;
}

export interface ExportParams {
  name: string;
  search?: string;
  view?: RowsView;
}

export interface PreviewRow {
  id: string;
  values: (string | null)[];
}

export interface RowsPage {
  name: string;
  /** Matching contacts after the search. */
  matches: number;
  offset: number;
  columns: string[];
  rows: PreviewRow[];
}

export interface ExplainParams {
  /** A contact id or an email address. */
  contact: string;
  /** The list, by name; or the list at `position` of `uri`. */
  name?: string;
  uri?: string;
  position?: { line: number; character: number };
}

export interface ExplainAnswer {
  /** Markdown naming every group and filter with pass / fail / unknown and the contact's values. */
  markdown: string;
  result?: boolean | 'unknown';
  error?: string;
}
