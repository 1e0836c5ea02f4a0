// What a preview run returns, to the LSP, the CLI and the worker's callers.

import type { Span } from '@hslist/grammar';

export interface ClauseCount {
  span: Span;
  text: string;
  /** Contacts that certainly pass this clause. */
  count: number;
  /** Contacts that may pass (differs from count only where data is missing). */
  maxCount: number;
  /** Top-level `and` clauses only: contacts that pass this clause and every top-level clause before it. */
  funnel?: number;
  /** Why the clause cannot be judged locally (its own reason, for leaves). */
  notPreviewable?: string;
  children: ClauseCount[];
}

export interface NotPreviewable {
  span: Span;
  text: string;
  reason: string;
}

export interface PreviewResult {
  /** Contacts in the data. */
  total: number;
  /** Contacts that certainly match. */
  count: number;
  /** Contacts that may match: equal to count when every condition could be judged (`complete`). */
  maxCount: number;
  complete: boolean;
  notPreviewable: NotPreviewable[];
  clauses: ClauseCount[];
  sampleIds: string[];
  /** Milliseconds spent evaluating. */
  elapsedMs: number;
}
