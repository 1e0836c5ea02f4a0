// The editor preview's messages: the custom LSP requests the VS Code client (and the panel) sends,
// and the shapes they answer with. Type-only, so the client bundle can import it without pulling
// in server code. Lists are named by their name (a workspace has one list per name; duplicates are
// a diagnostic, and the first one wins here).

export const PreviewRequests = {
  /** { uri, position } → { name } | null: the list under the cursor. */
  listAt: 'hslist/preview/listAt',
  /** { name } → PreviewSummary (waits for the newest evaluation). */
  summary: 'hslist/preview/summary',
  /** RowsParams → RowsPage. */
  rows: 'hslist/preview/rows',
  /** { name, search } → { csv, rows }. */
  exportCsv: 'hslist/preview/export',
  /** ExplainParams → ExplainAnswer. */
  explain: 'hslist/preview/explain',
  /** {} → PreviewStatus: the contact data is read again (the client sends it when hslist.contactData changes). */
  reload: 'hslist/preview/reload',
  /** {} → PreviewStatus. */
  status: 'hslist/preview/status',
} as const;

export interface PreviewStatus {
  state: 'no-data' | 'loading' | 'ready' | 'error';
  /** The data file in use, when there is one. */
  source?: string;
  total?: number;
  /** A sentence for the user when state is no-data or error. */
  message?: string;
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
  notPreviewable: string[];
  funnel: FunnelStep[];
  /** Column names of the rows (after the id). */
  columns: string[];
}

export interface RowsParams {
  name: string;
  offset: number;
  limit: number;
  search?: string;
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
