// The messages between a preview worker (worker.ts) and its client (worker-client.ts).
//
// Client → worker, each with a numeric `id` the reply repeats:
//   { kind: 'loadSnapshot', id, path }                        → { kind: 'loaded', id, total, report? }
//   { kind: 'loadSource', id, path, schema, properties, options, snapshotPath? }
//                                                              → { kind: 'loaded', id, total, report }
//   { kind: 'evaluate', id, list, lists, now, sampleSize? }    → { kind: 'result', id, result }
//   { kind: 'explain', id, list, lists, now, contactId }       → { kind: 'explained', id, explanation }
// Any request may instead get { kind: 'cancelled', id } or { kind: 'failed', id, message }.
//
// Cancellation: the client writes the id of its newest evaluate/explain request into a shared
// Int32Array (`latest`, passed once as workerData). The worker checks it before starting a request
// and before computing each clause; when a newer request exists it stops and answers 'cancelled'.
// Loads are never cancelled.

import type { ListNode } from '../../../grammar/src/ast';
import type { Schema } from '../language/schema-types';
import type { ExplainNode } from './explain';
import type { PreviewResult } from './result-types';
import type { SourceReport } from './types';
import type { SourceOptions } from './sources/csv';

export interface ListRequest {
  list: ListNode;
  /** Every list of the workspace, for `in list "Name"`. */
  lists: ListNode[];
  /** *now* in epoch ms, pinned by the client so cached relative-date clauses stay valid between edits. */
  now: number;
}

export type WorkerRequest =
  | { kind: 'loadSnapshot'; id: number; path: string }
  | { kind: 'loadSource'; id: number; path: string; schema: Schema; properties: string[]; options: SourceOptions; snapshotPath?: string }
  | ({ kind: 'evaluate'; id: number; sampleSize?: number; schema: Schema } & ListRequest)
  | ({ kind: 'explain'; id: number; contactId: string; schema: Schema } & ListRequest);

export type WorkerReply =
  | { kind: 'loaded'; id: number; total: number; report?: SourceReport }
  | { kind: 'result'; id: number; result: PreviewResult }
  | { kind: 'explained'; id: number; explanation: ExplainNode | { error: string } }
  | { kind: 'cancelled'; id: number }
  | { kind: 'failed'; id: number; message: string };
