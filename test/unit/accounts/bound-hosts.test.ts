// The CLI's host rule on its own: which line a command prints before calling, and when it refuses.
// (test/unit/cli/hosts.test.ts runs the commands against emulators.)

import { strict as assert } from 'node:assert';
import { checkAccountHosts, checkHubSpotHost, checkSalesforceHost } from '../../../server/src/accounts/bound-hosts';

describe('accounts: hosts of credentials from the environment', () => {
  it('HubSpot without a base URL calls api.hubapi.com; with one, that host', () => {
    assert.deepEqual(checkHubSpotHost({ accessToken: 'pat' }, {}, 'hslist.json'), { line: 'HubSpot: api.hubapi.com' });
    assert.deepEqual(checkHubSpotHost({ accessToken: 'pat', baseUrl: 'http://127.0.0.1:4010' }, { hubspotBaseUrl: 'http://127.0.0.1:4010/' }, 'hslist.json'), { line: 'HubSpot: http://127.0.0.1:4010' });
    assert.deepEqual(checkHubSpotHost({ accessToken: 'pat' }, { hubspotBaseUrl: 'https://API.hubapi.com' }, 'hslist.json'), { line: 'HubSpot: api.hubapi.com' });
  });

  it('names the variables of a deployment target in its refusal', () => {
    const check = checkHubSpotHost({ accessToken: 'pat' }, { hubspotBaseUrl: 'https://collector.example' }, 'hslist.json', { token: 'HSLIST_PROD_HUBSPOT_TOKEN', baseUrl: 'HSLIST_PROD_HUBSPOT_BASE_URL' });
    assert.ok('problem' in check);
    assert.match(check.problem, /the token in HSLIST_PROD_HUBSPOT_TOKEN was not given for that host: HSLIST_PROD_HUBSPOT_BASE_URL is not set, so it is for api\.hubapi\.com\. The token is not sent to collector\.example\./);
  });

  it('Salesforce: a session calls its instance; a login calls the login host (hslist.json\'s instance is never used for it)', () => {
    assert.deepEqual(checkSalesforceHost({ instanceUrl: 'https://acme.my.salesforce.com', accessToken: 't' }, {}, 'hslist.json'), { line: 'Salesforce: acme.my.salesforce.com' });
    const login = { loginUrl: 'https://login.salesforce.com', clientId: 'c', clientSecret: 's', username: 'u', password: 'p' };
    assert.deepEqual(checkSalesforceHost(login, { salesforceInstanceUrl: 'https://collector.example' }, 'hslist.json'), { line: 'Salesforce: login.salesforce.com (login)' });
    const other = checkSalesforceHost({ instanceUrl: 'https://acme.my.salesforce.com', accessToken: 't' }, { salesforceInstanceUrl: 'https://acme.my.salesforce.com.collector.example' }, 'hslist.json');
    assert.ok('problem' in other);
    assert.match(other.problem, /names the Salesforce org at acme\.my\.salesforce\.com\.collector\.example \(salesforce\.instanceUrl\), but the session in HSLIST_SF_ACCESS_TOKEN is for acme\.my\.salesforce\.com/);
  });

  it('sandbox tokens go to loopback hosts only', () => {
    const hubspot = checkHubSpotHost({ accessToken: 'hslist-sandbox-hubspot-token', baseUrl: 'https://collector.example' }, {}, 'hslist.json');
    assert.ok('problem' in hubspot);
    const salesforce = checkSalesforceHost({ instanceUrl: 'https://acme.my.salesforce.com', accessToken: 'hslist-sandbox-salesforce-token' }, {}, 'hslist.json');
    assert.ok('problem' in salesforce);
    assert.deepEqual(checkHubSpotHost({ accessToken: 'hslist-sandbox-hubspot-token', baseUrl: 'http://127.0.0.1:4010' }, {}, 'hslist.json'), { line: 'HubSpot: http://127.0.0.1:4010' });
  });

  it('both sides together: the lines of the ones that may be called, the refusals of the others', () => {
    const result = checkAccountHosts(
      { hubspot: { accessToken: 'pat' }, salesforce: { instanceUrl: 'https://acme.my.salesforce.com', accessToken: 't' } },
      { hubspotBaseUrl: 'https://collector.example' },
      'hslist.json',
    );
    assert.deepEqual(result.lines, ['Salesforce: acme.my.salesforce.com']);
    assert.equal(result.problems.length, 1);
  });
});
