import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { readBodyText } from '../../../server/src/hubspot/account/body-read';

const errors = {
  stalled: (got: number, expected: number | undefined) => new Error(`stalled ${got}/${expected ?? '?'}`),
  truncated: (got: number, expected: number | undefined) => new Error(`truncated ${got}/${expected ?? '?'}`),
};

describe('HubSpot account: reading an answer\'s body', () => {
  it('reads a whole body', async () => {
    const body = new PassThrough();
    const text = readBodyText(body, '11', 1000, undefined, errors);
    body.end(Buffer.from('{"a": true}'));
    assert.equal(await text, '{"a": true}');
  });

  it('a body that ends short of its Content-Length is an error, not a short answer', async () => {
    const body = new PassThrough();
    const text = readBodyText(body, '1000', 1000, undefined, errors);
    body.end(Buffer.from('{"results":'));
    await assert.rejects(text, /truncated 11\/1000/);
  });

  it('a stream that breaks off mid-body and never ends is an error after the time limit', async () => {
    const body = new PassThrough();
    const text = readBodyText(body, '1000', 50, undefined, errors);
    body.write(Buffer.from('{"res'));
    await assert.rejects(text, /stalled 5\/1000/);
  });

  it('a stream that closes without ending is an error, also without a Content-Length', async () => {
    const body = new PassThrough();
    const text = readBodyText(body, null, 1000, undefined, errors);
    body.write(Buffer.from('{"res'));
    body.destroy();
    await assert.rejects(text, /truncated 5\/\?/);
  });
});
