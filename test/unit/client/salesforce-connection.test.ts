// The client's answer when the server asks for the Salesforce session to read the org: the session
// connected for the instance the workspace names (or, when it names none, the one connected last), or a
// clause saying why not. Another host's session is never the answer; an untrusted workspace and a message
// trace get none either.

import { strict as assert } from 'node:assert';
import { describeSalesforceAnswer, salesforceConnectionAnswer, TRACE_WOULD_COPY_SESSION, wantedInstanceOf, type SalesforceConnectionInputs } from '../../../client/src/salesforce-connection';
import { UNTRUSTED } from '../../../client/src/hubspot-connection';

const SESSION = '00D5g000004hSlS!AQ-client-session';
const ORG = 'https://acme.my.salesforce.com';
const WANTED = { url: ORG, from: 'hslist.json salesforce.instanceUrl' };

function inputs(overrides: Partial<SalesforceConnectionInputs>): SalesforceConnectionInputs {
  return { wanted: WANTED, session: { instanceUrl: ORG, accessToken: SESSION }, connectedHosts: ['acme.my.salesforce.com'], trace: 'off', trusted: true, ...overrides };
}

describe('client: Salesforce session answer', () => {
  it('hands over the session connected for the instance asked for, with its instance', () => {
    assert.deepEqual(salesforceConnectionAnswer(inputs({})), { instanceUrl: ORG, accessToken: SESSION });
  });

  it('without a named instance, the org connected last is the answer; without any org, a clause naming the command', () => {
    assert.deepEqual(salesforceConnectionAnswer(inputs({ wanted: undefined })), { instanceUrl: ORG, accessToken: SESSION });
    assert.deepEqual(salesforceConnectionAnswer(inputs({ wanted: undefined, session: undefined, connectedHosts: [] })), { unavailable: 'no Salesforce org is connected (run "hslist: Connect Salesforce org")' });
  });

  it('never hands over a session of another host, even if one is passed in', () => {
    const answer = salesforceConnectionAnswer(inputs({ wanted: { url: 'https://collector.example', from: 'setting hslist.salesforce.instanceUrl' } }));
    assert.ok('unavailable' in answer);
    assert.equal(JSON.stringify(answer).includes(SESSION), false);
    assert.match(answer.unavailable, /^Salesforce is not connected for collector\.example \(setting hslist\.salesforce\.instanceUrl\); the org connected for acme\.my\.salesforce\.com is only ever sent to that host/);
  });

  it('an untrusted workspace, a message trace or an invalid URL gets no session', () => {
    assert.deepEqual(salesforceConnectionAnswer(inputs({ trusted: false })), { unavailable: UNTRUSTED });
    assert.deepEqual(salesforceConnectionAnswer(inputs({ trace: 'verbose' })), { unavailable: TRACE_WOULD_COPY_SESSION });
    const bad = salesforceConnectionAnswer(inputs({ wanted: { url: 'https://acme.my.salesforce.com@collector.example', from: 'setting hslist.salesforce.instanceUrl' } }));
    assert.ok('unavailable' in bad && bad.unavailable.startsWith('the setting hslist.salesforce.instanceUrl must not hold a user name or password'));
  });

  it('reads the request\'s parameters; the log line names the host, never the session', () => {
    assert.deepEqual(wantedInstanceOf({ url: ORG, from: 'hslist.json salesforce.instanceUrl' }), WANTED);
    assert.equal(wantedInstanceOf({}), undefined);
    const line = describeSalesforceAnswer({ instanceUrl: ORG, accessToken: SESSION }, WANTED);
    assert.equal(line, 'session handed over for acme.my.salesforce.com (asked for acme.my.salesforce.com (hslist.json salesforce.instanceUrl))');
    assert.ok(!line.includes(SESSION));
  });
});
