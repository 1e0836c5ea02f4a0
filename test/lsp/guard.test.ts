// The request wrapper every LSP handler runs in: cancellation and failures never escape.

import { strict as assert } from 'node:assert';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { guarded } from '../../server/src/lsp/guard';

function fakeConnection(logged: string[]): Connection {
  return { console: { error: (m: string) => logged.push(m) } } as unknown as Connection;
}

describe('lsp: guarded handlers', () => {
  it('answers a cancelled request with RequestCancelled without running it', () => {
    let ran = false;
    const source = new CancellationTokenSource();
    source.cancel();
    const result = guarded(fakeConnection([]), 'hover', null, () => {
      ran = true;
      return 1;
    })({}, source.token);
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
    assert.equal(ran, false);
  });

  it('answers RequestCancelled when the request is cancelled while it runs', () => {
    const source = new CancellationTokenSource();
    const result = guarded(fakeConnection([]), 'hover', null, () => {
      source.cancel();
      return 1;
    })({}, source.token);
    assert.ok(result instanceof ResponseError && result.code === LSPErrorCodes.RequestCancelled);
  });

  it('logs a failure and answers the empty result; a deliberate ResponseError passes through', () => {
    const logged: string[] = [];
    const token = new CancellationTokenSource().token;
    const empty = guarded(fakeConnection(logged), 'completion', [] as number[], () => {
      throw new TypeError('boom');
    })({}, token);
    assert.deepEqual(empty, []);
    assert.match(logged[0], /^hslist: completion failed: TypeError: boom/);
    const refusal = guarded(fakeConnection(logged), 'rename', null, () => {
      throw new ResponseError(-32600, 'taken');
    })({}, token);
    assert.ok(refusal instanceof ResponseError && refusal.message === 'taken');
    assert.equal(logged.length, 1);
  });
});
