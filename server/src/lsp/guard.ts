// Every request handler runs inside `guarded`: a cancelled request is answered with RequestCancelled,
// and an exception (a malformed document or request, or a bug of ours) is logged to the connection's
// console and answered with the handler's empty result, so nothing can take the server down.

import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

export type Handler<P, R> = (params: P, token: CancellationToken) => R;

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function guarded<P, R>(connection: Connection, name: string, empty: R, handler: Handler<P, R>): Handler<P, R | ResponseError<void>> {
  return (params, token) => {
    if (token?.isCancellationRequested) return cancelled();
    try {
      const result = handler(params, token);
      return token?.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      // A deliberate refusal (e.g. a rename to a taken name) reaches the client as it is.
      if (error instanceof ResponseError) return error as ResponseError<void>;
      connection.console.error(`hslist: ${name} failed: ${describeError(error)}`);
      return empty;
    }
  };
}
