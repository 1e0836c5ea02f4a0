import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { readBodyBytes } from '../../../server/src/hubspot/account/body-read';

const errors = {
  stalled: (got: number, expected: number | undefined) => new Error(`stalled ${got}/${expected ?? '?'}`),
  truncated: (got: number, expected: number | undefined) => new Error(`truncated ${got}/${expected ?? '?'}`),
};

describe('HubSpot account: reading an answer\'s body', () => {
  it('reads a whole body, in one piece or several', async () => {
    const body = new PassThrough();
    const bytes = readBodyBytes(body, '11', 1000, undefined, errors);
    body.end(Buffer.from('{"a": true}'));
    assert.equal((await bytes).toString('utf8'), '{"a": true}');
    const pieces = new PassThrough();
    const joined = readBodyBytes(pieces, null, 1000, undefined, errors);
    pieces.write(Buffer.from('{"a": "ł'));
    pieces.end(Buffer.from('ó"}'));
    assert.equal((await joined).toString('utf8'), '{"a": "łó"}');
    const none = readBodyBytes(null, null, 1000, undefined, errors);
    assert.equal((await none).length, 0, 'no body: no bytes');
  });

  it('a body that ends short of its Content-Length is an error, not a short answer', async () => {
    const body = new PassThrough();
    const text = readBodyBytes(body, '1000', 1000, undefined, errors);
    body.end(Buffer.from('{"results":'));
    await assert.rejects(text, /truncated 11\/1000/);
  });

  it('a stream that breaks off mid-body and never ends is an error after the time limit', async () => {
    const body = new PassThrough();
    const text = readBodyBytes(body, '1000', 50, undefined, errors);
    body.write(Buffer.from('{"res'));
    await assert.rejects(text, /stalled 5\/1000/);
  });

  it('a stream that closes without ending is an error, also without a Content-Length', async () => {
    const body = new PassThrough();
    const text = readBodyBytes(body, null, 1000, undefined, errors);
    body.write(Buffer.from('{"res'));
    body.destroy();
    await assert.rejects(text, /truncated 5\/\?/);
  });
});
