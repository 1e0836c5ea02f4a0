// The client's credential store over a SecretStorage stand-in: one secret per host, looked up by host
// only (never another host's), connecting for a second host leaves the first one's secret as it was,
// and what an earlier version stored without a host is bound as legacy-credentials.ts documents.

import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { CredentialStore } from '../../../client/src/credential-store';
import { LEGACY_HUBSPOT_KEY, LEGACY_SALESFORCE_KEY, migrateUnboundCredentials } from '../../../client/src/legacy-credentials';

class MemorySecrets {
  readonly values = new Map<string, string>();
  readonly writes: string[] = [];
  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }
  store(key: string, value: string): Promise<void> {
    this.writes.push(key);
    this.values.set(key, value);
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }
  asSecretStorage(): vscode.SecretStorage {
    return this as unknown as vscode.SecretStorage;
  }
}

const A = 'http://127.0.0.1:4010';
const B = 'https://collector.example';

describe('client: credentials bound to hosts', () => {
  let secrets: MemorySecrets;
  let hubspot: CredentialStore;

  beforeEach(() => {
    secrets = new MemorySecrets();
    hubspot = new CredentialStore(secrets.asSecretStorage(), 'hslist.hubspot.credential');
  });

  it('finds a credential only under the host it was connected for', async () => {
    await hubspot.store(`${A}/`, ' token-a ');
    assert.deepEqual(await hubspot.forHost(A), { url: A, accessToken: 'token-a' });
    assert.deepEqual(await hubspot.forHost('http://127.0.0.1:4010/crm/v3'), { url: A, accessToken: 'token-a' }, 'same host, another path');
    for (const other of [B, 'https://127.0.0.1:4010', 'http://127.0.0.1:4011', 'http://localhost:4010', 'http://127.0.0.1:4010@collector.example', 'not a url']) {
      assert.equal(await hubspot.forHost(other), undefined, other);
    }
  });

  it('connecting for a second host adds a credential and leaves the first one\'s secret untouched', async () => {
    await hubspot.store(A, 'token-a');
    const secretOfA = secrets.values.get(`hslist.hubspot.credential@${A}`);
    secrets.writes.length = 0;
    await hubspot.store(B, 'token-b');
    assert.deepEqual(secrets.writes, [`hslist.hubspot.credential@${B}`, 'hslist.hubspot.credential.hosts'], 'only B\'s secret and the index are written');
    assert.equal(secrets.values.get(`hslist.hubspot.credential@${A}`), secretOfA);
    assert.deepEqual(await hubspot.hosts(), [A, B]);
    assert.equal((await hubspot.forHost(A))?.accessToken, 'token-a');
    assert.equal((await hubspot.forHost(B))?.accessToken, 'token-b');
    assert.equal((await hubspot.latest())?.url, B);
  });

  it('connecting again for a host replaces that host\'s credential and lists it last', async () => {
    await hubspot.store(A, 'old');
    await hubspot.store(B, 'token-b');
    await hubspot.store(A, 'new');
    assert.deepEqual(await hubspot.hosts(), [B, A]);
    assert.equal((await hubspot.forHost(A))?.accessToken, 'new');
  });

  it('refuses to store a credential for a URL that hides its host', async () => {
    await assert.rejects(hubspot.store('https://api.hubapi.com@collector.example', 't'), /user name or password/);
    assert.deepEqual(await hubspot.hosts(), []);
  });

  it('an entry whose own URL is of another host than it is filed under counts as absent', async () => {
    await secrets.store(`hslist.hubspot.credential@${A}`, JSON.stringify({ url: B, accessToken: 't' }));
    assert.equal(await hubspot.forHost(A), undefined);
  });

  it('disconnecting removes every host\'s secret and the index', async () => {
    await hubspot.store(A, 'token-a');
    await hubspot.store(B, 'token-b');
    await hubspot.clear();
    assert.deepEqual([...secrets.values.keys()], []);
  });

  describe('credentials of an earlier version, stored without a host', () => {
    let salesforce: CredentialStore;
    const migrate = () => migrateUnboundCredentials(secrets.asSecretStorage(), { hubspot, salesforce });

    beforeEach(() => {
      salesforce = new CredentialStore(secrets.asSecretStorage(), 'hslist.salesforce.credential');
    });

    it('binds the HubSpot token to api.hubapi.com and the Salesforce session to its own instance', async () => {
      await secrets.store(LEGACY_HUBSPOT_KEY, 'pat-na1-legacy');
      await secrets.store(LEGACY_SALESFORCE_KEY, JSON.stringify({ instanceUrl: 'https://acme.my.salesforce.com/', accessToken: 'sf-legacy' }));
      const lines = await migrate();
      assert.deepEqual(await hubspot.forHost('https://api.hubapi.com'), { url: 'https://api.hubapi.com', accessToken: 'pat-na1-legacy' });
      assert.equal(await hubspot.forHost(A), undefined, 'not bound to any other host');
      assert.deepEqual(await salesforce.forHost('https://acme.my.salesforce.com'), { url: 'https://acme.my.salesforce.com', accessToken: 'sf-legacy' });
      assert.equal(secrets.values.has(LEGACY_HUBSPOT_KEY) || secrets.values.has(LEGACY_SALESFORCE_KEY), false, 'the unbound entries are gone');
      assert.equal(lines.length, 2);
      assert.ok(lines.every((line) => !line.includes('legacy')), 'no secret in the log lines');
      assert.deepEqual(await migrate(), [], 'a second activation has nothing to do');
    });

    it('drops a sandbox token (it belongs to a loopback URL, not HubSpot) and a session without a usable URL', async () => {
      await secrets.store(LEGACY_HUBSPOT_KEY, 'hslist-sandbox-hubspot-token');
      await secrets.store(LEGACY_SALESFORCE_KEY, JSON.stringify({ instanceUrl: 'https://x@collector.example', accessToken: 't' }));
      const lines = await migrate();
      assert.deepEqual([await hubspot.hosts(), await salesforce.hosts()], [[], []]);
      assert.match(lines.join('\n'), /sandbox token .* removed/);
      assert.match(lines.join('\n'), /no usable instance URL: removed/);
    });

    it('keeps a credential connected for api.hubapi.com since then over the unbound one', async () => {
      await hubspot.store('https://api.hubapi.com', 'pat-na1-new');
      await secrets.store(LEGACY_HUBSPOT_KEY, 'pat-na1-legacy');
      await migrate();
      assert.equal((await hubspot.forHost('https://api.hubapi.com'))?.accessToken, 'pat-na1-new');
    });
  });
});
