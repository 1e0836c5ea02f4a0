// The client's answer when the server asks for the HubSpot connection: the token and base URL, or a
// sentence naming the command that connects an account / the trace setting that would copy the token.

import { strict as assert } from 'node:assert';
import { connectionAnswer, describeAnswer, traceCopiesMessages } from '../../../client/src/hubspot-connection';

const TOKEN = 'pat-na1-00000000-secret';

describe('client: HubSpot connection answer', () => {
  it('hands over the stored token and the configured base URL', () => {
    assert.deepEqual(connectionAnswer({ token: TOKEN, baseUrl: 'http://127.0.0.1:4010', trace: 'off' }), { accessToken: TOKEN, baseUrl: 'http://127.0.0.1:4010' });
  });

  it('leaves the base URL out when the setting is empty (HubSpot\'s own API)', () => {
    assert.deepEqual(connectionAnswer({ token: ` ${TOKEN} `, baseUrl: '  ', trace: undefined }), { accessToken: TOKEN });
  });

  it('without a connected account says which command connects one', () => {
    for (const token of [undefined, '', '   ']) {
      const answer = connectionAnswer({ token, baseUrl: 'http://x', trace: 'off' });
      assert.ok('unavailable' in answer);
      assert.match(answer.unavailable, /^no HubSpot account is connected \(run "hslist: Connect HubSpot account"\)$/);
    }
  });

  it('refuses under a compact or verbose trace, which would copy the token to the log', () => {
    for (const trace of ['compact', 'verbose']) {
      const answer = connectionAnswer({ token: TOKEN, baseUrl: undefined, trace });
      assert.ok('unavailable' in answer, trace);
      assert.match(answer.unavailable, /hslist\.trace\.server is "compact" or "verbose"/);
      assert.equal(JSON.stringify(answer).includes(TOKEN), false);
    }
    assert.equal(traceCopiesMessages('messages'), false);
    assert.equal(traceCopiesMessages('off'), false);
    assert.equal('accessToken' in connectionAnswer({ token: TOKEN, baseUrl: undefined, trace: 'messages' }), true);
  });

  it('the log line about an answer never holds the token', () => {
    const line = describeAnswer(connectionAnswer({ token: TOKEN, baseUrl: 'http://127.0.0.1:4010', trace: 'off' }));
    assert.equal(line.includes(TOKEN), false);
    assert.match(line, /token handed over for http:\/\/127\.0\.0\.1:4010/);
    assert.match(describeAnswer({ unavailable: 'No account.' }), /^unavailable: No account\.$/);
  });
});
