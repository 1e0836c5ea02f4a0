// The server side of "Refresh schema": the command argument read as account settings (bad fields named,
// values never echoed: they may be tokens) and the one-line summary of a refresh.

import { strict as assert } from 'node:assert';
import { accountSettingsOf, NO_ACCOUNTS_MESSAGE, summarizeRefresh } from '../../../server/src/lsp/schema-refresh';

const TOKEN = 'pat-na1-very-secret';

describe('lsp: refresh schema argument and summary', () => {
  it('reads both accounts, trimming URLs of trailing slashes', () => {
    const read = accountSettingsOf({
      hubspot: { accessToken: TOKEN, baseUrl: 'http://127.0.0.1:4010/' },
      salesforce: { instanceUrl: 'https://acme.my.salesforce.com/', accessToken: 'sf-token' },
    });
    assert.deepEqual(read, { settings: {
      hubspot: { accessToken: TOKEN, baseUrl: 'http://127.0.0.1:4010' },
      salesforce: { instanceUrl: 'https://acme.my.salesforce.com', accessToken: 'sf-token' },
    } });
  });

  it('reads an empty object as no account, and HubSpot without a base URL as the default API', () => {
    assert.deepEqual(accountSettingsOf({}), { settings: {} });
    assert.deepEqual(accountSettingsOf({ hubspot: { accessToken: TOKEN } }), { settings: { hubspot: { accessToken: TOKEN } } });
  });

  it('names the bad field without echoing any value', () => {
    const cases: [unknown, RegExp][] = [
      [42, /expects an object/],
      [{ hubspot: { accessToken: '' } }, /"hubspot.accessToken" must be a non-empty string/],
      [{ hubspot: { accessToken: TOKEN, baseUrl: `ftp://${TOKEN}` } }, /"hubspot.baseUrl" must be an http\(s\) URL/],
      [{ salesforce: { accessToken: TOKEN } }, /"salesforce.instanceUrl" must be an http\(s\) URL/],
      [{ salesforce: { instanceUrl: 'https://x.my.salesforce.com', accessToken: 7 } }, /"salesforce.accessToken" must be a non-empty string/],
    ];
    for (const [argument, message] of cases) {
      const read = accountSettingsOf(argument);
      assert.ok('error' in read, JSON.stringify(argument));
      assert.match(read.error, message);
      assert.equal(read.error.includes(TOKEN), false);
    }
  });

  it('summarises both sides in one line', () => {
    const answer = summarizeRefresh({
      dir: '/w/.hslist/schema',
      hubspot: { ok: true, source: 'api.hubapi.com', files: ['/w/.hslist/schema/contacts.json', '/w/.hslist/schema/companies.json'], counts: { contacts: 103, companies: 44 } },
      salesforce: { ok: true, source: 'https://acme', files: ['/w/.hslist/schema/salesforce/lead.json'], counts: { Lead: 26, Contact: 20 } },
    });
    assert.equal(answer.message, 'HubSpot: 103 contact properties, 44 company properties; Salesforce: 26 Lead fields, 20 Contact fields.');
    assert.equal(answer.ok, true);
    assert.equal(answer.files.length, 3);
  });

  it('says which side failed and why, keeping the side that worked', () => {
    const answer = summarizeRefresh({
      dir: '/w/.hslist/schema',
      hubspot: { ok: false, source: 'api.hubapi.com', message: 'HubSpot said 401 Unauthorized: Authentication credentials not found.' },
      salesforce: { ok: true, source: 'https://acme', files: ['/w/.hslist/schema/salesforce/lead.json'], counts: { Lead: 26, Contact: 20 } },
    });
    assert.equal(answer.ok, false);
    assert.equal(answer.message, 'HubSpot: not refreshed: HubSpot said 401 Unauthorized: Authentication credentials not found; Salesforce: 26 Lead fields, 20 Contact fields.');
    assert.deepEqual(answer.files, ['/w/.hslist/schema/salesforce/lead.json']);
  });

  it('answers the no-accounts sentence when neither side was asked', () => {
    assert.deepEqual(summarizeRefresh({ dir: '/w' }), { ok: false, message: NO_ACCOUNTS_MESSAGE, files: [] });
    assert.match(NO_ACCOUNTS_MESSAGE, /"hslist: Connect HubSpot account" or "hslist: Connect Salesforce org"/);
  });
});
