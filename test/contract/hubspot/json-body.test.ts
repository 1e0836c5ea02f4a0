// A batch read's body written as JSON text (json-text.ts) reaches HubSpot as the SDK's serialised object
// would: the same JSON, with `Content-Type: application/json`, through the real SDK over HTTP. Ids that
// are not digits fall back to objects for the SDK to serialise.

import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { JsonText, idInputs, requestBody } from '../../../server/src/hubspot/account/json-text';

interface Seen {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/** A HubSpot stand-in on loopback: every contact has company 900; the companies' batch read answers its name. */
async function listening(seen: Seen[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request: IncomingMessage, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const body = JSON.parse(text) as { inputs: { id: string }[] };
      seen.push({ path: request.url ?? '', contentType: request.headers['content-type'], body });
      const answer = request.url?.includes('/associations/')
        ? { status: 'COMPLETE', results: body.inputs.map((input) => ({ from: { id: input.id }, to: [{ toObjectId: 900, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' }] }] })) }
        : { status: 'COMPLETE', results: [{ id: '900', properties: { name: 'Acme' } }] };
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('hubspot: a batch read\'s body written as JSON text', () => {
  it('writes digit ids as the SDK would serialise their input objects, and nothing else', () => {
    assert.equal(idInputs(['1', '20', '300'])?.text, JSON.stringify({ inputs: [{ id: '1' }, { id: '20' }, { id: '300' }] }));
    assert.equal(idInputs(['1', 'x"2']), undefined);
    assert.equal(idInputs([])?.text, JSON.stringify({ inputs: [] }));
    assert.deepEqual(requestBody(new JsonText('{"a":1}')), { body: '{"a":1}', defaultJson: false, headers: { 'Content-Type': 'application/json' } });
    assert.deepEqual(requestBody({ a: 1 }), { body: { a: 1 } });
    assert.deepEqual(requestBody(undefined), {});
  });

  it('reaches HubSpot as JSON with its content type, and each contact gets its company', async () => {
    const seen: Seen[] = [];
    const { server, url } = await listening(seen);
    try {
      const account = createHubSpotAccount({ accessToken: 'pat-na1-json-body', basePath: url });
      const found = await account.getAssociatedFor(['101', '102'], 'companies', ['name']);
      const associations = seen.find((s) => s.path.includes('/associations/'));
      assert.deepEqual(associations, { path: '/crm/v4/associations/contacts/companies/batch/read', contentType: 'application/json', body: { inputs: [{ id: '101' }, { id: '102' }] } });
      assert.deepEqual(found.get('102')?.map((r) => [r.id, r.properties.name, r.primary]), [['900', 'Acme', true]]);
    } finally {
      server.close();
    }
  });
});
