// hslist's Salesforce account layer (server/src/salesforce) over real jsforce against the emulator:
// connecting both ways, the field model, paged queries, counts, email lookups, schema pull, and the
// one-sentence wording of every failure.

import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectSalesforce, pullSalesforceSchema, salesforceOptionsFromEnv, type SalesforceOrg } from '../../../server/src/salesforce';
import type { SalesforceEmulator } from '../../../server/src/sandbox/salesforce/emulator';
import { recordId } from '../../../server/src/sandbox/salesforce/ids';
import { CLIENT, closedPort, FIXED_TOKEN, PASSWORD_WITH_TOKEN, startOrg, USER } from './support';

const NO_RETRY = { maxRetries: 0 };

async function failureMessage(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  return assert.fail('expected the call to fail');
}

async function collect(pages: AsyncIterable<unknown[]>): Promise<number[]> {
  const sizes: number[] = [];
  for await (const page of pages) sizes.push(page.length);
  return sizes;
}

describe('Salesforce account layer', () => {
  let emulator: SalesforceEmulator;
  let org: SalesforceOrg;
  const live = (type: 'Lead' | 'Contact') => emulator.state.tables[type].filter((row) => !row.IsDeleted);

  before(async () => {
    emulator = await startOrg();
    org = await connectSalesforce({ instanceUrl: emulator.url, accessToken: FIXED_TOKEN, retry: NO_RETRY });
  });
  after(() => emulator.stop());

  it('connects with the username-password flow and sets the API version explicitly', async () => {
    const viaLogin = await connectSalesforce({ loginUrl: emulator.url, ...CLIENT, username: USER.username, password: PASSWORD_WITH_TOKEN });
    assert.equal(viaLogin.instanceUrl, emulator.url);
    assert.equal(viaLogin.version, '62.0');
    assert.equal(await viaLogin.countWhere('Contact'), live('Contact').length);
    assert.ok(emulator.state.requestLog.some((line) => line.startsWith('GET /services/data/v62.0/query')));
  });

  it('describes Lead and Contact into our field model with required-for-create', async () => {
    const lead = await org.describe('Lead');
    assert.deepEqual(lead.fields.filter((f) => f.requiredForCreate).map((f) => f.name), ['Company', 'LastName', 'Status']);
    const status = lead.fields.find((f) => f.name === 'Status');
    assert.deepEqual(status?.picklistValues[0], { value: 'Open - Not Contacted', label: 'Open - Not Contacted', active: true, defaultValue: true });
    assert.deepEqual(lead.fields.map((f) => f.name), [...lead.fields.map((f) => f.name)].sort());
    const contact = await org.describe('Contact');
    assert.deepEqual(contact.fields.filter((f) => f.requiredForCreate).map((f) => f.name), ['LastName']);
  });

  it('pages through queryMore batches', async () => {
    const leads = live('Lead').length;
    assert.deepEqual(await collect(org.queryAll('SELECT Id FROM Lead')), [2000, leads - 2000]);
    const small = await collect(org.queryAll('SELECT Id FROM Lead', { batchSize: 1000 }));
    assert.equal(small.length, Math.ceil(leads / 1000));
    assert.equal(small.reduce((a, b) => a + b, 0), leads);
    const all = await collect(org.queryAll('SELECT Id FROM Lead', { includeDeleted: true }));
    assert.equal(all.reduce((a, b) => a + b, 0), emulator.state.tables.Lead.length);
  });

  it('counts with a structured WHERE', async () => {
    const count = await org.countWhere('Lead', { and: [{ field: 'Status', op: 'IN', values: ['Working - Contacted', 'Closed - Converted'] }, { field: 'HasOptedOutOfEmail', op: '=', value: false }] });
    const expected = live('Lead').filter((r) => (r.Status === 'Working - Contacted' || r.Status === 'Closed - Converted') && r.HasOptedOutOfEmail === false).length;
    assert.equal(count, expected);
  });

  it('finds records by email in batches, whatever the email contains', async () => {
    const tricky = ["o'brien@example.com", 'back\\slash@example.com', 'quote"d@example.com', '100%_real@example.com'];
    const local = await startOrg({ records: tricky.map((Email, i) => ({ type: 'Lead' as const, fields: { Id: recordId('00Q', i + 1), LastName: 'X', Company: 'Y', Status: 'Open - Not Contacted', Email } })) });
    try {
      const conn = await connectSalesforce({ instanceUrl: local.url, accessToken: FIXED_TOKEN });
      const others = Array.from({ length: 450 }, (_, i) => `nobody${i}@example.com`);
      const found = await conn.findByEmails('Lead', [...others, ...tricky.map((e) => e.toUpperCase())]);
      assert.deepEqual(found.map((r) => r.Email).sort(), [...tricky].sort());
      assert.equal(local.state.requestLog.length, 3, 'three IN batches for 454 distinct emails');
    } finally {
      await local.stop();
    }
  });

  it('pulls lead.json and contact.json, sorted and byte-stable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hslist-sf-schema-'));
    try {
      const written = await pullSalesforceSchema(org, dir);
      assert.deepEqual(written, [join(dir, 'lead.json'), join(dir, 'contact.json')]);
      const first = await readFile(written[0], 'utf8');
      await pullSalesforceSchema(org, dir);
      assert.equal(await readFile(written[0], 'utf8'), first);
      const lead = JSON.parse(first) as { name: string; fields: { name: string; requiredForCreate: boolean }[] };
      assert.equal(lead.name, 'Lead');
      assert.ok(lead.fields.find((f) => f.name === 'Company')?.requiredForCreate);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('failures, in one sentence', () => {
    it('an expired session', async () => {
      const stranger = await connectSalesforce({ instanceUrl: emulator.url, accessToken: 'expired-token' });
      assert.equal(await failureMessage(stranger.countWhere('Lead')), 'Salesforce said 401 INVALID_SESSION_ID: Session expired or invalid (while counting Lead).');
    });
    it('a malformed query, with its place', async () => {
      assert.equal(await failureMessage(collect(org.queryAll('SELECT Id FROMM Lead'))), 'Salesforce said 400 MALFORMED_QUERY: unexpected token: FROMM at row 1, column 11 (while querying records).');
    });
    it('an unknown field', async () => {
      assert.match(await failureMessage(collect(org.queryAll('SELECT Foo FROM Lead'))), /^Salesforce said 400 INVALID_FIELD: No such column 'Foo' on entity 'Lead'\. .* at row 1, column 8 \(while querying Lead\)\.$/);
    });
    it('the daily request limit', async () => {
      const tight = await startOrg({ dailyRequestLimit: 0, org: { hubspotCount: 5 } });
      try {
        const conn = await connectSalesforce({ instanceUrl: tight.url, accessToken: FIXED_TOKEN });
        assert.equal(await failureMessage(conn.describe('Lead')), 'Salesforce said 403 REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded (while describing Lead).');
      } finally {
        await tight.stop();
      }
    });
    it('a server error', async () => {
      emulator.state.faults.failNext(1, 503);
      assert.equal(await failureMessage(org.describe('Contact')), 'Salesforce said 503 SERVER_UNAVAILABLE: Server temporarily unavailable. Please try again later (while describing Contact).');
    });
    it('a wrong password', async () => {
      const message = await failureMessage(connectSalesforce({ loginUrl: emulator.url, ...CLIENT, username: USER.username, password: 'wrong-password' }));
      assert.equal(message, `Salesforce said 400 invalid_grant: authentication failure (while logging in as ${USER.username}).`);
    });
    it('an unreachable host, named', async () => {
      const port = await closedPort();
      const conn = await connectSalesforce({ instanceUrl: `http://127.0.0.1:${port}`, accessToken: FIXED_TOKEN, retry: NO_RETRY });
      assert.equal(await failureMessage(conn.describe('Lead')), `Could not reach Salesforce at http://127.0.0.1:${port} (connection refused) while describing Lead.`);
      const login = await failureMessage(connectSalesforce({ loginUrl: `http://127.0.0.1:${port}`, ...CLIENT, username: USER.username, password: 'x-password' }));
      assert.equal(login, `Could not reach Salesforce at http://127.0.0.1:${port} (connection refused) while logging in as ${USER.username}.`);
    });
    it('incomplete credentials and bad names, before any request', async () => {
      assert.match(await failureMessage(connectSalesforce({ loginUrl: emulator.url, username: 'u' })), /^Salesforce credentials are incomplete/);
      assert.equal(await failureMessage(org.describe('Lead; DROP')), '"Lead; DROP" is not a Salesforce object name.');
      assert.equal(await failureMessage(org.countWhere('Lead', { field: 'Email)', op: '=', value: 'x' })), 'Cannot build the query on Lead: "Email)" is not a Salesforce field name.');
    });
    it('errors carry no stack trace beyond their message', async () => {
      const stranger = await connectSalesforce({ instanceUrl: emulator.url, accessToken: 'expired-token' });
      try {
        await stranger.describe('Lead');
        assert.fail('expected a failure');
      } catch (error) {
        assert.equal((error as Error).stack, `SalesforceError: ${(error as Error).message}`);
      }
    });
  });

  it('reads credentials from HSLIST_SF_* environment variables', () => {
    assert.deepEqual(salesforceOptionsFromEnv({ HSLIST_SF_INSTANCE_URL: 'https://x.my.salesforce.com', HSLIST_SF_ACCESS_TOKEN: 't0ken' }),
      { instanceUrl: 'https://x.my.salesforce.com', accessToken: 't0ken', version: undefined });
    assert.deepEqual(salesforceOptionsFromEnv({ HSLIST_SF_LOGIN_URL: 'l', HSLIST_SF_CLIENT_ID: 'c', HSLIST_SF_CLIENT_SECRET: 's', HSLIST_SF_USERNAME: 'u', HSLIST_SF_PASSWORD: 'p', HSLIST_SF_API_VERSION: '61.0' }),
      { loginUrl: 'l', clientId: 'c', clientSecret: 's', username: 'u', password: 'p', version: '61.0' });
    assert.deepEqual(salesforceOptionsFromEnv({ HSLIST_SF_USERNAME: 'u' }),
      { error: 'Salesforce credentials are incomplete: set HSLIST_SF_LOGIN_URL, HSLIST_SF_CLIENT_ID, HSLIST_SF_CLIENT_SECRET, HSLIST_SF_PASSWORD for the username-password login.' });
    assert.deepEqual(salesforceOptionsFromEnv({ HSLIST_SF_INSTANCE_URL: 'x' }), { error: 'Salesforce credentials are incomplete: set HSLIST_SF_ACCESS_TOKEN as well as HSLIST_SF_INSTANCE_URL.' });
    assert.match('error' in salesforceOptionsFromEnv({}) ? (salesforceOptionsFromEnv({}) as { error: string }).error : '', /^No Salesforce credentials: set HSLIST_SF_INSTANCE_URL and HSLIST_SF_ACCESS_TOKEN, or /);
  });
});
