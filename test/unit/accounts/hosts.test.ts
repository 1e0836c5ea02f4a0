// Host matching for credentials: what "the host a token was connected for" means, read as the
// WHATWG URL parser (and so the network) reads it. A mismatch only ever costs a reconnect; a false
// match would send a token to another server, so every doubtful case must come out "different".

import { strict as assert } from 'node:assert';
import {
  describeWantedHost, displayHost, hostMatchesPattern, HUBSPOT_API_URL, isHubSpotHost, isLoopbackHost, isSalesforceHost, originOf, parseServiceUrl, sameHost,
} from '../../../server/src/accounts/hosts';

describe('accounts: hosts a credential is bound to', () => {
  it('the same host whatever the case, default port, trailing slashes or path', () => {
    for (const other of ['https://API.HubAPI.com', 'https://api.hubapi.com/', 'https://api.hubapi.com///', 'https://api.hubapi.com:443', 'HTTPS://api.hubapi.com:443/crm/v3', 'https://api.hubapi.com:0443']) {
      assert.ok(sameHost(HUBSPOT_API_URL, other), other);
    }
    assert.ok(sameHost('http://127.0.0.1:4010', 'http://127.0.0.1:4010/'));
    assert.ok(sameHost('http://localhost', 'http://localhost:80/'));
    // The path is not part of the binding: the same server gets the token whatever path follows.
    assert.ok(sameHost('https://proxy.example/hubspot', 'https://proxy.example/other'));
  });

  it('another scheme or port is another host', () => {
    assert.equal(sameHost('https://api.hubapi.com', 'http://api.hubapi.com'), false);
    assert.equal(sameHost('https://api.hubapi.com', 'https://api.hubapi.com:8443'), false);
    assert.equal(sameHost('http://127.0.0.1:4010', 'http://127.0.0.1:4011'), false);
    assert.equal(sameHost('http://127.0.0.1:80', 'https://127.0.0.1:443'), false);
  });

  it('a name that starts or ends like the real host is another host', () => {
    for (const other of ['https://api.hubapi.com.collector.example', 'https://collector.example/api.hubapi.com', 'https://api.hubapi.com.', 'https://api-hubapi.com', 'https://api.hubapi.co']) {
      assert.equal(sameHost(HUBSPOT_API_URL, other), false, other);
    }
    // Percent-encoding in the host is decoded first: this is collector.example's subdomain, not HubSpot.
    assert.equal(originOf('https://api.hubapi.com%2ecollector.example'), 'https://api.hubapi.com.collector.example');
  });

  it('user info before "@" is refused: the host after it is where a request would go', () => {
    for (const url of ['https://api.hubapi.com@collector.example', 'https://user:secret@api.hubapi.com', 'https://:pw@api.hubapi.com']) {
      const parsed = parseServiceUrl(url);
      assert.ok('error' in parsed, url);
      assert.match(parsed.error, /user name or password before "@"/);
      assert.equal(parsed.error.includes('secret'), false, 'the message never repeats the URL');
      assert.equal(sameHost(HUBSPOT_API_URL, url), false, url);
    }
    // A backslash is a path separator for http(s): the host is collector.example, and "@…" is path.
    assert.equal(originOf('https://collector.example\\@api.hubapi.com'), 'https://collector.example');
    assert.equal(sameHost(HUBSPOT_API_URL, 'https://collector.example\\@api.hubapi.com'), false);
  });

  it('international names compare as punycode, the form the network uses, and messages show that form', () => {
    assert.ok(sameHost('https://bücher.example', 'https://xn--bcher-kva.example/'));
    assert.ok(sameHost('https://BÜCHER.example', 'https://bücher.example'));
    // Full-width letters map to ASCII under IDNA: this is api.hubapi.com itself.
    assert.ok(sameHost('https://ａｐｉ.hubapi.com', HUBSPOT_API_URL));
    // A Cyrillic "а" is another name, and shows as punycode so it cannot pass for the real one.
    assert.equal(sameHost('https://\u0430pi.hubapi.com', HUBSPOT_API_URL), false);
    assert.match(displayHost('https://\u0430pi.hubapi.com'), /^xn--/);
  });

  it('numeric hosts compare as the addresses they are', () => {
    assert.ok(sameHost('http://127.1:4010', 'http://127.0.0.1:4010'));
    assert.ok(sameHost('http://0x7f.0.0.1:4010', 'http://127.0.0.1:4010'));
    assert.ok(sameHost('http://[::1]:4010', 'http://[0:0:0:0:0:0:0:1]:4010'));
  });

  it('refuses what is no place to send a token: other schemes, queries, fragments, non-URLs', () => {
    const cases: [string, RegExp][] = [
      ['ftp://api.hubapi.com', /must start with https:\/\//],
      ['file:///etc/passwd', /must start with https:\/\//],
      ['https://api.hubapi.com/?x=1', /query \(\?\) or a fragment/],
      ['https://api.hubapi.com/#x', /query \(\?\) or a fragment/],
      ['api.hubapi.com', /is not a URL/],
      ['', /is not a URL/],
      ['https://a b.example', /is not a URL/],
    ];
    for (const [url, message] of cases) {
      const parsed = parseServiceUrl(url);
      assert.ok('error' in parsed, url);
      assert.match(parsed.error, message, url);
      assert.equal(sameHost(url, url), false, `an invalid URL matches nothing, not even itself: ${url}`);
    }
  });

  it('normalises the URL to call: the origin and the path without trailing slashes', () => {
    assert.deepEqual(parseServiceUrl(' HTTPS://API.HubAPI.com:443/ '), { url: 'https://api.hubapi.com', origin: 'https://api.hubapi.com' });
    assert.deepEqual(parseServiceUrl('https://proxy.example/hubspot/'), { url: 'https://proxy.example/hubspot', origin: 'https://proxy.example' });
  });

  it('names hosts in messages with the scheme when it is not https', () => {
    assert.equal(displayHost('https://api.hubapi.com/crm'), 'api.hubapi.com');
    assert.equal(displayHost('http://127.0.0.1:4010/'), 'http://127.0.0.1:4010');
    assert.equal(displayHost('https://acme.my.salesforce.com:8443'), 'acme.my.salesforce.com:8443');
    assert.equal(displayHost('nonsense'), 'an invalid URL');
    assert.equal(describeWantedHost({ url: HUBSPOT_API_URL, from: 'default' }), 'api.hubapi.com');
    assert.equal(describeWantedHost({ url: 'https://collector.example', from: 'hslist.json hubspot.baseUrl' }), 'collector.example (hslist.json hubspot.baseUrl)');
  });

  it('*.my.salesforce.com matches one or more labels under it, https on the default port only', () => {
    for (const url of ['https://acme.my.salesforce.com', 'https://ACME.my.salesforce.com/', 'https://acme--dev.sandbox.my.salesforce.com', 'https://acme.my.salesforce.com:443']) {
      assert.ok(hostMatchesPattern(url, '*.my.salesforce.com'), url);
    }
    for (const url of ['https://my.salesforce.com', 'https://acme.my.salesforce.com.collector.example', 'https://acmemy.salesforce.com',
      'http://acme.my.salesforce.com', 'https://acme.my.salesforce.com:8443', 'https://acme.my.salesforce.com@collector.example',
      'https://collector.example/acme.my.salesforce.com', 'https://acme.my.salesforce.com.', 'https://.my.salesforce.com']) {
      assert.equal(hostMatchesPattern(url, '*.my.salesforce.com'), false, url);
    }
    assert.ok(hostMatchesPattern('https://login.salesforce.com', 'login.salesforce.com'));
    assert.equal(hostMatchesPattern('https://x.login.salesforce.com', 'login.salesforce.com'), false);
  });

  it('knows the services\' own hosts and this machine', () => {
    assert.ok(isHubSpotHost(HUBSPOT_API_URL) && isHubSpotHost('https://api-eu1.hubapi.com'));
    assert.equal(isHubSpotHost('https://hubapi.com.collector.example'), false);
    assert.ok(isSalesforceHost('https://acme.my.salesforce.com') && isSalesforceHost('https://login.salesforce.com') && isSalesforceHost('https://test.salesforce.com'));
    assert.equal(isSalesforceHost('https://salesforce.com.collector.example'), false);
    for (const url of ['http://127.0.0.1:4010', 'http://127.9.9.9', 'http://localhost:3000', 'http://[::1]:80']) assert.ok(isLoopbackHost(url), url);
    for (const url of ['http://127.0.0.1.collector.example', 'http://localhost.collector.example', 'http://10.0.0.1', 'https://api.hubapi.com']) assert.equal(isLoopbackHost(url), false, url);
  });
});
