// Typed calls of the server's preview requests (server/src/lsp/preview/protocol.ts: type-only apart
// from the method names, so the client bundle pulls in no server code).
import { PreviewRequests, type ExplainAnswer, type ExplainParams, type PreviewStatus, type PreviewSummary, type RowsPage, type RowsParams } from '../../../server/src/lsp/preview/protocol';

export type { ExplainAnswer, PreviewStatus, PreviewSummary, RowsPage };

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

  exportCsv(name: string, search: string): Promise<{ csv: string; rows: number }> {
    return this.transport.request(M.exportCsv, { name, search });
  }

  explain(params: ExplainParams): Promise<ExplainAnswer> {
    return this.transport.request(M.explain, params);
  }

  reload(): Promise<PreviewStatus> {
    return this.transport.request(M.reload, {});
  }
}
