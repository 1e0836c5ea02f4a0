// Messages between the preview worker (worker.ts here) and the language server (runner.ts). The
// worker loads the contacts (a file, or the live HubSpot portal through the engine's cached source),
// keeps the store and the engine's CompiledEvaluator, and answers what an editor needs: one
// evaluation for several lists, paged and searched rows, CSV export, explanations, and who would
// enter or leave a published list.
//
// Cancellation: the runner writes the id of its newest `evaluate` into a shared Int32Array; the
// worker stops before any clause when a newer one exists and answers `cancelled`. A load is
// cancelled by an `abort` message naming it (the user pressed Cancel); it then answers `cancelled`.
// While a load runs, the worker sends `progress` messages with the load's id.

import type { MembersByList } from '../../preview/members';
import type { ListNode } from '@hslist/grammar';
import type { Schema } from '../../language/schema-types';
import type { HubSpotAccountOptions } from '../../hubspot/account/account';
import type { PreviewResult } from '../../preview/result-types';
import type { SourceReport } from '../../preview/types';
import type { ExplainNode } from '../../preview/explain';
import type { Progress } from '../../preview/hubspot/fetch-contacts';
import type { Refresh } from '../../preview/hubspot/source';
import type { SyncSummary } from '../../sync/summary';
import type { MembershipCounts, PreviewRow, RowsView } from './protocol';
import type { SalesforceConnectOptions } from '../../salesforce';
import type { SyncSettings } from '../../sync/settings';

export interface ListScope {
  /** Every list of the workspace (for `in list "Name"`). */
  lists: ListNode[];
  /** *now*, pinned per data load so relative-date clauses stay cached between edits. */
  now: number;
  /** Members of static lists, resolved on the server's side (members files are read there). */
  members?: MembersByList;
}

/** Where the Salesforce records come from: an export (a file or a folder, absolute), or the org read under `key` (worker-sync.ts). */
export type SalesforceSource = { kind: 'file'; path: string } | { kind: 'org'; key: string };

/** The sync block to simulate (worker-sync.ts) on the loaded contacts and the Salesforce records. */
export interface SimulateRequest {
  settings: SyncSettings;
  salesforce: SalesforceSource;
  /** How to name the Salesforce records in messages. */
  salesforceLabel: string;
  /** How to name the contact data in messages. */
  contactsLabel: string;
  root: string;
  /** The HubSpot schema location in use (its `salesforce/` folder holds the Salesforce schema). */
  schemaLocation?: string;
  scope: ListScope;
  sampleSize: number;
}

/** Read the org's leads and contacts (the fields the sync reads) and keep them under `key`. */
export interface OrgReadRequest {
  key: string;
  /** The session the client handed over: used for this read only, never kept or logged. */
  connection: SalesforceConnectOptions;
  fields: string[];
  root: string;
  schemaLocation?: string;
}

/** What the worker loads: a contacts file, or the live portal (cached under root/.hslist/cache/). */
export type WorkerSource =
  | { kind: 'file'; path: string; exportZone: string }
  | { kind: 'hubspot'; connection: HubSpotAccountOptions };

export interface LoadRequest {
  source: WorkerSource;
  schema: Schema;
  /** Zone of lists without `timezone:` (hslist.json). */
  defaultTimezone: string;
  /** Workspace root (the live cache lives in its .hslist/cache/). */
  root: string;
  scope: ListScope;
  /** Contact properties to load besides the lists' (the sync block's mapped properties). */
  extraProperties?: string[];
}

/** The enter/leave comparison of a list with its published counterpart's members. */
export type ListDiff = MembershipCounts;

export interface ListPreview {
  name: string;
  result: PreviewResult;
  /** The first matching contacts, for the hover. */
  sample: PreviewRow[];
  columns: string[];
  /** Present when the members of the list's published counterpart were given (`members`). */
  diff?: ListDiff;
}

export type ToWorker =
  | ({ kind: 'load'; id: number } & LoadRequest)
  | { kind: 'abort'; id: number; load: number }
  | { kind: 'members'; id: number; name: string; listId: string; memberIds: string[] }
  | { kind: 'forgetMembers'; id: number }
  | { kind: 'evaluate'; id: number; names: string[]; scope: ListScope; sampleSize: number }
  | { kind: 'rows'; id: number; name: string; scope: ListScope; offset: number; limit: number; search: string; view: RowsView }
  | { kind: 'export'; id: number; name: string; scope: ListScope; search: string; view: RowsView }
  | { kind: 'explain'; id: number; name: string; scope: ListScope; contact: string }
  | { kind: 'simulate'; id: number; request: SimulateRequest }
  | { kind: 'readOrg'; id: number; request: OrgReadRequest };

export type FromWorker =
  | { kind: 'progress'; id: number; progress: Progress }
  | { kind: 'loaded'; id: number; total: number; report: SourceReport; refresh?: Refresh; portalTimeZone?: string; noValueCounts: Record<string, number> }
  | { kind: 'done'; id: number }
  | { kind: 'evaluated'; id: number; previews: ListPreview[] }
  | { kind: 'rows'; id: number; matches: number; columns: string[]; rows: PreviewRow[] }
  | { kind: 'csv'; id: number; csv: string; rows: number }
  | { kind: 'explained'; id: number; contactId?: string; explanation: ExplainNode | { error: string } }
  | { kind: 'simulated'; id: number; summary: SyncSummary }
  | { kind: 'orgRead'; id: number; records: number }
  | { kind: 'cancelled'; id: number }
  | { kind: 'failed'; id: number; message: string };
