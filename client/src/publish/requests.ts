// Typed calls of the server's publish requests (server/src/lsp/publish/protocol.ts: type-only apart
// from the method names, so the client bundle pulls in no server code).

import {
  PublishRequests,
  type ApplyAnswer,
  type ApplyParams,
  type CountAnswer,
  type CountParams,
  type CriteriaAnswer,
  type PlanAnswer,
  type PlanParams,
  type PortalListsAnswer,
  type PullAnswer,
  type PullParams,
} from '../../../server/src/lsp/publish/protocol';

/** What publishing needs of the server connection (ServerConnection implements it). */
export interface PublishTransport {
  request<R>(method: string, params: unknown): Promise<R>;
}

const M = PublishRequests;

export class PublishClient {
  constructor(private readonly transport: PublishTransport) {}

  plan(params: PlanParams = {}): Promise<PlanAnswer> {
    return this.transport.request(M.plan, params);
  }

  apply(params: ApplyParams): Promise<ApplyAnswer> {
    return this.transport.request(M.apply, params);
  }

  pull(params: PullParams): Promise<PullAnswer> {
    return this.transport.request(M.pull, params);
  }

  portalLists(): Promise<PortalListsAnswer> {
    return this.transport.request(M.portalLists, {});
  }

  count(params: CountParams): Promise<CountAnswer> {
    return this.transport.request(M.count, params);
  }

  criteria(name: string): Promise<CriteriaAnswer> {
    return this.transport.request(M.criteria, { name });
  }
}
