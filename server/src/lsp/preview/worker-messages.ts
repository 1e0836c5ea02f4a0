// Messages between the editor's preview worker (worker.ts here) and the language server
// (runner.ts). The engine's own worker (server/src/preview/worker.ts) answers evaluate/explain; this
// one keeps the same store and evaluator and adds what an editor needs on top: one evaluation for
// several lists at once, paged and searched rows, CSV export, and explain by email.
//
// Cancellation follows the engine's design: the runner writes the id of its newest `evaluate` into
// a shared Int32Array; the worker stops before any clause when a newer one exists and answers
// `cancelled`. Rows, export and explain are not cancelled: they read cached clause results.

import type { ListNode } from '../../../../grammar/src/ast';
import type { Schema } from '../../language/schema-types';
import type { PreviewResult } from '../../preview/result-types';
import type { SourceReport } from '../../preview/types';
import type { ExplainNode } from '../../preview/explain';
import type { PreviewRow } from './protocol';

export interface ListScope {
  /** Every list of the workspace (for `in list "Name"`). */
  lists: ListNode[];
  /** *now*, pinned per data load so relative-date clauses stay cached between edits. */
  now: number;
}

export interface ListPreview {
  name: string;
  result: PreviewResult;
  /** The first matching contacts, for the hover. */
  sample: PreviewRow[];
  columns: string[];
}

export type ToWorker =
  | { kind: 'load'; id: number; path: string; schema: Schema; properties: string[]; exportZone: string }
  | { kind: 'evaluate'; id: number; names: string[]; scope: ListScope; sampleSize: number }
  | { kind: 'rows'; id: number; name: string; scope: ListScope; offset: number; limit: number; search: string }
  | { kind: 'export'; id: number; name: string; scope: ListScope; search: string }
  | { kind: 'explain'; id: number; name: string; scope: ListScope; contact: string };

export type FromWorker =
  | { kind: 'loaded'; id: number; total: number; report: SourceReport }
  | { kind: 'evaluated'; id: number; previews: ListPreview[] }
  | { kind: 'rows'; id: number; matches: number; columns: string[]; rows: PreviewRow[] }
  | { kind: 'csv'; id: number; csv: string; rows: number }
  | { kind: 'explained'; id: number; contactId?: string; explanation: ExplainNode | { error: string } }
  | { kind: 'cancelled'; id: number }
  | { kind: 'failed'; id: number; message: string };
