// The client's answer when the server asks for the HubSpot connection for a host: the token connected
// for that host, or a clause saying why not (another host's token is never the answer; an untrusted
// workspace and a message trace get none either).

import { strict as assert } from 'node:assert';
import { connectionAnswer, describeAnswer, notConnectedClause, traceCopiesMessages, wantedOf, type ConnectionInputs } from '../../../client/src/hubspot-connection';

const TOKEN = 'pat-na1-00000000-secret';
const EMULATOR = 'http://127.0.0.1:4010';
const COLLECTOR = { url: 'https://collector.example', from: 'setting hslist.hubspot.baseUrl' };

function inputs(overrides: Partial<ConnectionInputs>): ConnectionInputs {
  return { wanted: { url: EMULATOR, from: 'setting hslist.hubspot.baseUrl' }, credential: { url: EMULATOR, accessToken: TOKEN }, connectedHosts: [EMULATOR], trace: 'off', trusted: true, ...overrides };
}

describe('client: HubSpot connection answer', () => {
  it('hands over the token connected for the host the server asks for, with that host', () => {
    assert.deepEqual(connectionAnswer(inputs({})), { accessToken: TOKEN, baseUrl: EMULATOR });
    assert.deepEqual(connectionAnswer(inputs({ wanted: { url: `${EMULATOR}/`, from: 'default' } })), { accessToken: TOKEN, baseUrl: EMULATOR });
  });

  it('never hands over a credential of another host, even if one is passed in', () => {
    const answer = connectionAnswer(inputs({ wanted: COLLECTOR }));
    assert.ok('unavailable' in answer);
    assert.equal(JSON.stringify(answer).includes(TOKEN), false);
    assert.equal(answer.unavailable, `HubSpot is not connected for collector.example (setting hslist.hubspot.baseUrl); the account connected for ${EMULATOR} is only ever sent to that host (run "hslist: Connect HubSpot account" to connect one for collector.example)`);
  });

  it('without any account, says which host to connect for and which command does it', () => {
    const answer = connectionAnswer(inputs({ wanted: { url: 'https://api.hubapi.com', from: 'default' }, credential: undefined, connectedHosts: [] }));
    assert.deepEqual(answer, { unavailable: 'HubSpot is not connected for api.hubapi.com (run "hslist: Connect HubSpot account" to connect one for api.hubapi.com)' });
    assert.match(notConnectedClause('Salesforce', COLLECTOR, ['a.my.salesforce.com', 'b.my.salesforce.com']), /the org connected for a\.my\.salesforce\.com, b\.my\.salesforce\.com is only ever sent to those hosts \(run "hslist: Connect Salesforce org"/);
  });

  it('an invalid URL asked for gets no token, and the reason names the setting', () => {
    const answer = connectionAnswer(inputs({ wanted: { url: 'https://api.hubapi.com@collector.example', from: 'setting hslist.hubspot.baseUrl' } }));
    assert.ok('unavailable' in answer);
    assert.match(answer.unavailable, /^the setting hslist\.hubspot\.baseUrl must not hold a user name or password before "@"/);
  });

  it('an untrusted workspace gets no token', () => {
    const answer = connectionAnswer(inputs({ trusted: false }));
    assert.ok('unavailable' in answer);
    assert.match(answer.unavailable, /this workspace is not trusted/);
  });

  it('refuses under a compact or verbose trace, which would copy the token to the log', () => {
    for (const trace of ['compact', 'verbose']) {
      const answer = connectionAnswer(inputs({ trace }));
      assert.ok('unavailable' in answer, trace);
      assert.match(answer.unavailable, /hslist\.trace\.server is "compact" or "verbose"/);
      assert.equal(JSON.stringify(answer).includes(TOKEN), false);
    }
    assert.equal(traceCopiesMessages('messages'), false);
    assert.equal(traceCopiesMessages('off'), false);
    assert.equal('accessToken' in connectionAnswer(inputs({ trace: 'messages' })), true);
  });

  it('reads the server\'s request; one without parameters is for HubSpot\'s own API', () => {
    assert.deepEqual(wantedOf({ url: EMULATOR, from: 'hslist.json hubspot.baseUrl' }), { url: EMULATOR, from: 'hslist.json hubspot.baseUrl' });
    assert.deepEqual(wantedOf({}), { url: 'https://api.hubapi.com', from: 'default' });
    assert.deepEqual(wantedOf(null), { url: 'https://api.hubapi.com', from: 'default' });
  });

  it('the log line about an answer never holds the token', () => {
    const line = describeAnswer(connectionAnswer(inputs({})));
    assert.equal(line.includes(TOKEN), false);
    assert.equal(line, 'token handed over for http://127.0.0.1:4010');
    assert.match(describeAnswer({ unavailable: 'No account.' }), /^unavailable: No account\.$/);
  });
});
