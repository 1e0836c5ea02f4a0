// Typed calls of the server's preview requests (server/src/lsp/preview/protocol.ts: type-only apart
// from the method names, so the client bundle pulls in no server code).
import {
  PreviewRequests,
  type ExplainAnswer,
  type ExplainParams,
  type ExportParams,
  type PreviewStatus,
  type PreviewSummary,
  type RowsPage,
  type RowsParams,
  type RowsView,
  type SyncAnswer,
} from '../../../server/src/lsp/preview/protocol';

export type { ExplainAnswer, ExportParams, PreviewStatus, PreviewSummary, RowsPage, RowsView };

/** What the preview needs of the server connection (ServerConnection implements it). */
export interface PreviewTransport {
  request<R>(method: string, params: unknown): Promise<R>;
}

const M = PreviewRequests;

export class PreviewClient {
  constructor(private readonly transport: PreviewTransport) {}

  listAt(uri: string, position: { line: number; character: number }): Promise<{ name: string } | null> {
    return this.transport.request(M.listAt, { uri, position });
  }

  summary(name: string): Promise<PreviewSummary> {
    return this.transport.request(M.summary, { name });
  }

  rows(params: RowsParams): Promise<RowsPage> {
    return this.transport.request(M.rows, params);
  }

  exportCsv(params: ExportParams): Promise<{ csv: string; rows: number }> {
    return this.transport.request(M.exportCsv, params);
  }

  explain(params: ExplainParams): Promise<ExplainAnswer> {
    return this.transport.request(M.explain, params);
  }

  reload(): Promise<PreviewStatus> {
    return this.transport.request(M.reload, {});
  }

  status(): Promise<PreviewStatus> {
    return this.transport.request(M.status, {});
  }

  /** The Salesforce side: the sync simulated on the preview's contacts and a Salesforce export. */
  sync(): Promise<SyncAnswer> {
    return this.transport.request(M.sync, {});
  }
}
