// The real jsforce 3.10.16 against the Salesforce emulator: logins, queries with and without autoFetch,
// describe, limits, and every error shape as jsforce surfaces it.

import { strict as assert } from 'node:assert';
import { Connection } from 'jsforce';
import type { SalesforceEmulator } from '../../../server/src/sandbox/salesforce/emulator';
import { CLIENT, FIXED_TOKEN, PASSWORD_WITH_TOKEN, startOrg, USER } from './support';

interface ApiError { name: string; errorCode: string; message: string }

async function failure(promise: PromiseLike<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  return assert.fail('expected the call to fail');
}

describe('jsforce against the Salesforce emulator', () => {
  let org: SalesforceEmulator;
  let conn: Connection;
  const liveLeads = (): number => org.state.tables.Lead.filter((row) => !row.IsDeleted).length;

  before(async () => {
    org = await startOrg();
    conn = new Connection({ instanceUrl: org.url, accessToken: FIXED_TOKEN, version: '62.0' });
  });
  after(() => org.stop());

  it('logs in with the OAuth2 username-password flow', async () => {
    const login = new Connection({ loginUrl: org.url, version: '62.0', oauth2: { ...CLIENT, loginUrl: org.url } });
    const user = await login.login(USER.username, PASSWORD_WITH_TOKEN);
    assert.equal(user.organizationId, org.state.organizationId);
    assert.equal(user.id, org.state.userId);
    assert.equal(login.instanceUrl, org.url);
    assert.equal((await login.query('SELECT COUNT() FROM Lead')).totalSize, liveLeads());
  });

  it('rejects a wrong password as invalid_grant / authentication failure', async () => {
    const login = new Connection({ loginUrl: org.url, version: '62.0', oauth2: { ...CLIENT, loginUrl: org.url } });
    const error = await failure(login.login(USER.username, 'wrong'));
    assert.equal(error.name, 'invalid_grant');
    assert.equal(error.message, 'authentication failure');
  });

  it('returns the first 2,000 records, then the rest through queryMore', async () => {
    const first = await conn.query('SELECT Id, Email FROM Lead');
    assert.equal(first.records.length, 2000);
    assert.equal(first.done, false);
    assert.equal(first.totalSize, liveLeads());
    // jsforce rebuilds nextRecordsUrl from its own base URL and the locator.
    assert.equal(first.nextRecordsUrl?.replace(/01g\w+-/, '<locator>-'), `${org.url}/services/data/v62.0/query/<locator>-2000`);
    const rest = await conn.queryMore(first.nextRecordsUrl ?? '');
    assert.equal(rest.done, true);
    assert.equal(rest.records.length, liveLeads() - 2000);
    const ids = new Set([...first.records, ...rest.records].map((r) => r.Id));
    assert.equal(ids.size, liveLeads());
    assert.deepEqual(first.records[0].attributes, { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${first.records[0].Id}` });
  });

  it('autoFetch follows every page; maxFetch caps it', async () => {
    const all = await conn.query('SELECT Id FROM Lead', { autoFetch: true, maxFetch: 100_000 });
    assert.equal(all.records.length, liveLeads());
    const capped = await conn.query('SELECT Id FROM Lead', { autoFetch: true, maxFetch: 2500 });
    assert.equal(capped.records.length, 2500);
  });

  it('honours Sforce-Query-Options batchSize, and queryAll (scanAll) includes deleted rows', async () => {
    const small = await conn.query('SELECT Id FROM Lead', { headers: { 'Sforce-Query-Options': 'batchSize=500' } });
    assert.equal(small.records.length, 500);
    const withDeleted = await conn.query('SELECT COUNT() FROM Lead', { scanAll: true });
    assert.equal(withDeleted.totalSize, org.state.tables.Lead.length);
    assert.ok(withDeleted.totalSize > liveLeads());
  });

  it('describes Lead and Contact, globally, and reads a record', async () => {
    const lead = await conn.sobject('Lead').describe();
    const required = lead.fields.filter((f) => f.createable && !f.nillable && !f.defaultedOnCreate).map((f) => f.name).sort();
    assert.deepEqual(required, ['Company', 'LastName', 'Status']);
    assert.deepEqual(lead.fields.find((f) => f.name === 'Interests__c')?.type, 'multipicklist');
    const contact = await conn.sobject('Contact').describe();
    assert.deepEqual(contact.fields.filter((f) => f.createable && !f.nillable && !f.defaultedOnCreate).map((f) => f.name), ['LastName']);
    const global = await conn.describeGlobal();
    assert.deepEqual(global.sobjects.map((s) => s.name), ['Lead', 'Contact']);
    const id = String(org.state.tables.Contact.find((row) => !row.IsDeleted)?.Id);
    const record = await conn.sobject('Contact').retrieve(id);
    assert.equal(record.Id, id);
  });

  it('reports limits, and the usage header reaches conn.limitInfo', async () => {
    const limits = await conn.limits();
    assert.equal(limits.DailyApiRequests.Max, 15000);
    assert.equal(conn.limitInfo.apiUsage?.used, org.state.apiUsage);
    assert.equal(limits.DailyApiRequests.Remaining, 15000 - org.state.apiUsage);
  });

  it('INVALID_SESSION_ID for an unknown token', async () => {
    const stranger = new Connection({ instanceUrl: org.url, accessToken: 'not-a-token', version: '62.0' });
    const error = await failure(stranger.query('SELECT Id FROM Lead'));
    assert.deepEqual([error.errorCode, error.message], ['INVALID_SESSION_ID', 'Session expired or invalid']);
  });

  it('after a session expires, a password login is renewed transparently', async () => {
    const login = new Connection({ loginUrl: org.url, version: '62.0', oauth2: { ...CLIENT, loginUrl: org.url } });
    await login.login(USER.username, PASSWORD_WITH_TOKEN);
    org.state.expireTokens();
    org.state.tokens.add(FIXED_TOKEN);
    assert.equal((await login.query('SELECT COUNT() FROM Contact')).totalSize, org.state.tables.Contact.filter((r) => !r.IsDeleted).length);
  });

  it('MALFORMED_QUERY and INVALID_FIELD', async () => {
    const malformed = await failure(conn.query('SELECT Id FROM Lead WHERE'));
    assert.equal(malformed.errorCode, 'MALFORMED_QUERY');
    assert.match(malformed.message, /unexpected token: <EOF>$/);
    const invalid = await failure(conn.query('SELECT Foo FROM Lead'));
    assert.equal(invalid.errorCode, 'INVALID_FIELD');
    assert.match(invalid.message, /No such column 'Foo' on entity 'Lead'/);
  });

  it('REQUEST_LIMIT_EXCEEDED once the daily budget is used', async () => {
    const tight = await startOrg({ dailyRequestLimit: 2, org: { hubspotCount: 10 } });
    try {
      const c = new Connection({ instanceUrl: tight.url, accessToken: FIXED_TOKEN, version: '62.0' });
      await c.query('SELECT Id FROM Lead');
      await c.query('SELECT Id FROM Lead');
      const error = await failure(c.query('SELECT Id FROM Lead'));
      assert.deepEqual([error.errorCode, error.message], ['REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.']);
      assert.deepEqual(c.limitInfo.apiUsage, { used: 2, limit: 2 });
    } finally {
      await tight.stop();
    }
  });

  it('a 5xx is surfaced when retries are off, and retried away otherwise; so is a socket reset', async () => {
    org.state.faults.failNext(1, 503);
    const error = await failure(conn.request('/services/data/v62.0/limits', { retry: { maxRetries: 0 } }) as Promise<unknown>);
    assert.deepEqual([error.errorCode, error.message], ['SERVER_UNAVAILABLE', 'Server temporarily unavailable. Please try again later.']);
    org.state.faults.failNext(1, 500);
    assert.equal((await conn.query('SELECT COUNT() FROM Lead')).totalSize, liveLeads());
    org.state.faults.resetNext(1);
    assert.equal((await conn.query('SELECT COUNT() FROM Lead')).totalSize, liveLeads());
  });
});
